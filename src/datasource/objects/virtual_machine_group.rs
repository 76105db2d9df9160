//! A virtual machine group (machines kept apart on different hosts), as a
//! machine's answer nests it.

use crate::schema::{Attribute, Kind};

pub const GROUP: &[Attribute] = &[
    Attribute::computed(
        "id",
        Kind::String,
        "The group's ID, e.g. `vmgrp_DpC6N7LKvFYQiVVd`.",
    ),
    Attribute::computed("name", Kind::String, "The group's name."),
    Attribute::computed(
        "segregate",
        Kind::Bool,
        "Whether the group's machines are kept on different hosts.",
    ),
    Attribute::computed(
        "auto_segregate",
        Kind::Bool,
        "Whether Katapult segregates the group's machines by itself.",
    ),
    Attribute::computed(
        "created_at",
        Kind::Number,
        "When the group was created, as a Unix timestamp in seconds.",
    ),
];
