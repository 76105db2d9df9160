//! Lookups: the arguments a data source finds its object by (`id`,
//! `permalink`, `virtual_machine_fqdn`...). A key carries its attribute, the
//! query parameter the API takes it as, and its name in messages, so one
//! reading serves validate and read, and one wording serves every "not
//! found".

use crate::diag::Diagnostic;
use crate::katapult;
use crate::text::quoted;
use crate::tftypes::{AttributePath, Value};

use super::answer::Fields;
use super::bounds;
use super::error::ReadError;
pub use super::object::Key;
use super::object::Object;
use super::timeouts;

/// How many of a lookup's keys the configuration must set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// One, never both (`id` or `permalink`).
    ExactlyOne,
    /// One or more.
    AtLeastOne,
    /// Any number: with none the read has a default (the provider's
    /// `data_center`); with more, it goes by the first and checks the rest
    /// (`Lookup::agrees`), so a configuration naming both keys of one
    /// object works, as in Katapult's Go provider.
    AnyNumber,
}

/// How a data source finds its one object.
#[derive(Debug)]
pub struct Lookup {
    /// What is looked up, for messages: "disk", "disk template".
    pub subject: &'static str,
    pub keys: &'static [Key],
    pub rule: Rule,
    /// An example value of a lone key, for the message when it is empty.
    pub example: Option<&'static str>,
    /// The API's code for "no such object" (`disk_not_found`): only that
    /// code means the lookup found nothing; any other is the API's to word.
    pub not_found: &'static str,
    /// What a "not found" adds: what to check, or where to look.
    pub hint: &'static str,
}

impl Lookup {
    /// The lookup of `object` by `keys` (some or all of its own), with the
    /// object's words and "not found" code.
    pub const fn of(
        object: &'static Object,
        keys: &'static [Key],
        rule: Rule,
        hint: &'static str,
    ) -> Self {
        Self {
            subject: object.noun,
            keys,
            rule,
            example: match keys {
                [one] if !one.example.is_empty() => Some(one.example),
                _ => None,
            },
            not_found: object.not_found,
            hint,
        }
    }
}

/// A key the configuration sets, and its value.
#[derive(Debug, Clone, Copy)]
pub struct Given<'a> {
    pub key: &'static Key,
    pub value: &'a str,
}

impl<'a> Given<'a> {
    /// The query that asks the API for it: `[("disk[id]", "disk_1")]`.
    pub fn query(&self) -> [(&'static str, &'a str); 1] {
        [(self.key.parameter, self.value)]
    }

    /// The attribute to blame for what went wrong with it.
    pub fn at(&self) -> AttributePath {
        AttributePath::root(self.key.attribute)
    }
}

