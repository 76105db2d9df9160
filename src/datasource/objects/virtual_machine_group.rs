//! A virtual machine group: machines an organization groups, which Katapult
//! may keep on separate hosts; and the organization's group list.

use crate::schema::{Attribute, Kind};

use super::super::core::lookup::Key;
use super::super::core::object::Object;
use super::super::core::pager::ListEndpoint;

/// A virtual machine group, read by its ID:
/// `GET /virtual_machine_groups/virtual_machine_group`.
pub static VIRTUAL_MACHINE_GROUP_OBJECT: Object = Object {
    noun: "virtual machine group",
    plural: "virtual machine groups",
    path: "virtual_machine_groups/virtual_machine_group",
    key: "virtual_machine_group",
    scopes: &["virtual_machine_groups", "virtual_machine_groups:read"],
    not_found: "virtual_machine_group_not_found",
    keys: &[Key::new(
        "id",
        "virtual_machine_group[id]",
        "ID",
        "vmgrp_Hqwd4Hs7eKaU0nDJ",
    )],
};

pub const ID: Attribute = Attribute::computed(
    "id",
    Kind::String,
    "The virtual machine group's ID, e.g. `vmgrp_Hqwd4Hs7eKaU0nDJ`.",
);
pub const NAME: Attribute =
    Attribute::computed("name", Kind::String, "The virtual machine group's name.");
pub const SEGREGATE: Attribute = Attribute::computed(
    "segregate",
    Kind::Bool,
    "Whether the group's virtual machines are kept on separate host machines.",
);
pub const AUTO_SEGREGATE: Attribute = Attribute::computed(
    "auto_segregate",
    Kind::Bool,
    "The group's `auto_segregate` flag, as the API reports it; null where the API leaves it \
     out (its answers recorded in 2023 do).",
);
pub const CREATED_AT: Attribute = Attribute::computed(
    "created_at",
    Kind::Number,
    "When the group was created, as a Unix timestamp in seconds.",
);

/// A virtual machine group, as both the group and the list endpoints answer.
pub const GROUP: &[Attribute] = &[ID, NAME, SEGREGATE, AUTO_SEGREGATE, CREATED_AT];

/// The organization's groups: `GET /organizations/organization/virtual_machine_groups`,
/// one answer (it does not page), in the API's order.
pub const LIST: ListEndpoint = ListEndpoint {
    path: "organizations/organization/virtual_machine_groups",
    items: "virtual_machine_groups",
    per_page: None,
    noun: "Virtual machine group",
    plural: "virtual machine groups",
    by_id: false,
    paged: false,
};
