//! The provider: its configuration (with environment fallbacks), the API
//! client built from it, and the data sources it serves.
//!
//! Protocol-free: the server module calls in with decoded values and turns
//! the results into protocol messages.

use std::sync::OnceLock;
use std::sync::{Arc, RwLock};

use crate::datasource::{self, Connection, DataSource, OrganizationUse, ReadError};
use crate::diag::Diagnostic;
use crate::katapult::{self, ClientConfig, RetryPolicy};
use crate::logging;
use crate::schema::{Attribute, Block, Kind};
use crate::settings::{Parsed, Settings, names};
use crate::tftypes::Value;

/// The provider block's schema. The `organization` and `data_center`
/// settings' descriptions list the data sources that use them, read from the
/// data sources, so they stay right as they come and go.
pub fn schema() -> &'static Block {
    static SCHEMA: OnceLock<Block> = OnceLock::new();
    SCHEMA.get_or_init(|| {
        let attributes: Vec<Attribute> = ATTRIBUTES
            .iter()
            .map(|a| match a.name {
                names::ORGANIZATION => Attribute {
                    description: Box::leak(organization_description().into_boxed_str()),
                    ..*a
                },
                names::DATA_CENTER => Attribute {
                    description: Box::leak(data_center_description().into_boxed_str()),
                    ..*a
                },
                _ => *a,
            })
            .collect();
        Block {
            description: DESCRIPTION,
            attributes: Box::leak(attributes.into_boxed_slice()),
            blocks: &[],
            type_cache: OnceLock::new(),
        }
    })
}

