//! The provider: its configuration (with environment fallbacks), the API
//! client built from it, and the data sources it serves.
//!
//! Protocol-free: the server module calls in with decoded values and turns
//! the results into protocol messages.

use std::sync::{Arc, RwLock};
use std::time::Duration;

use crate::datasource::{self, DataSource, ReadContext};
use crate::diag::Diagnostic;
use crate::duration::parse_duration;
use crate::katapult::{self, ApiKey, ClientConfig, RetryPolicy};
use crate::logging;
use crate::schema::{Attribute, Block, Kind};
use crate::tftypes::{AttributePath, Number, Value};

pub const DEFAULT_API_URL: &str = "https://api.katapult.io";
pub const DEFAULT_REQUEST_TIMEOUT: Duration = Duration::from_secs(30);
pub const DEFAULT_READ_TIMEOUT: Duration = Duration::from_secs(300);
/// The most retries a user may ask for: beyond this a plan would only hang.
const MAX_RETRIES_LIMIT: u64 = 20;
pub const ENV_API_KEY: &str = "KATAPULT_API_KEY";
pub const ENV_API_URL: &str = "KATAPULT_API_URL";
pub const ENV_LOG_LEVEL: &str = "KATAPULT_LOG_LEVEL";
pub const ENV_ORGANIZATION: &str = "KATAPULT_ORGANIZATION";

pub static SCHEMA: Block = Block {
    description: "The Katapult provider reads Katapult (Krystal's cloud) objects through the \
                  Core API. Every argument is optional: the API key and URL can come from the \
                  environment instead.",
    attributes: &[
        Attribute::optional(
            "api_key",
            Kind::String,
            "A Katapult API token. Defaults to the `KATAPULT_API_KEY` environment variable. \
             Reading a disk needs the `disks` or `disks:read` scope.",
        )
        .sensitive(),
        Attribute::optional(
            "api_url",
            Kind::String,
            "The Katapult API's base URL; `/core/v1` is added to it. Defaults to the \
             `KATAPULT_API_URL` environment variable, else `https://api.katapult.io`. Must be \
             `https://` (plain `http://` only to this machine's loopback address).",
        ),
        Attribute::optional(
            "request_timeout",
            Kind::String,
            "How long one API request may take, from connecting to the last byte of the answer, \
             as a duration such as `30s`, `1m30s` or `500ms`, at most `24h`. Defaults to `30s`.",
        ),
        Attribute::optional(
            "read_timeout",
            Kind::String,
            "How long one data source read may take in all, retries and rate-limit pacing \
             included, as a duration such as `5m`, at most `24h`. Defaults to `5m`; a data \
             source's `timeouts { read = ... }` overrides it.",
        ),
        Attribute::optional(
            "max_retries",
            Kind::Number,
            "How many times a request is retried after a rate limit (429), an outage (502, 503, \
             504), a timeout or a network fault, with exponential backoff and jitter, or after \
             the `Retry-After` the API asks for. Other errors are never retried. Defaults to `5`; \
             `0` disables retries; at most `20`.",
        ),
        Attribute::optional(
            "organization",
            Kind::String,
            "The organization's sub-domain (as in the Katapult console's URL), whose disks \
             `katapult_disks` lists. Defaults to the `KATAPULT_ORGANIZATION` environment \
             variable, as in Katapult's Go provider. `katapult_disk` does not need it: a disk is \
             looked up by its ID alone.",
        ),
        Attribute::optional(
            "data_center",
            Kind::String,
            "Accepted so that a provider block written for Katapult's Go provider works \
             unchanged (as is `KATAPULT_DATA_CENTER`). Not used: a disk's data center is read \
             from the API.",
        ),
        Attribute::optional(
            "skip_trash_object_purge",
            Kind::Bool,
            "Accepted so that a provider block written for Katapult's Go provider works \
             unchanged. Not used: this provider only reads, so it never deletes or purges.",
        ),
        Attribute::optional(
            "log_level",
            Kind::String,
            "The least severe level the provider logs: `trace`, `debug`, `info`, `warn` or \
             `error`, as in Katapult's Go provider. Defaults to the `KATAPULT_LOG_LEVEL` \
             environment variable; unset, `TF_LOG_PROVIDER` (or `TF_LOG`) alone decides. It can \
             only quieten the provider: Terraform shows no provider logs unless `TF_LOG` or \
             `TF_LOG_PROVIDER` asks for them.",
        ),
    ],
    blocks: &[],
};

