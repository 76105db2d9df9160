//! The account: one organization, by id or sub-domain; the organizations
//! the API token sees (one answer: the API reference gives that endpoint no
//! pages); one trash object, by its id or the trashed object's; an
//! organization's trash (paged). Answers from Krystal's Go client's
//! organization and trash fixtures and the organization the recorded
//! virtual machines nest (`answers/README.md`); `account::BIGCO_TRASH`
//! trash objects generated for `orgs::BIGCO`, over two pages of 200.

use serde_json::{Value, json};

use crate::fake_api::call::Pattern::Is;
use crate::fake_api::call::{Call, ListHandler, Pattern};
use crate::fake_api::cases::{account, orgs};
use crate::fake_api::route::Key::{self, Field, Name};
use crate::fake_api::route::{Note, ORG, Route};

/// The account endpoints.
#[rustfmt::skip]
pub(super) const ROUTES: &[Route] = &[
    Route::get("organizations/organization", ORGANIZATION).recorded(&[]),
    Route::get("organizations", &[]).optional().recorded(&[]),
    Route::get("trash_objects/trash_object", TRASH_OBJECT).recorded(&[]),
    Route::get("organizations/organization/trash_objects", ORG).optional()
        .pages("trash_objects", TRASH).note(Note::Pages("trash_objects")),
];

/// Filed by sub-domain; the id found in the answer.
const ORGANIZATION: &[Key] = &[
    Name("organization[sub_domain]"),
    Field("organization[id]", "/organization/id"),
];

/// Filed by id; the trashed object's id found in the answer.
const TRASH_OBJECT: &[Key] = &[
    Name("trash_object[id]"),
    Field("trash_object[object_id]", "/trash_object/object_id"),
];

const TRASH: &[(Pattern, ListHandler)] = &[(Is(orgs::BIGCO), bigco_trash)];

/// `trsh_Bigco{n:011}`, the disk `disk_Bigco{n:011}` trashed.
fn bigco_trash(_: &Call) -> Option<Vec<Value>> {
    Some(
        (0..account::BIGCO_TRASH as u64)
            .map(|n| {
                json!({"id": format!("trsh_Bigco{n:011}"), "keep_until": 1_610_039_191 + n,
                    "object_id": format!("disk_Bigco{n:011}"), "object_type": "Disk"})
            })
            .collect(),
    )
}
