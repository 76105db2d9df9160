//! `katapult_countries`: every country Katapult knows, in the API's order.

use crate::schema::{Attribute, Kind};

use crate::datasource::core::shapes::listed::{Listed, Source};
use crate::datasource::objects::country::{COUNTRY_OBJECT, LIST, LISTED};

pub static COUNTRIES: Listed = Listed {
    type_name: "katapult_countries",
    of: &COUNTRY_OBJECT,
    source: Source::Everything(&LIST),
    list: Attribute::computed(
        "countries",
        Kind::ObjectList(LISTED),
        "Every country, in the API's order: its ID and name. `katapult_country` reads one \
         whole (ISO codes, time zone, EU).",
    ),
    summary: "Lists every country Katapult knows.",
    ..Listed::PLAIN
};
