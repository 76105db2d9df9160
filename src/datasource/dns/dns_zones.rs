//! `katapult_dns_zones`: every DNS zone of the provider's organization, in
//! the API's order.

use crate::datasource::core::shapes::listed::{Listed, Source};
use crate::datasource::objects::dns_zone::{DNS_ZONE_OBJECT, LIST, ZONE};
use crate::schema::{Attribute, Kind};

pub static DNS_ZONES: Listed = Listed {
    type_name: "katapult_dns_zones",
    of: &DNS_ZONE_OBJECT,
    source: Source::Organization(&LIST),
    list: Attribute::computed(
        "dns_zones",
        Kind::ObjectList(ZONE),
        "The organization's DNS zones, in the API's order: each one's ID, name, default TTL \
         and whether it is verified.",
    ),
    summary: "Lists every DNS zone of the organization.",
    ..Listed::PLAIN
};
