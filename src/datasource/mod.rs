//! Data sources: each one a schema and a read. The registry here is what the
//! provider offers Terraform.

mod disk;
pub mod mapping;

use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

use crate::diag::Diagnostic;
use crate::katapult;
use crate::schema::{Attribute, Block, Kind, NestedBlock};
use crate::tftypes::Value;

pub use disk::Disk;

/// Why a read produced no state. Turned into diagnostics in `diag`.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error(transparent)]
    Api(#[from] katapult::Error),
    #[error(transparent)]
    Mapping(#[from] mapping::MappingError),
    /// The configuration lacks a value the read needs, at this attribute.
    #[error("{attribute} is {problem}")]
    Config {
        attribute: &'static str,
        problem: &'static str,
    },
}

/// What a read gets from the configured provider.
pub struct ReadContext<'a> {
    pub client: &'a katapult::Client,
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
}

/// Every data source this provider offers.
pub fn all() -> &'static [&'static dyn DataSource] {
    &[&Disk]
}

/// The data source of this type name, if the provider has one.
pub fn find(type_name: &str) -> Option<&'static dyn DataSource> {
    all().iter().copied().find(|ds| ds.type_name() == type_name)
}
