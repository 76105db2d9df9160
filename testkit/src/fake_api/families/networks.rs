//! The network family: its routes (IP addresses, networks, speed profiles,
//! virtual networks), and its lists beyond their recordings:
//! `orgs::BIGCO`'s IP addresses, network speed profiles and virtual
//! networks, each over two pages of 200 (the last page the Go provider's
//! profile lookup never reads, the pages its virtual network list never
//! asks for); virtual networks that change while they are listed
//! (`organizations::CHURNING`); and the `allocated` filter of the IP
//! address list.

use serde_json::{Value, json};

use crate::fake_api::answers::error;
use crate::fake_api::call::Pattern::Is;
use crate::fake_api::call::{Call, ListHandler, Pattern, Refusal};
use crate::fake_api::cases::{organizations, orgs};
use crate::fake_api::route::Key::{self, Field, Name};
use crate::fake_api::route::{Note, ORG, Route};

/// The network family's endpoints.
#[rustfmt::skip]
pub(super) const ROUTES: &[Route] = &[
    // One IP address, by id or by address; an organization's, paged, all or
    // only the (un)allocated ones.
    Route::get("ip_addresses/ip_address", IP_ADDRESS).recorded(&[]),
    Route::get("organizations/organization/ip_addresses", ORG).optional().pages("ip_addresses", IPS)
        .filter(allocated).note(Note::Pages("ips")),
    // One network, by id or by permalink; a data center's default network,
    // by the data center's id or permalink.
    Route::get("networks/network", NETWORK).recorded(&[]),
    Route::get("data_centers/data_center/default_network", DEFAULT_NETWORK).recorded(&[]),
    // The networks an organization can use: one recorded answer, not paged.
    Route::get("organizations/organization/available_networks", ORG).optional().recorded(&[]),
    // An organization's network speed profiles and virtual networks: recorded
    // or generated, paged.
    Route::get("organizations/organization/network_speed_profiles", ORG).optional()
        .pages("network_speed_profiles", SPEED_PROFILES).note(Note::Pages("speed_profiles")),
    Route::get("organizations/organization/virtual_networks", ORG).optional()
        .pages("virtual_networks", VIRTUAL_NETWORKS).note(Note::Pages("virtual_networks")),
    // One virtual network, by id.
    Route::get("virtual_networks/virtual_network", &[Name("virtual_network[id]")]).recorded(&[]),
];

const IP_ADDRESS: &[Key] = &[
    Name("ip_address[id]"),
    Field("ip_address[address]", "/ip_address/address"),
];
const NETWORK: &[Key] = &[
    Name("network[id]"),
    Field("network[permalink]", "/network/permalink"),
];
const DEFAULT_NETWORK: &[Key] = &[
    Name("data_center[id]"),
    Field("data_center[permalink]", "/network/data_center/permalink"),
];

pub(super) const IPS: &[(Pattern, ListHandler)] = &[(Is(orgs::BIGCO), bigco_ips)];

pub(super) const SPEED_PROFILES: &[(Pattern, ListHandler)] =
    &[(Is(orgs::BIGCO), bigco_speed_profiles)];

pub(super) const VIRTUAL_NETWORKS: &[(Pattern, ListHandler)] = &[
    (Is(orgs::BIGCO), bigco_virtual_networks),
    (Is(organizations::CHURNING), churning_virtual_networks),
];

fn bigco() -> impl Iterator<Item = u64> {
    0..orgs::BIGCO_NETWORK_ITEMS as u64
}

/// In the list's shape: every third allocated to a machine, every tenth
/// an IPv6 address.
fn bigco_ips(_: &Call) -> Option<Vec<Value>> {
    Some(
        bigco()
            .map(|n| {
                let address = if n % 10 == 9 {
                    format!("2a03:2800:500::{n:x}")
                } else {
                    format!("198.51.100.{n}")
                };
                let machine = (n % 3 == 0).then(|| format!("vm_Bigco{n:011}"));
                json!({"id": format!("ip_Bigco{n:011}"), "address": address,
                    "reverse_dns": format!("ip-{n}.bigco.example"), "vip": false,
                    "allocation_id": machine,
                    "allocation_type": machine.as_ref().map(|_| "VirtualMachine")})
            })
            .collect(),
    )
}

/// In the recorded list's shape: the even ones without a download limit.
fn bigco_speed_profiles(_: &Call) -> Option<Vec<Value>> {
    Some(
        bigco()
            .map(|n| {
                let speed = 10 * (n + 1);
                json!({"id": format!("nsp_Bigco{n:011}"), "name": format!("{speed}Mbps"),
                    "upload_speed_in_mbit": speed,
                    "download_speed_in_mbit": if n % 2 == 0 { Value::Null } else { json!(speed) },
                    "permalink": format!("bigco-{n}")})
            })
            .collect(),
    )
}

fn virtual_network(organization: &str, n: u64) -> Value {
    json!({"id": format!("vnet_{organization}{n:011}"), "name": format!("{organization}-{n}"),
        "data_center": {"id": "loc_UUhPmoCbpic6UX0Y", "name": "London", "permalink": "uk-lon-01",
            "country": {"id": "ctry_6AO9tYYugvTGnd5b", "name": "United Kingdom",
                "iso_code2": "GB", "iso_code3": "GBR", "time_zone": "Europe/London", "eu": false}}})
}

fn bigco_virtual_networks(_: &Call) -> Option<Vec<Value>> {
    Some(bigco().map(|n| virtual_network("Bigco", n)).collect())
}

/// One more virtual network with every request: the list never holds still.
fn churning_virtual_networks(call: &Call) -> Option<Vec<Value>> {
    let served = call
        .stats
        .pages
        .lock()
        .unwrap()
        .get(&format!("virtual_networks:{}", call.value))
        .map_or(0, Vec::len) as u64;
    Some(
        (0..300 + served)
            .rev()
            .map(|n| virtual_network("Churn", n))
            .collect(),
    )
}

/// `allocated=true` keeps the addresses allocated to something, `false` the
/// others; absent, all of them. Any other value is refused, as the API
/// refuses a boolean it cannot read.
pub(super) fn allocated(call: &Call, ips: Vec<Value>) -> Result<Vec<Value>, Refusal> {
    let keep = match call.arg("allocated").as_deref() {
        None => return Ok(ips),
        Some("true") => true,
        Some("false") => false,
        Some(_) => {
            return Err(Box::new(error(
                "invalid_argument",
                "The 'allocated' argument is invalid",
                "{}",
            )));
        }
    };
    Ok(ips
        .into_iter()
        .filter(|ip| ip["allocation_id"].is_null() != keep)
        .collect())
}
