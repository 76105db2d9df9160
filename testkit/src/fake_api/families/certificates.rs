//! Certificates: one, by id; an organization's (paged); and an
//! organization's SSH keys (paged). Recorded answers (DataSourceCertificate*)
//! and written ones (`answers/README.md`).

use crate::fake_api::route::Key::Name;
use crate::fake_api::route::{ORG, Route};

/// The certificate and SSH key endpoints.
#[rustfmt::skip]
pub(super) const ROUTES: &[Route] = &[
    Route::get("certificates/certificate", &[Name("certificate[id]")]).recorded(&[]),
    Route::get("organizations/organization/certificates", ORG).optional().pages("certificates", &[]),
    Route::get("organizations/organization/ssh_keys", ORG).optional().pages("ssh_keys", &[]),
];
