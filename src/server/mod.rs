//! The `tfplugin6.Provider` gRPC service: the routes `main` hands the
//! transport, and the one `Provider` impl, a table sending each RPC to the
//! file of its family. Every RPC has the shape `service` gives it (a log
//! span, a panic guard); `convert` turns messages into our types and back.
//!
//! Knows the protocol, not the transport: `plugin` serves this.

mod convert;
mod data_source;
mod ephemeral;
mod object_style;
mod provider_config;
mod schema;
mod service;
#[cfg(test)]
mod test_support;
mod unsupported;

use tokio::sync::watch;
use tonic::{Request, Response, Status};

use crate::provider::Provider;

pub(crate) mod proto;
use proto as pb;

pub use pb::provider_server::ProviderServer;
pub use service::{OPENTOFU_PROVIDER_ADDR, PROVIDER_ADDR, ProviderService};

/// Terraform's own SDK allows messages this large; so do we, for answers
/// (schemas, lists of many objects).
const MAX_MESSAGE_BYTES: usize = 256 * 1024 * 1024;
/// What Terraform sends this provider is configuration: a few KiB. Far more
/// than that is refused by gRPC before it is buffered whole.
const MAX_REQUEST_BYTES: usize = 16 * 1024 * 1024;
/// The tfplugin6 service for `provider`, ready for the transport. Reads in
/// flight end at once when `shutdown` completes (as on StopProvider, which
/// cancels them but keeps serving). Call inside the runtime.
pub fn routes(
    provider: Provider,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> tonic::service::Routes {
    let stop = watch::Sender::default();
    tokio::spawn({
        let stop = stop.clone();
        async move {
            shutdown.await;
            stop.send_replace(true);
        }
    });
    tonic::service::Routes::new(
        ProviderServer::new(ProviderService::new(provider, stop))
            .max_decoding_message_size(MAX_REQUEST_BYTES)
            .max_encoding_message_size(MAX_MESSAGE_BYTES),
    )
}

#[tonic::async_trait]
impl pb::provider_server::Provider for ProviderService {
    async fn get_metadata(
        &self,
        request: Request<pb::get_metadata::Request>,
    ) -> Result<Response<pb::get_metadata::Response>, Status> {
        schema::get_metadata(self, request).await
    }

    async fn get_provider_schema(
        &self,
        request: Request<pb::get_provider_schema::Request>,
    ) -> Result<Response<pb::get_provider_schema::Response>, Status> {
        schema::get_provider_schema(self, request).await
    }

    async fn validate_provider_config(
        &self,
        request: Request<pb::validate_provider_config::Request>,
    ) -> Result<Response<pb::validate_provider_config::Response>, Status> {
        provider_config::validate_provider_config(self, request).await
    }

    async fn configure_provider(
        &self,
        request: Request<pb::configure_provider::Request>,
    ) -> Result<Response<pb::configure_provider::Response>, Status> {
        provider_config::configure_provider(self, request).await
    }

    async fn validate_data_resource_config(
        &self,
        request: Request<pb::validate_data_resource_config::Request>,
    ) -> Result<Response<pb::validate_data_resource_config::Response>, Status> {
        data_source::validate_data_resource_config(self, request).await
    }

    async fn read_data_source(
        &self,
        request: Request<pb::read_data_source::Request>,
    ) -> Result<Response<pb::read_data_source::Response>, Status> {
        data_source::read_data_source(self, request).await
    }

    async fn stop_provider(
        &self,
        request: Request<pb::stop_provider::Request>,
    ) -> Result<Response<pb::stop_provider::Response>, Status> {
        data_source::stop_provider(self, request)
    }

    async fn validate_ephemeral_resource_config(
        &self,
        request: Request<pb::validate_ephemeral_resource_config::Request>,
    ) -> Result<Response<pb::validate_ephemeral_resource_config::Response>, Status> {
        ephemeral::validate_ephemeral_resource_config(self, request).await
    }

    async fn open_ephemeral_resource(
        &self,
        request: Request<pb::open_ephemeral_resource::Request>,
    ) -> Result<Response<pb::open_ephemeral_resource::Response>, Status> {
        ephemeral::open_ephemeral_resource(self, request).await
    }

    async fn renew_ephemeral_resource(
        &self,
        request: Request<pb::renew_ephemeral_resource::Request>,
    ) -> Result<Response<pb::renew_ephemeral_resource::Response>, Status> {
        ephemeral::renew_ephemeral_resource(self, request).await
    }

    async fn close_ephemeral_resource(
        &self,
        request: Request<pb::close_ephemeral_resource::Request>,
    ) -> Result<Response<pb::close_ephemeral_resource::Response>, Status> {
        ephemeral::close_ephemeral_resource(self, request).await
    }

    async fn get_resource_identity_schemas(
        &self,
        request: Request<pb::get_resource_identity_schemas::Request>,
    ) -> Result<Response<pb::get_resource_identity_schemas::Response>, Status> {
        unsupported::get_resource_identity_schemas(self, request).await
    }

    async fn get_functions(
        &self,
        request: Request<pb::get_functions::Request>,
    ) -> Result<Response<pb::get_functions::Response>, Status> {
        unsupported::get_functions(self, request).await
    }

    // What this provider does not offer: each answers with an error that says so.
    unsupported::rpcs! {
        validate_resource_config(ValidateResourceConfig) = Resource;
        upgrade_resource_state(UpgradeResourceState) = Resource;
        upgrade_resource_identity(UpgradeResourceIdentity) = Resource;
        read_resource(ReadResource) = Resource;
        plan_resource_change(PlanResourceChange) = Resource;
        apply_resource_change(ApplyResourceChange) = Resource;
        import_resource_state(ImportResourceState) = Resource;
        move_resource_state(MoveResourceState) = Resource;
        call_function(CallFunction) = Function;
    }
}
