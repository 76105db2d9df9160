//! An IP address: its fields, its subnet and its network, as the answers
//! that nest it in full (a virtual machine's) send them.

use crate::schema::{Attribute, Kind};

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
