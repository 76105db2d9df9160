//! `katapult_zones`: every zone, in the API's order.

use crate::schema::{Attribute, Kind};

use crate::datasource::core::shapes::listed::{Listed, Source};
use crate::datasource::objects::zone::{LIST, LISTED, ZONE_OBJECT};

pub static ZONES: Listed = Listed {
    type_name: "katapult_zones",
    of: &ZONE_OBJECT,
    source: Source::Everything(&LIST),
    list: Attribute::computed(
        "zones",
        Kind::ObjectList(LISTED),
        "Every zone, in the API's order: its ID, name, permalink and data center. \
         `katapult_zone` reads one with its data center's country.",
    ),
    summary: "Lists every Katapult zone (one answer: the endpoint does not page).",
    ..Listed::PLAIN
};
