//! A DNS zone: a domain Katapult serves; the organization's zone list and
//! the nameservers its zones should be delegated to.

use crate::schema::{Attribute, Kind};

use super::super::core::lookup::Key;
use super::super::core::object::Object;
use super::super::core::pager::ListEndpoint;

/// A DNS zone, read by its ID or its name: `GET /dns_zones/dns_zone`.
pub static DNS_ZONE_OBJECT: Object = Object {
    noun: "DNS zone",
    plural: "DNS zones",
    path: "dns_zones/dns_zone",
    key: "dns_zone",
    scopes: &["dns", "dns:read"],
    not_found: "dns_zone_not_found",
    keys: &[
        Key::new("id", "dns_zone[id]", "ID", "dnszone_k75eFc4UBOgeE5Zy"),
        Key::new("name", "dns_zone[name]", "name", "test1.example.com"),
    ],
};

/// The organization's DNS zones: `GET /organizations/organization/dns_zones`.
pub const LIST: ListEndpoint = ListEndpoint {
    path: "organizations/organization/dns_zones",
    items: "dns_zones",
    per_page: Some("200"),
    noun: "DNS zone",
    plural: "DNS zones",
    by_id: false,
    paged: true,
};

/// The nameservers the organization's zones should use:
/// `GET /organizations/organization/dns_zones/nameservers` (one answer, a
/// list of host names; not paged), with the zones' scopes. Read by the
/// organization alone: no keys of its own.
pub static NAMESERVERS_OBJECT: Object = Object {
    noun: "DNS nameserver",
    plural: "DNS nameservers",
    path: "organizations/organization/dns_zones/nameservers",
    key: "nameservers",
    scopes: &["dns", "dns:read"],
    not_found: "organization_not_found",
    keys: &[],
};

pub const ID: Attribute = Attribute::computed(
    "id",
    Kind::String,
    "The DNS zone's ID, e.g. `dnszone_k75eFc4UBOgeE5Zy`.",
);
pub const NAME: Attribute = Attribute::computed(
    "name",
    Kind::String,
    "The DNS zone's name, its domain, e.g. `example.com`.",
);
pub const DEFAULT_TTL: Attribute = Attribute::computed(
    "default_ttl",
    Kind::Number,
    "The TTL, in seconds, of the zone's records that set none, e.g. `3600`.",
);
pub const VERIFIED: Attribute = Attribute::computed(
    "verified",
    Kind::Bool,
    "Whether Katapult has verified the zone (its domain delegated to Katapult's nameservers).",
);

/// A DNS zone, whole, as its endpoint and the organization's list send it.
pub const ZONE: &[Attribute] = &[ID, NAME, DEFAULT_TTL, VERIFIED];

pub const NAMESERVERS: Attribute = Attribute::computed(
    "nameservers",
    Kind::StringList,
    "The host names of the nameservers the organization's DNS zones should be delegated to, \
     in the API's order, e.g. `ns1.katapult.io`.",
);
