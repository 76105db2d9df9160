//! Virtual machine groups: one, by id, and an organization's (one answer,
//! not paged). Recorded answers only.

use crate::fake_api::route::Key::Name;
use crate::fake_api::route::{ORG, Route};

/// The virtual machine group endpoints.
#[rustfmt::skip]
pub(super) const ROUTES: &[Route] = &[
    Route::get("virtual_machine_groups/virtual_machine_group", &[Name("virtual_machine_group[id]")]).recorded(&[]),
    Route::get("organizations/organization/virtual_machine_groups", ORG).optional().recorded(&[]),
];
