//! The other common data source: a list, read whole (every page, one
//! consistent listing) from one endpoint and shown as one list attribute;
//! the organization's, everyone's, or one object's (a security group's
//! rules), optionally filtered by what the configuration sets.

use std::collections::BTreeMap;

use crate::diag::Diagnostic;
use crate::schema::{Attribute, Block, Kind};
use crate::text::quoted;
use crate::tftypes::{AttributePath, Value};

use super::super::block;
use super::super::bounds;
use super::super::error::ReadError;
use super::super::lookup::{Key, Lookup, Rule};
use super::super::mapping::map_list;
use super::super::object::Object;
use super::super::organization;
use super::super::pager::{self, ListEndpoint};
use super::super::reads::{OrganizationUse, Reads};
use super::super::source::{Answers, Computed, DataSource, ReadContext, ReadFuture};
use super::super::timeouts;

/// A data source that lists `source` as one attribute, `list`.
#[derive(Debug)]
pub struct Listed {
    pub type_name: &'static str,
    /// What is listed: its scopes and its nouns.
    pub of: &'static Object,
    pub source: Source,
    /// The arguments that narrow the list, sent as query parameters.
    pub filters: &'static [Filter],
    /// The list attribute: its name, its items (`Kind::ObjectList` or
    /// `Kind::ObjectSet`) and what it says of them.
    pub list: Attribute,
    /// The `id` Katapult's Go provider gives the list, if any.
    pub id: ListId,
    /// The docs' first sentence: "Lists every tag of the organization."
    pub summary: &'static str,
    /// What a "not found" of the owner (`Source::Of`) adds: where to look.
    pub hint: &'static str,
}

impl Listed {
    /// Every hook off: `Listed { type_name, of, source, list, summary, ..Listed::PLAIN }`.
    pub const PLAIN: Listed = Listed {
        type_name: "",
        of: &NOTHING,
        source: Source::Everything(&pager::NO_LIST),
        filters: &[],
        list: Attribute::computed("", Kind::String, ""),
        id: ListId::None,
        summary: "",
        hint: "",
    };
}

/// The object of a `Listed` that names none (a definition error).
static NOTHING: Object = Object {
    noun: "",
    plural: "",
    path: "",
    key: "",
    scopes: &[],
    not_found: "",
    keys: &[],
};

/// A list data source's `id`, as Katapult's Go provider sets it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListId {
    /// It has none.
    None,
    /// The organization's sub-domain.
    Organization,
    /// This fixed text (`all`).
    Is(&'static str),
}

/// Whose list it is.
#[derive(Debug)]
pub enum Source {
    /// The provider's organization's (`organization[sub_domain]`).
    Organization(&'static ListEndpoint),
    /// Everyone's: nothing names it (`GET /address_lists`).
    Everything(&'static ListEndpoint),
    /// One object's (`owner`), named by exactly one of `keys`, its
    /// arguments (`security_group_id`, sent as `security_group[id]`).
    Of {
        owner: &'static Object,
        keys: &'static [Key],
        list: &'static ListEndpoint,
    },
}

impl Source {
    fn list(&self) -> &'static ListEndpoint {
        match self {
            Source::Organization(list) | Source::Everything(list) => list,
            Source::Of { list, .. } => list,
        }
    }
}

/// An argument that narrows the list.
#[derive(Debug)]
pub enum Filter {
    /// `annotations = { key = "value" }`: the objects carrying every one of
    /// these annotations, sent as the API's `annotations[][key]` and
    /// `annotations[][value]`.
    Annotations,
    /// A string or bool argument, sent as this query parameter when set.
    Parameter {
        argument: Attribute,
        parameter: &'static str,
    },
}

/// The argument of `Filter::Annotations`.
pub const ANNOTATIONS: Attribute = Attribute::optional(
    "annotations",
    Kind::StringMap,
    "Lists only the objects carrying every one of these annotations, key and value alike \
     (the API's `annotations[]` filter). Leave it out to list them all.",
);

impl Filter {
    /// Its argument.
    pub fn argument(&self) -> Attribute {
        match self {
            Filter::Annotations => ANNOTATIONS,
            Filter::Parameter { argument, .. } => *argument,
        }
    }

