//! Data sources: ValidateDataResourceConfig and ReadDataSource, and the
//! validate and read every source shares (ephemeral resources too), with
//! StopProvider, which cancels the reads in flight. What a read asks of
//! Katapult, and when it must wait for unknown settings, is the provider's
//! and each data source's.

use tonic::{Request, Response, Status};

use super::convert::{diagnostics_to_proto, value_from_proto, value_to_proto};
use super::proto as pb;
use super::service::ProviderService;
use super::service::WithDiagnostics;
use crate::datasource::DataSource;
use crate::diag::Diagnostic;
use crate::provider;
use crate::tftypes::Value;

/// What a read answers Terraform with.
pub(super) struct Answer {
    pub state: pb::DynamicValue,
    pub deferred: Option<pb::Deferred>,
    /// Warnings beside the state.
    pub warnings: Vec<pb::Diagnostic>,
}

impl ProviderService {
    /// A data source's (or ephemeral resource's) configuration check.
    pub(super) fn validate(
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
    pub(super) async fn read(
        &self,
        source: Result<&'static dyn DataSource, Diagnostic>,
        config: Option<&pb::DynamicValue>,
        capabilities: Option<&pb::ClientCapabilities>,
    ) -> Result<Answer, Diagnostic> {
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
                provider::Read::State(state) => Ok(Answer {
                    state: value_to_proto(&state.value, ty)?,
                    deferred: None,
                    warnings: diagnostics_to_proto(state.warnings),
                }),
                provider::Read::Deferred => {
                    tracing::debug!("Read deferred: a provider setting it needs is unknown");
                    let deferred = pb::Deferred {
                        reason: pb::deferred::Reason::ProviderConfigUnknown as i32,
                    };
                    Ok(Answer {
                        state: value_to_proto(&Value::Unknown, ty)?,
                        deferred: Some(deferred),
                        warnings: Vec::new(),
                    })
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
}

pub(super) async fn validate_data_resource_config(
    service: &ProviderService,
    request: Request<pb::validate_data_resource_config::Request>,
) -> Result<Response<pb::validate_data_resource_config::Response>, Status> {
    let request = request.into_inner();
    service
        .handle("ValidateDataResourceConfig", &request.type_name, async {
            let diagnostics = service.validate(
                service.provider.data_source(&request.type_name),
                request.config.as_ref(),
            );
            pb::validate_data_resource_config::Response {
                diagnostics: diagnostics_to_proto(diagnostics),
            }
        })
        .await
}

pub(super) async fn read_data_source(
    service: &ProviderService,
    request: Request<pb::read_data_source::Request>,
) -> Result<Response<pb::read_data_source::Response>, Status> {
    let request = request.into_inner();
    service
        .handle("ReadDataSource", &request.type_name, async {
            let source = service.provider.data_source(&request.type_name);
            let capabilities = request.client_capabilities.as_ref();
            match service
                .read(source, request.config.as_ref(), capabilities)
                .await
            {
                Ok(answer) => pb::read_data_source::Response {
                    state: Some(answer.state),
                    deferred: answer.deferred,
                    diagnostics: answer.warnings,
                },
                Err(diag) => pb::read_data_source::Response::with_diagnostics(vec![diag]),
            }
        })
        .await
}

/// Cancels the reads in flight and keeps serving. Outside the common shape:
/// its answer has no diagnostics to carry a failure (only an error text),
/// and it logs its own line.
pub(super) fn stop_provider(
    service: &ProviderService,
    _request: Request<pb::stop_provider::Request>,
) -> Result<Response<pb::stop_provider::Response>, Status> {
    service.stop.send_replace(true);
    tracing::info!(
        tf_rpc = "StopProvider",
        "Stopping: cancelling reads in flight"
    );
    Ok(Response::new(pb::stop_provider::Response {
        error: String::new(),
    }))
}

#[cfg(test)]
mod tests {
    use super::super::convert;
    use super::super::test_support::{configured, dynamic, errors, service};
    use super::*;
    use pb::provider_server::Provider as _;

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
    async fn an_unknown_read_timeout_means_the_default_and_never_reaches_the_state() {
        let s = service();
        let api = katapult_testkit::fake_api::FakeApi::start().await.unwrap();
        let settings = Value::Object(
            [
                ("api_url".to_owned(), Value::from(api.url().as_str())),
                ("api_key".to_owned(), Value::from("kp_test")),
            ]
            .into(),
        );
        let r = s
            .configure_provider(Request::new(pb::configure_provider::Request {
                terraform_version: "1.11.4".into(),
                config: Some(dynamic(&settings, crate::provider::schema().ty())),
                client_capabilities: None,
            }))
            .await
            .unwrap()
            .into_inner();
        assert!(r.diagnostics.is_empty(), "{:?}", r.diagnostics);
        let ds = crate::datasource::find("katapult_disk").unwrap();
        let config = Value::Object(
            [
                (
                    "id".to_owned(),
                    Value::from(katapult_testkit::fake_api::REAL_DISK_ID),
                ),
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
        assert_eq!(
            state.attribute("name"),
            &Value::from("tf-acc-test-data-source-mKu5JbeLhav3")
        );
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

    /// A deferred read (which reads, the provider decides: see its tests)
    /// answers with the reason and a wholly unknown state; where Terraform
    /// allows no deferral, the error names the setting.
    #[tokio::test]
    async fn a_deferred_read_answers_an_unknown_state_and_its_reason() {
        let api = katapult_testkit::fake_api::FakeApi::start().await.unwrap();
        let s = configured(&api.url(), &[("organization", Value::Unknown)]).await;
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
        let r = read(&s, "katapult_disks", &[], false).await;
        assert_eq!(
            errors(&r.diagnostics),
            ["Provider configuration not known yet"]
        );
        assert!(r.diagnostics[0].detail.contains("organization"));
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
        // The name is cut; the detail also lists every data source offered,
        // which grows with each one added.
        let detail = &r.diagnostics[0].detail;
        assert!(!detail.contains(&"x".repeat(200)), "{}", detail.len());
        assert!(detail.len() < 4000, "{}", detail.len());
        let ds = crate::datasource::find("katapult_disk").unwrap();
        let config = Value::Object(
            [
                (
                    "id".to_owned(),
                    Value::from(katapult_testkit::fake_api::REAL_DISK_ID),
                ),
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
}