/// The `organization` setting's description, from what each data source
/// says of its use.
fn organization_description() -> String {
    let named = |wanted: fn(&OrganizationUse) -> bool| {
        datasource::all()
            .iter()
            .filter(|ds| wanted(&ds.reads().organization))
            .map(|ds| format!("`{}`", ds.type_name()))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut text = format!(
        "The organization's sub-domain (as in the Katapult console's URL), whose objects these \
         data sources list or look up: {}. Defaults to the `KATAPULT_ORGANIZATION` environment \
         variable, as in Katapult's Go provider.",
        named(|o| *o == OrganizationUse::Needed)
    );
    for ds in datasource::all() {
        if let OrganizationUse::Optional(why) = ds.reads().organization {
            text.push_str(&format!(" `{}` uses it {why}.", ds.type_name()));
        }
    }
    let unused = named(|o| *o == OrganizationUse::Unused);
    if !unused.is_empty() {
        text.push_str(&format!(" Not needed by {unused}."));
    }
    text
}

/// The `data_center` setting's description, from the data sources that
/// default to it.
fn data_center_description() -> String {
    let mut text = String::from(
        "The permalink of the data center to use by default, e.g. `uk-lon-01`. Defaults to \
         the `KATAPULT_DATA_CENTER` environment variable, as in Katapult's Go provider.",
    );
    for ds in datasource::all() {
        if let Some(how) = ds.reads().data_center {
            text.push_str(&format!(" `{}` reads it {how}.", ds.type_name()));
        }
    }
    text.push_str(" No other data source uses it.");
    text
}

const DESCRIPTION: &str = "The Katapult provider reads Katapult (Krystal's cloud) objects through the \
                  Core API. Every argument is optional: the API key and URL can come from the \
                  environment instead.";

/// The settings, as `schema()` shows them but for what it fills in.
const ATTRIBUTES: &[Attribute] = &[
    Attribute::optional(
        names::API_KEY,
        Kind::String,
        "A Katapult API token. Defaults to the `KATAPULT_API_KEY` environment variable. \
         Each data source's documentation names the scopes it needs.",
    )
    .sensitive(),
    Attribute::optional(
        names::API_URL,
        Kind::String,
        "The Katapult API's base URL; `/core/v1` is added to it. Defaults to the \
         `KATAPULT_API_URL` environment variable, else `https://api.katapult.io`. Must be \
         `https://` (plain `http://` only to this machine's loopback address).",
    ),
    Attribute::optional(
        names::REQUEST_TIMEOUT,
        Kind::String,
        "How long one API request may take, from connecting to the last byte of the answer, \
         as a duration such as `30s`, `1m30s` or `500ms`, at most `24h`. Defaults to `30s`.",
    ),
    Attribute::optional(
        names::READ_TIMEOUT,
        Kind::String,
        "How long one data source read may take in all, retries and rate-limit pacing \
         included, as a duration such as `5m`, at most `24h`. Defaults to `5m`; a data \
         source's `timeouts { read = ... }` overrides it.",
    ),
    Attribute::optional(
        names::MAX_RETRIES,
        Kind::Number,
        "How many times a request is retried after a rate limit (429), an outage (502, 503, \
         504), a timeout or a network fault, with exponential backoff and jitter, or after \
         the `Retry-After` the API asks for. Other errors are never retried. Defaults to `5`; \
         `0` disables retries; at most `20`.",
    ),
    Attribute::optional(
        names::ORGANIZATION,
        Kind::String,
        "The organization's sub-domain (as in the Katapult console's URL), whose disks \
         `katapult_disks` lists. Defaults to the `KATAPULT_ORGANIZATION` environment \
         variable, as in Katapult's Go provider. `katapult_disk` does not need it: a disk is \
         looked up by its ID alone.",
    ),
    Attribute::optional(
        names::DATA_CENTER,
        Kind::String,
        "The permalink of the data center to use by default; `schema()` lists the data \
         sources that read it.",
    ),
    Attribute::optional(
        names::SKIP_TRASH_OBJECT_PURGE,
        Kind::Bool,
        "Accepted so that a provider block written for Katapult's Go provider works \
         unchanged. Not used: this provider only reads, so it never deletes or purges.",
    ),
    Attribute::optional(
        names::LOG_LEVEL,
        Kind::String,
        "The least severe level the provider logs: `trace`, `debug`, `info`, `warn`, \
         `error`, or `off` for none, in any case, as in Katapult's Go provider. Defaults to the `KATAPULT_LOG_LEVEL` \
         environment variable; unset, `TF_LOG_PROVIDER` (or `TF_LOG`) alone decides. It can \
         only quieten the provider: Terraform shows no provider logs unless `TF_LOG` or \
         `TF_LOG_PROVIDER` asks for them.",
    ),
];

/// The provider's state once Terraform has configured it.
#[derive(Debug)]
enum Configured {
    Ready(Arc<Connection>),
    /// Neither the configuration nor the environment holds a key: an error
    /// at configure (Terraform configures a provider only when something
    /// uses it), and for any read that comes anyway.
    MissingKey,
    /// Some settings depend on values not known until apply.
    Unknown(&'static str),
}

/// The Katapult provider.
#[derive(Debug, Default)]
pub struct Provider {
    configured: RwLock<Option<Configured>>,
}

/// What a read came to, short of an error.
#[derive(Debug)]
pub enum Read {
    /// The state, and any warnings beside it.
    State(datasource::State),
    /// A setting it needs is not known yet, and Terraform allows deferral:
    /// it reads again once that setting is known.
    Deferred,
}

impl Provider {
    pub fn new() -> Self {
        Self::default()
    }

    /// Checks a provider configuration whose values may be unknown. The
    /// environment is checked at configure, where it is the plugin's own.
    pub fn validate(&self, config: &Value) -> Vec<Diagnostic> {
        match Settings::parse(config, &|_| None) {
            Ok(Parsed::Known(settings)) => {
                // Terraform validates before it configures: a log_level in the
                // provider block quietens the lines in between too.
                if settings.log_floor.is_some() {
                    logging::set_floor(settings.log_floor);
                }
                Vec::new()
            }
            Ok(Parsed::Unknown(_)) => Vec::new(),
            Err(problems) => problems,
        }
    }

    /// Builds the API client from configuration and environment.
    pub fn configure(&self, config: &Value, terraform_version: &str) -> Vec<Diagnostic> {
        let settings = match Settings::parse(config, &|var| std::env::var(var).ok()) {
            Ok(Parsed::Known(settings)) => settings,
            Ok(Parsed::Unknown(name)) => {
                self.set(Configured::Unknown(name));
                return Vec::new();
            }
            Err(problems) => return problems,
        };
        logging::set_floor(settings.log_floor);
        let Some(api_key) = settings.api_key else {
            // Said once, here, rather than by every data source that reads.
            self.set(Configured::MissingKey);
            return vec![missing_key()];
        };
        let append = std::env::var("TF_APPEND_USER_AGENT").ok();
        let user_agent = match user_agent(terraform_version, append.as_deref()) {
            Ok(agent) => agent,
            Err(diag) => return vec![diag],
        };
        let client = katapult::Client::new(ClientConfig {
            api_url: settings.api_url,
            api_key,
            request_timeout: settings.request_timeout,
            retry: RetryPolicy {
                max_retries: settings.max_retries,
                no_answer_limit: settings.no_answer_limit,
                ..RetryPolicy::default()
            },
            user_agent,
        });
        match client {
            Ok(client) => {
                self.set(Configured::Ready(Arc::new(Connection {
                    client,
                    read_timeout: settings.read_timeout,
                    organization: settings.organization,
                    data_center: settings.data_center,
                })));
                Vec::new()
            }
            Err(e) => vec![Diagnostic::from(&e)],
        }
    }

    fn set(&self, configured: Configured) {
        tracing::debug!(state = configured.describe(), "Provider configured");
        *self.configured.write().unwrap_or_else(|e| e.into_inner()) = Some(configured);
    }

    /// The registry: every data source this provider offers.
    pub fn data_sources(&self) -> &'static [&'static dyn DataSource] {
        datasource::all()
    }

    /// The ephemeral resources, each read as a data source is.
    pub fn ephemeral_resources(&self) -> impl Iterator<Item = &'static dyn DataSource> {
        datasource::ephemeral().iter().copied()
    }

    /// The ephemeral resource of this type name, or the diagnostic to return.
    pub fn ephemeral_resource(
        &self,
        type_name: &str,
    ) -> Result<&'static dyn DataSource, Diagnostic> {
        self.ephemeral_resources()
            .find(|ds| ds.type_name() == type_name)
            .ok_or_else(|| {
                Diagnostic::error(
                    "Unknown ephemeral resource",
                    format!(
                        "This provider has no ephemeral resource {}; it offers: {}.",
                        crate::text::quoted(type_name),
                        self.ephemeral_resources()
                            .map(|d| d.type_name())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                )
            })
    }

    /// The data source of this type name, or the diagnostic to return.
    pub fn data_source(&self, type_name: &str) -> Result<&'static dyn DataSource, Diagnostic> {
        datasource::find(type_name).ok_or_else(|| {
            Diagnostic::error(
                "Unknown data source",
                format!(
                    "This provider has no data source {}.{} Its {} data sources are listed in \
                     its docs (docs/data-sources/), and by `terraform providers schema -json`.",
                    crate::text::quoted(type_name),
                    closest(type_name, self.data_sources().iter().map(|d| d.type_name()))
                        .map(|name| format!(" Did you mean `{name}`?"))
                        .unwrap_or_default(),
                    self.data_sources().len()
                ),
            )
        })
    }

    /// Reads a data source's state. A setting the read needs that is not
    /// known yet defers it when Terraform allows (`deferral_allowed`), and is
    /// an error naming the setting otherwise.
    pub async fn read_data_source(
        &self,
        data_source: &dyn DataSource,
        config: &Value,
        deferral_allowed: bool,
    ) -> Result<Read, Diagnostic> {
        let read = match self.connection() {
            Ok(connection) => datasource::read_state(data_source, &connection, config).await,
            Err(e) => Err(e),
        };
        // The one place a read is deferred: a setting it needs, the
        // provider's own or one only this read uses, is not known yet.
        match read {
            Ok(state) => Ok(Read::State(state)),
            Err(ReadError::SettingUnknown(_)) if deferral_allowed => Ok(Read::Deferred),
            Err(e) => Err(e.diagnostic(&data_source.reads())),
        }
    }

    /// The configured provider, or why it cannot read.
    fn connection(&self) -> Result<Arc<Connection>, ReadError> {
        match &*self.configured.read().unwrap_or_else(|e| e.into_inner()) {
            Some(Configured::Ready(connection)) => Ok(Arc::clone(connection)),
            Some(Configured::MissingKey) => Err(ReadError::Invalid(missing_key())),
            Some(Configured::Unknown(attribute)) => Err(ReadError::SettingUnknown(attribute)),
            None => Err(ReadError::Invalid(Diagnostic::error(
                "Provider not configured",
                "Terraform read a data source before configuring the provider. This is a bug \
                 in Terraform or this provider; please report it.",
            ))),
        }
    }
}

