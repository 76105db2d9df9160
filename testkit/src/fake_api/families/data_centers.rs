//! The data centers: one, by id or by permalink, and every data center (one
//! recorded answer, not paged). Recorded answers only.

use crate::fake_api::route::Key::{self, Field, Name};
use crate::fake_api::route::Route;

/// The data center endpoints.
#[rustfmt::skip]
pub(super) const ROUTES: &[Route] = &[
    Route::get("data_centers/data_center", DATA_CENTER).recorded(&[]),
    Route::get("data_centers", &[]).optional().recorded(&[]),
];

const DATA_CENTER: &[Key] = &[
    Name("data_center[id]"),
    Field("data_center[permalink]", "/data_center/permalink"),
];
