//! `katapult_zone`: one zone, by its ID or its permalink.

use crate::datasource::core::shapes::one::One;
use crate::datasource::objects::zone::{DATA_CENTER, NAME, ZONE_OBJECT};

pub static ZONE: One = One {
    type_name: "katapult_zone",
    of: &ZONE_OBJECT,
    // `id` and `permalink` are its keys.
    fields: &[NAME, DATA_CENTER],
    summary: "Looks up one Katapult zone (a part of a data center virtual machines run in) by \
              its `id` or its `permalink` (exactly one): its name and its data center, with \
              the data center's country.",
    hint: "`katapult_zones` lists every zone.",
    ..One::PLAIN
};
