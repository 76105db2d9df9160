//! Reference data beside the data centers and countries: zones (one, by id
//! or permalink; every zone, one answer), GPU types (one, by id or
//! permalink; every GPU type and a data center's, paged), operating systems
//! (one, by id; every one, paged) and currencies (every one, paged). The
//! zone and the Ubuntu operating system as the recordings nest them; the
//! rest written from the API reference (see `answers/README.md`). Beyond
//! them, the paged lists a test names `reference::MANY` (or, for a data
//! center's GPU types, the data center `reference::MANY_DATA_CENTER`):
//! `reference::MANY_ITEMS` generated items, over two pages.

use serde_json::{Value, json};

use crate::fake_api::answers;
use crate::fake_api::call::Pattern::Is;
use crate::fake_api::call::{Call, ListHandler, Pattern};
use crate::fake_api::cases::reference::{MANY, MANY_DATA_CENTER, MANY_ITEMS};
use crate::fake_api::route::Key::{self, Alias, Field, Name};
use crate::fake_api::route::{Note, Route};

/// The reference endpoints.
#[rustfmt::skip]
pub(super) const ROUTES: &[Route] = &[
    Route::get("zones/zone", ZONE).recorded(&[]),
    Route::get("zones", &[]).optional().recorded(&[]),
    Route::get("gpu_types/gpu_type", GPU_TYPE).recorded(&[]),
    Route::get("gpu_types", &[]).optional().pages("gpu_types", GPU_TYPES)
        .note(Note::Pages("gpu_types")),
    Route::get("data_centers/data_center/gpu_types", DATA_CENTER)
        .pages("gpu_types", DATA_CENTER_GPU_TYPES).note(Note::Pages("data_center_gpu_types")),
    Route::get("operating_systems/operating_system", &[Name("operating_system[id]")]).recorded(&[]),
    Route::get("operating_systems", &[]).optional().pages("operating_systems", OPERATING_SYSTEMS)
        .note(Note::Pages("operating_systems")),
    Route::get("currencies", &[]).optional().pages("currencies", CURRENCIES)
        .note(Note::Pages("currencies")),
];

const ZONE: &[Key] = &[
    Name("zone[id]"),
    Field("zone[permalink]", "/zone/permalink"),
];

const GPU_TYPE: &[Key] = &[
    Name("gpu_type[id]"),
    Field("gpu_type[permalink]", "/gpu_type/permalink"),
];

const DATA_CENTER: &[Key] = &[
    Name("data_center[id]"),
    Alias("data_center[permalink]", data_center_by_permalink),
];

/// The recorded data center with this permalink: its id, which names its
/// GPU types' answer.
fn data_center_by_permalink(permalink: &str) -> Option<String> {
    answers::find(
        "data_centers/data_center",
        "/data_center/permalink",
        permalink,
    )
    .map(ToOwned::to_owned)
}

const GPU_TYPES: &[(Pattern, ListHandler)] = &[(Is(MANY), many_gpu_types)];
const DATA_CENTER_GPU_TYPES: &[(Pattern, ListHandler)] = &[(Is(MANY_DATA_CENTER), many_gpu_types)];
const OPERATING_SYSTEMS: &[(Pattern, ListHandler)] = &[(Is(MANY), many_operating_systems)];
const CURRENCIES: &[(Pattern, ListHandler)] = &[(Is(MANY), many_currencies)];

/// `MANY_ITEMS` items, each `item(n)`.
fn many(item: fn(usize) -> Value) -> Option<Vec<Value>> {
    Some((0..MANY_ITEMS).map(item).collect())
}

fn many_gpu_types(_: &Call) -> Option<Vec<Value>> {
    many(|n| {
        json!({
            "id": format!("gput_Gen{n:012}"), "name": format!("GEN-{n}"),
            "manufacturer": "NVIDIA", "memory_in_gb": 16, "memory_type": "GDDR6",
            "permalink": format!("gen-{n}"),
        })
    })
}

fn many_operating_systems(_: &Call) -> Option<Vec<Value>> {
    many(|n| json!({"id": format!("os_Gen{n:014}"), "name": format!("GEN-{n}")}))
}

fn many_currencies(_: &Call) -> Option<Vec<Value>> {
    many(|n| json!({"id": format!("cur_Gen{n:013}"), "name": format!("GEN-{n}")}))
}
