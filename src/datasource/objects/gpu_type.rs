//! A GPU type, as a virtual machine's answer names it (`GPU_TYPE`, and in
//! each GPU with the data centers that have it: `WITH_DATA_CENTERS`) and as
//! the organization's machine list does (`LISTED`).

use crate::schema::{Attribute, Kind};

use super::network::IN_DATA_CENTER;

const ID: Attribute = Attribute::computed("id", Kind::String, "The GPU type's ID.");
const NAME: Attribute = Attribute::computed("name", Kind::String, "The GPU type's name.");
const PERMALINK: Attribute =
    Attribute::computed("permalink", Kind::String, "The GPU type's permalink.");
const MANUFACTURER: Attribute =
    Attribute::computed("manufacturer", Kind::String, "The GPU type's manufacturer.");
const MEMORY_IN_GB: Attribute = Attribute::computed(
    "memory_in_gb",
    Kind::Number,
    "The GPU type's memory, in GB.",
);
const MEMORY_TYPE: Attribute = Attribute::computed(
    "memory_type",
    Kind::String,
    "The GPU type's kind of memory.",
);

pub const GPU_TYPE: &[Attribute] = &[ID, NAME, MANUFACTURER, MEMORY_IN_GB, MEMORY_TYPE, PERMALINK];

pub const WITH_DATA_CENTERS: &[Attribute] = &[
    ID,
    NAME,
    MANUFACTURER,
    MEMORY_IN_GB,
    MEMORY_TYPE,
    PERMALINK,
    Attribute::computed(
        "data_centers",
        Kind::ObjectList(IN_DATA_CENTER),
        "The data centers that have GPUs of this type; may be null.",
    ),
];

pub const LISTED: &[Attribute] = &[ID, NAME, PERMALINK];
