//! `katapult_tag`: one tag, by its ID.

use crate::datasource::core::shapes::one::One;
use crate::datasource::objects::tag::{COLOR, CREATED_AT, NAME, TAG_OBJECT};

pub static TAG: One = One {
    type_name: "katapult_tag",
    of: &TAG_OBJECT,
    fields: &[NAME, COLOR, CREATED_AT],
    summary: "Looks up one Katapult tag by its ID.",
    hint: "`katapult_tags` lists the organization's tags.",
    ..One::PLAIN
};
