//! A virtual machine package: the size a machine is built to (CPU cores,
//! memory, storage, IPv4 addresses); and the list of packages.

use crate::schema::{Attribute, Kind};

use super::super::core::lookup::Key;
use super::super::core::object::Object;
use super::super::core::pager::ListEndpoint;

/// A virtual machine package, read by its ID or its permalink:
/// `GET /virtual_machine_packages/virtual_machine_package`. Katapult's Go
/// provider asks for at least one key and, given both, goes by the ID.
pub static VIRTUAL_MACHINE_PACKAGE_OBJECT: Object = Object {
    noun: "virtual machine package",
    plural: "virtual machine packages",
    path: "virtual_machine_packages/virtual_machine_package",
    key: "virtual_machine_package",
    scopes: &["virtual_machine_packages:read"],
    not_found: "package_not_found",
    keys: &[
        Key::new(
            "id",
            "virtual_machine_package[id]",
            "ID",
            "vmpkg_Eh5LYVKScVHpj7sM",
        ),
        Key::new(
            "permalink",
            "virtual_machine_package[permalink]",
            "permalink",
            "rock-3",
        ),
    ],
};

pub const ID: Attribute = Attribute::computed(
    "id",
    Kind::String,
    "The package's ID, e.g. `vmpkg_Eh5LYVKScVHpj7sM`.",
);
pub const NAME: Attribute =
    Attribute::computed("name", Kind::String, "The package's name, e.g. `ROCK-3`.");
pub const PERMALINK: Attribute = Attribute::computed(
    "permalink",
    Kind::String,
    "The package's permalink, e.g. `rock-3`.",
);
pub const CPU_CORES: Attribute =
    Attribute::computed("cpu_cores", Kind::Number, "The number of CPU cores.");
pub const IPV4_ADDRESSES: Attribute = Attribute::computed(
    "ipv4_addresses",
    Kind::Number,
    "The number of IPv4 addresses included.",
);
pub const MEMORY_IN_GB: Attribute =
    Attribute::computed("memory_in_gb", Kind::Number, "The memory, in GB.");
pub const STORAGE_IN_GB: Attribute =
    Attribute::computed("storage_in_gb", Kind::Number, "The storage, in GB.");
pub const MONTHLY_BANDWIDTH: Attribute = Attribute::computed(
    "monthly_bandwidth_allowance_in_gb",
    Kind::Number,
    "The bandwidth included each month, in GB; null where the API gives none (its package \
     list leaves it out).",
);
pub const PRIVACY: Attribute = Attribute::computed(
    "privacy",
    Kind::String,
    "Who may use the package: `public` or `private` (values Katapult adds later are passed \
     through).",
);

const ICON_FIELDS: &[Attribute] = &[
    Attribute::computed(
        "url",
        Kind::String,
        "Where the icon image can be downloaded.",
    ),
    Attribute::computed("file_name", Kind::String, "The icon image's file name."),
    Attribute::computed("file_type", Kind::String, "The icon image's MIME type."),
    Attribute::computed("file_size", Kind::Number, "The icon image's size in bytes."),
    Attribute::computed("digest", Kind::String, "The icon image's digest."),
    Attribute::computed(
        "token",
        Kind::String,
        "The icon attachment's token, the public name its URL carries.",
    ),
];

pub const ICON: Attribute = Attribute::computed(
    "icon",
    Kind::Object(ICON_FIELDS),
    "The package's icon image; null when it has none.",
);
pub const USE_DEDICATED_CPUS: Attribute = Attribute::computed(
    "use_dedicated_cpus",
    Kind::Bool,
    "Whether machines of this package get dedicated CPUs; null where the API leaves it out.",
);

const GROUP_FIELDS: &[Attribute] = &[
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

pub const GROUP: Attribute = Attribute::computed(
    "group",
    Kind::Object(GROUP_FIELDS),
    "The group Katapult files the package under (its `id` and `name`); null where the API \
     leaves it out.",
);

/// A package, as both the package and the list endpoints answer.
pub const PACKAGE: &[Attribute] = &[
    ID,
    NAME,
    PERMALINK,
    CPU_CORES,
    IPV4_ADDRESSES,
    MEMORY_IN_GB,
    STORAGE_IN_GB,
    PRIVACY,
    MONTHLY_BANDWIDTH,
    USE_DEDICATED_CPUS,
    ICON,
    GROUP,
];

/// The public packages: `GET /virtual_machine_packages`, every page at
/// the API's own page size (30), in the API's order, as Katapult's Go
/// provider reads them.
pub const LIST: ListEndpoint = ListEndpoint {
    path: "virtual_machine_packages",
    items: "virtual_machine_packages",
    per_page: None,
    noun: "Virtual machine package",
    plural: "virtual machine packages",
    by_id: false,
    paged: true,
};
