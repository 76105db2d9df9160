//! The `tfplugin6.Provider` gRPC service: every RPC has the same shape —
//! open a log span, convert the request, call the provider, convert the
//! response — inside a guard that turns a panic into an error diagnostic.
//!
//! Knows the protocol, not the transport: `plugin` serves this.

mod convert;
mod object_style;
mod service;
#[cfg(test)]
mod test_support;
mod unsupported;

use std::sync::Arc;
use std::sync::atomic::AtomicU64;

use tokio::sync::watch;
use tonic::{Request, Response, Status};

use crate::datasource::DataSource;
use crate::diag::Diagnostic;
use crate::provider::{self, Provider};
use crate::tftypes::Value;

use convert::{diagnostics_to_proto, schema_to_proto, value_from_proto, value_to_proto};
use object_style::ObjectStyle;
use service::WithDiagnostics;
use unsupported::Feature;

#[allow(clippy::all, clippy::pedantic, missing_docs, dead_code)]
pub(crate) mod proto {
    tonic::include_proto!("tfplugin6");
}
use proto as pb;

pub use pb::provider_server::ProviderServer;

/// The address Terraform knows this provider by, for logs.
pub const PROVIDER_ADDR: &str = "registry.terraform.io/krystal/katapult";
/// The same provider as OpenTofu resolves `krystal/katapult`.
pub const OPENTOFU_PROVIDER_ADDR: &str = "registry.opentofu.org/krystal/katapult";

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
const PROTOCOL_VERSION: &str = "6.9";

/// Serves the provider over protocol 6.
pub struct ProviderService {
    provider: Arc<Provider>,
    /// Set when Terraform calls StopProvider or the plugin is shutting down:
    /// every read in flight then ends at once with a diagnostic.
    stop: watch::Sender<bool>,
    next_request_id: AtomicU64,
}

impl ProviderService {
    /// A data source's (or ephemeral resource's) configuration check.
    fn validate(
        &self,
        source: Result<&'static dyn DataSource, Diagnostic>,
        config: Option<&pb::DynamicValue>,
    ) -> Vec<Diagnostic> {
        source
            .and_then(|ds| Ok((ds, value_from_proto(config, ds.schema().ty())?)))
            .map_or_else(|diag| vec![diag], |(ds, config)| ds.validate(&config))
    }

    /// A data source's read (or an ephemeral resource's open), ended at once
    /// by StopProvider or shutdown: its state, or a wholly unknown one with
    /// word that the read is deferred (a setting it needs is not known yet,
    /// and Terraform allows deferral).
    async fn read(
        &self,
        source: Result<&'static dyn DataSource, Diagnostic>,
        config: Option<&pb::DynamicValue>,
        capabilities: Option<&pb::ClientCapabilities>,
    ) -> Result<(pb::DynamicValue, Option<pb::Deferred>), Diagnostic> {
        let mut stopped = self.stop.subscribe();
        let deferral_allowed = capabilities.is_some_and(|c| c.deferral_allowed);
        let read = async {
            let ds = source?;
            let ty = ds.schema().ty();
            let config = value_from_proto(config, ty)?;
            match self
                .provider
                .read_data_source(ds, &config, deferral_allowed)
                .await?
            {
                provider::Read::State(state) => Ok((value_to_proto(&state, ty)?, None)),
                provider::Read::Deferred => {
                    tracing::debug!("Read deferred: a provider setting it needs is unknown");
                    let deferred = pb::Deferred {
                        reason: pb::deferred::Reason::ProviderConfigUnknown as i32,
                    };
                    Ok((value_to_proto(&Value::Unknown, ty)?, Some(deferred)))
                }
            }
        };
        let result = tokio::select! {
            result = read => result,
            _ = stopped.wait_for(|stop| *stop) => Err(Diagnostic::error(
                "Read cancelled",
                "Terraform asked the provider to stop before the read finished.",
            )),
        };
        if let Err(diag) = &result {
            tracing::debug!(summary = diag.summary.as_str(), "Read failed");
        }
        result
    }

    pub fn new(provider: Provider, stop: watch::Sender<bool>) -> Self {
        Self {
            provider: Arc::new(provider),
            stop,
            next_request_id: AtomicU64::new(1),
        }
    }
}

