//! Data sources: each one a schema and a read. The registry here is what the
//! provider offers Terraform.

mod disk;
mod disks;
pub mod mapping;

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
        summary: &'static str,
        detail: String,
        at: Option<AttributePath>,
    },
    #[error(transparent)]
    Mapping(#[from] mapping::MappingError),
    /// A configuration value that validate refuses too (should Terraform
    /// read without validating).
    #[error("{}", .0.summary)]
    Invalid(Diagnostic),
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
            ReadError::Api(api) => Diagnostic::from(api),
            ReadError::Invalid(diag) => diag.clone(),
            ReadError::About { error, at } => Diagnostic::from(error).at(at.clone()),
            ReadError::Missing {
                summary,
                detail,
                at,
            } => {
                let diag = Diagnostic::error(*summary, detail.clone());
                match at {
                    Some(at) => diag.at(at.clone()),
                    None => diag,
                }
            }
            ReadError::Mapping(e) => Diagnostic::error(
                "Unexpected response from Katapult",
                format!(
                    "Katapult's answer could not be read because {e}. This provider may be older \
                     than the API: check for a newer release, and report it if the newest has the \
                     same problem."
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

/// What a read gets from the configured provider.
pub struct ReadContext<'a> {
    pub client: &'a katapult::Client,
    /// The provider's `organization` (or `KATAPULT_ORGANIZATION`), a
    /// sub-domain, for data sources that list an organization's objects.
    pub organization: Option<&'a str>,
    /// The provider's default budget for one read; `timeouts { read }` overrides it.
    pub read_timeout: Duration,
}

/// The `timeouts` block Terraform users know from other providers.
pub const TIMEOUTS: NestedBlock = NestedBlock {
    name: "timeouts",
    description: "How long operations on this data source may take.",
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

/// A read's time budget: its `timeouts { read }`, else the provider's
/// `read_timeout`.
pub fn read_budget(ctx: &ReadContext<'_>, config: &Value) -> Result<katapult::Budget, ReadError> {
    let total = read_timeout(config)
        .map_err(ReadError::Invalid)?
        .unwrap_or(ctx.read_timeout);
    Ok(katapult::Budget::new(total))
}

pub type ReadFuture<'a> = Pin<Box<dyn Future<Output = Result<Value, ReadError>> + Send + 'a>>;

/// A data source: a type name, the schema of its configuration and state, a
/// check of its configuration, and a read that turns configuration into state.
pub trait DataSource: Send + Sync {
    fn type_name(&self) -> &'static str;

    fn schema(&self) -> &'static Block;

    /// Checks a configuration whose values may still be unknown.
    fn validate(&self, config: &Value) -> Vec<Diagnostic>;

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
    &[&Disk, &Disks]
}

/// The data source of this type name, if the provider has one.
pub fn find(type_name: &str) -> Option<&'static dyn DataSource> {
    all().iter().copied().find(|ds| ds.type_name() == type_name)
}
