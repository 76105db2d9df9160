//! `katapult_disk_io_profiles`: every disk I/O profile of the provider's
//! organization (every page), ordered by id as Katapult's Go provider
//! orders them.

use crate::schema::{Attribute, Kind};

use crate::datasource::core::shapes::listed::{Listed, Source};
use crate::datasource::objects::io_profile::{DISK_IO_PROFILE_OBJECT, LIST, PROFILE};

pub static DISK_IO_PROFILES: Listed = Listed {
    type_name: "katapult_disk_io_profiles",
    of: &DISK_IO_PROFILE_OBJECT,
    source: Source::Organization(&LIST),
    list: Attribute::computed(
        "profiles",
        Kind::ObjectList(PROFILE),
        "The organization's disk I/O profiles, ordered by ID (as in Katapult's Go provider; the \
         API's own order differs). A profile whose `speed_in_mb` or `iops` is null is unlimited \
         in that respect.",
    ),
    summary: "Lists every disk I/O profile of the organization.",
    ..Listed::PLAIN
};
