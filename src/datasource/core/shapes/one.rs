//! The commonest data source: one object, found by its keys through its
//! object's endpoint, its fields mapped along the schema. A leaf of this
//! shape is one static: the object it reads (`objects/`), the fields it
//! shows, a summary, and any of a few hooks for what it does beyond that.

use crate::diag::Diagnostic;
use crate::schema::{Attribute, Block};
use crate::tftypes::{AttributePath, Value};

use super::super::answer;
use super::super::block;
use super::super::defaults;
use super::super::error::ReadError;
use super::super::lookup::{Key, Lookup, Rule};
use super::super::mapping::map_object;
use super::super::object::Object;
use super::super::organization;
use super::super::reads::{OrganizationUse, Reads};
use super::super::source::{Answers, Computed, DataSource, ReadContext, ReadFuture};

/// A data source that reads one object of `of` by its keys.
#[derive(Debug)]
pub struct One {
    pub type_name: &'static str,
    /// What it reads: endpoint, answer key, scopes, "not found", keys.
    pub of: &'static Object,
    /// The keys it goes by, some of the object's; `&[]` for all of them.
    /// With several given, the first is asked for and the object found
    /// must have the others' values.
    pub keys: &'static [Key],
    pub rule: Rule,
    /// Its attributes beside its keys.
    pub fields: &'static [Attribute],
    /// The docs' first sentence: "Looks up one Katapult tag by its ID."
    pub summary: &'static str,
    /// What a "not found" adds: where to look.
    pub hint: &'static str,
    /// Fields the answer holds beside the object that belong to it
    /// (`annotations`, next to `address_list`), shown as its own.
    pub beside: &'static [&'static str],
    /// A check of the configuration beyond its keys, at validate and
    /// before any request (an address that is no IP address).
    pub check: Option<fn(&Value) -> Option<Diagnostic>>,
    /// Values computed from others, after mapping.
    pub after: Option<fn(&mut Computed)>,
    /// With no key set, the provider's `data_center` says what to read.
    pub data_center: Option<ByDataCenter>,
    /// Whether the provider's organization is sent beside the key
    /// (`organization[sub_domain]`): the object is the organization's.
    pub organization: bool,
    /// An ephemeral resource's: its summary is all its description says
    /// of what it is.
    pub ephemeral: bool,
}

/// With no key of its own set, a `One` reads by the provider's
/// `data_center`: its permalink sent as `key`.
#[derive(Debug, Clone, Copy)]
pub struct ByDataCenter {
    pub key: &'static Key,
    /// When, in words, for the provider's docs: "when neither `id` nor
    /// `permalink` is set".
    pub when: &'static str,
}

/// The fields a `One` leaves as they are.
const fn none() -> One {
    One {
        type_name: "",
        of: &NOTHING,
        keys: &[],
        rule: Rule::ExactlyOne,
        fields: &[],
        summary: "",
        hint: "",
        beside: &[],
        check: None,
        after: None,
        data_center: None,
        organization: false,
        ephemeral: false,
    }
}

/// The object of a `One` that names none (a definition error).
static NOTHING: Object = Object {
    noun: "",
    plural: "",
    path: "",
    key: "",
    scopes: &[],
    not_found: "",
    keys: &[],
};

impl One {
    /// Every hook off: `One { type_name, of, fields, summary, hint, ..One::PLAIN }`.
    pub const PLAIN: One = none();

    /// The keys it goes by.
    pub fn keys(&self) -> &'static [Key] {
        if self.keys.is_empty() {
            self.of.keys
        } else {
            self.keys
        }
    }

    /// How its keys are read and their "not found" worded.
    pub fn lookup(&self) -> Lookup {
        let rule = match self.data_center {
            Some(_) => Rule::AnyNumber,
            None => self.rule,
        };
        Lookup::of(self.of, self.keys(), rule, self.hint)
    }

    /// The state for an answer of the endpoint: every attribute of the
    /// schema, from the object (and the fields beside it).
    pub fn state(&self, answer: serde_json::Value) -> Result<Computed, ReadError> {
        let (object, rest) = answer::object(answer, self.of.key)?;
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
        let mut state = map_object(&object, self.schema().attributes, &AttributePath::default())?;
        if let Some(after) = self.after {
            after(&mut state);
        }
        Ok(state)
    }

    fn build(&self) -> (String, Vec<crate::schema::Attribute>) {
        let lookup = self.lookup();
        let also = match self.data_center {
            Some(_) => " With none set, the provider's `data_center` (or `KATAPULT_DATA_CENTER`).",
            None => "",
        };
        let mut attributes = block::key_attributes(self.of, self.keys(), lookup.rule, also);
        block::add_fields(&mut attributes, self.fields);
        let mut description = format!(
            "{} {}",
            self.summary,
            self.of.reads_sentence(self.of.path, false)
        );
        if self.ephemeral {
            description.push_str(
                " An ephemeral resource: held only while Terraform runs, never written to state \
                 or to a saved plan; needs Terraform 1.10 or later.",
            );
        }
        (description, attributes)
    }

    /// The query and, when it reads by the provider's `data_center`, that
    /// permalink.
    async fn get(
        &self,
        ctx: &ReadContext<'_>,
        config: &Value,
    ) -> Result<(answer::Fields, answer::Fields), ReadError> {
        let lookup = self.lookup();
        let given = lookup.read(config)?;
        let mut query = Vec::new();
        if self.organization {
            query.push((
                "organization[sub_domain]",
                organization::name(ctx, self.of.plural)?,
            ));
        }
        let answer = match (given.first(), self.data_center) {
            (Some(first), _) => {
                query.extend(first.query());
                let answer = ctx.client.get(self.of.path, &query, &ctx.budget).await;
                answer.map_err(|e| lookup.error(e, first))?
            }
            (None, Some(ByDataCenter { key, .. })) => {
                let keys = self
                    .keys()
                    .iter()
                    .map(|k| format!("`{}`", k.attribute))
                    .collect::<Vec<_>>()
                    .join(" or ");
                let permalink = defaults::data_center(ctx.data_center, self.of.noun, &keys)?;
                query.push((key.parameter, permalink));
                let answer = ctx.client.get(self.of.path, &query, &ctx.budget).await;
                answer.map_err(|e| defaults::data_center_error(e, permalink, "", self.hint))?
            }
            (None, None) => {
                // Only a rule that allows no key gets here: a definition error.
                return Err(ReadError::Config {
                    attribute: lookup.keys[0].attribute,
                    problem: "not set",
                });
            }
        };
        let (object, rest) = answer::object(answer, self.of.key)?;
        lookup.agrees(&object, &given)?;
        Ok((object, rest))
    }
}

