//! An annotation: a key/value pair Katapult keeps on many objects.

use crate::schema::{Attribute, Kind};

pub const ANNOTATION: &[Attribute] = &[
    Attribute::computed("key", Kind::String, "The annotation's key."),
    Attribute::computed("value", Kind::String, "The annotation's value."),
];