/// No API key in the provider block or the environment.
fn missing_key() -> Diagnostic {
    Diagnostic::error(
        "Missing Katapult API key",
        format!(
            "Set api_key in the provider \"katapult\" block, or the {} environment variable, \
             to a Katapult API token with the scopes your data sources need (each one's \
             documentation names them).",
            crate::settings::ENV_API_KEY
        ),
    )
    .at(crate::tftypes::AttributePath::root(names::API_KEY))
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

/// `Terraform/1.11.4 (+https://www.terraform.io) terraform-provider-katapult/0.1.0`,
/// plus `TF_APPEND_USER_AGENT`, as Katapult's Go provider sends. A value no
/// HTTP header can carry (a line break, a control character) is an error
/// naming the variable and what is wrong, never one naming nothing.
fn user_agent(
    terraform_version: &str,
    append: Option<&str>,
) -> Result<reqwest::header::HeaderValue, Diagnostic> {
    let mut agent = format!(
        "Terraform/{} (+https://www.terraform.io) terraform-provider-katapult/{}",
        if terraform_version.is_empty() {
            "unknown"
        } else {
            terraform_version
        },
        env!("CARGO_PKG_VERSION")
    );
    if let Some(extra) = append.map(str::trim).filter(|e| !e.is_empty()) {
        if let Some((at, c)) = extra
            .chars()
            .enumerate()
            .find(|(_, c)| c.is_control() && *c != '\t')
        {
            let what = match c {
                '\n' | '\r' => "a line break",
                _ => "a control character",
            };
            return Err(Diagnostic::error(
                "Invalid TF_APPEND_USER_AGENT",
                format!(
                    "The TF_APPEND_USER_AGENT environment variable holds {what} at character {} \
                     of {}, which an HTTP User-Agent header cannot carry. Set it to one line of \
                     text, or unset it.",
                    at + 1,
                    extra.chars().count()
                ),
            ));
        }
        agent.push(' ');
        agent.push_str(extra);
    }
    reqwest::header::HeaderValue::from_str(&agent).map_err(|_| {
        Diagnostic::error(
            "Invalid User-Agent",
            "The User-Agent built from Terraform's version and TF_APPEND_USER_AGENT is not a \
             valid HTTP header value. Check TF_APPEND_USER_AGENT.",
        )
    })
}

/// For tests: a read by a provider configured for `organization` against
/// `api`: its state, or the error's summary.
#[cfg(test)]
pub(crate) async fn read_for_test(
    api: &katapult_testkit::fake_api::FakeApi,
    organization: &str,
    data_source: &dyn DataSource,
    config: &[(&str, Value)],
) -> Result<Value, String> {
    let provider = Provider::new();
    let settings = [("organization", Value::from(organization))];
    let diags = provider.configure(&test_config(&api.url(), &settings), "1.11.4");
    assert!(diags.is_empty(), "{diags:?}");
    let config = Value::Object(
        config
            .iter()
            .map(|(k, v)| ((*k).to_owned(), v.clone()))
            .collect(),
    );
    match provider.read_data_source(data_source, &config, false).await {
        Ok(Read::State(state)) => Ok(state.value),
        Ok(Read::Deferred) => Err("deferred".to_owned()),
        Err(diag) => Err(diag.summary),
    }
}

/// A provider block for tests: `api_url`, a key, and `settings`.
#[cfg(test)]
pub(crate) fn test_config(url: &str, settings: &[(&str, Value)]) -> Value {
    let mut config: std::collections::BTreeMap<String, Value> = settings
        .iter()
        .map(|(k, v)| ((*k).to_owned(), v.clone()))
        .collect();
    config.insert(names::API_URL.to_owned(), Value::from(url));
    config.insert(names::API_KEY.to_owned(), Value::from("kp_test"));
    Value::Object(config)
}

/// The name among `names` nearest to `wanted` (a typo, a Go provider name
/// spelled another way), if one is near enough: at most a third of its
/// letters differ. Names over 100 bytes are no typo of a short one.
fn closest<'a>(wanted: &str, names: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    if wanted.len() > 100 {
        return None;
    }
    // Levenshtein distance, one row at a time.
    let distance = |a: &str, b: &str| {
        let b: Vec<char> = b.chars().collect();
        let mut row: Vec<usize> = (0..=b.len()).collect();
        for (i, ca) in a.chars().enumerate() {
            let mut previous = row[0];
            row[0] = i + 1;
            for (j, cb) in b.iter().enumerate() {
                let substitute = previous + usize::from(ca != *cb);
                previous = row[j + 1];
                row[j + 1] = substitute.min(previous + 1).min(row[j] + 1);
            }
        }
        row[b.len()]
    };
    names
        .map(|name| (distance(wanted, name), name))
        .filter(|(d, name)| *d > 0 && *d * 3 <= name.len())
        .min()
        .map(|(_, name)| name)
}
#[cfg(test)]
mod tests {
    use super::*;
    use crate::tftypes::Number;

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

