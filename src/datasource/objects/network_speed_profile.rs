//! A network speed profile (the bandwidth a virtual machine's network
//! interfaces get), as the organization's list holds it; and that list,
//! Katapult's only way to read one.

use crate::schema::{Attribute, Kind};
use crate::tftypes::{Number, Value};

use super::super::core::pager::ListEndpoint;

pub const ID: Attribute = Attribute::computed(
    "id",
    Kind::String,
    "The network speed profile's ID, e.g. `nsp_Y8YS65yTivlCAjIY`.",
);
pub const NAME: Attribute = Attribute::computed(
    "name",
    Kind::String,
    "The network speed profile's name, e.g. `1Gbps`.",
);
pub const PERMALINK: Attribute = Attribute::computed(
    "permalink",
    Kind::String,
    "The network speed profile's permalink, e.g. `1gbps`.",
);
pub const UPLOAD_SPEED_IN_MBIT: Attribute = Attribute::computed(
    "upload_speed_in_mbit",
    Kind::Number,
    "The upload speed limit in Mbit/s, as the API sends it: null means unrestricted.",
);
pub const DOWNLOAD_SPEED_IN_MBIT: Attribute = Attribute::computed(
    "download_speed_in_mbit",
    Kind::Number,
    "The download speed limit in Mbit/s, as the API sends it: null means unrestricted.",
);
/// Katapult's Go provider's names, with its `0` for unrestricted (which it
/// documents): `go_speeds` fills that in.
pub const UPLOAD_SPEED: Attribute = Attribute::computed(
    "upload_speed",
    Kind::Number,
    "The upload speed limit in Mbit/s; `0` means unrestricted. As in Katapult's Go provider \
     (`upload_speed_in_mbit` is the API's value, null when unrestricted).",
)
.from(&["upload_speed_in_mbit"]);
pub const DOWNLOAD_SPEED: Attribute = Attribute::computed(
    "download_speed",
    Kind::Number,
    "The download speed limit in Mbit/s; `0` means unrestricted. As in Katapult's Go provider \
     (`download_speed_in_mbit` is the API's value, null when unrestricted).",
)
.from(&["download_speed_in_mbit"]);

/// A profile as the organization's list holds it.
pub const PROFILE: &[Attribute] = &[
    ID,
    NAME,
    PERMALINK,
    UPLOAD_SPEED,
    DOWNLOAD_SPEED,
    UPLOAD_SPEED_IN_MBIT,
    DOWNLOAD_SPEED_IN_MBIT,
];

/// The organization's network speed profiles, in the API's order (as the
/// Go provider shows them): `GET /organizations/organization/network_speed_profiles`.
pub const LIST: ListEndpoint = ListEndpoint {
    path: "organizations/organization/network_speed_profiles",
    items: "network_speed_profiles",
    per_page: Some("200"),
    noun: "Network speed profile",
    plural: "network speed profiles",
    by_id: false,
    paged: true,
};

/// A mapped profile's `upload_speed` and `download_speed` as the Go
/// provider has them: the API's null (unrestricted) is `0`.
pub fn go_speeds(profile: &mut std::collections::BTreeMap<String, Value>) {
    for name in [UPLOAD_SPEED.name, DOWNLOAD_SPEED.name] {
        if let Some(value) = profile.get_mut(name)
            && *value == Value::Null
        {
            *value = Value::Number(Number::Int(0));
        }
    }
}
