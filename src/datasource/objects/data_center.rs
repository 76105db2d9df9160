//! A data center: as objects in it name it (`DATA_CENTER`), and as the data
//! center endpoints answer, with its country (`LISTED`).

use crate::schema::{Attribute, Kind};

use super::super::core::lookup::Key;
use super::super::core::object::Object;
use super::super::core::pager::ListEndpoint;

/// A data center, read by its ID or its permalink:
/// `GET /data_centers/data_center`. The API reference lists no scope for
/// the data center endpoints.
pub static DATA_CENTER_OBJECT: Object = Object {
    noun: "data center",
    plural: "data centers",
    path: "data_centers/data_center",
    key: "data_center",
    scopes: &[],
    not_found: "data_center_not_found",
    keys: &[
        Key::new("id", "data_center[id]", "ID", "loc_UUhPmoCbpic6UX0Y"),
        Key::new(
            "permalink",
            "data_center[permalink]",
            "permalink",
            "uk-lon-01",
        ),
    ],
};

pub const ID: Attribute = Attribute::computed(
    "id",
    Kind::String,
    "The data center's ID, e.g. `loc_UUhPmoCbpic6UX0Y`.",
);
pub const NAME: Attribute = Attribute::computed(
    "name",
    Kind::String,
    "The data center's name, e.g. `London`.",
);
pub const PERMALINK: Attribute = Attribute::computed(
    "permalink",
    Kind::String,
    "The data center's permalink, e.g. `uk-lon-01`.",
);

/// A data center's country, as `GET /data_centers` and
/// `GET /data_centers/data_center` nest it.
pub const COUNTRY_FIELDS: &[Attribute] = &[
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
];

pub const COUNTRY: Attribute = Attribute::computed(
    "country",
    Kind::Object(COUNTRY_FIELDS),
    "The country the data center is in; null when the API names none.",
);

/// The data center as objects in it name it.
pub const DATA_CENTER: &[Attribute] = &[ID, NAME, PERMALINK];

/// The data center as the data center endpoints answer.
pub const LISTED: &[Attribute] = &[ID, NAME, PERMALINK, COUNTRY];

/// Every data center: `GET /data_centers`, one answer (it does not page).
pub const LIST: ListEndpoint = ListEndpoint {
    path: "data_centers",
    items: "data_centers",
    per_page: None,
    noun: "Data center",
    plural: "data centers",
    by_id: false,
    paged: false,
};