    /// A provider configured against `url` with `settings` besides the key.
    fn configured(url: &str, settings: &[(&str, Value)]) -> Provider {
        let provider = Provider::new();
        let diags = provider.configure(&test_config(url, settings), "1.11.4");
        assert!(diags.is_empty(), "{diags:?}");
        provider
    }

    /// What a read of `type_name` by `config` came to: "state", "deferred",
    /// or the error's summary and detail.
    async fn read(
        provider: &Provider,
        type_name: &str,
        id: Option<&str>,
        deferral: bool,
    ) -> String {
        let ds = datasource::find(type_name).unwrap();
        let config = Value::Object(
            id.map(|id| ("id".to_owned(), Value::from(id)))
                .into_iter()
                .collect(),
        );
        match provider.read_data_source(ds, &config, deferral).await {
            Ok(Read::State(_)) => "state".to_owned(),
            Ok(Read::Deferred) => "deferred".to_owned(),
            Err(diag) => format!("{}: {}", diag.summary, diag.detail),
        }
    }

    /// The deferral matrix: a setting not known yet holds back only the
    /// reads that need it; those are deferred where Terraform allows it,
    /// and an error naming the setting where it does not.
    #[tokio::test]
    async fn an_unknown_setting_holds_back_only_the_reads_that_need_it() {
        use katapult_testkit::fake_api::{FakeApi, REAL_DISK_ID, organizations};
        let api = FakeApi::start().await.unwrap();
        let url = api.url();
        for unknown in [names::ORGANIZATION, names::LOG_LEVEL] {
            let p = configured(&url, &[(unknown, Value::Unknown)]);
            for deferral in [false, true] {
                // katapult_disk needs neither.
                assert_eq!(
                    read(&p, "katapult_disk", Some(REAL_DISK_ID), deferral).await,
                    "state",
                    "{unknown}"
                );
            }
        }
        let p = configured(&url, &[(names::ORGANIZATION, Value::Unknown)]);
        assert_eq!(read(&p, "katapult_disks", None, true).await, "deferred");
        let refused = read(&p, "katapult_disks", None, false).await;
        assert!(
            refused
                .starts_with("Provider configuration not known yet: The provider's organization"),
            "{refused}"
        );
        // Known, the same reads go through.
        let p = configured(
            &url,
            &[(names::ORGANIZATION, Value::from(organizations::EMPTY))],
        );
        assert_eq!(read(&p, "katapult_disks", None, false).await, "state");
        // A setting every read needs: every read waits.
        let p = configured(&url, &[(names::READ_TIMEOUT, Value::Unknown)]);
        for type_name in ["katapult_disk", "katapult_disks"] {
            let id = (type_name == "katapult_disk").then_some(REAL_DISK_ID);
            assert_eq!(read(&p, type_name, id, true).await, "deferred");
            let refused = read(&p, type_name, id, false).await;
            assert!(refused.contains("The provider's read_timeout"), "{refused}");
        }
    }

