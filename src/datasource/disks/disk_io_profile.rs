//! `katapult_disk_io_profile`: one disk I/O profile of the provider's
//! organization, by `id` or `permalink`. Katapult has no single-profile
//! endpoint: the organization's list is read (every page) and matched
//! exactly, as Katapult's Go provider does.

use crate::datasource::core::lookup::Rule;
use crate::datasource::core::shapes::found::Found;
use crate::datasource::objects::io_profile::{
    DISK_IO_PROFILE_OBJECT, IOPS, LIST, NAME, SPEED_IN_MB,
};

pub static DISK_IO_PROFILE: Found = Found {
    type_name: "katapult_disk_io_profile",
    of: &DISK_IO_PROFILE_OBJECT,
    list: &LIST,
    rule: Rule::ExactlyOne,
    fields: &[NAME, SPEED_IN_MB, IOPS],
    summary: "Looks up one disk I/O profile of the organization by its `id` or its `permalink` \
              (exactly one). A profile limits a disk's throughput and IO operations; use its \
              `id` where a disk's IO profile is asked for.",
    after: None,
};
