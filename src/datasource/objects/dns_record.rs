//! A DNS record of a zone, with its content as the API splits it by record
//! type (`content_attributes`); and a zone's record list.

use crate::schema::{Attribute, Kind};

use super::super::core::lookup::Key;
use super::super::core::object::Object;
use super::super::core::pager::ListEndpoint;

/// A DNS record, read by its ID: `GET /dns_records/dns_record`.
pub static DNS_RECORD_OBJECT: Object = Object {
    noun: "DNS record",
    plural: "DNS records",
    path: "dns_records/dns_record",
    key: "dns_record",
    scopes: &["dns", "dns:read"],
    not_found: "dns_record_not_found",
    keys: &[Key::new(
        "id",
        "dns_record[id]",
        "ID",
        "dnsrec_Www0000000000001",
    )],
};

/// A zone's records: `GET /dns_zones/dns_zone/records`. The API reference
/// gives the endpoint no `page` nor `per_page`, and its answer no
/// `pagination`: one answer holds every record.
pub const RECORDS: ListEndpoint = ListEndpoint {
    path: "dns_zones/dns_zone/records",
    items: "dns_records",
    per_page: None,
    noun: "DNS record",
    plural: "DNS records",
    by_id: false,
    paged: false,
};

pub const ID: Attribute = Attribute::computed(
    "id",
    Kind::String,
    "The DNS record's ID, e.g. `dnsrec_Www0000000000001`.",
);
pub const NAME: Attribute = Attribute::computed(
    "name",
    Kind::String,
    "The record's name within its zone, e.g. `www`; null for the zone's apex.",
);
pub const FULL_NAME: Attribute = Attribute::computed(
    "full_name",
    Kind::String,
    "The record's fully qualified name, e.g. `www.example.com`.",
);
pub const TTL: Attribute = Attribute::computed(
    "ttl",
    Kind::Number,
    "The record's TTL in seconds; null when it takes its zone's `default_ttl`.",
);
pub const TYPE: Attribute = Attribute::computed(
    "type",
    Kind::String,
    "The record's type, e.g. `A`, `AAAA`, `CNAME`, `MX`, `TXT` or `HTTPRedirect` \
     (Katapult's names).",
);
pub const PRIORITY: Attribute = Attribute::computed(
    "priority",
    Kind::Number,
    "The record's priority (an `MX` or `SRV` record's); null for the other types.",
);
pub const CONTENT: Attribute = Attribute::computed(
    "content",
    Kind::String,
    "The record's content as one string, e.g. `192.0.2.10`.",
);

const fn text(name: &'static str, description: &'static str) -> Attribute {
    Attribute::computed(name, Kind::String, description)
}

const IP_ADDRESS: &[Attribute] = &[text("ip_address", "The IP address the record points at.")];
const HOSTNAME: &[Attribute] = &[text("hostname", "The host name the record points at.")];
const CAA: &[Attribute] = &[
    text("flag", "The CAA record's flag, e.g. `0`."),
    text("tag", "The CAA record's tag, e.g. `issue`."),
    text("value", "The CAA record's value, e.g. `letsencrypt.org`."),
];
const HTTP_REDIRECT: &[Attribute] = &[
    text("url", "The URL the redirect sends visitors to."),
    text("http_status", "The redirect's HTTP status, e.g. `301`."),
];
const IPS: &[Attribute] = &[text(
    "ip_addresses",
    "The IP addresses the record points at, as the API writes them in one string.",
)];
const SRV: &[Attribute] = &[
    text("weight", "The SRV record's weight."),
    text("port", "The SRV record's port."),
    text("target", "The SRV record's target host name."),
];
const SSHFP: &[Attribute] = &[
    text("algorithm", "The SSHFP record's key algorithm."),
    text("fingerprint_type", "The SSHFP record's fingerprint type."),
    text("fingerprint", "The SSHFP record's fingerprint."),
];
const TXT: &[Attribute] = &[text("content", "The TXT record's text.")];
const VIRTUAL_MACHINE: &[Attribute] = &[text(
    "virtual_machine",
    "The virtual machine whose addresses the record points at.",
)];

const fn typed(
    name: &'static str,
    from: &'static [&'static str],
    fields: &'static [Attribute],
    description: &'static str,
) -> Attribute {
    Attribute::computed(name, Kind::Object(fields), description).from(from)
}

/// `content_attributes`: one object per record type, the API's CamelCase
/// and capitalised keys (`HTTPRedirect`, `AAAA`) as snake case. The API
/// reference gives `SOA`'s no fields, so it is left out.
pub const CONTENT_ATTRIBUTES_FIELDS: &[Attribute] = &[
    typed(
        "a",
        &["A"],
        IP_ADDRESS,
        "An `A` record's content (the API's `A`); null for other types.",
    ),
    typed(
        "aaaa",
        &["AAAA"],
        IP_ADDRESS,
        "An `AAAA` record's content (the API's `AAAA`); null for other types.",
    ),
    typed(
        "alias",
        &["ALIAS"],
        HOSTNAME,
        "An `ALIAS` record's content (the API's `ALIAS`); null for other types.",
    ),
    typed(
        "caa",
        &["CAA"],
        CAA,
        "A `CAA` record's content (the API's `CAA`); null for other types.",
    ),
    typed(
        "cname",
        &["CNAME"],
        HOSTNAME,
        "A `CNAME` record's content (the API's `CNAME`); null for other types.",
    ),
    typed(
        "http_redirect",
        &["HTTPRedirect"],
        HTTP_REDIRECT,
        "An HTTP redirect record's content (the API's `HTTPRedirect`); null for other types.",
    ),
    typed(
        "ips",
        &["IPS"],
        IPS,
        "An `IPS` record's content (the API's `IPS`); null for other types.",
    ),
    typed(
        "mx",
        &["MX"],
        HOSTNAME,
        "An `MX` record's content (the API's `MX`); null for other types.",
    ),
    typed(
        "ns",
        &["NS"],
        HOSTNAME,
        "An `NS` record's content (the API's `NS`); null for other types.",
    ),
    typed(
        "ptr",
        &["PTR"],
        HOSTNAME,
        "A `PTR` record's content (the API's `PTR`); null for other types.",
    ),
    typed(
        "srv",
        &["SRV"],
        SRV,
        "An `SRV` record's content (the API's `SRV`); null for other types.",
    ),
    typed(
        "sshfp",
        &["SSHFP"],
        SSHFP,
        "An `SSHFP` record's content (the API's `SSHFP`); null for other types.",
    ),
    typed(
        "txt",
        &["TXT"],
        TXT,
        "A `TXT` record's content (the API's `TXT`); null for other types.",
    ),
    typed(
        "virtual_machine",
        &["VirtualMachine"],
        VIRTUAL_MACHINE,
        "A virtual machine record's content (the API's `VirtualMachine`); null for other \
         types.",
    ),
];

pub const CONTENT_ATTRIBUTES: Attribute = Attribute::computed(
    "content_attributes",
    Kind::Object(CONTENT_ATTRIBUTES_FIELDS),
    "The record's content split into its parts, under its type: e.g. an `A` record's \
     `content_attributes.a.ip_address`, an HTTP redirect's `content_attributes.http_redirect.url`.",
);

/// A DNS record, whole, as its endpoint and its zone's list send it.
pub const RECORD: &[Attribute] = &[
    ID,
    NAME,
    FULL_NAME,
    TTL,
    TYPE,
    PRIORITY,
    CONTENT,
    CONTENT_ATTRIBUTES,
];
