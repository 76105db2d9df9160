//! What a data source is (a type name, a schema, a check and a read), what
//! a read is handed, and the one way every read runs: the state starts as
//! the configuration, and the data source fills in only what it computes.

use std::collections::BTreeMap;
use std::future::Future;
use std::pin::Pin;
use std::sync::Mutex;

use crate::diag::Diagnostic;
use crate::katapult;
use crate::schema::Block;
use crate::tftypes::Value;

use super::error::ReadError;
use super::reads::Reads;
use super::timeouts;

/// A provider setting only some reads need (the organization, the data
/// center), so its being unknown blocks only them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Setting {
    Set(String),
    Unset,
    /// Known only after apply.
    Unknown,
}

/// The configured provider as every read sees it: the API client, the
/// default budget of a read, and the settings reads fall back on. The one
/// thing a read context is built from.
#[derive(Debug)]
pub struct Connection {
    pub client: katapult::Client,
    /// The default budget of one read (the provider's `read_timeout`).
    pub read_timeout: std::time::Duration,
    /// The provider's `organization` (or `KATAPULT_ORGANIZATION`), a
    /// sub-domain, for data sources that list an organization's objects.
    pub organization: Setting,
    /// The provider's `data_center` (or `KATAPULT_DATA_CENTER`), a
    /// permalink, for data sources that default to it.
    pub data_center: Setting,
}

/// What one read is handed: the configured provider's client and
/// settings, and the budget its configuration gives it.
pub struct ReadContext<'a> {
    pub client: &'a katapult::Client,
    pub organization: &'a Setting,
    pub data_center: &'a Setting,
    /// The read's time budget: its `timeouts { read }`, else the provider's
    /// `read_timeout`.
    pub budget: katapult::Budget,
    /// Warnings the read gives beside its state (see `warn`).
    warnings: Mutex<Vec<Diagnostic>>,
}

impl<'a> ReadContext<'a> {
    /// The context of a read of `config` by the provider `connection`: its
    /// budget is the configuration's `timeouts { read }`, else the
    /// provider's `read_timeout`.
    pub fn new(connection: &'a Connection, config: &Value) -> Result<Self, ReadError> {
        Ok(ReadContext {
            client: &connection.client,
            organization: &connection.organization,
            data_center: &connection.data_center,
            budget: timeouts::budget(config, connection.read_timeout)?,
            warnings: Mutex::default(),
        })
    }

    /// Adds a warning to the read's answer: the state is still written.
    pub fn warn(&self, warning: Diagnostic) {
        self.warnings
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(warning);
    }
}

/// A read's result: its state, and any warnings beside it.
#[derive(Debug)]
pub struct State {
    pub value: Value,
    pub warnings: Vec<Diagnostic>,
}

/// What a read computes: the state's attributes, by name. What the
/// configuration sets is the configuration's; see `read_state`.
pub type Computed = BTreeMap<String, Value>;

pub type ReadFuture<'a> = Pin<Box<dyn Future<Output = Result<Computed, ReadError>> + Send + 'a>>;

/// A data source: a type name, the schema of its configuration and state, a
/// check of its configuration, and a read that computes its state.
pub trait DataSource: Send + Sync {
    fn type_name(&self) -> &'static str;

    fn schema(&self) -> &'static Block;

    /// What it reads and the scopes that allow it, for its errors.
    fn reads(&self) -> Reads;

    /// Checks a configuration whose values may still be unknown: by
    /// default its `timeouts` block, all a data source without arguments has.
    fn validate(&self, config: &Value) -> Vec<Diagnostic> {
        timeouts::validate(config).into_iter().collect()
    }

    /// Computes the state for a wholly known configuration: every attribute
    /// the configuration leaves null that it can fill.
    fn read<'a>(&'a self, ctx: &'a ReadContext<'a>, config: &'a Value) -> ReadFuture<'a>;

    /// The answers its state is made from, for the tests that read every
    /// recorded answer to its golden state; `None` when no one endpoint's
    /// answers name its reads.
    fn answers(&self) -> Option<Answers> {
        None
    }
}

/// The endpoint whose answers a data source maps, and the argument whose
/// value names one answer: a recorded answer `PATH/NAME.json` is what it
/// reads with that argument set to `NAME` (or, with none, with `NAME` as
/// the provider's organization).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Answers {
    /// Under `/core/v1/`: `tags/tag`.
    pub path: &'static str,
    pub argument: Option<&'static str>,
}

/// Reads `data_source` for `config`: its state, which is the configuration
/// (blocks and lookup keys as written, as terraform-plugin-framework copies
/// them before its reads) with every null filled from what the read
/// computed. A value not known yet becomes null, since a read's result must
/// be wholly known.
pub async fn read_state(
    data_source: &dyn DataSource,
    connection: &Connection,
    config: &Value,
) -> Result<State, ReadError> {
    let ctx = ReadContext::new(connection, config)?;
    let computed = data_source.read(&ctx, config).await?;
    Ok(State {
        value: merge(config, computed),
        warnings: ctx.warnings.into_inner().unwrap_or_else(|e| e.into_inner()),
    })
}

/// The configuration's values, each null one replaced by the computed value
/// of its name (attributes only the read knows are added).
fn merge(config: &Value, mut computed: Computed) -> Value {
    let mut state = match config {
        Value::Object(fields) => fields
            .iter()
            .map(|(name, value)| (name.clone(), known(value)))
            .collect(),
        _ => BTreeMap::new(),
    };
    for (name, value) in state.iter_mut() {
        if *value == Value::Null
            && let Some(filled) = computed.remove(name)
        {
            *value = filled;
        }
    }
    for (name, value) in computed {
        state.entry(name).or_insert(value);
    }
    Value::Object(state)
}

/// `value` with everything not known yet made null.
fn known(value: &Value) -> Value {
    match value {
        Value::Unknown => Value::Null,
        Value::Object(fields) => Value::Object(
            fields
                .iter()
                .map(|(name, value)| (name.clone(), known(value)))
                .collect(),
        ),
        Value::List(items) => Value::List(items.iter().map(known).collect()),
        other => other.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn object(pairs: &[(&str, Value)]) -> Value {
        Value::Object(
            pairs
                .iter()
                .map(|(k, v)| ((*k).to_owned(), v.clone()))
                .collect(),
        )
    }

    #[test]
    fn the_state_is_the_configuration_filled_in() {
        let config = object(&[
            ("id", Value::from("As Written")),
            ("permalink", Value::Null),
            ("name", Value::Null),
            ("timeouts", object(&[("read", Value::Unknown)])),
        ]);
        let computed = BTreeMap::from([
            ("id".to_owned(), Value::from("as written")),
            ("permalink".to_owned(), Value::from("p")),
            ("name".to_owned(), Value::from("n")),
            ("extra".to_owned(), Value::Bool(true)),
        ]);
        assert_eq!(
            merge(&config, computed),
            object(&[
                ("id", Value::from("As Written")),
                ("permalink", Value::from("p")),
                ("name", Value::from("n")),
                ("timeouts", object(&[("read", Value::Null)])),
                ("extra", Value::Bool(true)),
            ])
        );
        assert_eq!(
            merge(&Value::Unknown, BTreeMap::new()),
            Value::Object(BTreeMap::new())
        );
        // A block left out stays null; an unknown one becomes null.
        let config = object(&[("timeouts", Value::Unknown), ("name", Value::Null)]);
        assert_eq!(
            merge(&config, BTreeMap::new()),
            object(&[("timeouts", Value::Null), ("name", Value::Null)])
        );
    }
}
