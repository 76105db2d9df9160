//! `katapult_operating_systems`: every operating system, in the API's order.

use crate::schema::{Attribute, Kind};

use crate::datasource::core::shapes::listed::{Listed, Source};
use crate::datasource::objects::operating_system::{LIST, LISTED, OPERATING_SYSTEM_OBJECT};

pub static OPERATING_SYSTEMS: Listed = Listed {
    type_name: "katapult_operating_systems",
    of: &OPERATING_SYSTEM_OBJECT,
    source: Source::Everything(&LIST),
    list: Attribute::computed(
        "operating_systems",
        Kind::ObjectList(LISTED),
        "Every operating system, in the API's order: its ID and name. \
         `katapult_operating_system` reads one with its badge.",
    ),
    summary: "Lists every operating system Katapult offers.",
    ..Listed::PLAIN
};
