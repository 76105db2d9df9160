//! A zone (a part of a data center a virtual machine runs in), as a
//! machine's answer and the organization's machine list nest it (`ZONE`);
//! its own endpoints: the zone, and every zone (`LISTED`).

use crate::schema::{Attribute, Kind};

use super::super::core::lookup::Key;
use super::super::core::object::Object;
use super::super::core::pager::ListEndpoint;
use super::data_center;
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

/// A zone, read by its ID or its permalink: `GET /zones/zone`. The API
/// reference names no scope for the zone endpoints.
pub static ZONE_OBJECT: Object = Object {
    noun: "zone",
    plural: "zones",
    path: "zones/zone",
    key: "zone",
    scopes: &[],
    not_found: "zone_not_found",
    keys: &[
        Key::new("id", "zone[id]", "ID", "zone_7Uuz6wzE17ZShh8f"),
        Key::new("permalink", "zone[permalink]", "permalink", "lon-zone-1"),
    ],
};

/// Every zone: `GET /zones`, one answer (the API reference gives it no
/// pages).
pub const LIST: ListEndpoint = ListEndpoint {
    path: "zones",
    items: "zones",
    per_page: None,
    noun: "Zone",
    plural: "zones",
    by_id: false,
    paged: false,
};

pub const NAME: Attribute =
    Attribute::computed("name", Kind::String, "The zone's name, e.g. `LON-1`.");

/// The zone's data center as `GET /zones/zone` nests it, with its country.
pub const DATA_CENTER: Attribute = Attribute::computed(
    "data_center",
    Kind::Object(IN_DATA_CENTER),
    "The data center the zone is in, with its country.",
);

/// A zone as `GET /zones` lists it: its data center without a country.
pub const LISTED: &[Attribute] = &[
    Attribute::computed(
        "id",
        Kind::String,
        "The zone's ID, e.g. `zone_7Uuz6wzE17ZShh8f`.",
    ),
    NAME,
    Attribute::computed(
        "permalink",
        Kind::String,
        "The zone's permalink, e.g. `lon-zone-1`; null when it has none.",
    ),
    Attribute::computed(
        "data_center",
        Kind::Object(data_center::DATA_CENTER),
        "The data center the zone is in: its ID, name and permalink.",
    ),
];
