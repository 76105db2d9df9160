//! `katapult_tag`: one tag, by `id`, through `GET /tags/tag`.

use std::sync::OnceLock;

use crate::schema::{Attribute, Block, Kind};

use crate::datasource::core::lookup::{Key, Lookup, Rule};
use crate::datasource::core::reads::{OrganizationUse, Reads};
use crate::datasource::core::shapes::one::One;
use crate::datasource::core::timeouts::TIMEOUTS;
use crate::datasource::objects::tag::{COLOR, CREATED_AT, NAME};

pub static TAG: One = One {
    type_name: "katapult_tag",
    schema: &SCHEMA,
    reads: &READS,
    lookup: &LOOKUP,
    path: "tags/tag",
    object: "tag",
    beside: &[],
};

static READS: Reads = Reads {
    what: "tags",
    scopes: &["tags", "tags:read"],
    organization: OrganizationUse::Unused,
    data_center: None,
};

static LOOKUP: Lookup = Lookup {
    subject: "tag",
    keys: &[Key {
        attribute: "id",
        parameter: "tag[id]",
        noun: "ID",
    }],
    rule: Rule::ExactlyOne,
    example: Some("tag_d93jtFjsKT9bxwnw"),
    not_found: "tag_not_found",
    hint: "`katapult_tags` lists the organization's tags.",
};

static SCHEMA: Block = Block {
    description: "Looks up one Katapult tag by its ID, through `GET /core/v1/tags/tag`. Needs \
                  an API token with the `tags` or `tags:read` scope.",
    attributes: &[
        Attribute::required(
            "id",
            Kind::String,
            "The tag's ID, e.g. `tag_d93jtFjsKT9bxwnw`.",
        ),
        NAME,
        COLOR,
        CREATED_AT,
    ],
    blocks: &[TIMEOUTS],
    type_cache: OnceLock::new(),
};
