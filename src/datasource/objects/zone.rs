//! A zone (a part of a data center a virtual machine runs in), as a
//! machine's answer and the organization's machine list nest it.

use crate::schema::{Attribute, Kind};

use super::network::IN_DATA_CENTER;

pub const ZONE: &[Attribute] = &[
    Attribute::computed(
        "id",
        Kind::String,
        "The zone's ID, e.g. `zone_7Uuz6wzE17ZShh8f`.",
    ),
    Attribute::computed("name", Kind::String, "The zone's name, e.g. `LON-1`."),
    Attribute::computed(
        "permalink",
        Kind::String,
        "The zone's permalink, e.g. `lon-zone-1`; null when it has none.",
    ),
    Attribute::computed(
        "data_center",
        Kind::Object(IN_DATA_CENTER),
        "The data center the zone is in, with its country (null in the organization's machine \
         list, which leaves the country out).",
    ),
];