    fn attribute(&self) -> &'static str {
        self.argument().name
    }

    /// Its query parameters for `config`: an error when not known yet, or
    /// when `validate` refuses it (should Terraform read without
    /// validating), so nothing past the bounds is ever sent.
    pub fn query<'a>(&self, config: &'a Value) -> Result<Vec<(&'static str, &'a str)>, ReadError> {
        let value = config.attribute(self.attribute());
        if !value.is_wholly_known() {
            return Err(ReadError::Config {
                attribute: self.attribute(),
                problem: "not known yet",
            });
        }
        if let Some(refused) = self.validate(config) {
            return Err(ReadError::Invalid(refused));
        }
        Ok(match (self, value) {
            (Filter::Annotations, Value::Object(pairs)) => pairs
                .iter()
                .flat_map(|(key, value)| {
                    [
                        ("annotations[][key]", key.as_str()),
                        ("annotations[][value]", text(value)),
                    ]
                })
                .collect(),
            (Filter::Parameter { parameter, .. }, Value::String(value)) => {
                vec![(*parameter, value.as_str())]
            }
            (Filter::Parameter { parameter, .. }, Value::Bool(value)) => {
                vec![(*parameter, if *value { "true" } else { "false" })]
            }
            _ => Vec::new(),
        })
    }

    /// What is wrong with the filter's argument in `config`, if anything: a
    /// value past `bounds::MAX_VALUE`; for `annotations`, more pairs or
    /// characters than `bounds` allows (at `annotations`), an empty key or
    /// a null value, which say nothing.
    pub fn validate(&self, config: &Value) -> Option<Diagnostic> {
        let at = AttributePath::root(self.attribute());
        match (self, config.attribute(self.attribute())) {
            (Filter::Annotations, Value::Object(pairs)) => annotations(pairs, at),
            (Filter::Parameter { .. }, Value::String(value)) => bounds::value(value, "value", at),
            _ => None,
        }
    }
}

/// An annotation's value as sent: null as empty.
fn text(value: &Value) -> &str {
    match value {
        Value::String(value) => value.as_str(),
        _ => "",
    }
}

/// What is wrong with an `annotations` filter of `pairs`, at `at`.
fn annotations(pairs: &BTreeMap<String, Value>, at: AttributePath) -> Option<Diagnostic> {
    if let Some(refused) =
        bounds::annotations(pairs.iter().map(|(k, v)| (k.as_str(), text(v))), at.clone())
    {
        return Some(refused);
    }
    if pairs.keys().any(|k| k.trim().is_empty()) {
        return Some(
            Diagnostic::error(
                "Empty annotation key",
                "Each key of `annotations` names an annotation the objects listed must \
                 carry: it must not be empty.",
            )
            .at(at),
        );
    }
    for (key, value) in pairs {
        let long = bounds::value(key, "annotation key", at.clone())
            .or_else(|| bounds::value(text(value), "annotation value", at.clone().key(key)));
        if long.is_some() {
            return long;
        }
    }
    let (key, _) = pairs.iter().find(|(_, v)| matches!(v, Value::Null))?;
    Some(
        Diagnostic::error(
            "Annotation without a value",
            format!(
                "The annotation {} has no value: give it the value the objects listed must \
                 carry, or leave it out.",
                quoted(key)
            ),
        )
        .at(at.key(key)),
    )
}

impl Listed {
    /// The state for the items listed.
    pub fn state(
        &self,
        items: &[serde_json::Map<String, serde_json::Value>],
    ) -> Result<Computed, ReadError> {
        Ok(Computed::from([(
            self.list.name.to_owned(),
            map_list(items, items_of(self.list), self.list.name)?,
        )]))
    }

    fn lookup(&self) -> Option<Lookup> {
        match self.source {
            Source::Of { owner, keys, .. } => {
                Some(Lookup::of(owner, keys, Rule::ExactlyOne, self.hint))
            }
            _ => None,
        }
    }