/// The provider's state once Terraform has configured it.
#[derive(Debug)]
enum Configured {
    Ready(Arc<Ready>),
    /// Neither the configuration nor the environment holds a key. Not an
    /// error until something needs the API: `terraform plan` on a
    /// configuration with no katapult data sources must still work.
    MissingKey,
    /// Some settings depend on values not known until apply.
    Unknown(&'static str),
}

/// The Katapult provider.
#[derive(Debug, Default)]
pub struct Provider {
    configured: RwLock<Option<Configured>>,
}

/// A configured provider: the shared client and the read budget.
#[derive(Debug)]
struct Ready {
    client: katapult::Client,
    read_timeout: Duration,
    organization: Option<String>,
}

/// Where a setting's value came from, so an error about it points there.
#[derive(Debug, Clone, Copy)]
enum Source {
    /// The provider block's attribute of this name.
    Config(&'static str),
    /// The environment variable of this name.
    Env(&'static str),
    Default,
}

impl Source {
    /// `diag` about a value from here: at the attribute, or naming the
    /// environment variable (which has no line in the configuration).
    fn blame(self, mut diag: Diagnostic) -> Diagnostic {
        match self {
            Source::Config(name) => diag.at(AttributePath::root(name)),
            Source::Env(var) => {
                diag.detail = format!("From the {var} environment variable: {}", diag.detail);
                diag
            }
            Source::Default => diag,
        }
    }
}

/// The settings after configuration and environment are merged.
struct Settings {
    api_key: Option<(String, Source)>,
    api_url: (String, Source),
    organization: Option<String>,
    request_timeout: Duration,
    read_timeout: Duration,
    max_retries: u32,
}

impl Provider {
    pub fn new() -> Self {
        Self::default()
    }

    /// Checks a provider configuration whose values may be unknown.
    pub fn validate(&self, config: &Value) -> Vec<Diagnostic> {
        let mut diags = Vec::new();
        for name in ["request_timeout", "read_timeout"] {
            if let Value::String(timeout) = config.attribute(name)
                && let Err(e) = parse_duration(timeout)
            {
                diags.push(
                    Diagnostic::error(format!("Invalid {name}"), e).at(AttributePath::root(name)),
                );
            }
        }
        if let Value::Number(n) = config.attribute("max_retries")
            && let Err(e) = parse_retries(n)
        {
            diags.push(
                Diagnostic::error("Invalid max_retries", e).at(AttributePath::root("max_retries")),
            );
        }
        if let Value::String(key) = config.attribute("api_key")
            && !key.is_empty()
            && let Err(e) = ApiKey::parse(key)
        {
            diags.push(Diagnostic::from(&e).at(AttributePath::root("api_key")));
        }
        if let Value::String(level) = config.attribute("log_level")
            && !level.is_empty()
            && logging::parse_floor(level).is_none()
        {
            diags.push(invalid_log_level(level).at(AttributePath::root("log_level")));
        }
        if let Value::String(url) = config.attribute("api_url")
            && !url.is_empty()
            && let Err(e) = katapult::check_api_url(url)
        {
            diags.push(Diagnostic::from(&e).at(AttributePath::root("api_url")));
        }
        diags
    }

    /// Builds the API client from configuration and environment.
    pub fn configure(&self, config: &Value, terraform_version: &str) -> Vec<Diagnostic> {
        match config_string(config, "log_level", Some(ENV_LOG_LEVEL)) {
            Ok(Some((level, source))) => match logging::parse_floor(&level) {
                Some(floor) => logging::set_floor(Some(floor)),
                None => return vec![source.blame(invalid_log_level(&level))],
            },
            Ok(None) => logging::set_floor(None),
            // Not known until apply: Terraform's level decides until then.
            Err(_) => {}
        }
        let configured = match settings(config) {
            Err(unknown) => Ok(Configured::Unknown(unknown)),
            Ok(Settings { api_key: None, .. }) => Ok(Configured::MissingKey),
            Ok(Settings {
                api_key: Some((key, key_source)),
                api_url: (api_url, url_source),
                organization,
                request_timeout,
                read_timeout,
                max_retries,
            }) => ApiKey::parse(&key)
                .map_err(|e| key_source.blame(Diagnostic::from(&e)))
                .and_then(|api_key| {
                    katapult::Client::new(ClientConfig {
                        api_url,
                        api_key,
                        request_timeout,
                        retry: RetryPolicy {
                            max_retries,
                            ..RetryPolicy::default()
                        },
                        user_agent: user_agent(terraform_version),
                    })
                    .map_err(|e| match e {
                        katapult::Error::InvalidApiUrl { .. } => {
                            url_source.blame(Diagnostic::from(&e))
                        }
                        e => Diagnostic::from(&e),
                    })
                })
                .map(|client| {
                    Configured::Ready(Arc::new(Ready {
                        client,
                        read_timeout,
                        organization,
                    }))
                }),
        };
        match configured {
            Ok(configured) => {
                tracing::debug!(state = configured.describe(), "Provider configured");
                *self.configured.write().unwrap_or_else(|e| e.into_inner()) = Some(configured);
                Vec::new()
            }
            Err(diag) => vec![diag],
        }
    }

    /// The data source of this type name, or the diagnostic to return.
    pub fn data_source(&self, type_name: &str) -> Result<&'static dyn DataSource, Diagnostic> {
        datasource::find(type_name).ok_or_else(|| {
            Diagnostic::error(
                "Unknown data source",
                format!(
                    "This provider has no data source {type_name:?}; it offers: {}.",
                    datasource::all()
                        .iter()
                        .map(|d| d.type_name())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            )
        })
    }

    /// Reads a data source's state.
    pub async fn read_data_source(
        &self,
        data_source: &dyn DataSource,
        config: &Value,
    ) -> Result<Value, Diagnostic> {
        let ready = self.ready()?;
        let ctx = ReadContext {
            client: &ready.client,
            read_timeout: ready.read_timeout,
            organization: ready.organization.as_deref(),
        };
        data_source
            .read(&ctx, config)
            .await
            .map_err(|e| Diagnostic::from(&e))
    }

    fn ready(&self) -> Result<Arc<Ready>, Diagnostic> {
        match &*self.configured.read().unwrap_or_else(|e| e.into_inner()) {
            Some(Configured::Ready(ready)) => Ok(Arc::clone(ready)),
            Some(Configured::MissingKey) => Err(Diagnostic::error(
                "Missing Katapult API key",
                format!(
                    "Set api_key in the provider \"katapult\" block, or the {ENV_API_KEY} \
                     environment variable, to a Katapult API token with the \"disks\" or \
                     \"disks:read\" scope."
                ),
            )),
            Some(Configured::Unknown(attribute)) => Err(Diagnostic::error(
                "Provider configuration not known yet",
                format!(
                    "The provider's {attribute} depends on a value that is known only after \
                     apply, so this data source cannot be read during plan. Apply the resources \
                     it depends on first (terraform apply -target=...)."
                ),
            )),
            None => Err(Diagnostic::error(
                "Provider not configured",
                "Terraform read a data source before configuring the provider. This is a bug \
                 in Terraform or this provider; please report it.",
            )),
        }
    }
}

impl Configured {
    fn describe(&self) -> &'static str {
        match self {
            Configured::Ready(_) => "ready",
            Configured::MissingKey => "no API key",
            Configured::Unknown(_) => "unknown until apply",
        }
    }
}

/// Merges configuration over environment over defaults. Errs with the first
/// attribute whose value is unknown.
fn settings(config: &Value) -> Result<Settings, &'static str> {
    let duration = |name: &'static str, default: Duration| -> Result<Duration, &'static str> {
        // Validation has already rejected a malformed duration.
        Ok(config_string(config, name, None)?
            .and_then(|(s, _)| parse_duration(&s).ok())
            .unwrap_or(default))
    };
    let max_retries = match config.attribute("max_retries") {
        Value::Unknown => return Err("max_retries"),
        Value::Number(n) => parse_retries(n).unwrap_or(RetryPolicy::default().max_retries),
        _ => RetryPolicy::default().max_retries,
    };
    Ok(Settings {
        api_key: config_string(config, "api_key", Some(ENV_API_KEY))?,
        api_url: config_string(config, "api_url", Some(ENV_API_URL))?
            .unwrap_or_else(|| (DEFAULT_API_URL.to_owned(), Source::Default)),
        organization: config_string(config, "organization", Some(ENV_ORGANIZATION))?
            .map(|(org, _)| org.trim().to_owned()),
        request_timeout: duration("request_timeout", DEFAULT_REQUEST_TIMEOUT)?,
        read_timeout: duration("read_timeout", DEFAULT_READ_TIMEOUT)?,
        max_retries,
    })
}

/// A configuration string, else the environment variable, else none, with
/// where it came from. Errs with the attribute's name when its value is not
/// known yet.
fn config_string(
    config: &Value,
    name: &'static str,
    env: Option<&'static str>,
) -> Result<Option<(String, Source)>, &'static str> {
    match config.attribute(name) {
        Value::Unknown => Err(name),
        Value::String(s) if !s.is_empty() => Ok(Some((s.clone(), Source::Config(name)))),
        _ => Ok(env.and_then(|var| {
            std::env::var(var)
                .ok()
                .filter(|s| !s.is_empty())
                .map(|s| (s, Source::Env(var)))
        })),
    }
}

