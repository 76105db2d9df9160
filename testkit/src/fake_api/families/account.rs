//! The account: one organization, by id or sub-domain; the organizations
//! the API token sees (one answer: the API reference gives that endpoint no
//! pages). Answers from Krystal's Go client's organization fixtures and the
//! organization the recorded virtual machines nest (`answers/README.md`).

use crate::fake_api::route::Key::{self, Field, Name};
use crate::fake_api::route::Route;

/// The account endpoints.
#[rustfmt::skip]
pub(super) const ROUTES: &[Route] = &[
    Route::get("organizations/organization", ORGANIZATION).recorded(&[]),
    Route::get("organizations", &[]).optional().recorded(&[]),
];

/// Filed by sub-domain; the id found in the answer.
const ORGANIZATION: &[Key] = &[
    Name("organization[sub_domain]"),
    Field("organization[id]", "/organization/id"),
];
