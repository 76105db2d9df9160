//! An SSH key of an organization (one its members may put on the virtual
//! machines it builds), as the organization's list names it.

use crate::schema::{Attribute, Kind};

use super::super::core::object::Object;
use super::super::core::pager::ListEndpoint;

/// The organization's SSH keys. Katapult has no endpoint for one key: the
/// object is the list's, so its `not_found` names nothing any read meets
/// (the list's own "not found" is the organization's); the API reference
/// names no scope for it.
pub static SSH_KEY_OBJECT: Object = Object {
    noun: "SSH key",
    plural: "SSH keys",
    path: "organizations/organization/ssh_keys",
    key: "ssh_key",
    scopes: &[],
    not_found: "ssh_key_not_found",
    keys: &[],
};

/// An SSH key as the list names it (`AuthSSHKey`).
pub const SSH_KEY: &[Attribute] = &[
    Attribute::computed(
        "id",
        Kind::String,
        "The SSH key's ID, e.g. `key_Xw3nBq5YzJm8Kp2L`.",
    ),
    Attribute::computed("name", Kind::String, "The SSH key's name, e.g. `deploy`."),
    Attribute::computed(
        "fingerprint",
        Kind::String,
        "The public key's fingerprint, as Katapult shows it.",
    ),
];

/// The organization's SSH keys: `GET /organizations/organization/ssh_keys`.
pub const LIST: ListEndpoint = ListEndpoint {
    path: "organizations/organization/ssh_keys",
    items: "ssh_keys",
    per_page: Some("200"),
    noun: "SSH key",
    plural: "SSH keys",
    by_id: false,
    paged: true,
};