fn invalid_log_level(level: &str) -> Diagnostic {
    Diagnostic::error(
        "Invalid log_level",
        format!(
            "{:?} is not a log level: use one of {}.",
            level.chars().take(40).collect::<String>(),
            logging::FLOOR_LEVELS.join(", ")
        ),
    )
}

fn parse_retries(n: &Number) -> Result<u32, String> {
    match n {
        Number::Int(i) if (0..=MAX_RETRIES_LIMIT as i64).contains(i) => Ok(*i as u32),
        Number::UInt(u) if *u <= MAX_RETRIES_LIMIT => Ok(*u as u32),
        Number::Float(f) if f.fract() == 0.0 && (0.0..=MAX_RETRIES_LIMIT as f64).contains(f) => {
            Ok(*f as u32)
        }
        _ => Err(format!(
            "max_retries must be a whole number from 0 to {MAX_RETRIES_LIMIT}"
        )),
    }
}

/// `Terraform/1.11.4 (+https://www.terraform.io) terraform-provider-katapult/0.1.0`,
/// plus `TF_APPEND_USER_AGENT`, as Katapult's Go provider sends.
fn user_agent(terraform_version: &str) -> String {
    let mut agent = format!(
        "Terraform/{} (+https://www.terraform.io) terraform-provider-katapult/{}",
        if terraform_version.is_empty() {
            "unknown"
        } else {
            terraform_version
        },
        env!("CARGO_PKG_VERSION")
    );
    if let Ok(extra) = std::env::var("TF_APPEND_USER_AGENT")
        && !extra.trim().is_empty()
    {
        agent.push(' ');
        agent.push_str(extra.trim());
    }
    agent
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validate_names_each_bad_setting() {
        let config = |name: &str, value: Value| Value::Object([(name.to_owned(), value)].into());
        let cases = [
            (
                config("request_timeout", "soon".into()),
                Some("request_timeout"),
            ),
            (
                config("read_timeout", "forever".into()),
                Some("read_timeout"),
            ),
            (
                config("max_retries", Value::Number(Number::Int(21))),
                Some("max_retries"),
            ),
            (
                config("max_retries", Value::Number(Number::Float(1.5))),
                Some("max_retries"),
            ),
            (
                config("max_retries", Value::Number(Number::Int(-1))),
                Some("max_retries"),
            ),
            (config("max_retries", Value::Number(Number::Int(20))), None),
            (config("read_timeout", "2m".into()), None),
            (config("read_timeout", Value::Unknown), None),
        ];
        for (value, want) in cases {
            let diags = Provider::new().validate(&value);
            let got = diags
                .first()
                .and_then(|d| d.path.as_ref())
                .map(ToString::to_string);
            assert_eq!(got.as_deref(), want, "{value:?}");
            assert!(diags.len() <= 1);
        }
    }

    #[test]
    fn user_agent_names_terraform_and_provider() {
        assert!(user_agent("1.11.4").starts_with(
            "Terraform/1.11.4 (+https://www.terraform.io) terraform-provider-katapult/"
        ));
    }
}