    #[test]
    fn an_unknown_data_source_is_answered_with_the_nearest_name() {
        let names = || datasource::all().iter().map(|d| d.type_name());
        assert_eq!(
            closest("katapult_virtual_machine_disk", names()),
            Some("katapult_virtual_machine_disks")
        );
        assert_eq!(
            closest("katapult_securitygroup", names()),
            Some("katapult_security_group")
        );
        assert_eq!(closest("aws_instance", names()), None);
        assert_eq!(closest(&"x".repeat(1 << 20), names()), None);
    }

    #[test]
    fn the_organization_setting_names_every_data_source_that_uses_it() {
        let description = schema()
            .attributes
            .iter()
            .find(|a| a.name == names::ORGANIZATION)
            .unwrap()
            .description;
        for ds in datasource::all() {
            let named = description.contains(&format!("`{}`", ds.type_name()));
            assert!(named, "{} is not named: {description}", ds.type_name());
        }
        // Each in the sentence that says how it uses the setting.
        let (needed, rest) = description.split_once("list or look up: ").unwrap();
        let (needed, rest) = rest.split_once('.').unwrap_or((needed, rest));
        for name in [
            "katapult_disks",
            "katapult_disk_io_profiles",
            "katapult_tags",
        ] {
            assert!(
                needed.contains(&format!("`{name}`")),
                "{name}: {description}"
            );
        }
        assert!(rest.contains("`katapult_disk_template` uses it to read"));
        let unused = rest.split_once("Not needed by ").unwrap().1;
        for name in ["katapult_data_center", "katapult_disk", "katapult_tag"] {
            assert!(
                unused.contains(&format!("`{name}`")),
                "{name}: {description}"
            );
            assert!(
                !needed.contains(&format!("`{name}`")),
                "{name}: {description}"
            );
        }
    }

