//! The provider block: ValidateProviderConfig and ConfigureProvider. What
//! the settings mean, and the API client they make, are the provider's.

use tonic::{Request, Response, Status};

use super::convert::{diagnostics_to_proto, value_from_proto};
use super::proto as pb;
use super::service::ProviderService;
use crate::provider;

pub(super) async fn validate_provider_config(
    service: &ProviderService,
    request: Request<pb::validate_provider_config::Request>,
) -> Result<Response<pb::validate_provider_config::Response>, Status> {
    let request = request.into_inner();
    service
        .handle("ValidateProviderConfig", "", async {
            let diagnostics =
                match value_from_proto(request.config.as_ref(), provider::schema().ty()) {
                    Ok(config) => service.provider.validate(&config),
                    Err(diag) => vec![diag],
                };
            pb::validate_provider_config::Response {
                diagnostics: diagnostics_to_proto(diagnostics),
            }
        })
        .await
}

pub(super) async fn configure_provider(
    service: &ProviderService,
    request: Request<pb::configure_provider::Request>,
) -> Result<Response<pb::configure_provider::Response>, Status> {
    let request = request.into_inner();
    // A new operation: a Stop meant for the last one (in debug mode one
    // process serves many commands) no longer applies.
    service.stop.send_replace(false);
    service
        .handle("ConfigureProvider", "", async {
            let diagnostics =
                match value_from_proto(request.config.as_ref(), provider::schema().ty()) {
                    Ok(config) => service
                        .provider
                        .configure(&config, &request.terraform_version),
                    Err(diag) => vec![diag],
                };
            pb::configure_provider::Response {
                diagnostics: diagnostics_to_proto(diagnostics),
            }
        })
        .await
}
