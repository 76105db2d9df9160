//! An operating system, as a disk template names the one it installs.

use crate::schema::{Attribute, Kind};

const BADGE: &[Attribute] = &[
    Attribute::computed(
        "url",
        Kind::String,
        "Where the badge image can be downloaded.",
    ),
    Attribute::computed("file_name", Kind::String, "The badge image's file name."),
    Attribute::computed("file_type", Kind::String, "The badge image's MIME type."),
    Attribute::computed(
        "file_size",
        Kind::Number,
        "The badge image's size in bytes.",
    ),
    Attribute::computed("digest", Kind::String, "The badge image's digest."),
    Attribute::computed("token", Kind::String, "The badge image's token."),
];

pub const OPERATING_SYSTEM: &[Attribute] = &[
    Attribute::computed("id", Kind::String, "The operating system's ID."),
    Attribute::computed(
        "name",
        Kind::String,
        "The operating system's name, e.g. `Ubuntu`.",
    ),
    Attribute::computed(
        "badge",
        Kind::Object(BADGE),
        "The operating system's badge image; null when it has none.",
    ),
];
