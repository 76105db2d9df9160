//! Countries: one, by id or by its two-letter ISO code; every country; a
//! country's states (both paged). Answers written from the API reference
//! with the countries the recordings nest in data centers.

use crate::fake_api::route::Key::{self, Field, Name};
use crate::fake_api::route::Route;

/// The country endpoints.
#[rustfmt::skip]
pub(super) const ROUTES: &[Route] = &[
    Route::get("countries/country", COUNTRY).recorded(&[]),
    Route::get("countries", &[]).optional().pages("countries", &[]),
    Route::get("countries/country/country_states", &[Name("country[id]")]).pages("country_states", &[]),
];

const COUNTRY: &[Key] = &[
    Name("country[id]"),
    Field("country[iso_code2]", "/country/iso_code2"),
];
