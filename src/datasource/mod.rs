//! Data sources: each one a schema and a read. The registry here is what the
//! provider offers Terraform.

mod disk;
mod disk_io_profile;
mod disk_io_profiles;
mod disk_template;
mod disk_templates;
mod disks;
pub mod mapping;
pub mod pager;
mod virtual_machine_disks;

use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

use crate::diag::Diagnostic;
use crate::katapult;
use crate::schema::{Attribute, Block, Kind, NestedBlock};
use crate::tftypes::{AttributePath, Value};

pub use disk::Disk;
pub use disks::Disks;

/// Why a read produced no state. Turned into diagnostics in `diag`.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error(transparent)]
    Api(#[from] katapult::Error),
    /// An API error about the input at `at` (a disk in the trash, say).
    #[error("{error}")]
    About {
        error: katapult::Error,
        at: AttributePath,
    },
    /// What the read looked for does not exist, in the data source's words.
    #[error("{summary}")]
    Missing {
        summary: String,
        detail: String,
        at: Option<AttributePath>,
    },
    #[error(transparent)]
    Mapping(#[from] mapping::MappingError),
    /// A configuration value that validate refuses too (should Terraform
    /// read without validating).
    #[error("{}", .0.summary)]
    Invalid(Diagnostic),
    /// A provider setting the read needs is known only after apply.
    #[error("the provider's {0} is not known yet")]
    SettingUnknown(&'static str),
    /// The configuration lacks a value the read needs, at this attribute.
    #[error("{attribute} is {problem}")]
    Config {
        attribute: &'static str,
        problem: &'static str,
    },
}

/// The one place a read's errors become diagnostics; API errors in general
/// are worded in `diag`.
impl From<&ReadError> for Diagnostic {
    fn from(err: &ReadError) -> Self {
        match err {
            // The read's own timeout ran out: the diagnostic points at it.
            ReadError::Api(api @ katapult::Error::DeadlineExceeded { own: true, .. }) => {
                Diagnostic::from(api).at(AttributePath::root("timeouts").attribute("read"))
            }
            ReadError::Api(api) => Diagnostic::from(api),
            ReadError::Invalid(diag) => diag.clone(),
            ReadError::About { error, at } => Diagnostic::from(error).at(at.clone()),
            ReadError::Missing {
                summary,
                detail,
                at,
            } => {
                let diag = Diagnostic::error(summary.clone(), detail.clone());
                match at {
                    Some(at) => diag.at(at.clone()),
                    None => diag,
                }
            }
            ReadError::Mapping(e @ mapping::MappingError::Mismatch { .. }) => Diagnostic::error(
                "Unexpected response from Katapult",
                format!(
                    "Katapult's answer could not be read because {e}. This provider may be older \
                     than the API: check for a newer release, and report it if the newest has the \
                     same problem."
                ),
            )
            .at(e.path().clone()),
            ReadError::Mapping(e @ mapping::MappingError::OutOfRange { .. }) => Diagnostic::error(
                "Number out of range",
                format!(
                    "Katapult's answer could not be stored because {e}. No real Katapult value is \
                     that large or small: check api_url and anything between it and you."
                ),
            )
            .at(e.path().clone()),
            ReadError::SettingUnknown(setting) => Diagnostic::error(
                "Provider configuration not known yet",
                format!(
                    "The provider's {setting} depends on a value that is known only after \
                     apply, and this data source needs it, so it cannot be read during plan. \
                     Apply the resources it depends on first (terraform apply -target=...)."
                ),
            ),
            ReadError::Config { attribute, problem } => Diagnostic::error(
                format!("The {attribute} argument is {problem}"),
                format!("The read needs a known value for {attribute}."),
            )
            .at(AttributePath::root(attribute)),
        }
    }
}

/// A provider setting as a read sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Setting<'a> {
    Set(&'a str),
    Unset,
    /// Known only after apply.
    Unknown,
}

/// What a read gets from the configured provider.
pub struct ReadContext<'a> {
    pub client: &'a katapult::Client,
    /// The provider's `organization` (or `KATAPULT_ORGANIZATION`), a
    /// sub-domain, for data sources that list an organization's objects.
    pub organization: Setting<'a>,
    /// The provider's default budget for one read; `timeouts { read }` overrides it.
    pub read_timeout: Duration,
}

impl ReadContext<'_> {
    /// The organization a read of `what` (its plural, "disks") needs, or
    /// the error saying where to set it.
    pub fn organization(&self, what: &str) -> Result<&str, ReadError> {
        match self.organization {
            Setting::Set(name) if !name.is_empty() => return Ok(name),
            Setting::Unknown => return Err(ReadError::SettingUnknown("organization")),
            Setting::Set(_) | Setting::Unset => {}
        }
        Err(ReadError::Missing {
            summary: format!("No organization to list {what} of"),
            detail: format!(
                "Katapult lists {what} per organization: set `organization` in the provider \
                     \"katapult\" block, or the KATAPULT_ORGANIZATION environment variable, to \
                     its sub-domain (as in the Katapult console's URL)."
            ),
            at: None,
        })
    }
}

/// The `timeouts` block Terraform users know from other providers.
pub const TIMEOUTS: NestedBlock = NestedBlock {
    name: "timeouts",
    description: "How long the read may take.",
    attributes: &[Attribute::optional(
        "read",
        Kind::String,
        "How long the read may take in all, retries and rate-limit pacing included, as a \
         duration such as `30s` or `5m`, at most `24h`. Defaults to the provider's `read_timeout`.",
    )],
};

