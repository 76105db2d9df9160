//! Ephemeral resources: Validate, Open, Renew and Close. A source offered
//! as an ephemeral resource is validated and read as a data source is
//! (`data_source` has the shared validate and read); nothing stays open, so
//! Renew and Close have nothing to do.

use tonic::{Request, Response, Status};

use super::convert::diagnostics_to_proto;
use super::proto as pb;
use super::service::ProviderService;
use super::service::WithDiagnostics;

pub(super) async fn validate_ephemeral_resource_config(
    service: &ProviderService,
    request: Request<pb::validate_ephemeral_resource_config::Request>,
) -> Result<Response<pb::validate_ephemeral_resource_config::Response>, Status> {
    let request = request.into_inner();
    service
        .handle(
            "ValidateEphemeralResourceConfig",
            &request.type_name,
            async {
                let diagnostics = service.validate(
                    service.provider.ephemeral_resource(&request.type_name),
                    request.config.as_ref(),
                );
                pb::validate_ephemeral_resource_config::Response {
                    diagnostics: diagnostics_to_proto(diagnostics),
                }
            },
        )
        .await
}

pub(super) async fn open_ephemeral_resource(
    service: &ProviderService,
    request: Request<pb::open_ephemeral_resource::Request>,
) -> Result<Response<pb::open_ephemeral_resource::Response>, Status> {
    let request = request.into_inner();
    service
        .handle("OpenEphemeralResource", &request.type_name, async {
            let source = service.provider.ephemeral_resource(&request.type_name);
            let capabilities = request.client_capabilities.as_ref();
            match service
                .read(source, request.config.as_ref(), capabilities)
                .await
            {
                // Nothing to renew or close: no renew_at, no private state.
                Ok(answer) => pb::open_ephemeral_resource::Response {
                    result: Some(answer.state),
                    deferred: answer.deferred,
                    diagnostics: answer.warnings,
                    ..Default::default()
                },
                Err(diag) => pb::open_ephemeral_resource::Response::with_diagnostics(vec![diag]),
            }
        })
        .await
}

pub(super) async fn renew_ephemeral_resource(
    service: &ProviderService,
    request: Request<pb::renew_ephemeral_resource::Request>,
) -> Result<Response<pb::renew_ephemeral_resource::Response>, Status> {
    // Open never asks for a renewal; should Terraform call anyway, there
    // is nothing to extend.
    let request = request.into_inner();
    service
        .handle("RenewEphemeralResource", &request.type_name, async {
            pb::renew_ephemeral_resource::Response::default()
        })
        .await
}

pub(super) async fn close_ephemeral_resource(
    service: &ProviderService,
    request: Request<pb::close_ephemeral_resource::Request>,
) -> Result<Response<pb::close_ephemeral_resource::Response>, Status> {
    // A read holds nothing open.
    let request = request.into_inner();
    service
        .handle("CloseEphemeralResource", &request.type_name, async {
            pb::close_ephemeral_resource::Response::default()
        })
        .await
}

#[cfg(test)]
mod tests {
    use super::super::test_support::service;
    use super::*;
    use pb::provider_server::Provider as _;

    #[tokio::test]
    async fn renew_and_close_answer_with_nothing_to_do() {
        let s = service();
        let renew = s
            .renew_ephemeral_resource(Request::new(Default::default()))
            .await
            .unwrap()
            .into_inner();
        assert!(renew.diagnostics.is_empty() && renew.renew_at.is_none());
        let close = s
            .close_ephemeral_resource(Request::new(Default::default()))
            .await
            .unwrap()
            .into_inner();
        assert!(close.diagnostics.is_empty());
    }
}
