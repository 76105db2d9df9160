//! A network speed profile (the bandwidth a virtual machine's network
//! interfaces get), as an interface names it.

use crate::schema::{Attribute, Kind};

pub const ID: Attribute = Attribute::computed(
    "id",
    Kind::String,
    "The network speed profile's ID, e.g. `nsp_Y8YS65yTivlCAjIY`.",
);
pub const NAME: Attribute = Attribute::computed(
    "name",
    Kind::String,
    "The network speed profile's name, e.g. `1Gbps`.",
);
pub const PERMALINK: Attribute = Attribute::computed(
    "permalink",
    Kind::String,
    "The network speed profile's permalink, e.g. `1gbps`.",
);
