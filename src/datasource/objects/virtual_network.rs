//! A virtual network (a private network of the organization's machines in
//! one data center): as `GET /virtual_networks/virtual_network` answers it
//! and the organization's list holds it (`VIRTUAL_NETWORK`), and as the
//! available networks list it (`AVAILABLE`); and the organization's list.

use crate::schema::{Attribute, Kind};

use super::super::core::pager::ListEndpoint;
use super::data_center;
use super::network::IN_DATA_CENTER;

pub const ID: Attribute = Attribute::computed(
    "id",
    Kind::String,
    "The virtual network's ID, e.g. `vnet_Pm2Tokrw4bwUlKHV`.",
);
pub const NAME: Attribute = Attribute::computed(
    "name",
    Kind::String,
    "The virtual network's name, e.g. `backbone`.",
);
pub const DATA_CENTER: Attribute = Attribute::computed(
    "data_center",
    Kind::Object(IN_DATA_CENTER),
    "The data center the virtual network is in, with its country.",
);
/// Katapult's Go provider names the data center flat.
pub const DATA_CENTER_ID: Attribute = Attribute::computed(
    "data_center_id",
    Kind::String,
    "The ID of the data center the virtual network is in (`data_center.id`). As in Katapult's \
     Go provider.",
)
.from(&["data_center", "id"]);

/// A virtual network, whole.
pub const VIRTUAL_NETWORK: &[Attribute] = &[ID, NAME, DATA_CENTER_ID, DATA_CENTER];

/// A virtual network as the organization's available networks list it:
/// its data center without a country.
pub const AVAILABLE: &[Attribute] = &[
    ID,
    NAME,
    DATA_CENTER_ID,
    Attribute::computed(
        "data_center",
        Kind::Object(data_center::DATA_CENTER),
        "The data center the virtual network is in.",
    ),
];

/// The organization's virtual networks, in the API's order:
/// `GET /organizations/organization/virtual_networks`.
pub const LIST: ListEndpoint = ListEndpoint {
    path: "organizations/organization/virtual_networks",
    items: "virtual_networks",
    per_page: Some("200"),
    noun: "Virtual network",
    plural: "virtual networks",
    by_id: false,
    paged: true,
};