/// A `timeouts { read }` block, parsed: `None` when not set (or not known
/// yet). The one reading of it, for validate and read alike.
pub fn read_timeout(config: &Value) -> Result<Option<Duration>, Diagnostic> {
    match config.attribute("timeouts").attribute("read") {
        Value::String(read) => crate::duration::parse_duration(read)
            .map(Some)
            .map_err(|problem| {
                Diagnostic::error("Invalid read timeout", problem)
                    .at(AttributePath::root("timeouts").attribute("read"))
            }),
        _ => Ok(None),
    }
}

/// Checks a `timeouts { read }` block's duration.
pub fn validate_timeouts(config: &Value) -> Option<Diagnostic> {
    read_timeout(config).err()
}

/// How many of a data source's lookup keys the configuration must set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keys {
    /// One, never both (`id` or `permalink`).
    ExactlyOne,
    /// One or more.
    AtLeastOne,
}

/// The lookup keys among `names` that `config` sets, as (name, value) in
/// the order of `names`: the one reading of them for validate and read.
/// `None` while any is not known yet. An empty value, or a count `rule`
/// does not allow, is an error: at the second key when too many are set,
/// on the block when none is.
pub fn lookup_keys<'a>(
    config: &'a Value,
    names: &[&'static str],
    rule: Keys,
) -> Result<Option<Vec<(&'static str, &'a str)>>, Diagnostic> {
    let mut set = Vec::new();
    for &name in names {
        match config.attribute(name) {
            Value::Unknown => return Ok(None),
            Value::String(value) if value.trim().is_empty() => {
                return Err(Diagnostic::error(
                    format!("Empty {name}"),
                    format!("`{name}` must not be empty: set it, or leave it out."),
                )
                .at(AttributePath::root(name)));
            }
            Value::String(value) => set.push((name, value.as_str())),
            _ => {}
        }
    }
    let listed = names
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(" or ");
    match (set.len(), rule) {
        (0, _) => Err(Diagnostic::error(
            format!("Missing {}", names.join(" or ")),
            format!(
                "Set {listed}{} to say what to look up.",
                if rule == Keys::ExactlyOne {
                    " (exactly one)"
                } else {
                    ""
                }
            ),
        )),
        (n, Keys::ExactlyOne) if n > 1 => Err(Diagnostic::error(
            format!("Both {} set", names.join(" and ")),
            format!("Set exactly one of {listed}: each alone says what to look up."),
        )
        .at(AttributePath::root(set[1].0))),
        _ => Ok(Some(set)),
    }
}

/// Validate for a data source looked up by `names`: its keys and its
/// `timeouts` block.
pub fn validate_lookup(config: &Value, names: &[&'static str], rule: Keys) -> Vec<Diagnostic> {
    lookup_keys(config, names, rule)
        .err()
        .into_iter()
        .chain(validate_timeouts(config))
        .collect()
}

/// The lookup keys a read goes by: an error when they are wrong, or not
/// known yet (at the first of `names`).
pub fn read_lookup<'a>(
    config: &'a Value,
    names: &[&'static str],
    rule: Keys,
) -> Result<Vec<(&'static str, &'a str)>, ReadError> {
    lookup_keys(config, names, rule)
        .map_err(ReadError::Invalid)?
        .ok_or(ReadError::Config {
            attribute: names[0],
            problem: "not known yet",
        })
}

/// The `timeouts` block as the state holds it: as written, except that a
/// value not known yet (which the read took as the default) is null, since
/// a read's result must be wholly known.
pub fn timeouts_state(config: &Value) -> Value {
    match config.attribute("timeouts") {
        Value::Object(fields) => Value::Object(
            fields
                .iter()
                .map(|(name, value)| {
                    let value = match value {
                        Value::Unknown => Value::Null,
                        known => known.clone(),
                    };
                    (name.clone(), value)
                })
                .collect(),
        ),
        Value::Unknown | Value::Null => Value::Null,
        other => other.clone(),
    }
}

/// A read's time budget: its `timeouts { read }`, else the provider's
/// `read_timeout`.
pub fn read_budget(ctx: &ReadContext<'_>, config: &Value) -> Result<katapult::Budget, ReadError> {
    Ok(match read_timeout(config).map_err(ReadError::Invalid)? {
        Some(own) => katapult::Budget::own(own),
        None => katapult::Budget::new(ctx.read_timeout),
    })
}

pub type ReadFuture<'a> = Pin<Box<dyn Future<Output = Result<Value, ReadError>> + Send + 'a>>;

/// A data source: a type name, the schema of its configuration and state, a
/// check of its configuration, and a read that turns configuration into state.
pub trait DataSource: Send + Sync {
    fn type_name(&self) -> &'static str;

    fn schema(&self) -> &'static Block;

    /// Checks a configuration whose values may still be unknown: by
    /// default its `timeouts` block, all a data source without arguments has.
    fn validate(&self, config: &Value) -> Vec<Diagnostic> {
        validate_timeouts(config).into_iter().collect()
    }

    /// Reads the state for a wholly known configuration.
    fn read<'a>(&'a self, ctx: &'a ReadContext<'a>, config: &'a Value) -> ReadFuture<'a>;

    /// Whether it is also offered as an ephemeral resource of the same name
    /// and schema (Terraform 1.10+): opened with the same read, its result
    /// never written to state or plan files. For secrets.
    fn ephemeral(&self) -> bool {
        false
    }
}

/// Every data source this provider offers.
pub fn all() -> &'static [&'static dyn DataSource] {
    &[
        &Disk,
        &Disks,
        &disk_io_profile::DiskIoProfile,
        &disk_io_profiles::DiskIoProfiles,
        &disk_template::DiskTemplate,
        &disk_templates::DiskTemplates,
        &virtual_machine_disks::VirtualMachineDisks,
    ]
}

/// The data source of this type name, if the provider has one.
pub fn find(type_name: &str) -> Option<&'static dyn DataSource> {
    all().iter().copied().find(|ds| ds.type_name() == type_name)
}
