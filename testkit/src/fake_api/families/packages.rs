//! Virtual machine packages: their routes, and packages beyond their
//! recordings: the lists `GET /virtual_machine_packages` answers when a
//! test names one (`FakeApi::answer_list_as`), over many pages or changing
//! while read; and the API's own "not found" for a package,
//! `package_not_found` (the endpoint's code is not
//! `virtual_machine_package_not_found`).

use serde_json::{Value, json};

use crate::fake_api::answers;
use crate::fake_api::call::Pattern::{Is, Prefix};
use crate::fake_api::call::{Call, Handler, ListHandler, Pattern, Reply};
use crate::fake_api::cases::packages as list;
use crate::fake_api::route::Key::{self, Field, Name};
use crate::fake_api::route::{Note, Route};

/// The package endpoints.
#[rustfmt::skip]
pub(super) const ROUTES: &[Route] = &[
    // One package, by id or permalink (else `package_not_found`); every
    // package: the recorded list, paged, or a generated one.
    Route::get("virtual_machine_packages/virtual_machine_package", PACKAGE).recorded(NOT_FOUND),
    Route::get("virtual_machine_packages", &[]).pages("virtual_machine_packages", LISTS)
        .note(Note::Pages("packages")),
];

const PACKAGE: &[Key] = &[
    Name("virtual_machine_package[id]"),
    Field(
        "virtual_machine_package[permalink]",
        "/virtual_machine_package/permalink",
    ),
];

/// The generated package lists, by the name a test gives the list.
pub(super) const LISTS: &[(Pattern, ListHandler)] = &[
    (Is(list::MANY), many),
    (Is(list::CHURNING), churning),
    (Is(list::SETTLING), settling),
];

/// Any package no recorded answer holds: `package_not_found`, as the live
/// API words it (go-katapult's `core/fixtures/package_not_found_error.json`).
pub(super) const NOT_FOUND: &[(Pattern, Handler)] = &[(Prefix(""), not_found)];

fn not_found(_: &Call) -> Reply {
    answers::not_found("package").into()
}

/// Package `n` of a generated list, in the recorded list's shape.
fn package(n: u64) -> Value {
    json!({
        "id": format!("vmpkg_Gen{n:013}"),
        "name": format!("GEN-{n}"),
        "permalink": format!("gen-{n}"),
        "cpu_cores": 1 + n % 64,
        "ipv4_addresses": 1,
        "memory_in_gb": 1 + n,
        "storage_in_gb": 10 * (1 + n),
        "privacy": "public",
        "icon": null,
    })
}

fn generated(count: u64) -> Vec<Value> {
    (0..count).map(package).collect()
}

/// How many requests this list has had, this one included.
fn served(call: &Call) -> u64 {
    let pages = call.stats.pages.lock().unwrap();
    pages
        .get(&format!("packages:{}", call.value))
        .map_or(0, Vec::len) as u64
}

fn many(_: &Call) -> Option<Vec<Value>> {
    Some(generated(list::MANY_PACKAGES as u64))
}

/// One package more with every request.
fn churning(call: &Call) -> Option<Vec<Value>> {
    Some(generated(40 + served(call)))
}

/// 59 packages for the first request, 60 from the second on.
fn settling(call: &Call) -> Option<Vec<Value>> {
    Some(generated(59 + u64::from(served(call) > 1)))
}
