//! For tests: the one harness that reads a data source against an API
//! (the test kit's fake Katapult API), as the provider runs a read: a
//! connection to `url`, the configuration as given, the state or the
//! error it ends in.

use std::time::Duration;

use crate::katapult;
use crate::tftypes::Value;

use super::error::ReadError;
use super::source::{Connection, DataSource, Setting, read_state};

/// A connection to the API at `url`, with `organization` as the
/// provider's (none when empty) and a 60-second read budget.
pub fn connection(url: &str, organization: &str) -> Connection {
    let client = katapult::Client::new(katapult::ClientConfig {
        api_url: url.to_owned(),
        api_key: katapult::ApiKey::parse("kp_test").unwrap(),
        request_timeout: Duration::from_secs(10),
        retry: katapult::RetryPolicy::default(),
        user_agent: reqwest::header::HeaderValue::from_static("test"),
    })
    .unwrap();
    Connection {
        client,
        read_timeout: Duration::from_secs(60),
        organization: match organization {
            "" => Setting::Unset,
            name => Setting::Set(name.to_owned()),
        },
        data_center: Setting::Unset,
    }
}

/// A configuration of these attributes.
pub fn config(pairs: &[(&str, Value)]) -> Value {
    Value::Object(
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), v.clone()))
            .collect(),
    )
}

/// The state `ds` reads for `config` from the API at `url`, with
/// `organization` as the provider's (none when empty).
pub async fn read(
    url: &str,
    organization: &str,
    ds: &dyn DataSource,
    config: &Value,
) -> Result<Value, ReadError> {
    Ok(read_state(ds, &connection(url, organization), config)
        .await?
        .value)
}

/// `read`, its error as the diagnostic's summary and detail.
pub async fn read_described(
    url: &str,
    organization: &str,
    ds: &dyn DataSource,
    config: &Value,
) -> Result<Value, String> {
    read(url, organization, ds, config).await.map_err(|e| {
        let diag = e.diagnostic(&ds.reads());
        format!("{}: {}", diag.summary, diag.detail)
    })
}
