//! The shape every RPC shares: a log span (with a request id), a guard that
//! turns a panic into an error diagnostic, and the timing logged when the
//! answer goes. Also how any response carries diagnostics, so any RPC can
//! fail the same way. What each RPC does is its family's file.

use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

use futures_util::FutureExt;
use tokio::sync::watch;
use tonic::{Response, Status};
use tracing::Instrument;

use super::convert::diagnostics_to_proto;
use super::proto as pb;
use crate::diag::Diagnostic;
use crate::provider::Provider;

/// The address Terraform knows this provider by, for logs.
pub const PROVIDER_ADDR: &str = "registry.terraform.io/krystal/katapult";
/// The same provider as OpenTofu resolves `krystal/katapult`.
pub const OPENTOFU_PROVIDER_ADDR: &str = "registry.opentofu.org/krystal/katapult";

/// The tfplugin6 version served, as every RPC's log span names it.
const PROTOCOL_VERSION: &str = "6.9";

/// Serves the provider over protocol 6.
pub struct ProviderService {
    pub(super) provider: Arc<Provider>,
    /// Set when Terraform calls StopProvider or the plugin is shutting down:
    /// every read in flight then ends at once with a diagnostic.
    pub(super) stop: watch::Sender<bool>,
    next_request_id: AtomicU64,
}

impl ProviderService {
    pub fn new(provider: Provider, stop: watch::Sender<bool>) -> Self {
        Self {
            provider: Arc::new(provider),
            stop,
            next_request_id: AtomicU64::new(1),
        }
    }
}

impl ProviderService {
    /// Runs one RPC's work inside its log span and a panic guard.
    pub(super) async fn handle<R, F>(
        &self,
        rpc: &'static str,
        type_name: &str,
        work: F,
    ) -> Result<Response<R>, Status>
    where
        R: WithDiagnostics,
        F: Future<Output = R>,
    {
        let span = tracing::debug_span!(
            "rpc",
            tf_rpc = rpc,
            tf_req_id = self.next_request_id.fetch_add(1, Ordering::Relaxed),
            tf_proto_version = PROTOCOL_VERSION,
            tf_provider_addr = PROVIDER_ADDR,
            tf_data_source_type = tracing::field::Empty,
        );
        if !type_name.is_empty() {
            span.record(
                "tf_data_source_type",
                crate::text::shown(type_name, crate::text::MAX_ECHO).as_str(),
            );
        }
        async move {
            tracing::trace!("Received request");
            let started = Instant::now();
            let response = match AssertUnwindSafe(work).catch_unwind().await {
                Ok(response) => response,
                Err(panic) => {
                    let message = panic_message(panic.as_ref());
                    tracing::error!(panic = message, "Handler panicked");
                    R::with_diagnostics(vec![Diagnostic::error(
                        "Provider internal error",
                        format!(
                            "The Katapult provider failed while handling {rpc}: {message}. This is a \
                             bug in the provider; please report it with the Terraform command you ran."
                        ),
                    )])
                }
            };
            tracing::debug!(
                duration_ms = started.elapsed().as_millis() as u64,
                diagnostics = response.diagnostic_count(),
                "Served request"
            );
            Ok(Response::new(response))
        }
        .instrument(span)
        .await
    }
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".to_owned())
}

/// A response that can carry diagnostics, so any RPC can fail the same way.
pub(super) trait WithDiagnostics {
    fn with_diagnostics(diagnostics: Vec<Diagnostic>) -> Self;
    fn diagnostic_count(&self) -> usize;
}

macro_rules! with_diagnostics {
    ($($response:ty),* $(,)?) => {$(
        impl WithDiagnostics for $response {
            // Some responses have no field but diagnostics.
            #[allow(clippy::needless_update)]
            fn with_diagnostics(diagnostics: Vec<Diagnostic>) -> Self {
                Self { diagnostics: diagnostics_to_proto(diagnostics), ..Default::default() }
            }
            fn diagnostic_count(&self) -> usize {
                self.diagnostics.len()
            }
        }
    )*};
}

with_diagnostics!(
    pb::get_metadata::Response,
    pb::get_provider_schema::Response,
    pb::validate_provider_config::Response,
    pb::validate_resource_config::Response,
    pb::validate_data_resource_config::Response,
    pb::upgrade_resource_state::Response,
    pb::get_resource_identity_schemas::Response,
    pb::upgrade_resource_identity::Response,
    pb::configure_provider::Response,
    pb::read_resource::Response,
    pb::plan_resource_change::Response,
    pb::apply_resource_change::Response,
    pb::import_resource_state::Response,
    pb::move_resource_state::Response,
    pb::read_data_source::Response,
    pb::validate_ephemeral_resource_config::Response,
    pb::open_ephemeral_resource::Response,
    pb::renew_ephemeral_resource::Response,
    pb::close_ephemeral_resource::Response,
    pb::get_functions::Response,
);

/// CallFunction reports failure in a FunctionError, not diagnostics.
impl WithDiagnostics for pb::call_function::Response {
    fn with_diagnostics(diagnostics: Vec<Diagnostic>) -> Self {
        let text = diagnostics
            .into_iter()
            .map(|d| format!("{}: {}", d.summary, d.detail))
            .collect::<Vec<_>>()
            .join("; ");
        Self {
            result: None,
            error: Some(pb::FunctionError {
                text,
                function_argument: None,
            }),
        }
    }
    fn diagnostic_count(&self) -> usize {
        usize::from(self.error.is_some())
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{errors, service};
    use super::*;

    #[tokio::test]
    async fn a_panic_becomes_an_error_diagnostic() {
        let response: pb::read_data_source::Response = service()
            .handle("ReadDataSource", "katapult_disk", async { panic!("boom") })
            .await
            .unwrap()
            .into_inner();
        assert_eq!(errors(&response.diagnostics), ["Provider internal error"]);
        assert!(response.diagnostics[0].detail.contains("boom"));
        assert!(response.state.is_none());
    }
}
