//! A tag: a name and a colour an organization gives its objects; and the
//! organization's tag list.

use crate::schema::{Attribute, Kind};

use super::super::core::lookup::Key;
use super::super::core::object::Object;
use super::super::core::pager::ListEndpoint;

/// A tag, read by its ID: `GET /tags/tag`.
pub static TAG_OBJECT: Object = Object {
    noun: "tag",
    plural: "tags",
    path: "tags/tag",
    key: "tag",
    scopes: &["tags", "tags:read"],
    not_found: "tag_not_found",
    keys: &[Key::new("id", "tag[id]", "ID", "tag_d93jtFjsKT9bxwnw")],
};

pub const ID: Attribute = Attribute::computed(
    "id",
    Kind::String,
    "The tag's ID, e.g. `tag_d93jtFjsKT9bxwnw`.",
);
pub const NAME: Attribute =
    Attribute::computed("name", Kind::String, "The tag's name, e.g. `web`.");
pub const COLOR: Attribute = Attribute::computed(
    "color",
    Kind::String,
    "The tag's colour, e.g. `green` or `pastel_yellow` (Katapult's names).",
);
pub const CREATED_AT: Attribute = Attribute::computed(
    "created_at",
    Kind::Number,
    "When the tag was created, as a Unix timestamp in seconds.",
);

/// A tag as the organization's list names it (no `created_at` there).
pub const LISTED: &[Attribute] = &[ID, NAME, COLOR];

/// The organization's tags: `GET /organizations/organization/tags`.
pub const LIST: ListEndpoint = ListEndpoint {
    path: "organizations/organization/tags",
    items: "tags",
    per_page: Some("200"),
    noun: "Tag",
    plural: "tags",
    by_id: false,
    paged: true,
};

/// A tag, whole, as an object it is on names it (a virtual machine's
/// `tags`).
pub const TAG: &[Attribute] = &[ID, NAME, COLOR, CREATED_AT];
