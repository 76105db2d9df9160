//! A currency Katapult bills in: its own endpoints, the currency and every
//! currency.

use crate::schema::{Attribute, Kind};

use super::super::core::lookup::Key;
use super::super::core::object::Object;
use super::super::core::pager::ListEndpoint;

/// A currency, read by its ID or its ISO code: `GET /currencies/currency`.
/// The API reference names no scope for the currency endpoints.
pub static CURRENCY_OBJECT: Object = Object {
    noun: "currency",
    plural: "currencies",
    path: "currencies/currency",
    key: "currency",
    scopes: &[],
    not_found: "currency_not_found",
    keys: &[
        Key::new("id", "currency[id]", "ID", "cur_PoundSterling0001"),
        Key::new("iso_code", "currency[iso_code]", "ISO code", "GBP"),
    ],
};

/// Every currency: `GET /currencies`, every page.
pub const LIST: ListEndpoint = ListEndpoint {
    path: "currencies",
    items: "currencies",
    per_page: Some("200"),
    noun: "Currency",
    plural: "currencies",
    by_id: false,
    paged: true,
};

/// A currency as `GET /currencies` lists it.
pub const LISTED: &[Attribute] = &[
    Attribute::computed(
        "id",
        Kind::String,
        "The currency's ID, e.g. `cur_PoundSterling0001`.",
    ),
    Attribute::computed(
        "name",
        Kind::String,
        "The currency's name, e.g. `British Pound`.",
    ),
];
