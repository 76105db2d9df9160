//! Diagnostics: what Terraform shows a user when something is wrong, and the
//! one place where the provider's typed errors become them.
//!
//! - `diagnostic`: the type: a short summary, a detail that says what
//!   happened and what to do, and the attribute to blame.
//! - `api`: the API's errors in words, by group.

mod api;
mod diagnostic;

pub(crate) use api::scope_not_granted;
pub use diagnostic::{Diagnostic, Severity};
