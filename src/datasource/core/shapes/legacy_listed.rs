//! TEMPORARY during the move to the new shapes: the old one, for leaves not moved yet.
//! The other common data source: a list, read whole (every page, one
//! consistent listing) from one endpoint and shown as one list attribute;
//! the organization's, everyone's, or one object's (a security group's
//! rules), optionally filtered by what the configuration sets.

use crate::diag::Diagnostic;
use crate::schema::{Attribute, Block};
use crate::text::quoted;
use crate::tftypes::Value;

use super::super::error::ReadError;
use super::super::lookup::Lookup;
use super::super::mapping::map_list;
use super::super::organization;
use super::super::pager::{self, ListEndpoint};
use super::super::reads::Reads;
use super::super::source::{Computed, DataSource, ReadContext, ReadFuture};
use super::super::timeouts;
use super::listed::{Filter, ListId};

/// A data source that lists `source` as the attribute `attribute`.
#[derive(Debug)]
pub struct LegacyListed {
    pub type_name: &'static str,
    pub schema: &'static Block,
    pub reads: &'static Reads,
    pub source: LegacySource,
    /// The arguments that narrow the list, sent as query parameters.
    pub filters: &'static [Filter],
    /// The list attribute (`security_groups`) and its items' attributes.
    pub attribute: &'static str,
    pub items: &'static [Attribute],
    /// The `id` Katapult's Go provider gives the list, if any.
    pub id: ListId,
}

/// Whose list it is.
#[derive(Debug)]
pub enum LegacySource {
    Organization(&'static ListEndpoint),
    Everything(&'static ListEndpoint),
    Of(&'static Lookup, &'static ListEndpoint),
}

impl LegacyListed {
    /// The state for the items listed.
    pub fn state(
        &self,
        items: &[serde_json::Map<String, serde_json::Value>],
    ) -> Result<Computed, ReadError> {
        Ok(Computed::from([(
            self.attribute.to_owned(),
            map_list(items, self.items, self.attribute)?,
        )]))
    }
}

impl DataSource for LegacyListed {
    fn type_name(&self) -> &'static str {
        self.type_name
    }

    fn schema(&self) -> &'static Block {
        self.schema
    }

    fn reads(&self) -> Reads {
        *self.reads
    }

    fn validate(&self, config: &Value) -> Vec<Diagnostic> {
        let mut found = match self.source {
            LegacySource::Of(lookup, _) => lookup.validate(config),
            _ => timeouts::validate(config).into_iter().collect(),
        };
        found.extend(self.filters.iter().filter_map(|f| f.validate(config)));
        found
    }

    fn read<'a>(&'a self, ctx: &'a ReadContext<'a>, config: &'a Value) -> ReadFuture<'a> {
        Box::pin(async move {
            let mut query = Vec::new();
            for filter in self.filters {
                query.extend(filter.query(config)?);
            }
            let items = match self.source {
                LegacySource::Organization(list) => {
                    organization::list_all(ctx, list, &query).await?
                }
                LegacySource::Everything(list) => {
                    let on_error = |e| ReadError::Api(e);
                    pager::read_endpoint(ctx, list, query, "Katapult".to_owned(), &on_error).await?
                }
                LegacySource::Of(lookup, list) => {
                    let given = lookup.read(config)?;
                    let Some(owner) = given.first() else {
                        return Err(ReadError::Config {
                            attribute: lookup.keys[0].attribute,
                            problem: "not set",
                        });
                    };
                    query.extend(owner.query());
                    let on_error = |e| lookup.error(e, owner);
                    let whose = format!("{} {}", lookup.subject, quoted(owner.value));
                    pager::read_endpoint(ctx, list, query, whose, &on_error).await?
                }
            };
            let mut state = self.state(&items)?;
            let id = match (self.id, &self.source) {
                (ListId::None, _) => None,
                (ListId::Is(text), _) => Some(text),
                (ListId::Organization, LegacySource::Organization(list)) => {
                    Some(organization::name(ctx, list.plural)?)
                }
                (ListId::Organization, _) => None,
            };
            if let Some(id) = id {
                state.insert("id".to_owned(), Value::from(id));
            }
            Ok(state)
        })
    }
}