    #[test]
    fn the_data_center_setting_names_the_data_source_that_uses_it() {
        let description = schema()
            .attributes
            .iter()
            .find(|a| a.name == names::DATA_CENTER)
            .unwrap()
            .description;
        assert!(
            description.contains("`KATAPULT_DATA_CENTER`"),
            "{description}"
        );
        assert!(
            description.contains(
                "`katapult_data_center` reads it when neither `id` nor `permalink` is set."
            ),
            "{description}"
        );
        assert!(
            !description.contains("`katapult_data_centers`"),
            "{description}"
        );
    }

    #[test]
    fn user_agent_names_terraform_and_provider() {
        let agent = user_agent("1.11.4", None).unwrap();
        assert!(agent.to_str().unwrap().starts_with(
            "Terraform/1.11.4 (+https://www.terraform.io) terraform-provider-katapult/"
        ));
        let agent = user_agent("1.11.4", Some(" ci-run/7 (é) \n")).unwrap();
        assert!(
            agent.as_bytes().ends_with(" ci-run/7 (é)".as_bytes()),
            "{agent:?}"
        );
    }

    #[test]
    fn a_user_agent_no_header_can_carry_names_its_variable() {
        for (append, want) in [
            ("ci\nX-Injected: 1", "a line break at character 3 of 16"),
            ("a\rb", "a line break at character 2"),
            ("a\u{0}b", "a control character at character 2"),
            ("a\u{7f}b", "a control character"),
        ] {
            let diag = user_agent("1.11.4", Some(append)).unwrap_err();
            assert_eq!(diag.summary, "Invalid TF_APPEND_USER_AGENT");
            assert!(
                diag.detail
                    .contains("TF_APPEND_USER_AGENT environment variable")
            );
            assert!(diag.detail.contains(want), "{append:?}: {}", diag.detail);
            assert!(!diag.detail.contains("Injected"), "{}", diag.detail);
        }
    }
}
