//! `katapult_dns_records`: a DNS zone's records, by the zone's ID or name,
//! in the API's order.

use crate::schema::{Attribute, Kind};

use crate::datasource::core::lookup::Key;
use crate::datasource::core::shapes::listed::{Listed, Source};
use crate::datasource::objects::dns_record::{DNS_RECORD_OBJECT, RECORD, RECORDS};
use crate::datasource::objects::dns_zone::DNS_ZONE_OBJECT;

pub static DNS_RECORDS: Listed = Listed {
    type_name: "katapult_dns_records",
    of: &DNS_RECORD_OBJECT,
    source: Source::Of {
        owner: &DNS_ZONE_OBJECT,
        keys: &[
            Key::new(
                "dns_zone_id",
                "dns_zone[id]",
                "ID",
                "dnszone_k75eFc4UBOgeE5Zy",
            ),
            Key::new(
                "dns_zone_name",
                "dns_zone[name]",
                "name",
                "test1.example.com",
            ),
        ],
        list: &RECORDS,
    },
    list: Attribute::computed(
        "dns_records",
        Kind::ObjectList(RECORD),
        "The zone's records, in the API's order, each as `katapult_dns_record` reads it.",
    ),
    summary: "Lists the records of one DNS zone, named by its `dns_zone_id` or its \
              `dns_zone_name` (exactly one). The API answers with every record at once (the \
              endpoint takes no page).",
    hint: "`katapult_dns_zones` lists the organization's DNS zones.",
    ..Listed::PLAIN
};
