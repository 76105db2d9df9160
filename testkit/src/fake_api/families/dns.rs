//! DNS: one zone, by id or by name; an organization's zones (paged) and
//! its nameservers (one answer); a zone's records, by the zone's id or
//! name (one answer: the API reference gives that endpoint no pages); one
//! record, by id. Answers written from Krystal's Go client's DNS fixtures
//! and the API reference (`answers/README.md`); `dns::BIGCO_ZONES` zones
//! generated for `orgs::BIGCO`, over two pages of 200.

use serde_json::{Value, json};

use crate::fake_api::answers;
use crate::fake_api::call::Pattern::Is;
use crate::fake_api::call::{Call, ListHandler, Pattern};
use crate::fake_api::cases::{dns, orgs};
use crate::fake_api::route::Key::{self, Alias, Field, Name};
use crate::fake_api::route::{Note, ORG, Route};

/// The DNS endpoints.
#[rustfmt::skip]
pub(super) const ROUTES: &[Route] = &[
    Route::get("dns_zones/dns_zone", ZONE).recorded(&[]),
    Route::get("organizations/organization/dns_zones", ORG).optional().pages("dns_zones", ZONES)
        .note(Note::Pages("dns_zones")),
    Route::get("organizations/organization/dns_zones/nameservers", ORG).optional().recorded(&[]),
    Route::get("dns_zones/dns_zone/records", RECORDS).recorded(&[]),
    Route::get("dns_records/dns_record", &[Name("dns_record[id]")]).recorded(&[]),
];

const ZONE: &[Key] = &[
    Name("dns_zone[id]"),
    Field("dns_zone[name]", "/dns_zone/name"),
];

/// A zone's records are filed by the zone's id; its name stands for it.
const RECORDS: &[Key] = &[Name("dns_zone[id]"), Alias("dns_zone[name]", zone_id)];

/// The id of the recorded zone named `name`.
fn zone_id(name: &str) -> Option<String> {
    answers::find("dns_zones/dns_zone", "/dns_zone/name", name).map(str::to_owned)
}

const ZONES: &[(Pattern, ListHandler)] = &[(Is(orgs::BIGCO), bigco_zones)];

/// `zone-{n}.bigco.example`, `dnszone_Bigco{n:011}`; every other one
/// verified.
fn bigco_zones(_: &Call) -> Option<Vec<Value>> {
    Some(
        (0..dns::BIGCO_ZONES as u64)
            .map(|n| {
                json!({"id": format!("dnszone_Bigco{n:011}"),
                    "name": format!("zone-{n}.bigco.example"),
                    "default_ttl": 3600, "verified": n % 2 == 0})
            })
            .collect(),
    )
}
