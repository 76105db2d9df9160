//! The answer to every RPC for something this provider does not offer:
//! managed resources and functions.

use tonic::{Response, Status};

use super::ProviderService;
use super::service::WithDiagnostics;
use crate::diag::Diagnostic;

#[derive(Debug, Clone, Copy)]
pub enum Feature {
    Resource,
    Function,
}

impl ProviderService {
    pub(super) async fn unsupported<R: WithDiagnostics>(
        &self,
        rpc: &'static str,
        feature: Feature,
    ) -> Result<Response<R>, Status> {
        let offered = self.provider.data_sources();
        self.handle(rpc, "", async {
            R::with_diagnostics(vec![diagnostic(feature, offered)])
        })
        .await
    }
}

fn diagnostic(feature: Feature, offered: &[&dyn crate::datasource::DataSource]) -> Diagnostic {
    let what = match feature {
        Feature::Resource => "managed resources",
        Feature::Function => "functions",
    };
    let offered = offered
        .iter()
        .map(|d| d.type_name())
        .collect::<Vec<_>>()
        .join(", ");
    Diagnostic::error(
        format!("The Katapult provider has no {what}"),
        format!(
            "This provider offers data sources ({offered}), in `data` blocks, and the same as \
             ephemeral resources where they hold secrets."
        ),
    )
}
