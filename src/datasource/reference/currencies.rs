//! `katapult_currencies`: every currency, in the API's order.

use crate::schema::{Attribute, Kind};

use crate::datasource::core::shapes::listed::{Listed, Source};
use crate::datasource::objects::currency::{CURRENCY_OBJECT, LIST, LISTED};

pub static CURRENCIES: Listed = Listed {
    type_name: "katapult_currencies",
    of: &CURRENCY_OBJECT,
    source: Source::Everything(&LIST),
    list: Attribute::computed(
        "currencies",
        Kind::ObjectList(LISTED),
        "Every currency, in the API's order: its ID and name.",
    ),
    summary: "Lists every currency Katapult knows.",
    ..Listed::PLAIN
};