impl Lookup {
    /// The keys `config` sets, in the order of `keys`: the one reading of
    /// them for validate and read. `None` while any is not known yet. An
    /// empty value, one longer than `bounds::MAX_VALUE`, or a count the
    /// rule does not allow, is an error: at the key, at the second key when
    /// too many are set, on the block when none is.
    pub fn given<'a>(&self, config: &'a Value) -> Result<Option<Vec<Given<'a>>>, Diagnostic> {
        let mut set = Vec::new();
        for key in self.keys {
            match config.attribute(key.attribute) {
                Value::Unknown => return Ok(None),
                Value::String(value) if value.trim().is_empty() => return Err(self.empty(key)),
                Value::String(value) => {
                    if let Some(long) =
                        bounds::value(value, key.noun, AttributePath::root(key.attribute))
                    {
                        return Err(long);
                    }
                    set.push(Given { key, value })
                }
                _ => {}
            }
        }
        let names: Vec<&str> = self.keys.iter().map(|k| k.attribute).collect();
        let listed = names
            .iter()
            .map(|n| format!("`{n}`"))
            .collect::<Vec<_>>()
            .join(" or ");
        match (set.len(), self.rule) {
            (0, Rule::AnyNumber) => Ok(Some(set)),
            (0, rule) => Err(Diagnostic::error(
                format!("Missing {}", names.join(" or ")),
                format!(
                    "Set {listed}{} to say what to look up.",
                    if rule == Rule::ExactlyOne && names.len() > 1 {
                        " (exactly one)"
                    } else {
                        ""
                    }
                ),
            )),
            (n, Rule::ExactlyOne) if n > 1 => Err(Diagnostic::error(
                format!("Both {} set", names.join(" and ")),
                format!("Set exactly one of {listed}: each alone says what to look up."),
            )
            .at(set[1].at())),
            _ => Ok(Some(set)),
        }
    }

    /// Validate for a data source found by this lookup: its keys and its
    /// `timeouts` block.
    pub fn validate(&self, config: &Value) -> Vec<Diagnostic> {
        self.given(config)
            .err()
            .into_iter()
            .chain(timeouts::validate(config))
            .collect()
    }

    /// The keys a read goes by: an error when they are wrong, or not known
    /// yet (at the first key).
    pub fn read<'a>(&self, config: &'a Value) -> Result<Vec<Given<'a>>, ReadError> {
        self.given(config)
            .map_err(ReadError::Invalid)?
            .ok_or(ReadError::Config {
                attribute: self.keys[0].attribute,
                problem: "not known yet",
            })
    }

    /// What the API's errors mean for the object looked up by `given`:
    /// "not found" and "in the trash" are about the key's value.
    pub fn error(&self, error: katapult::Error, given: &Given<'_>) -> ReadError {
        match error {
            katapult::Error::NotFound { code } if code == self.not_found => ReadError::Missing {
                summary: format!("{} not found", crate::text::capitalized(self.subject)),
                detail: format!(
                    "Katapult has no {} with {} {} that this API key can see. {}",
                    self.subject,
                    given.key.noun,
                    quoted(given.value),
                    self.hint
                )
                .trim_end()
                .to_owned(),
                at: Some(given.at()),
            },
            error @ katapult::Error::InTrash { .. } => ReadError::About {
                error,
                at: given.at(),
            },
            error => ReadError::Api(error),
        }
    }

    /// With several keys given, the object found by the first must have
    /// the others' values: an error at the first that differs.
    pub fn agrees(&self, found: &Fields, given: &[Given<'_>]) -> Result<(), ReadError> {
        let Some((by, rest)) = given.split_first() else {
            return Ok(());
        };
        for other in rest {
            let has = found.get(other.key.attribute).and_then(|v| v.as_str());
            if has == Some(other.value) {
                continue;
            }
            let subject = crate::text::capitalized(self.subject);
            return Err(ReadError::Missing {
                summary: format!("{subject} {} does not match", other.key.attribute),
                detail: format!(
                    "The {} with {} {} has the {} {}, not {}. Set only one of {}, or {} to \
                     the same {}'s.",
                    self.subject,
                    by.key.noun,
                    quoted(by.value),
                    other.key.noun,
                    has.map_or_else(|| "none".to_owned(), quoted),
                    quoted(other.value),
                    self.keys
                        .iter()
                        .map(|k| format!("`{}`", k.attribute))
                        .collect::<Vec<_>>()
                        .join(" and "),
                    if self.keys.len() == 2 { "both" } else { "all" },
                    self.subject
                ),
                at: Some(other.at()),
            });
        }
        Ok(())
    }

    /// The message for a key set to nothing.
    fn empty(&self, key: &Key) -> Diagnostic {
        let diag = match self.example {
            Some(example) => Diagnostic::error(
                format!("Empty {} {}", self.subject, key.noun),
                format!(
                    "`{}` must be the {} of a Katapult {}, such as {}. Find it in the Katapult \
                     console or in the output of the resource that created the {}.",
                    key.attribute,
                    key.noun,
                    self.subject,
                    quoted(example),
                    self.subject
                ),
            ),
            None => Diagnostic::error(
                format!("Empty {}", key.attribute),
                format!(
                    "`{}` must not be empty: set it, or leave it out.",
                    key.attribute
                ),
            ),
        };
        diag.at(AttributePath::root(key.attribute))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    static BY_ID_OR_PERMALINK: Lookup = Lookup {
        subject: "thing",
        keys: &[
            Key::new("id", "thing[id]", "ID", ""),
            Key::new("permalink", "thing[permalink]", "permalink", ""),
        ],
        rule: Rule::ExactlyOne,
        example: None,
        not_found: "thing_not_found",
        hint: "Check it.",
    };
    static BY_ID: Lookup = Lookup {
        subject: "disk",
        keys: &[Key::new("id", "disk[id]", "ID", "")],
        rule: Rule::ExactlyOne,
        example: Some("disk_1"),
        not_found: "disk_not_found",
        hint: "Check the ID.",
    };

    fn config(id: Value, permalink: Value) -> Value {
        Value::Object(BTreeMap::from([
            ("id".to_owned(), id),
            ("permalink".to_owned(), permalink),
        ]))
    }

    #[test]
    fn keys_are_counted_by_the_rule() {
        let cases = [
            (Value::from("t_1"), Value::Null, None),
            (Value::Null, Value::from("p"), None),
            (Value::Unknown, Value::Null, None),
            (
                Value::Null,
                Value::Null,
                Some(("Missing id or permalink", None)),
            ),
            (
                Value::from("t_1"),
                Value::from("p"),
                Some(("Both id and permalink set", Some("permalink"))),
            ),
            (
                Value::from(" "),
                Value::Null,
                Some(("Empty id", Some("id"))),
            ),
        ];
        for (id, permalink, want) in cases {
            let diags = BY_ID_OR_PERMALINK.validate(&config(id.clone(), permalink.clone()));
            let got = diags
                .first()
                .map(|d| (d.summary.as_str(), d.path.as_ref().map(ToString::to_string)));
            let want = want.map(|(s, p)| (s, p.map(str::to_owned)));
            assert_eq!(got, want, "{id:?} {permalink:?}");
        }
        let by_permalink = config(Value::Null, Value::from("p"));
        let given = BY_ID_OR_PERMALINK.read(&by_permalink).unwrap();
        assert_eq!(given[0].query(), [("thing[permalink]", "p")]);
    }

    #[test]
    fn any_number_allows_none_and_checks_the_rest() {
        static ONE_OR_NONE: Lookup = Lookup {
            subject: "thing",
            keys: &[
                Key::new("id", "thing[id]", "ID", ""),
                Key::new("permalink", "thing[permalink]", "permalink", ""),
            ],
            rule: Rule::AnyNumber,
            example: None,
            not_found: "thing_not_found",
            hint: "",
        };
        let none = config(Value::Null, Value::Null);
        assert!(ONE_OR_NONE.validate(&none).is_empty());
        assert!(ONE_OR_NONE.read(&none).unwrap().is_empty());
        let both = config(Value::from("t_1"), Value::from("p"));
        assert!(ONE_OR_NONE.validate(&both).is_empty());
        let given = ONE_OR_NONE.read(&both).unwrap();
        let found = |permalink: &str| {
            serde_json::json!({"id": "t_1", "permalink": permalink})
                .as_object()
                .unwrap()
                .clone()
        };
        assert!(ONE_OR_NONE.agrees(&found("p"), &given).is_ok());
        let diag = ONE_OR_NONE
            .agrees(&found("q"), &given)
            .unwrap_err()
            .diagnostic(&super::super::reads::Reads {
                what: "things",
                scopes: &[],
                organization: super::super::reads::OrganizationUse::Unused,
                data_center: None,
            });
        assert_eq!(diag.summary, "Thing permalink does not match");
        assert!(
            diag.detail
                .contains("The thing with ID \"t_1\" has the permalink \"q\", not \"p\"."),
            "{}",
            diag.detail
        );
        assert_eq!(
            diag.path.map(|p| p.to_string()).as_deref(),
            Some("permalink")
        );
    }

    #[test]
    fn a_lone_key_says_what_it_must_be() {
        let diags = BY_ID.validate(&config(Value::from(""), Value::Null));
        assert_eq!(diags[0].summary, "Empty disk ID");
        assert!(
            diags[0].detail.contains("such as \"disk_1\""),
            "{}",
            diags[0].detail
        );
        let diags = BY_ID.validate(&config(Value::Null, Value::Null));
        assert_eq!(diags[0].summary, "Missing id");
        assert_eq!(diags[0].detail, "Set `id` to say what to look up.");
    }

    #[test]
    fn not_found_names_the_value_at_its_key() {
        let given = Given {
            key: &BY_ID_OR_PERMALINK.keys[1],
            value: "a\u{1b}[2J",
        };
        let err = BY_ID_OR_PERMALINK.error(
            katapult::Error::NotFound {
                code: "thing_not_found".into(),
            },
            &given,
        );
        let diag = err.diagnostic(&super::super::reads::Reads {
            what: "things",
            scopes: &[],
            organization: super::super::reads::OrganizationUse::Unused,
            data_center: None,
        });
        assert_eq!(diag.summary, "Thing not found");
        assert_eq!(
            diag.detail,
            "Katapult has no thing with permalink \"a\\u{1b}[2J\" that this API key can see. \
             Check it."
        );
        assert_eq!(
            diag.path.map(|p| p.to_string()).as_deref(),
            Some("permalink")
        );
    }

    /// Issue 33 item 3: a key past `bounds::MAX_VALUE` is an error at it,
    /// at validate and at read alike.
    #[test]
    fn a_key_past_the_bound_is_refused_at_it() {
        let long = config(Value::Null, Value::String("p".repeat(1000)));
        let diags = BY_ID_OR_PERMALINK.validate(&long);
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert_eq!(diags[0].summary, "Permalink too long");
        assert_eq!(
            diags[0].path.as_ref().map(ToString::to_string).as_deref(),
            Some("permalink")
        );
        assert!(
            diags[0].detail.contains("1000 characters long"),
            "{}",
            diags[0].detail
        );
        let Err(ReadError::Invalid(refused)) = BY_ID_OR_PERMALINK.read(&long) else {
            panic!("read a key past the bound");
        };
        assert_eq!(refused, diags[0]);
        let longest = config(
            Value::String("i".repeat(super::super::bounds::MAX_VALUE)),
            Value::Null,
        );
        assert!(BY_ID_OR_PERMALINK.validate(&longest).is_empty());
    }
}
