//! `katapult_operating_system`: one operating system, by its ID.

use crate::datasource::core::shapes::one::One;
use crate::datasource::objects::operating_system::{
    BADGE_ATTRIBUTE, NAME, OPERATING_SYSTEM_OBJECT,
};

pub static OPERATING_SYSTEM: One = One {
    type_name: "katapult_operating_system",
    of: &OPERATING_SYSTEM_OBJECT,
    fields: &[NAME, BADGE_ATTRIBUTE],
    summary: "Looks up one operating system by its `id`: its name and its badge image.",
    hint: "`katapult_operating_systems` lists every operating system.",
    ..One::PLAIN
};
