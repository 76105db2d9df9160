//! What the server's tests share: a fresh service, one configured against
//! the test kit's fake API, values as Terraform sends them, the errors a response
//! holds. Each test is in the file of what it tests.

use tokio::sync::watch;
use tonic::Request;

use super::proto::{self as pb, provider_server::Provider as _};
use super::service::ProviderService;
use crate::provider::Provider;
use crate::tftypes::Value;

pub(super) fn service() -> ProviderService {
    ProviderService::new(Provider::new(), watch::Sender::default())
}

pub(super) fn errors(diagnostics: &[pb::Diagnostic]) -> Vec<&str> {
    diagnostics
        .iter()
        .filter(|d| d.severity == pb::diagnostic::Severity::Error as i32)
        .map(|d| d.summary.as_str())
        .collect()
}

pub(super) fn dynamic(value: &Value, ty: &crate::tftypes::Type) -> pb::DynamicValue {
    pb::DynamicValue {
        msgpack: crate::tftypes::encode_msgpack(value, ty).unwrap(),
        json: vec![],
    }
}

/// A service configured against `url` with `settings` besides the key.
pub(super) async fn configured(url: &str, settings: &[(&str, Value)]) -> ProviderService {
    let s = service();
    let config = crate::provider::test_config(url, settings);
    let r = s
        .configure_provider(Request::new(pb::configure_provider::Request {
            terraform_version: "1.11.4".into(),
            config: Some(dynamic(&config, crate::provider::schema().ty())),
            client_capabilities: None,
        }))
        .await
        .unwrap()
        .into_inner();
    assert!(r.diagnostics.is_empty(), "{:?}", r.diagnostics);
    s
}
