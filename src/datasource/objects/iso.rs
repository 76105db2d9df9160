//! An ISO image, as a virtual machine's answer names the one attached to it.

use crate::schema::{Attribute, Kind};

use super::operating_system::OPERATING_SYSTEM;

pub const ISO: &[Attribute] = &[
    Attribute::computed("id", Kind::String, "The ISO image's ID."),
    Attribute::computed("name", Kind::String, "The ISO image's name."),
    Attribute::computed(
        "operating_system",
        Kind::Object(OPERATING_SYSTEM),
        "The operating system the image holds; null when it names none.",
    ),
];
