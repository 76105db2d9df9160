//! A virtual machine package (a size: CPU cores, memory, storage), as a
//! machine's answer nests it.

use crate::schema::{Attribute, Kind};

const GROUP: &[Attribute] = &[
    Attribute::computed(
        "id",
        Kind::String,
        "The package group's ID, e.g. `vmpkgrp_P5kCZvAtvXRC3sVl`.",
    ),
    Attribute::computed(
        "name",
        Kind::String,
        "The package group's name, e.g. `Standard vCPU`.",
    ),
];

const ICON: &[Attribute] = &[
    Attribute::computed(
        "url",
        Kind::String,
        "Where the icon image can be downloaded.",
    ),
    Attribute::computed("file_name", Kind::String, "The icon image's file name."),
    Attribute::computed("file_type", Kind::String, "The icon image's MIME type."),
    Attribute::computed("file_size", Kind::Number, "The icon image's size in bytes."),
    Attribute::computed("digest", Kind::String, "The icon image's digest."),
    Attribute::computed("token", Kind::String, "The icon image's token."),
];

/// A package, whole.
pub const PACKAGE: &[Attribute] = &[
    Attribute::computed(
        "id",
        Kind::String,
        "The package's ID, e.g. `vmpkg_Eh5LYVKScVHpj7sM`.",
    ),
    Attribute::computed("name", Kind::String, "The package's name, e.g. `ROCK-3`."),
    Attribute::computed(
        "permalink",
        Kind::String,
        "The package's permalink, e.g. `rock-3`.",
    ),
    Attribute::computed(
        "cpu_cores",
        Kind::Number,
        "The number of CPU cores the package gives.",
    ),
    Attribute::computed(
        "ipv4_addresses",
        Kind::Number,
        "The number of IPv4 addresses the package includes.",
    ),
    Attribute::computed(
        "memory_in_gb",
        Kind::Number,
        "The memory the package gives, in GB.",
    ),
    Attribute::computed(
        "storage_in_gb",
        Kind::Number,
        "The storage the package includes, in GB.",
    ),
    Attribute::computed(
        "monthly_bandwidth_allowance_in_gb",
        Kind::Number,
        "The monthly bandwidth the package includes, in GB; null when unlimited.",
    ),
    Attribute::computed(
        "privacy",
        Kind::String,
        "Who may use the package, e.g. `public`.",
    ),
    Attribute::computed(
        "icon",
        Kind::Object(ICON),
        "The package's icon image; null when it has none.",
    ),
    Attribute::computed(
        "use_dedicated_cpus",
        Kind::Bool,
        "Whether the package's CPU cores are dedicated to the machine.",
    ),
    Attribute::computed(
        "group",
        Kind::Object(GROUP),
        "The group the package is listed under.",
    ),
];
