//! An annotation: a key/value pair Katapult keeps on many objects.

use crate::schema::{Attribute, Kind};

pub const ANNOTATION: &[Attribute] = &[
    Attribute::computed("key", Kind::String, "The annotation's key."),
    Attribute::computed("value", Kind::String, "The annotation's value."),
];

/// The filter of a list by annotations (`listed::Filter::Annotations`).
pub const FILTER: Attribute = Attribute::optional(
    "annotations",
    Kind::StringMap,
    "Lists only the objects carrying every one of these annotations, key and value alike \
     (the API's `annotations[]` filter). Leave it out to list them all.",
);
