//! A trash object: something deleted, kept until a time before it is gone
//! for good; and the organization's trash.

use crate::schema::{Attribute, Kind};

use super::super::core::lookup::Key;
use super::super::core::object::Object;
use super::super::core::pager::ListEndpoint;

/// A trash object, read by its ID or the ID of the object trashed:
/// `GET /trash_objects/trash_object`.
pub static TRASH_OBJECT_OBJECT: Object = Object {
    noun: "trash object",
    plural: "trash objects",
    path: "trash_objects/trash_object",
    key: "trash_object",
    scopes: &["trash_objects:read"],
    not_found: "trash_object_not_found",
    keys: &[
        Key::new("id", "trash_object[id]", "ID", "trsh_hkW1SMq0Bn8yNrRx"),
        Key::new(
            "object_id",
            "trash_object[object_id]",
            "object ID",
            "vm_KTKc6pwFxLjJ40QY",
        ),
    ],
};

/// The organization's trash: `GET /organizations/organization/trash_objects`.
pub const LIST: ListEndpoint = ListEndpoint {
    path: "organizations/organization/trash_objects",
    items: "trash_objects",
    per_page: Some("200"),
    noun: "Trash object",
    plural: "trash objects",
    by_id: false,
    paged: true,
};

pub const ID: Attribute = Attribute::computed(
    "id",
    Kind::String,
    "The trash object's ID, e.g. `trsh_hkW1SMq0Bn8yNrRx`.",
);
pub const KEEP_UNTIL: Attribute = Attribute::computed(
    "keep_until",
    Kind::Number,
    "When the object is gone for good unless restored, as a Unix timestamp in seconds.",
);
pub const OBJECT_ID: Attribute = Attribute::computed(
    "object_id",
    Kind::String,
    "The ID of the object trashed, e.g. `vm_KTKc6pwFxLjJ40QY`.",
);
pub const OBJECT_TYPE: Attribute = Attribute::computed(
    "object_type",
    Kind::String,
    "The kind of object trashed, e.g. `VirtualMachine` or `Disk`.",
);

/// Every field, as both endpoints send it.
pub const FIELDS: &[Attribute] = &[ID, KEEP_UNTIL, OBJECT_ID, OBJECT_TYPE];
