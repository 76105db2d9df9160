//! Reference data beside the data centers and countries: zones (one, by id
//! or permalink; every zone, one answer), GPU types (one, by id or
//! permalink; every GPU type and a data center's, paged), operating systems
//! (one, by id; every one, paged) and currencies (every one, paged). The
//! zone and the Ubuntu operating system as the recordings nest them; the
//! rest written from the API reference (see `answers/README.md`).

use crate::fake_api::answers;
use crate::fake_api::route::Key::{self, Alias, Field, Name};
use crate::fake_api::route::Route;

/// The reference endpoints.
#[rustfmt::skip]
pub(super) const ROUTES: &[Route] = &[
    Route::get("zones/zone", ZONE).recorded(&[]),
    Route::get("zones", &[]).optional().recorded(&[]),
    Route::get("gpu_types/gpu_type", GPU_TYPE).recorded(&[]),
    Route::get("gpu_types", &[]).optional().pages("gpu_types", &[]),
    Route::get("data_centers/data_center/gpu_types", DATA_CENTER).pages("gpu_types", &[]),
    Route::get("operating_systems/operating_system", &[Name("operating_system[id]")]).recorded(&[]),
    Route::get("operating_systems", &[]).optional().pages("operating_systems", &[]),
    Route::get("currencies", &[]).optional().pages("currencies", &[]),
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
