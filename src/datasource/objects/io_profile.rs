//! A disk I/O profile: the limits on a disk's throughput, in a disk's
//! `io_profile` and in its organization's list alike.

use crate::schema::{Attribute, Kind};

use super::super::core::pager::ListEndpoint;

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