    fn build(&self) -> (String, Vec<Attribute>) {
        let mut attributes = match self.source {
            Source::Of { owner, keys, .. } => {
                block::key_attributes(owner, keys, Rule::ExactlyOne, "")
            }
            _ => Vec::new(),
        };
        attributes.extend(self.filters.iter().map(Filter::argument));
        match self.id {
            ListId::None => {}
            ListId::Organization => attributes.push(Attribute::computed(
                "id",
                Kind::String,
                "The organization's sub-domain, as in Katapult's Go provider.",
            )),
            ListId::Is(text) => attributes.push(Attribute::computed(
                "id",
                Kind::String,
                block::leak(format!("Always `{text}`, as in Katapult's Go provider.")),
            )),
        }
        attributes.push(self.list);
        let list = self.source.list();
        let whose = match self.source {
            Source::Organization(_) => {
                " The organization is the one the provider's `organization` (or \
                 `KATAPULT_ORGANIZATION`) names."
            }
            _ => "",
        };
        let description = format!(
            "{}{whose} {}",
            self.summary,
            self.of.reads_sentence(list.path, list.paged)
        );
        (description, attributes)
    }
}

/// The items' attributes of a list attribute.
fn items_of(list: Attribute) -> &'static [Attribute] {
    match list.kind {
        Kind::ObjectList(items) | Kind::ObjectSet(items) => items,
        _ => &[],
    }
}