/// The capabilities this provider announces: its schema never changes within
/// a release, so Terraform may cache it instead of asking every start.
fn server_capabilities() -> pb::ServerCapabilities {
    pb::ServerCapabilities {
        plan_destroy: false,
        get_provider_schema_optional: true,
        move_resource_state: false,
    }
}

/// The trait methods of RPCs this provider answers with "not offered"
/// (`pb::NAME::Request` to `pb::NAME::Response`, named `RPC` in logs),
/// written as `#[tonic::async_trait]` expands an `async fn`: the attribute
/// does not look inside macros.
macro_rules! unsupported_rpcs {
    ($($method:ident($rpc:ident) = $feature:ident;)*) => {$(
        fn $method<'life0, 'async_trait>(
            &'life0 self,
            _request: Request<pb::$method::Request>,
        ) -> ::core::pin::Pin<
            Box<
                dyn ::core::future::Future<Output = Result<Response<pb::$method::Response>, Status>>
                    + Send
                    + 'async_trait,
            >,
        >
        where
            'life0: 'async_trait,
            Self: 'async_trait,
        {
            Box::pin(self.unsupported(stringify!($rpc), Feature::$feature))
        }
    )*};
}

#[tonic::async_trait]
impl pb::provider_server::Provider for ProviderService {
    async fn get_metadata(
        &self,
        _request: Request<pb::get_metadata::Request>,
    ) -> Result<Response<pb::get_metadata::Response>, Status> {
        self.handle("GetMetadata", "", async {
            pb::get_metadata::Response {
                server_capabilities: Some(server_capabilities()),
                data_sources: self
                    .provider
                    .data_sources()
                    .iter()
                    .map(|ds| pb::get_metadata::DataSourceMetadata {
                        type_name: ds.type_name().to_owned(),
                    })
                    .collect(),
                ephemeral_resources: self
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

    async fn get_provider_schema(
        &self,
        request: Request<pb::get_provider_schema::Request>,
    ) -> Result<Response<pb::get_provider_schema::Response>, Status> {
        self.handle("GetProviderSchema", "", async {
            let style = match ObjectStyle::for_client(request.metadata()) {
                Ok(style) => style,
                Err(diag) => {
                    return pb::get_provider_schema::Response {
                        diagnostics: diagnostics_to_proto(vec![diag]),
                        ..Default::default()
                    };
                }
            };
            let schema = |block| schema_to_proto(block, style);
            pb::get_provider_schema::Response {
                provider: Some(schema(&provider::SCHEMA)),
                data_source_schemas: self
                    .provider
                    .data_sources()
                    .iter()
                    .map(|ds| (ds.type_name().to_owned(), schema(ds.schema())))
                    .collect(),
                ephemeral_resource_schemas: self
                    .provider
                    .ephemeral_resources()
                    .map(|ds| (ds.type_name().to_owned(), schema(ds.schema())))
                    .collect(),
                server_capabilities: Some(server_capabilities()),
                ..Default::default()
            }
        })
        .await
    }

    async fn validate_provider_config(
        &self,
        request: Request<pb::validate_provider_config::Request>,
    ) -> Result<Response<pb::validate_provider_config::Response>, Status> {
        let request = request.into_inner();
        self.handle("ValidateProviderConfig", "", async {
            let diagnostics = match value_from_proto(request.config.as_ref(), provider::SCHEMA.ty())
            {
                Ok(config) => self.provider.validate(&config),
                Err(diag) => vec![diag],
            };
            pb::validate_provider_config::Response {
                diagnostics: diagnostics_to_proto(diagnostics),
            }
        })
        .await
    }

    async fn configure_provider(
        &self,
        request: Request<pb::configure_provider::Request>,
    ) -> Result<Response<pb::configure_provider::Response>, Status> {
        let request = request.into_inner();
        // A new operation: a Stop meant for the last one (in debug mode one
        // process serves many commands) no longer applies.
        self.stop.send_replace(false);
        self.handle("ConfigureProvider", "", async {
            let diagnostics = match value_from_proto(request.config.as_ref(), provider::SCHEMA.ty())
            {
                Ok(config) => self.provider.configure(&config, &request.terraform_version),
                Err(diag) => vec![diag],
            };
            pb::configure_provider::Response {
                diagnostics: diagnostics_to_proto(diagnostics),
            }
        })
        .await
    }

    async fn validate_data_resource_config(
        &self,
        request: Request<pb::validate_data_resource_config::Request>,
    ) -> Result<Response<pb::validate_data_resource_config::Response>, Status> {
        let request = request.into_inner();
        self.handle("ValidateDataResourceConfig", &request.type_name, async {
            let diagnostics = self.validate(
                self.provider.data_source(&request.type_name),
                request.config.as_ref(),
            );
            pb::validate_data_resource_config::Response {
                diagnostics: diagnostics_to_proto(diagnostics),
            }
        })
        .await
    }

    async fn read_data_source(
        &self,
        request: Request<pb::read_data_source::Request>,
    ) -> Result<Response<pb::read_data_source::Response>, Status> {
        let request = request.into_inner();
        self.handle("ReadDataSource", &request.type_name, async {
            let source = self.provider.data_source(&request.type_name);
            let capabilities = request.client_capabilities.as_ref();
            match self
                .read(source, request.config.as_ref(), capabilities)
                .await
            {
                Ok((state, deferred)) => pb::read_data_source::Response {
                    state: Some(state),
                    deferred,
                    ..Default::default()
                },
                Err(diag) => pb::read_data_source::Response::with_diagnostics(vec![diag]),
            }
        })
        .await
    }

    async fn stop_provider(
        &self,
        _request: Request<pb::stop_provider::Request>,
    ) -> Result<Response<pb::stop_provider::Response>, Status> {
        self.stop.send_replace(true);
        tracing::info!(
            tf_rpc = "StopProvider",
            "Stopping: cancelling reads in flight"
        );
        Ok(Response::new(pb::stop_provider::Response {
            error: String::new(),
        }))
    }

    async fn get_resource_identity_schemas(
        &self,
        _request: Request<pb::get_resource_identity_schemas::Request>,
    ) -> Result<Response<pb::get_resource_identity_schemas::Response>, Status> {
        // No managed resources, so no identities: an empty answer is correct.
        self.handle("GetResourceIdentitySchemas", "", async {
            Default::default()
        })
        .await
    }

    async fn get_functions(
        &self,
        _request: Request<pb::get_functions::Request>,
    ) -> Result<Response<pb::get_functions::Response>, Status> {
        self.handle("GetFunctions", "", async { Default::default() })
            .await
    }

    // What this provider does not offer: each answers with an error that says so.
    unsupported_rpcs! {
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

    async fn validate_ephemeral_resource_config(
        &self,
        request: Request<pb::validate_ephemeral_resource_config::Request>,
    ) -> Result<Response<pb::validate_ephemeral_resource_config::Response>, Status> {
        let request = request.into_inner();
        self.handle(
            "ValidateEphemeralResourceConfig",
            &request.type_name,
            async {
                let diagnostics = self.validate(
                    self.provider.ephemeral_resource(&request.type_name),
                    request.config.as_ref(),
                );
                pb::validate_ephemeral_resource_config::Response {
                    diagnostics: diagnostics_to_proto(diagnostics),
                }
            },
        )
        .await
    }

    async fn open_ephemeral_resource(
        &self,
        request: Request<pb::open_ephemeral_resource::Request>,
    ) -> Result<Response<pb::open_ephemeral_resource::Response>, Status> {
        let request = request.into_inner();
        self.handle("OpenEphemeralResource", &request.type_name, async {
            let source = self.provider.ephemeral_resource(&request.type_name);
            let capabilities = request.client_capabilities.as_ref();
            match self
                .read(source, request.config.as_ref(), capabilities)
                .await
            {
                // Nothing to renew or close: no renew_at, no private state.
                Ok((result, deferred)) => pb::open_ephemeral_resource::Response {
                    result: Some(result),
                    deferred,
                    ..Default::default()
                },
                Err(diag) => pb::open_ephemeral_resource::Response::with_diagnostics(vec![diag]),
            }
        })
        .await
    }

    async fn renew_ephemeral_resource(
        &self,
        request: Request<pb::renew_ephemeral_resource::Request>,
    ) -> Result<Response<pb::renew_ephemeral_resource::Response>, Status> {
        // Open never asks for a renewal; should Terraform call anyway, there
        // is nothing to extend.
        let request = request.into_inner();
        self.handle("RenewEphemeralResource", &request.type_name, async {
            pb::renew_ephemeral_resource::Response::default()
        })
        .await
    }

    async fn close_ephemeral_resource(
        &self,
        request: Request<pb::close_ephemeral_resource::Request>,
    ) -> Result<Response<pb::close_ephemeral_resource::Response>, Status> {
        // A read holds nothing open.
        let request = request.into_inner();
        self.handle("CloseEphemeralResource", &request.type_name, async {
            pb::close_ephemeral_resource::Response::default()
        })
        .await
    }
}

#[cfg(test)]
mod tests {
    use super::test_support::{answering, configured, dynamic, errors, service};
    use super::*;
    use pb::provider_server::Provider as _;

    #[tokio::test]
    async fn unsupported_rpcs_say_what_is_offered() {
        let s = service();
        let r = s
            .read_resource(Request::new(Default::default()))
            .await
            .unwrap()
            .into_inner();
        assert_eq!(
            errors(&r.diagnostics),
            ["The Katapult provider has no managed resources"]
        );
        assert!(r.diagnostics[0].detail.contains("katapult_disk"));
        let r = s
            .open_ephemeral_resource(Request::new(Default::default()))
            .await
            .unwrap()
            .into_inner();
        // The ephemeral RPCs are served: an unknown type is named as such.
        assert_eq!(errors(&r.diagnostics), ["Unknown ephemeral resource"]);
        assert!(r.diagnostics[0].detail.contains("katapult_disk"));
        let r = s
            .call_function(Request::new(Default::default()))
            .await
            .unwrap()
            .into_inner();
        assert!(r.error.unwrap().text.contains("has no functions"));
        // Asked of every provider by newer Terraform; empty is the right answer.
        let r = s
            .get_resource_identity_schemas(Request::new(Default::default()))
            .await
            .unwrap()
            .into_inner();
        assert!(r.identity_schemas.is_empty() && r.diagnostics.is_empty());
    }

    #[tokio::test]
    async fn unknown_config_values_never_fail_validation() {
        let s = service();
        // {"id": unknown}, as Terraform sends a value known only after apply.
        let config = pb::DynamicValue {
            msgpack: vec![0x81, 0xa2, b'i', b'd', 0xd4, 0, 0],
            json: vec![],
        };
        let r = s
            .validate_data_resource_config(Request::new(
                pb::validate_data_resource_config::Request {
                    type_name: "katapult_disk".into(),
                    config: Some(config.clone()),
                },
            ))
            .await
            .unwrap()
            .into_inner();
        assert!(r.diagnostics.is_empty(), "{:?}", r.diagnostics);

        // Provider settings unknown at plan time: configuring works, and a
        // read says why it cannot happen yet.
        let unknown_key = pb::DynamicValue {
            msgpack: vec![
                0x81, 0xa7, b'a', b'p', b'i', b'_', b'k', b'e', b'y', 0xd4, 0, 0,
            ],
            json: vec![],
        };
        let r = s
            .configure_provider(Request::new(pb::configure_provider::Request {
                terraform_version: "1.11.4".into(),
                config: Some(unknown_key),
                client_capabilities: None,
            }))
            .await
            .unwrap()
            .into_inner();
        assert!(r.diagnostics.is_empty(), "{:?}", r.diagnostics);
        let id = pb::DynamicValue {
            msgpack: [vec![0x81, 0xa2, b'i', b'd', 0xa6], b"disk_x".to_vec()].concat(),
            json: vec![],
        };
        let r = s
            .read_data_source(Request::new(pb::read_data_source::Request {
                type_name: "katapult_disk".into(),
                config: Some(id),
                ..Default::default()
            }))
            .await
            .unwrap()
            .into_inner();
        assert_eq!(
            errors(&r.diagnostics),
            ["Provider configuration not known yet"]
        );
        assert!(r.diagnostics[0].detail.contains("api_key"));
    }

    #[tokio::test]
    async fn unknown_data_source_types_are_named() {
        let r = service()
            .validate_data_resource_config(Request::new(
                pb::validate_data_resource_config::Request {
                    type_name: "katapult_vm".into(),
                    config: None,
                },
            ))
            .await
            .unwrap()
            .into_inner();
        assert_eq!(errors(&r.diagnostics), ["Unknown data source"]);
        assert!(r.diagnostics[0].detail.contains("\"katapult_vm\""));
    }

    #[tokio::test]
    async fn schema_offers_the_disk_and_may_be_cached() {
        let r = service()
            .get_provider_schema(Request::new(Default::default()))
            .await
            .unwrap()
            .into_inner();
        assert!(r.data_source_schemas.contains_key("katapult_disk"));
        assert!(r.data_source_schemas.contains_key("katapult_disks"));
        // The disk, and only the disk, is also an ephemeral resource, with
        // the very same schema.
        assert_eq!(
            r.ephemeral_resource_schemas.keys().collect::<Vec<_>>(),
            ["katapult_disk"]
        );
        assert_eq!(
            r.ephemeral_resource_schemas["katapult_disk"],
            r.data_source_schemas["katapult_disk"]
        );
        assert!(r.provider.is_some());
        assert!(r.server_capabilities.unwrap().get_provider_schema_optional);
        let m = service()
            .get_metadata(Request::new(Default::default()))
            .await
            .unwrap()
            .into_inner();
        let ephemeral: Vec<String> = m
            .ephemeral_resources
            .into_iter()
            .map(|e| e.type_name)
            .collect();
        assert_eq!(ephemeral, ["katapult_disk"]);
    }

    #[tokio::test]
    async fn an_unknown_read_timeout_means_the_default_and_never_reaches_the_state() {
        let s = service();
        let url = answering(r#"{"disk":{"id":"disk_x","name":"n"},"annotations":[]}"#).await;
        let settings = Value::Object(
            [
                ("api_url".to_owned(), Value::from(url.as_str())),
                ("api_key".to_owned(), Value::from("kp_test")),
            ]
            .into(),
        );
        let r = s
            .configure_provider(Request::new(pb::configure_provider::Request {
                terraform_version: "1.11.4".into(),
                config: Some(dynamic(&settings, crate::provider::SCHEMA.ty())),
                client_capabilities: None,
            }))
            .await
            .unwrap()
            .into_inner();
        assert!(r.diagnostics.is_empty(), "{:?}", r.diagnostics);
        let ds = crate::datasource::find("katapult_disk").unwrap();
        let config = Value::Object(
            [
                ("id".to_owned(), Value::from("disk_x")),
                (
                    "timeouts".to_owned(),
                    Value::Object([("read".to_owned(), Value::Unknown)].into()),
                ),
            ]
            .into(),
        );
        let r = s
            .read_data_source(Request::new(pb::read_data_source::Request {
                type_name: "katapult_disk".into(),
                config: Some(dynamic(&config, ds.schema().ty())),
                ..Default::default()
            }))
            .await
            .unwrap()
            .into_inner();
        assert!(r.diagnostics.is_empty(), "{:?}", r.diagnostics);
        let state =
            crate::tftypes::decode_msgpack(&r.state.unwrap().msgpack, ds.schema().ty()).unwrap();
        assert_eq!(state.attribute("name"), &Value::from("n"));
        assert_eq!(
            state.attribute("timeouts"),
            &Value::Object([("read".to_owned(), Value::Null)].into())
        );
    }

    async fn read(
        s: &ProviderService,
        type_name: &str,
        config: &[(&str, Value)],
        deferral_allowed: bool,
    ) -> pb::read_data_source::Response {
        let ds = crate::datasource::find(type_name).unwrap();
        let config = Value::Object(
            config
                .iter()
                .map(|(k, v)| ((*k).to_owned(), v.clone()))
                .collect(),
        );
        s.read_data_source(Request::new(pb::read_data_source::Request {
            type_name: type_name.into(),
            config: Some(dynamic(&config, ds.schema().ty())),
            client_capabilities: Some(pb::ClientCapabilities {
                deferral_allowed,
                write_only_attributes_allowed: false,
            }),
            ..Default::default()
        }))
        .await
        .unwrap()
        .into_inner()
    }

    #[tokio::test]
    async fn an_unknown_setting_holds_back_only_the_reads_that_need_it() {
        let url = answering(r#"{"disk":{"id":"disk_x","name":"n"},"annotations":[]}"#).await;
        for unknown in ["organization", "log_level"] {
            let s = configured(&url, &[(unknown, Value::Unknown)]).await;
            // katapult_disk needs neither.
            let r = read(&s, "katapult_disk", &[("id", Value::from("disk_x"))], false).await;
            assert!(r.diagnostics.is_empty(), "{unknown}: {:?}", r.diagnostics);
            assert!(r.deferred.is_none());
        }
        let s = configured(&url, &[("organization", Value::Unknown)]).await;
        // katapult_disks needs the organization: an error naming it, or a
        // deferral where Terraform allows one.
        let r = read(&s, "katapult_disks", &[], false).await;
        assert_eq!(
            errors(&r.diagnostics),
            ["Provider configuration not known yet"]
        );
        assert!(
            r.diagnostics[0].detail.contains("organization"),
            "{:?}",
            r.diagnostics
        );
        let r = read(&s, "katapult_disks", &[], true).await;
        assert!(r.diagnostics.is_empty(), "{:?}", r.diagnostics);
        assert_eq!(
            r.deferred.map(|d| d.reason),
            Some(pb::deferred::Reason::ProviderConfigUnknown as i32)
        );
        let ty = crate::datasource::find("katapult_disks")
            .unwrap()
            .schema()
            .ty();
        let state = crate::tftypes::decode_msgpack(&r.state.unwrap().msgpack, ty).unwrap();
        assert_eq!(state, Value::Unknown, "a deferred read's state is unknown");
        // A setting every read needs: every read waits, deferred if allowed.
        let s = configured(&url, &[("read_timeout", Value::Unknown)]).await;
        let r = read(&s, "katapult_disk", &[("id", Value::from("disk_x"))], true).await;
        assert!(r.diagnostics.is_empty() && r.deferred.is_some(), "{r:?}");
        let r = read(&s, "katapult_disk", &[("id", Value::from("disk_x"))], false).await;
        assert_eq!(
            errors(&r.diagnostics),
            ["Provider configuration not known yet"]
        );
        assert!(r.diagnostics[0].detail.contains("read_timeout"));
    }

    #[tokio::test]
    async fn what_terraform_sends_is_never_echoed_whole() {
        let s = service();
        let huge = "x".repeat(1 << 20);
        let r = s
            .validate_data_resource_config(Request::new(
                pb::validate_data_resource_config::Request {
                    type_name: format!("katapult_{huge}"),
                    config: None,
                },
            ))
            .await
            .unwrap()
            .into_inner();
        assert_eq!(errors(&r.diagnostics), ["Unknown data source"]);
        assert!(
            r.diagnostics[0].detail.len() < 1000,
            "{}",
            r.diagnostics[0].detail.len()
        );
        let ds = crate::datasource::find("katapult_disk").unwrap();
        let config = Value::Object(
            [
                ("id".to_owned(), Value::from("disk_x")),
                (
                    "timeouts".to_owned(),
                    Value::Object([("read".to_owned(), Value::from(huge.as_str()))].into()),
                ),
            ]
            .into(),
        );
        let r = s
            .validate_data_resource_config(Request::new(
                pb::validate_data_resource_config::Request {
                    type_name: "katapult_disk".into(),
                    config: Some(dynamic(&config, ds.schema().ty())),
                },
            ))
            .await
            .unwrap()
            .into_inner();
        assert_eq!(errors(&r.diagnostics), ["Invalid read timeout"]);
        let detail = &r.diagnostics[0].detail;
        assert!(detail.len() < 1000, "{}", detail.len());
        assert!(detail.contains("more characters cut"), "{detail}");
        // The backstop: whatever a diagnostic holds, Terraform gets it cut.
        let d = convert::diagnostic_to_proto(Diagnostic::error(huge.clone(), huge.clone()));
        assert!(d.summary.len() < 300 && d.detail.len() < 4100);
    }

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
