//! `katapult_disks`: every disk of the provider's organization, through
//! `GET /organizations/organization/disks`, page after page, ordered by id;
//! optionally only those with given annotations.

use std::sync::OnceLock;

use crate::schema::{Attribute, Block, Kind};

use crate::datasource::core::reads::{OrganizationUse, Reads};
use crate::datasource::core::shapes::legacy_listed::{LegacyListed, LegacySource};
use crate::datasource::core::shapes::listed::{Filter, ListId};
use crate::datasource::core::timeouts::TIMEOUTS;
use crate::datasource::objects::annotation::FILTER;
use crate::datasource::objects::disk::{LIST, LISTED};

pub static DISKS: LegacyListed = LegacyListed {
    type_name: "katapult_disks",
    schema: &SCHEMA,
    reads: &READS,
    source: LegacySource::Organization(&LIST),
    filters: &[Filter::Annotations],
    attribute: "disks",
    items: LISTED,
    id: ListId::None,
};

static READS: Reads = Reads {
    what: "disks",
    scopes: &["disks", "disks:read"],
    organization: OrganizationUse::Needed,
    data_center: None,
};

static SCHEMA: Block = Block {
    description: "Lists every disk of the organization named by the provider's `organization` \
                  (or `KATAPULT_ORGANIZATION`), or those with given annotations, through \
                  `GET /core/v1/organizations/organization/disks`, following every page. Needs \
                  an API token with the `disks` or `disks:read` scope. For everything Katapult \
                  knows of one disk, use `katapult_disk` with its ID.",
    attributes: &[
        FILTER,
        Attribute::computed(
            "disks",
            Kind::ObjectList(LISTED),
            "The organization's disks, ordered by ID. Should the list change while it is read \
             (a disk created or deleted between two pages), the read starts again, up to twice, \
             so the result is one consistent listing.",
        ),
    ],
    blocks: &[TIMEOUTS],
    type_cache: OnceLock::new(),
};
