//! A virtual machine's network interface, as `GET
//! /virtual_machine_network_interfaces/virtual_machine_network_interface`
//! answers it, with the addresses' details the machine's interface list
//! adds; Katapult's Go provider's flat names first.

use crate::schema::{Attribute, Kind};

use super::super::core::lookup::Key;
use super::super::core::object::Object;
use super::super::core::pager::ListEndpoint;
use super::{ip_address, network, network_speed_profile, virtual_network};

/// A virtual machine's network interface, read by its ID:
/// `GET /virtual_machine_network_interfaces/virtual_machine_network_interface`,
/// documented with the virtual machine scopes. For
/// `katapult_virtual_machine_network_interface` (compute).
pub static NETWORK_INTERFACE_OBJECT: Object = Object {
    noun: "network interface",
    plural: "network interfaces",
    path: "virtual_machine_network_interfaces/virtual_machine_network_interface",
    key: "virtual_machine_network_interface",
    scopes: &["virtual_machines", "virtual_machines:read"],
    not_found: "virtual_machine_network_interface_not_found",
    keys: &[Key::new(
        "id",
        "virtual_machine_network_interface[id]",
        "ID",
        "vmnet_uyv2nx1sNptIjw5e",
    )],
};

const NETWORK_FIELDS: &[Attribute] = &[network::ID, network::NAME];
const VIRTUAL_NETWORK: &[Attribute] = &[virtual_network::ID, virtual_network::NAME];
const SPEED_PROFILE: &[Attribute] = &[
    network_speed_profile::ID,
    network_speed_profile::NAME,
    network_speed_profile::PERMALINK,
];
const ADDRESS: &[Attribute] = &[
    ip_address::ID,
    ip_address::ADDRESS,
    ip_address::REVERSE_DNS,
    ip_address::ADDRESS_WITH_MASK,
];

pub const ID: Attribute = Attribute::computed(
    "id",
    Kind::String,
    "The interface's ID, e.g. `vmnet_uyv2nx1sNptIjw5e`.",
);

pub const NETWORK_ID: Attribute = Attribute::computed(
    "network_id",
    Kind::String,
    "The ID of the network the interface is on (`network.id`); null for an interface on a \
     virtual network. As in Katapult's Go provider.",
)
.from(&["network", "id"]);

pub const VIRTUAL_NETWORK_ID: Attribute = Attribute::computed(
    "virtual_network_id",
    Kind::String,
    "The ID of the virtual network the interface is on (`virtual_network.id`); null for an \
     interface on a public network. As in Katapult's Go provider.",
)
.from(&["virtual_network", "id"]);

pub const MAC_ADDRESS: Attribute = Attribute::computed(
    "mac_address",
    Kind::String,
    "The interface's MAC address, e.g. `3a:ab:32:d8:b9:73`.",
);

pub const IP_ADDRESSES: Attribute = Attribute::computed(
    "ip_addresses",
    Kind::StringSet,
    "The addresses allocated to the interface, as in Katapult's Go provider; each in full \
     in `ip_address_details`.",
)
.from(&["ip_addresses", "*", "address"]);

pub const NAME: Attribute = Attribute::computed(
    "name",
    Kind::String,
    "The interface's name, e.g. `Public Network on web-1`.",
);

pub const STATE: Attribute = Attribute::computed(
    "state",
    Kind::String,
    "The interface's state, e.g. `attached` or `detached` (Katapult reports a stopped \
     machine's interfaces `detached`).",
);

pub const NETWORK_DETAILS: Attribute = Attribute::computed(
    "network",
    Kind::Object(NETWORK_FIELDS),
    "The network the interface is on; null for an interface on a virtual network.",
);

pub const VIRTUAL_NETWORK_DETAILS: Attribute = Attribute::computed(
    "virtual_network",
    Kind::Object(VIRTUAL_NETWORK),
    "The virtual network the interface is on; null for an interface on a public network.",
);

pub const SPEED_PROFILE_DETAILS: Attribute = Attribute::computed(
    "speed_profile",
    Kind::Object(SPEED_PROFILE),
    "The network speed profile the interface runs at.",
);

pub const IP_ADDRESS_DETAILS: Attribute = Attribute::computed(
    "ip_address_details",
    Kind::ObjectList(ADDRESS),
    "The addresses allocated to the interface, in the API's order (`ip_addresses` holds \
     the Go provider's set of them): each with its reverse DNS name and mask as the \
     machine's interface list gives them.",
)
.from(&["ip_addresses"]);

pub const NETWORK_INTERFACE: &[Attribute] = &[
    ID,
    NETWORK_ID,
    VIRTUAL_NETWORK_ID,
    MAC_ADDRESS,
    IP_ADDRESSES,
    NAME,
    STATE,
    NETWORK_DETAILS,
    VIRTUAL_NETWORK_DETAILS,
    SPEED_PROFILE_DETAILS,
    IP_ADDRESS_DETAILS,
];

/// The machine an interface belongs to, as its own read names it.
const MACHINE: &[Attribute] = &[
    Attribute::computed("id", Kind::String, "The virtual machine's ID."),
    Attribute::computed("name", Kind::String, "The virtual machine's name."),
];
pub const VIRTUAL_MACHINE: Attribute = Attribute::computed(
    "virtual_machine",
    Kind::Object(MACHINE),
    "The virtual machine the interface belongs to.",
);

/// An interface as its machine's list gives it: no MAC address, state,
/// speed profile or machine.
pub const LISTED: &[Attribute] = &[
    ID,
    NETWORK_ID,
    VIRTUAL_NETWORK_ID,
    IP_ADDRESSES,
    NAME,
    NETWORK_DETAILS,
    VIRTUAL_NETWORK_DETAILS,
    IP_ADDRESS_DETAILS,
];

/// A virtual machine's interfaces, in the API's order, paged:
/// `GET /virtual_machines/virtual_machine/network_interfaces`.
pub const LIST: ListEndpoint = ListEndpoint {
    path: "virtual_machines/virtual_machine/network_interfaces",
    items: "virtual_machine_network_interfaces",
    per_page: Some("200"),
    noun: "Network interface",
    plural: "network interfaces",
    by_id: false,
    paged: true,
};
