//! A country, as the answers that nest a data center with it in full send
//! it (a network's, an IP address's, a virtual network's): every field.
//! `GET /data_centers/data_center` sends less (`data_center::COUNTRY`).

use crate::schema::{Attribute, Kind};

pub const FIELDS: &[Attribute] = &[
    Attribute::computed(
        "id",
        Kind::String,
        "The country's ID, e.g. `ctry_6AO9tYYugvTGnd5b`.",
    ),
    Attribute::computed(
        "name",
        Kind::String,
        "The country's name, e.g. `United Kingdom`.",
    ),
    Attribute::computed(
        "iso_code2",
        Kind::String,
        "The country's two-letter ISO 3166 code, e.g. `GB`.",
    ),
    Attribute::computed(
        "iso_code3",
        Kind::String,
        "The country's three-letter ISO 3166 code, e.g. `GBR`.",
    ),
    Attribute::computed(
        "time_zone",
        Kind::String,
        "The country's time zone, e.g. `Europe/London`; null when Katapult names none.",
    ),
    Attribute::computed(
        "eu",
        Kind::Bool,
        "Whether the country is in the European Union.",
    ),
];

pub const COUNTRY: Attribute = Attribute::computed(
    "country",
    Kind::Object(FIELDS),
    "The country the data center is in; null where the answer leaves it out.",
);
