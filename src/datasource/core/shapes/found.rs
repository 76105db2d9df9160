//! One object found in its organization's list by a key, for objects the
//! API serves no single read of (disk I/O profiles, network speed
//! profiles): every page of the list, then the item whose field matches.
//! Its "not found" names the items that do exist.

use serde_json::{Map, Value as Json};

use crate::diag::Diagnostic;
use crate::schema::{Attribute, Block};
use crate::text::{quoted, shown};
use crate::tftypes::{AttributePath, Value};

use super::super::block;
use super::super::error::ReadError;
use super::super::lookup::{Given, Lookup, Rule};
use super::super::mapping::map_object;
use super::super::object::Object;
use super::super::organization;
use super::super::pager::ListEndpoint;
use super::super::reads::{OrganizationUse, Reads};
use super::super::source::{Computed, DataSource, ReadContext, ReadFuture};

/// A data source that finds one item of the organization's `list` by one
/// of `of`'s keys (each key's `parameter` names the items' field).
#[derive(Debug)]
pub struct Found {
    pub type_name: &'static str,
    /// What it finds: its nouns, scopes and keys.
    pub of: &'static Object,
    /// The organization's list it is found in.
    pub list: &'static ListEndpoint,
    pub rule: Rule,
    /// Its attributes beside its keys.
    pub fields: &'static [Attribute],
    /// The docs' first sentence.
    pub summary: &'static str,
    /// Values computed from others, after mapping.
    pub after: Option<fn(&mut Computed)>,
}

impl Found {
    fn lookup(&self) -> Lookup {
        Lookup::of(self.of, self.of.keys, self.rule, "")
    }

    /// The state of one item as listed.
    pub fn state(&self, item: &Map<String, Json>) -> Result<Computed, ReadError> {
        let mut state = map_object(item, self.schema().attributes, &AttributePath::default())?;
        if let Some(after) = self.after {
            after(&mut state);
        }
        Ok(state)
    }

    fn build(&self) -> (String, Vec<Attribute>) {
        let mut attributes = block::key_attributes(self.of, self.of.keys, self.rule, "");
        block::add_fields(&mut attributes, self.fields);
        let description = format!(
            "{} The organization is the one the provider's `organization` (or \
             `KATAPULT_ORGANIZATION`) names. {}",
            self.summary,
            self.of.reads_sentence(self.list.path, self.list.paged)
        );
        (description, attributes)
    }

    /// The item `given` names, or a "not found" listing what exists.
    fn find<'p>(
        &self,
        items: &'p [Map<String, Json>],
        by: &Given<'_>,
        organization: &str,
    ) -> Result<&'p Map<String, Json>, ReadError> {
        let field = by.key.parameter;
        if let Some(item) = items
            .iter()
            .find(|i| i.get(field).and_then(Json::as_str) == Some(by.value))
        {
            return Ok(item);
        }
        let known: Vec<&str> = items
            .iter()
            .filter_map(|i| i.get("permalink").and_then(Json::as_str))
            .take(20)
            .collect();
        Err(ReadError::Missing {
            summary: format!("{} not found", crate::text::capitalized(self.of.noun)),
            detail: format!(
                "No {} with {} {} exists in organization {}. Its {}' permalinks are: {}.",
                self.of.noun,
                by.key.noun,
                quoted(by.value),
                quoted(organization),
                self.of.plural,
                if known.is_empty() {
                    "none".to_owned()
                } else {
                    shown(&known.join(", "), 500)
                }
            ),
            at: Some(by.at()),
        })
    }
}

impl DataSource for Found {
    fn type_name(&self) -> &'static str {
        self.type_name
    }

    fn schema(&self) -> &'static Block {
        block::built(self as *const Found as *const (), || self.build())
    }

    fn reads(&self) -> Reads {
        Reads {
            what: self.of.plural,
            scopes: self.of.scopes,
            organization: OrganizationUse::Needed,
            data_center: None,
        }
    }

    fn validate(&self, config: &Value) -> Vec<Diagnostic> {
        self.lookup().validate(config)
    }

    fn read<'a>(&'a self, ctx: &'a ReadContext<'a>, config: &'a Value) -> ReadFuture<'a> {
        Box::pin(async move {
            let lookup = self.lookup();
            let given = lookup.read(config)?;
            let Some(by) = given.first() else {
                return Err(ReadError::Config {
                    attribute: lookup.keys[0].attribute,
                    problem: "not set",
                });
            };
            let organization = organization::name(ctx, self.list.plural)?;
            let items = organization::list_of(ctx, self.list, organization, &[]).await?;
            let item = self.find(&items, by, organization)?;
            lookup.agrees(item, &given)?;
            self.state(item)
        })
    }
}
