//! An address list: a named list of addresses and networks (an
//! organization's own, or one of Katapult's global ones), its entries, and
//! the three list endpoints: an organization's lists, the global lists, a
//! list's entries.

use crate::schema::{Attribute, Kind};

use super::super::core::lookup::Key;
use super::super::core::object::Object;
use super::super::core::pager::ListEndpoint;

/// An address list, read by its ID: `GET /address_lists/address_list`.
pub static ADDRESS_LIST_OBJECT: Object = Object {
    noun: "address list",
    plural: "address lists",
    path: "address_lists/address_list",
    key: "address_list",
    scopes: &["address_lists", "address_lists:read"],
    not_found: "address_list_not_found",
    keys: &[Key::new(
        "id",
        "address_list[id]",
        "ID",
        "adlst_GVdbAIFaIglppuxg",
    )],
};

/// Katapult's global address lists: the same object, named apart in
/// messages ("cannot read global address lists").
pub static GLOBAL_ADDRESS_LIST_OBJECT: Object = Object {
    noun: "global address list",
    plural: "global address lists",
    ..ADDRESS_LIST_OBJECT
};

/// An entry of an address list, read by its ID:
/// `GET /address_list_entries/address_list_entry`.
pub static ADDRESS_LIST_ENTRY_OBJECT: Object = Object {
    noun: "address list entry",
    plural: "address list entries",
    path: "address_list_entries/address_list_entry",
    key: "address_list_entry",
    scopes: &["address_lists", "address_lists:read"],
    not_found: "address_list_entry_not_found",
    keys: &[Key::new(
        "id",
        "address_list_entry[id]",
        "ID",
        "adlste_J2SXHEDiybWnySLL",
    )],
};

/// A list named by its ID where its entries are listed
/// (`katapult_address_list_entries`' argument).
pub const ENTRIES_OF: &[Key] = &[Key::new(
    "address_list_id",
    "address_list[id]",
    "ID",
    "adlst_CyG9WoN6qklT89yj",
)];

/// Where to look when a list is not found.
pub const LIST_HINT: &str = "`katapult_address_lists` lists the organization's address lists, \
                             `katapult_global_address_lists` Katapult's global ones.";

pub const ID: Attribute = Attribute::computed(
    "id",
    Kind::String,
    "The address list's ID, e.g. `adlst_GVdbAIFaIglppuxg`.",
);
pub const NAME: Attribute = Attribute::computed("name", Kind::String, "The address list's name.");
pub const GLOBAL: Attribute = Attribute::computed(
    "global",
    Kind::Bool,
    "Whether it is one of Katapult's global address lists (such as `Cloudflare`), which every \
     organization can use, rather than an organization's own.",
);

/// An entry: an address or network in a list.
pub const ENTRY: &[Attribute] = &[
    Attribute::computed(
        "id",
        Kind::String,
        "The entry's ID, e.g. `adlste_J2SXHEDiybWnySLL`.",
    ),
    Attribute::computed(
        "name",
        Kind::String,
        "The entry's name (a comment); may be null.",
    ),
    Attribute::computed(
        "address",
        Kind::String,
        "The entry's address or network, e.g. `1.1.1.1` or `10.0.0.0/8`.",
    ),
];

pub const ENTRIES: Attribute = Attribute::computed(
    "entries",
    Kind::ObjectList(ENTRY),
    "The list's entries, in the API's order. `katapult_address_list_entries` lists them too, \
     page after page, for lists too long for one answer.",
);

/// An address list as the list endpoints give it (no entries).
pub const LISTED: &[Attribute] = &[ID, NAME, GLOBAL];

/// The organization's address lists: `GET /organizations/organization/address_lists`.
pub const ORGANIZATION_LIST: ListEndpoint = ListEndpoint {
    path: "organizations/organization/address_lists",
    items: "address_lists",
    per_page: Some("200"),
    noun: "Address list",
    plural: "address lists",
    by_id: false,
    paged: true,
};

/// Katapult's global address lists: `GET /address_lists`.
pub const GLOBAL_LIST: ListEndpoint = ListEndpoint {
    path: "address_lists",
    items: "address_lists",
    per_page: Some("200"),
    noun: "Global address list",
    plural: "global address lists",
    by_id: false,
    paged: true,
};

/// An address list's entries: `GET /address_lists/address_list/entries`.
pub const ENTRY_LIST: ListEndpoint = ListEndpoint {
    path: "address_lists/address_list/entries",
    items: "address_list_entries",
    per_page: Some("200"),
    noun: "Address list entry",
    plural: "address list entries",
    by_id: false,
    paged: true,
};
