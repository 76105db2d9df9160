//! A disk I/O profile: the limits on a disk's throughput, in a disk's
//! `io_profile` and in its organization's list alike.

use crate::schema::{Attribute, Kind};

use super::super::core::lookup::Key;
use super::super::core::object::Object;
use super::super::core::pager::ListEndpoint;

/// A disk I/O profile. Katapult serves no single profile: one is found in
/// its organization's list (`LIST`), by a field of the items (each key's
/// parameter). The API reference names no scope for the list. A key's noun
/// is the field's name, as a "not found" names it: "No disk I/O profile
/// with id ...".
pub static DISK_IO_PROFILE_OBJECT: Object = Object {
    noun: "disk I/O profile",
    plural: "disk I/O profiles",
    path: "organizations/organization/disk_io_profiles",
    key: "disk_io_profile",
    scopes: &[],
    not_found: "disk_io_profile_not_found",
    keys: &[
        Key::new("id", "id", "id", "diop_i39iT7k0RYAdQP48"),
        Key::new("permalink", "permalink", "permalink", "unrestricted"),
    ],
};

pub const NAME: Attribute = Attribute::computed(
    "name",
    Kind::String,
    "The IO profile's name, e.g. `Unrestricted`.",
);
pub const SPEED_IN_MB: Attribute = Attribute::computed(
    "speed_in_mb",
    Kind::Number,
    "Throughput limit in MB/s; null means unlimited.",
);
pub const IOPS: Attribute = Attribute::computed(
    "iops",
    Kind::Number,
    "Limit on IO operations per second; null means unlimited.",
);

pub const PROFILE: &[Attribute] = &[
    Attribute::computed(
        "id",
        Kind::String,
        "The IO profile's ID, e.g. `diop_i39iT7k0RYAdQP48`.",
    ),
    NAME,
    Attribute::computed(
        "permalink",
        Kind::String,
        "The IO profile's permalink, e.g. `unrestricted`.",
    ),
    SPEED_IN_MB,
    IOPS,
];

/// The organization's profiles, ordered by id as Katapult's Go provider
/// orders them (the API's own order differs).
pub const LIST: ListEndpoint = ListEndpoint {
    path: "organizations/organization/disk_io_profiles",
    items: "disk_io_profiles",
    per_page: Some("200"),
    noun: "Disk I/O profile",
    plural: "disk I/O profiles",
    by_id: true,
    paged: true,
};
