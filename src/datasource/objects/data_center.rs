//! A data center, as objects in it name it.

use crate::schema::{Attribute, Kind};

pub const DATA_CENTER: &[Attribute] = &[
    Attribute::computed(
        "id",
        Kind::String,
        "The data center's ID, e.g. `loc_UUhPmoCbpic6UX0Y`.",
    ),
    Attribute::computed(
        "name",
        Kind::String,
        "The data center's name, e.g. `London`.",
    ),
    Attribute::computed(
        "permalink",
        Kind::String,
        "The data center's permalink, e.g. `uk-lon-01`.",
    ),
];