impl DataSource for Listed {
    fn type_name(&self) -> &'static str {
        self.type_name
    }

    fn schema(&self) -> &'static Block {
        block::built(self as *const Listed as *const (), || self.build())
    }

    fn reads(&self) -> Reads {
        Reads {
            what: self.of.plural,
            scopes: self.of.scopes,
            organization: match self.source {
                Source::Organization(_) => OrganizationUse::Needed,
                _ => OrganizationUse::Unused,
            },
            data_center: None,
        }
    }

    fn validate(&self, config: &Value) -> Vec<Diagnostic> {
        let mut found = match self.lookup() {
            Some(lookup) => lookup.validate(config),
            None => timeouts::validate(config).into_iter().collect(),
        };
        found.extend(self.filters.iter().filter_map(|f| f.validate(config)));
        found
    }

    fn answers(&self) -> Option<Answers> {
        match self.source {
            Source::Organization(list) => Some(Answers {
                path: list.path,
                argument: None,
            }),
            Source::Of { keys, list, .. } => Some(Answers {
                path: list.path,
                argument: keys.first().map(|k| k.attribute),
            }),
            Source::Everything(_) => None,
        }
    }

    fn read<'a>(&'a self, ctx: &'a ReadContext<'a>, config: &'a Value) -> ReadFuture<'a> {
        Box::pin(async move {
            let mut query = Vec::new();
            for filter in self.filters {
                query.extend(filter.query(config)?);
            }
            let items = match self.source {
                Source::Organization(list) => organization::list_all(ctx, list, &query).await?,
                Source::Everything(list) => {
                    let on_error = |e| ReadError::Api(e);
                    pager::read_endpoint(ctx, list, query, "Katapult".to_owned(), &on_error).await?
                }
                Source::Of { owner, keys, list } => {
                    let lookup = Lookup::of(owner, keys, Rule::ExactlyOne, self.hint);
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
                (ListId::Organization, Source::Organization(list)) => {
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn config(annotations: Value) -> Value {
        Value::Object(BTreeMap::from([("annotations".to_owned(), annotations)]))
    }

    #[test]
    fn annotations_are_sent_as_key_and_value_pairs() {
        let set = config(Value::Object(BTreeMap::from([
            ("role".to_owned(), Value::from("web")),
            ("env".to_owned(), Value::from("prod")),
        ])));
        assert_eq!(
            Filter::Annotations.query(&set).unwrap(),
            [
                ("annotations[][key]", "env"),
                ("annotations[][value]", "prod"),
                ("annotations[][key]", "role"),
                ("annotations[][value]", "web"),
            ]
        );
        assert!(
            Filter::Annotations
                .query(&config(Value::Null))
                .unwrap()
                .is_empty()
        );
        let unknown = config(Value::Object(BTreeMap::from([(
            "a".to_owned(),
            Value::Unknown,
        )])));
        assert!(matches!(
            Filter::Annotations.query(&unknown),
            Err(ReadError::Config {
                attribute: "annotations",
                ..
            })
        ));
        assert!(Filter::Annotations.validate(&set).is_none());
    }

    #[test]
    fn an_empty_key_or_a_null_value_is_refused_at_it() {
        let empty = config(Value::Object(BTreeMap::from([(
            " ".to_owned(),
            Value::from("x"),
        )])));
        let diag = Filter::Annotations.validate(&empty).unwrap();
        assert_eq!(diag.summary, "Empty annotation key");
        let null = config(Value::Object(BTreeMap::from([(
            "role".to_owned(),
            Value::Null,
        )])));
        let diag = Filter::Annotations.validate(&null).unwrap();
        assert!(diag.detail.contains("\"role\""), "{}", diag.detail);
    }

    #[test]
    fn a_parameter_is_sent_when_set() {
        let filter = Filter::Parameter {
            argument: Attribute::optional("allocated", Kind::Bool, "Allocated or not."),
            parameter: "allocated",
        };
        let set = Value::Object(BTreeMap::from([(
            "allocated".to_owned(),
            Value::Bool(false),
        )]));
        assert_eq!(filter.query(&set).unwrap(), [("allocated", "false")]);
        assert!(
            filter
                .query(&Value::Object(BTreeMap::new()))
                .unwrap()
                .is_empty()
        );
    }

    /// Issue 33 item 3: an `annotations` filter past the bounds is an error
    /// at `annotations` (an over-long value at its key), at validate and
    /// again when the query is made, so it is never sent.
    #[test]
    fn an_annotations_filter_past_the_bounds_is_refused_at_it() {
        let many = config(Value::Object(
            (0..1000)
                .map(|n| (format!("key{n:04}"), Value::String("v".repeat(40))))
                .collect(),
        ));
        let diag = Filter::Annotations.validate(&many).unwrap();
        assert_eq!(diag.summary, "Too many annotations to filter by");
        assert_eq!(
            diag.path.as_ref().map(ToString::to_string).as_deref(),
            Some("annotations")
        );
        let Err(ReadError::Invalid(refused)) = Filter::Annotations.query(&many) else {
            panic!("a query of 1,000 annotations");
        };
        assert_eq!(refused, diag);
        let long = config(Value::Object(BTreeMap::from([(
            "role".to_owned(),
            Value::String("w".repeat(300)),
        )])));
        let diag = Filter::Annotations.validate(&long).unwrap();
        assert_eq!(diag.summary, "Annotation value too long");
        assert_eq!(
            diag.path.as_ref().map(ToString::to_string).as_deref(),
            Some("annotations[\"role\"]")
        );
        assert!(Filter::Annotations.query(&long).is_err());
        let long_key = config(Value::Object(BTreeMap::from([(
            "k".repeat(300),
            Value::from("w"),
        )])));
        let diag = Filter::Annotations.validate(&long_key).unwrap();
        assert_eq!(diag.summary, "Annotation key too long");
        // An empty key or a null value is refused at the query too.
        let empty = config(Value::Object(BTreeMap::from([(
            String::new(),
            Value::from("w"),
        )])));
        assert!(Filter::Annotations.query(&empty).is_err());
    }

    #[test]
    fn a_parameter_past_the_bound_is_refused_at_it() {
        let filter = Filter::Parameter {
            argument: Attribute::optional("name", Kind::String, "A name."),
            parameter: "name",
        };
        let long = Value::Object(BTreeMap::from([(
            "name".to_owned(),
            Value::String("n".repeat(256)),
        )]));
        let diag = filter.validate(&long).unwrap();
        assert_eq!(diag.summary, "Value too long");
        assert_eq!(
            diag.path.as_ref().map(ToString::to_string).as_deref(),
            Some("name")
        );
        assert!(matches!(filter.query(&long), Err(ReadError::Invalid(_))));
    }
}
