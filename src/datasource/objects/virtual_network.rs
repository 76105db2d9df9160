//! A virtual network (a private network of the organization's machines in
//! one data center), as a network interface names it.

use crate::schema::{Attribute, Kind};

pub const ID: Attribute = Attribute::computed(
    "id",
    Kind::String,
    "The virtual network's ID, e.g. `vnet_Pm2Tokrw4bwUlKHV`.",
);
pub const NAME: Attribute = Attribute::computed(
    "name",
    Kind::String,
    "The virtual network's name, e.g. `backbone`.",
);
