//! The answer to every RPC for something this provider does not offer:
//! managed resources, ephemeral resources, functions.

use tonic::{Response, Status};

use super::{ProviderService, WithDiagnostics};
use crate::datasource;
use crate::diag::Diagnostic;

#[derive(Debug, Clone, Copy)]
pub enum Feature {
    Resource,
    Ephemeral,
    Function,
}

impl ProviderService {
    pub(super) async fn unsupported<R: WithDiagnostics>(
        &self,
        rpc: &'static str,
        feature: Feature,
    ) -> Result<Response<R>, Status> {
        self.handle(rpc, "", async {
            R::with_diagnostics(vec![diagnostic(feature)])
        })
        .await
    }
}

fn diagnostic(feature: Feature) -> Diagnostic {
    let what = match feature {
        Feature::Resource => "managed resources",
        Feature::Ephemeral => "ephemeral resources",
        Feature::Function => "functions",
    };
    let offered = datasource::all()
        .iter()
        .map(|d| d.type_name())
        .collect::<Vec<_>>()
        .join(", ");
    Diagnostic::error(
        format!("The Katapult provider has no {what}"),
        format!("This provider offers only data sources ({offered}); use them in `data` blocks."),
    )
}
