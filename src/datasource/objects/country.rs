//! A country, whole, as the API nests it in a data center where it gives
//! every field (an object storage account's data center).

use crate::schema::{Attribute, Kind};

pub const COUNTRY: &[Attribute] = &[
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
        "The country's time zone, e.g. `Europe/London`; may be null.",
    ),
    Attribute::computed(
        "eu",
        Kind::Bool,
        "Whether the country is in the European Union.",
    ),
];
