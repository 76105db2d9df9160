//! A network (Katapult's public networks, one or more per data center): as
//! `GET /networks/network` answers it and an IP address nests it
//! (`NETWORK`), and as the organization's available networks list it
//! (`LISTED`).

use crate::schema::{Attribute, Kind};

use super::country::COUNTRY;
use super::data_center;

use super::super::core::lookup::Key;
use super::super::core::object::Object;

/// A network, read by its ID or its permalink: `GET /networks/network`.
/// The API reference lists no scope for the network endpoints.
pub static NETWORK_OBJECT: Object = Object {
    noun: "network",
    plural: "networks",
    path: "networks/network",
    key: "network",
    scopes: &[],
    not_found: "network_not_found",
    keys: &[
        Key::new("id", "network[id]", "ID", "netw_gVRkZdSKczfNg34P"),
        Key::new(
            "permalink",
            "network[permalink]",
            "permalink",
            "uk-lon-01-public",
        ),
    ],
};

pub const ID: Attribute = Attribute::computed(
    "id",
    Kind::String,
    "The network's ID, e.g. `netw_gVRkZdSKczfNg34P`.",
);
pub const NAME: Attribute = Attribute::computed(
    "name",
    Kind::String,
    "The network's name, e.g. `Public Network`.",
);
pub const PERMALINK: Attribute = Attribute::computed(
    "permalink",
    Kind::String,
    "The network's permalink, e.g. `uk-lon-01-public`; null when it has none.",
);
pub const DEFAULT: Attribute = Attribute::computed(
    "default",
    Kind::Bool,
    "Whether this is the default network of its data center; null where the answer leaves it \
     out.",
);

/// The data center as a network's and an IP address's answers nest it,
/// with its country in full.
pub const IN_DATA_CENTER: &[Attribute] = &[
    data_center::ID,
    data_center::NAME,
    data_center::PERMALINK,
    COUNTRY,
];

pub const DATA_CENTER: Attribute = Attribute::computed(
    "data_center",
    Kind::Object(IN_DATA_CENTER),
    "The data center the network is in, with its country (null where the answer leaves it out: \
     a data center's default network comes without it).",
);

/// Katapult's Go provider names the data center flat.
pub const DATA_CENTER_ID: Attribute = Attribute::computed(
    "data_center_id",
    Kind::String,
    "The ID of the data center the network is in (`data_center.id`). As in Katapult's Go \
     provider.",
)
.from(&["data_center", "id"]);

/// A network as `GET /networks/network` answers it and an IP address nests
/// it.
pub const NETWORK: &[Attribute] = &[ID, NAME, PERMALINK, DEFAULT, DATA_CENTER];

/// A network as the organization's available networks list it: its data
/// center without a country, and its ID flat too, as in the Go provider.
pub const LISTED: &[Attribute] = &[
    ID,
    NAME,
    PERMALINK,
    DEFAULT,
    DATA_CENTER_ID,
    Attribute::computed(
        "data_center",
        Kind::Object(data_center::DATA_CENTER),
        "The data center the network is in.",
    ),
];
