//! TEMPORARY during the move to the new shapes: the old one, for leaves not moved yet.
//! The commonest data source: one object, found by its keys through one
//! endpoint, its fields mapped along the schema. A data source of this
//! shape is a leaf holding its definitions and a `LegacyOne`: no read of its own.

use crate::schema::Block;
use crate::tftypes::{AttributePath, Value};

use super::super::answer;
use super::super::error::ReadError;
use super::super::lookup::{Lookup, Rule};
use super::super::mapping::map_object;
use super::super::reads::Reads;
use super::super::source::{Computed, DataSource, ReadContext, ReadFuture};

/// A data source that reads one object by `lookup` from `path`.
#[derive(Debug)]
pub struct LegacyOne {
    pub type_name: &'static str,
    pub schema: &'static Block,
    pub reads: &'static Reads,
    /// Its keys: with several given, the first is asked for and the object
    /// found must have the others' values. Its rule must ask for at least
    /// one key (`ExactlyOne` or `AtLeastOne`).
    pub lookup: &'static Lookup,
    /// The endpoint under `/core/v1/`: `security_groups/security_group`.
    pub path: &'static str,
    /// The answer's key for the object: `security_group`.
    pub object: &'static str,
    /// Fields the answer holds beside the object that belong to it
    /// (`annotations`, next to `address_list`), shown as its own.
    pub beside: &'static [&'static str],
}

impl LegacyOne {
    /// The state for an answer of the endpoint: every attribute of the
    /// schema, from the object (and the fields beside it). For tests: the
    /// read maps what it reads the same way.
    pub fn state(&self, answer: serde_json::Value) -> Result<Computed, ReadError> {
        let (object, rest) = answer::object(answer, self.object)?;
        self.state_of(object, rest)
    }

    fn state_of(
        &self,
        mut object: answer::Fields,
        mut rest: answer::Fields,
    ) -> Result<Computed, ReadError> {
        for name in self.beside {
            if let Some(value) = rest.remove(*name) {
                object.entry(*name).or_insert(value);
            }
        }
        Ok(map_object(
            &object,
            self.schema.attributes,
            &AttributePath::default(),
        )?)
    }
}

impl DataSource for LegacyOne {
    fn type_name(&self) -> &'static str {
        self.type_name
    }

    fn schema(&self) -> &'static Block {
        self.schema
    }

    fn reads(&self) -> Reads {
        *self.reads
    }

    fn validate(&self, config: &Value) -> Vec<crate::diag::Diagnostic> {
        self.lookup.validate(config)
    }

    fn read<'a>(&'a self, ctx: &'a ReadContext<'a>, config: &'a Value) -> ReadFuture<'a> {
        Box::pin(async move {
            let given = self.lookup.read(config)?;
            let Some(first) = given.first() else {
                // Only a rule that allows no key gets here: a definition error.
                debug_assert!(self.lookup.rule == Rule::AnyNumber);
                return Err(ReadError::Config {
                    attribute: self.lookup.keys[0].attribute,
                    problem: "not set",
                });
            };
            let answer = ctx
                .client
                .get(self.path, &first.query(), &ctx.budget)
                .await
                .map_err(|e| self.lookup.error(e, first))?;
            let (object, rest) = answer::object(answer, self.object)?;
            self.lookup.agrees(&object, &given)?;
            self.state_of(object, rest)
        })
    }
}
