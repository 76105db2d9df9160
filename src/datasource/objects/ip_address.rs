//! An IP address: as `GET /ip_addresses/ip_address` answers it (its
//! network and subnet nested, the allocation beside it), and as the
//! organization's list holds it (`LISTED`); and that list.

use std::collections::BTreeMap;

use crate::schema::{Attribute, Kind};
use crate::tftypes::{Number, Value};

use super::super::core::pager::ListEndpoint;
use super::network::NETWORK;

pub const ID: Attribute = Attribute::computed(
    "id",
    Kind::String,
    "The IP address's ID, e.g. `ip_fCfQUW9TVj9mjpDu`.",
);
pub const ADDRESS: Attribute = Attribute::computed(
    "address",
    Kind::String,
    "The address, e.g. `185.199.222.115` or `2a03:2800:500::18`.",
);
pub const REVERSE_DNS: Attribute = Attribute::computed(
    "reverse_dns",
    Kind::String,
    "The address's reverse DNS name, e.g. `185-199-222-115.rdns.katapult.cloud`.",
);
pub const VIP: Attribute = Attribute::computed(
    "vip",
    Kind::Bool,
    "Whether it is a virtual IP, which can move between virtual machines.",
);
pub const LABEL: Attribute = Attribute::computed(
    "label",
    Kind::String,
    "The virtual IP's label; null when it has none (Katapult's Go provider shows an empty \
     string then).",
);
pub const ADDRESS_WITH_MASK: Attribute = Attribute::computed(
    "address_with_mask",
    Kind::String,
    "The address with its network's mask, e.g. `185.199.222.115/24`.",
);
pub const ALLOCATION_ID: Attribute = Attribute::computed(
    "allocation_id",
    Kind::String,
    "The ID of what the address is allocated to, e.g. a virtual machine's; null when it is \
     not allocated (Katapult's Go provider shows an empty string then).",
);
pub const ALLOCATION_TYPE: Attribute = Attribute::computed(
    "allocation_type",
    Kind::String,
    "The type of what the address is allocated to, e.g. `VirtualMachine`; null when it is not \
     allocated (Katapult's Go provider shows an empty string then).",
);
/// Computed from the address, as the Go provider does: `with_version`.
pub const VERSION: Attribute = Attribute::computed(
    "version",
    Kind::Number,
    "The IP version, `4` or `6`, from the address. As in Katapult's Go provider.",
);

/// The subnet an address is in, as the live API nests it (the API
/// reference does not list it).
pub const SUBNET_FIELDS: &[Attribute] = &[
    Attribute::computed(
        "id",
        Kind::String,
        "The subnet's ID, e.g. `sbnt_97h4iW9GotktZKZ8`.",
    ),
    Attribute::computed(
        "address",
        Kind::String,
        "The subnet's network address, e.g. `185.199.222.0`.",
    ),
    Attribute::computed(
        "gateway",
        Kind::String,
        "The subnet's gateway, e.g. `185.199.222.1`.",
    ),
    Attribute::computed(
        "mask",
        Kind::Number,
        "The subnet's prefix length, e.g. `24`.",
    ),
    Attribute::computed(
        "billable",
        Kind::Bool,
        "Whether addresses in the subnet are billed.",
    ),
    Attribute::computed(
        "version",
        Kind::Number,
        "The subnet's IP version, `4` or `6`.",
    ),
];

/// What an address is allocated to, as the live API answers it beside the
/// address: its type, and the object's ID and name.
pub const ALLOCATED_TO: &[Attribute] = &[
    Attribute::computed(
        "id",
        Kind::String,
        "The ID of what the address is allocated to, e.g. `vm_EKQvoKqqunx84ruK`.",
    ),
    Attribute::computed(
        "name",
        Kind::String,
        "The name of what the address is allocated to.",
    ),
];
pub const ALLOCATION_FIELDS: &[Attribute] = &[
    Attribute::computed(
        "type",
        Kind::String,
        "The type of what the address is allocated to, e.g. `VirtualMachine`.",
    ),
    Attribute::computed(
        "value",
        Kind::Object(ALLOCATED_TO),
        "What the address is allocated to.",
    ),
];

/// The rest of an address that `GET /ip_addresses/ip_address` answers with.
pub const NETWORK_DETAILS: Attribute = Attribute::computed(
    "network",
    Kind::Object(NETWORK),
    "The network the address is in, as the API nests it.",
);
pub const SUBNET: Attribute = Attribute::computed(
    "subnet",
    Kind::Object(SUBNET_FIELDS),
    "The subnet the address is in; null where the answer leaves it out.",
);
pub const ALLOCATION: Attribute = Attribute::computed(
    "allocation",
    Kind::Object(ALLOCATION_FIELDS),
    "What the address is allocated to, as the API answers beside the address; null when it is \
     not allocated.",
);

/// An address as the organization's list holds it.
pub const LISTED: &[Attribute] = &[
    ID,
    ADDRESS,
    VERSION,
    REVERSE_DNS,
    VIP,
    ALLOCATION_ID,
    ALLOCATION_TYPE,
];

/// The organization's IP addresses, in the API's order:
/// `GET /organizations/organization/ip_addresses`.
pub const LIST: ListEndpoint = ListEndpoint {
    path: "organizations/organization/ip_addresses",
    items: "ip_addresses",
    per_page: Some("200"),
    noun: "IP address",
    plural: "IP addresses",
    by_id: false,
    paged: true,
};

/// The IP version of `address`, as Katapult's Go provider tells it: 6 for
/// an address with two colons or more, else 4.
pub fn version_of(address: &str) -> i64 {
    if address.matches(':').count() < 2 {
        4
    } else {
        6
    }
}

/// A mapped address with its `version` filled in from its `address`; null
/// when it has none.
pub fn with_version(address: &mut BTreeMap<String, Value>) {
    let version = match address.get(ADDRESS.name) {
        Some(Value::String(text)) => Value::Number(Number::Int(version_of(text))),
        _ => Value::Null,
    };
    address.insert(VERSION.name.to_owned(), version);
}
