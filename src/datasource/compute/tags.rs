//! `katapult_tags`: every tag of the provider's organization, through
//! `GET /organizations/organization/tags` (every page), in the API's order.

use std::sync::OnceLock;

use crate::schema::{Attribute, Block, Kind};

use crate::datasource::core::reads::{OrganizationUse, Reads};
use crate::datasource::core::shapes::listed::{ListId, Listed, Source};
use crate::datasource::core::timeouts::TIMEOUTS;
use crate::datasource::objects::tag::{LIST, LISTED};

pub static TAGS: Listed = Listed {
    type_name: "katapult_tags",
    schema: &SCHEMA,
    reads: &READS,
    source: Source::Organization(&LIST),
    filters: &[],
    attribute: "tags",
    items: LISTED,
    id: ListId::None,
};

static READS: Reads = Reads {
    what: "tags",
    scopes: &["tags", "tags:read"],
    organization: OrganizationUse::Needed,
    data_center: None,
};

static SCHEMA: Block = Block {
    description: "Lists every tag of the organization named by the provider's `organization` \
                  (or `KATAPULT_ORGANIZATION`), through \
                  `GET /core/v1/organizations/organization/tags`, following every page. Needs an \
                  API token with the `tags` or `tags:read` scope.",
    attributes: &[Attribute::computed(
        "tags",
        Kind::ObjectList(LISTED),
        "The organization's tags, in the API's order (as in Katapult's Go provider).",
    )],
    blocks: &[TIMEOUTS],
    type_cache: OnceLock::new(),
};
