//! Katapult's Core API: an HTTP client, the responses it returns and the
//! errors the API documents, typed.
//!
//! Knows nothing of Terraform: the data sources turn these results into
//! values, and `diag` turns these errors into diagnostics.

mod client;
mod error;
mod flight;
mod json;
mod pacer;
mod response;
mod retry;

pub use client::{ApiKey, Budget, Client, ClientConfig, check_api_url};
pub use error::{CertificateProblem, Error, TrashTime};
pub use retry::{DEFAULT_NO_ANSWER_LIMIT, RetryPolicy};
