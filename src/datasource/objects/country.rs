//! A country, as the answers that nest a data center with it in full send
//! it (a network's, an IP address's, a virtual network's): every field.
//! `GET /data_centers/data_center` sends less (`data_center::COUNTRY`).
//! Its own endpoints: the country, every country, a country's states.

use crate::schema::{Attribute, Kind};

use super::super::core::lookup::Key;
use super::super::core::object::Object;
use super::super::core::pager::ListEndpoint;

/// A country, read by its ID or its ISO codes: `GET /countries/country`.
/// The API reference names no scope for the country endpoints.
pub static COUNTRY_OBJECT: Object = Object {
    noun: "country",
    plural: "countries",
    path: "countries/country",
    key: "country",
    scopes: &[],
    not_found: "country_not_found",
    keys: &[
        Key::new("id", "country[id]", "ID", "ctry_6AO9tYYugvTGnd5b"),
        Key::new(
            "iso_code2",
            "country[iso_code2]",
            "two-letter ISO code",
            "GB",
        ),
    ],
};

/// Every country: `GET /countries`, every page.
pub const LIST: ListEndpoint = ListEndpoint {
    path: "countries",
    items: "countries",
    per_page: Some("200"),
    noun: "Country",
    plural: "countries",
    by_id: false,
    paged: true,
};

/// A country as `GET /countries` lists it.
pub const LISTED: &[Attribute] = &[ID, NAME];

/// A country's states: `GET /countries/country/country_states`, every page.
pub const STATES: ListEndpoint = ListEndpoint {
    path: "countries/country/country_states",
    items: "country_states",
    per_page: Some("200"),
    noun: "Country state",
    plural: "country states",
    by_id: false,
    paged: true,
};

/// A state as a country's list names it.
pub const STATE: &[Attribute] = &[
    Attribute::computed(
        "id",
        Kind::String,
        "The state's ID, e.g. `ctrst_7Bh3N2Pqzd8VtYkE`.",
    ),
    Attribute::computed("name", Kind::String, "The state's name, e.g. `Scotland`."),
];

pub const ID: Attribute = Attribute::computed(
    "id",
    Kind::String,
    "The country's ID, e.g. `ctry_6AO9tYYugvTGnd5b`.",
);
pub const NAME: Attribute = Attribute::computed(
    "name",
    Kind::String,
    "The country's name, e.g. `United Kingdom`.",
);
pub const ISO_CODE2: Attribute = Attribute::computed(
    "iso_code2",
    Kind::String,
    "The country's two-letter ISO 3166 code, e.g. `GB`.",
);
pub const ISO_CODE3: Attribute = Attribute::computed(
    "iso_code3",
    Kind::String,
    "The country's three-letter ISO 3166 code, e.g. `GBR`.",
);
pub const TIME_ZONE: Attribute = Attribute::computed(
    "time_zone",
    Kind::String,
    "The country's time zone, e.g. `Europe/London`; null when Katapult names none.",
);
pub const EU: Attribute = Attribute::computed(
    "eu",
    Kind::Bool,
    "Whether the country is in the European Union.",
);

/// Every field, as the answers that nest a country in full send it.
pub const FIELDS: &[Attribute] = &[ID, NAME, ISO_CODE2, ISO_CODE3, TIME_ZONE, EU];

pub const COUNTRY: Attribute = Attribute::computed(
    "country",
    Kind::Object(FIELDS),
    "The country the data center is in; null where the answer leaves it out.",
);
