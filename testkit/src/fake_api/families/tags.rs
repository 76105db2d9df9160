//! Tags: one, by id, and an organization's, paged. Recorded answers only.

use crate::fake_api::route::Key::Name;
use crate::fake_api::route::{ORG, Route};

/// The tag endpoints.
#[rustfmt::skip]
pub(super) const ROUTES: &[Route] = &[
    Route::get("tags/tag", &[Name("tag[id]")]).recorded(&[]),
    Route::get("organizations/organization/tags", ORG).optional().pages("tags", &[]),
];