impl DataSource for One {
    fn type_name(&self) -> &'static str {
        self.type_name
    }

    fn schema(&self) -> &'static Block {
        block::built(self as *const One as *const (), || self.build())
    }

    fn reads(&self) -> Reads {
        Reads {
            what: self.of.plural,
            scopes: self.of.scopes,
            organization: if self.organization {
                OrganizationUse::Needed
            } else {
                OrganizationUse::Unused
            },
            data_center: self.data_center.map(|d| d.when),
        }
    }

    fn validate(&self, config: &Value) -> Vec<Diagnostic> {
        let mut found = self.lookup().validate(config);
        found.extend(self.check.and_then(|check| check(config)));
        found
    }

    fn answers(&self) -> Option<Answers> {
        // An organization's object is named by two values, not one.
        (!self.organization).then(|| Answers {
            path: self.of.path,
            argument: self.keys().first().map(|k| k.attribute),
        })
    }

    fn read<'a>(&'a self, ctx: &'a ReadContext<'a>, config: &'a Value) -> ReadFuture<'a> {
        Box::pin(async move {
            if let Some(problem) = self.check.and_then(|check| check(config)) {
                return Err(ReadError::Invalid(problem));
            }
            let (object, rest) = self.get(ctx, config).await?;
            self.state_of(object, rest)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::{Kind, Mode};

    static THING_OBJECT: Object = Object {
        noun: "thing",
        plural: "things",
        path: "things/thing",
        key: "thing",
        scopes: &["things"],
        not_found: "thing_not_found",
        keys: &[Key::new("id", "thing[id]", "ID", "t_1")],
    };
    static THING: One = One {
        type_name: "katapult_thing",
        of: &THING_OBJECT,
        fields: &[
            Attribute::computed("name", Kind::String, "Its name."),
            Attribute::computed("annotations", Kind::StringList, "Its notes.").from(&[
                "annotations",
                "*",
                "key",
            ]),
        ],
        summary: "Looks up one thing.",
        beside: &["annotations"],
        ..One::PLAIN
    };

    #[test]
    fn the_schema_is_its_keys_fields_and_timeouts() {
        let schema = THING.schema();
        assert_eq!(
            schema.description,
            "Looks up one thing. Reads `GET /core/v1/things/thing`. Needs an API token with the \
             `things` scope."
        );
        let names: Vec<&str> = schema.attributes.iter().map(|a| a.name).collect();
        assert_eq!(names, ["id", "name", "annotations"]);
        assert_eq!(schema.attributes[0].mode, Mode::Required);
        assert_eq!(schema.blocks[0].name, "timeouts");
        assert_eq!(THING.reads().scopes, ["things"]);
    }

    #[test]
    fn the_object_and_what_sits_beside_it_map_along_the_schema() {
        let state = THING
            .state(serde_json::json!({
                "thing": {"id": "t_1", "name": null, "extra": 1},
                "annotations": [{"key": "k", "value": "v"}],
            }))
            .unwrap();
        assert_eq!(state["id"], Value::from("t_1"));
        assert_eq!(state["name"], Value::Null);
        assert_eq!(state["annotations"], Value::List(vec![Value::from("k")]));
        // The object's own field wins over one beside it.
        let state = THING
            .state(serde_json::json!({
                "thing": {"id": "t_1", "annotations": []},
                "annotations": [{"key": "k"}],
            }))
            .unwrap();
        assert_eq!(state["annotations"], Value::List(vec![]));
        let err = THING
            .state(serde_json::json!({"things": {}}))
            .unwrap_err()
            .to_string();
        assert!(err.contains("without a \"thing\" object"), "{err}");
    }
}
