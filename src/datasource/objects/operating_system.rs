//! An operating system, as a disk template names the one it installs;
//! its own endpoints: the operating system, and every one (`LISTED`).

use crate::schema::{Attribute, Kind};

use super::super::core::lookup::Key;
use super::super::core::object::Object;
use super::super::core::pager::ListEndpoint;

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

/// An operating system, read by its ID:
/// `GET /operating_systems/operating_system`. The API reference names no
/// scope for the operating system endpoints.
pub static OPERATING_SYSTEM_OBJECT: Object = Object {
    noun: "operating system",
    plural: "operating systems",
    path: "operating_systems/operating_system",
    key: "operating_system",
    scopes: &[],
    not_found: "operating_system_not_found",
    keys: &[Key::new(
        "id",
        "operating_system[id]",
        "ID",
        "os_DH6P34tVwUGYlcEN",
    )],
};

/// Every operating system: `GET /operating_systems`, every page.
pub const LIST: ListEndpoint = ListEndpoint {
    path: "operating_systems",
    items: "operating_systems",
    per_page: Some("200"),
    noun: "Operating system",
    plural: "operating systems",
    by_id: false,
    paged: true,
};

pub const NAME: Attribute = Attribute::computed(
    "name",
    Kind::String,
    "The operating system's name, e.g. `Ubuntu`.",
);

pub const BADGE_ATTRIBUTE: Attribute = Attribute::computed(
    "badge",
    Kind::Object(BADGE),
    "The operating system's badge image; null when it has none.",
);

/// An operating system as `GET /operating_systems` lists it.
pub const LISTED: &[Attribute] = &[
    Attribute::computed(
        "id",
        Kind::String,
        "The operating system's ID, e.g. `os_DH6P34tVwUGYlcEN`.",
    ),
    NAME,
];
