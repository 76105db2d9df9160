//! `katapult_tags`: every tag of the provider's organization, in the API's
//! order.

use crate::datasource::core::shapes::listed::{Listed, Source};
use crate::datasource::objects::tag::{LIST, LISTED, TAG_OBJECT};
use crate::schema::{Attribute, Kind};

pub static TAGS: Listed = Listed {
    type_name: "katapult_tags",
    of: &TAG_OBJECT,
    source: Source::Organization(&LIST),
    list: Attribute::computed(
        "tags",
        Kind::ObjectList(LISTED),
        "The organization's tags, in the API's order (as in Katapult's Go provider).",
    ),
    summary: "Lists every tag of the organization.",
    ..Listed::PLAIN
};
