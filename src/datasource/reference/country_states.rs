//! `katapult_country_states`: a country's states, by the country's ID.

use crate::schema::{Attribute, Kind};

use crate::datasource::core::lookup::Key;
use crate::datasource::core::shapes::listed::{Listed, Source};
use crate::datasource::objects::country::{COUNTRY_OBJECT, STATE, STATES};

pub static COUNTRY_STATES: Listed = Listed {
    type_name: "katapult_country_states",
    of: &COUNTRY_OBJECT,
    source: Source::Of {
        owner: &COUNTRY_OBJECT,
        keys: &[Key::new(
            "country_id",
            "country[id]",
            "ID",
            "ctry_6AO9tYYugvTGnd5b",
        )],
        list: &STATES,
    },
    list: Attribute::computed(
        "country_states",
        Kind::ObjectList(STATE),
        "The country's states, in the API's order: each one's ID and name.",
    ),
    summary: "Lists the states of one country.",
    hint: "`katapult_countries` lists every country.",
    ..Listed::PLAIN
};
