//! What the provider offers: GetMetadata (the type names) and
//! GetProviderSchema (the schemas, in the object style chosen for this
//! client), both with the server capabilities. The schemas themselves are
//! the provider's and its data sources'; `convert` writes them as messages.

use tonic::{Request, Response, Status};

use super::convert::schema_to_proto;
use super::object_style::ObjectStyle;
use super::proto as pb;
use super::service::ProviderService;
use super::service::WithDiagnostics;
use crate::provider;

/// The capabilities this provider announces: its schema never changes within
/// a release, so Terraform may cache it instead of asking every start.
fn server_capabilities() -> pb::ServerCapabilities {
    pb::ServerCapabilities {
        plan_destroy: false,
        get_provider_schema_optional: true,
        move_resource_state: false,
    }
}

pub(super) async fn get_metadata(
    service: &ProviderService,
    _request: Request<pb::get_metadata::Request>,
) -> Result<Response<pb::get_metadata::Response>, Status> {
    service
        .handle("GetMetadata", "", async {
            pb::get_metadata::Response {
                server_capabilities: Some(server_capabilities()),
                data_sources: service
                    .provider
                    .data_sources()
                    .iter()
                    .map(|ds| pb::get_metadata::DataSourceMetadata {
                        type_name: ds.type_name().to_owned(),
                    })
                    .collect(),
                ephemeral_resources: service
                    .provider
                    .ephemeral_resources()
                    .map(|ds| pb::get_metadata::EphemeralMetadata {
                        type_name: ds.type_name().to_owned(),
                    })
                    .collect(),
                ..Default::default()
            }
        })
        .await
}

pub(super) async fn get_provider_schema(
    service: &ProviderService,
    request: Request<pb::get_provider_schema::Request>,
) -> Result<Response<pb::get_provider_schema::Response>, Status> {
    service
        .handle("GetProviderSchema", "", async {
            match ObjectStyle::for_client(request.metadata()) {
                Ok(style) => provider_schema(service, style),
                Err(diag) => pb::get_provider_schema::Response::with_diagnostics(vec![diag]),
            }
        })
        .await
}

fn provider_schema(
    service: &ProviderService,
    style: ObjectStyle,
) -> pb::get_provider_schema::Response {
    let schema = |block| schema_to_proto(block, style);
    pb::get_provider_schema::Response {
        provider: Some(schema(provider::schema())),
        data_source_schemas: service
            .provider
            .data_sources()
            .iter()
            .map(|ds| (ds.type_name().to_owned(), schema(ds.schema())))
            .collect(),
        ephemeral_resource_schemas: service
            .provider
            .ephemeral_resources()
            .map(|ds| (ds.type_name().to_owned(), schema(ds.schema())))
            .collect(),
        server_capabilities: Some(server_capabilities()),
        ..Default::default()
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::service;
    use super::*;
    use pb::provider_server::Provider as _;

    #[tokio::test]
    async fn schema_offers_the_disk_and_may_be_cached() {
        let r = service()
            .get_provider_schema(Request::new(Default::default()))
            .await
            .unwrap()
            .into_inner();
        assert!(r.data_source_schemas.contains_key("katapult_disk"));
        assert!(r.data_source_schemas.contains_key("katapult_disks"));
        // The disk is also an ephemeral resource, with the very same
        // schema; the load balancer's and the virtual machine's have their
        // own (the secret each data source never shows).
        // Every ephemeral resource of the registry, and only those.
        let registry: Vec<&str> = crate::datasource::ephemeral()
            .iter()
            .map(|e| e.type_name())
            .collect();
        assert!(registry.len() >= 4, "{registry:?}");
        let mut offered: Vec<&str> = r
            .ephemeral_resource_schemas
            .keys()
            .map(String::as_str)
            .collect();
        offered.sort();
        assert_eq!(offered, registry);
        assert_eq!(
            r.ephemeral_resource_schemas["katapult_disk"],
            r.data_source_schemas["katapult_disk"]
        );
        assert_ne!(
            r.ephemeral_resource_schemas["katapult_load_balancer"],
            r.data_source_schemas["katapult_load_balancer"]
        );
        assert_ne!(
            r.ephemeral_resource_schemas["katapult_virtual_machine"],
            r.data_source_schemas["katapult_virtual_machine"]
        );
        assert!(r.provider.is_some());
        assert!(r.server_capabilities.unwrap().get_provider_schema_optional);
        let m = service()
            .get_metadata(Request::new(Default::default()))
            .await
            .unwrap()
            .into_inner();
        let mut ephemeral: Vec<String> = m
            .ephemeral_resources
            .into_iter()
            .map(|e| e.type_name)
            .collect();
        ephemeral.sort();
        assert_eq!(ephemeral, registry);
    }
}
