//! `katapult_tag`: one tag, by `id`, through `GET /tags/tag`.

use std::sync::OnceLock;

use crate::schema::{Attribute, Block, Kind};

use super::lookup::{Key, Lookup, Rule};
use super::objects::tag::{COLOR, CREATED_AT, NAME};
use super::reads::{OrganizationUse, Reads};
use super::shapes::one::One;
use super::timeouts::TIMEOUTS;

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
