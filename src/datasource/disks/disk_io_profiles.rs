//! `katapult_disk_io_profiles`: every disk I/O profile of the provider's
//! organization, through `GET /organizations/organization/disk_io_profiles`
//! (every page), ordered by id as Katapult's Go provider orders them.

use std::sync::OnceLock;

use crate::schema::{Attribute, Block, Kind};

use crate::datasource::core::reads::{OrganizationUse, Reads};
use crate::datasource::core::shapes::legacy_listed::{LegacyListed, LegacySource};
use crate::datasource::core::shapes::listed::ListId;
use crate::datasource::core::timeouts::TIMEOUTS;
use crate::datasource::objects::io_profile::{LIST, PROFILE};

pub static DISK_IO_PROFILES: LegacyListed = LegacyListed {
    type_name: "katapult_disk_io_profiles",
    schema: &SCHEMA,
    reads: &READS,
    source: LegacySource::Organization(&LIST),
    filters: &[],
    attribute: "profiles",
    items: PROFILE,
    id: ListId::None,
};

/// The API reference lists no scope for the profile list.
static READS: Reads = Reads {
    what: "disk I/O profiles",
    scopes: &[],
    organization: OrganizationUse::Needed,
    data_center: None,
};

static SCHEMA: Block = Block {
    description: "Lists every disk I/O profile of the organization named by the provider's \
                  `organization` (or `KATAPULT_ORGANIZATION`), through \
                  `GET /core/v1/organizations/organization/disk_io_profiles`, following every \
                  page.",
    attributes: &[Attribute::computed(
        "profiles",
        Kind::ObjectList(PROFILE),
        "The organization's disk I/O profiles, ordered by ID (as in Katapult's Go provider; the \
         API's own order differs). A profile whose `speed_in_mb` or `iops` is null is unlimited \
         in that respect.",
    )],
    blocks: &[TIMEOUTS],
    type_cache: OnceLock::new(),
};
