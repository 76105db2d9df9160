//! A network (Katapult's public networks, one or more per data center): as
//! an IP address nests it (`NETWORK`), with its data center in full.

use crate::schema::{Attribute, Kind};

use super::country::COUNTRY;
use super::data_center;

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

/// A network as `GET /networks/network` answers it and an IP address nests
/// it.
pub const NETWORK: &[Attribute] = &[ID, NAME, PERMALINK, DEFAULT, DATA_CENTER];
