//! API JSON to Terraform values, walked along the attribute definitions so
//! the schema and the mapping cannot drift apart.
//!
//! A null or absent field becomes null (a null object stays null, never an
//! object of nulls); a field of the wrong JSON type is an error naming its
//! path; fields the definitions do not know are ignored, so the API may grow.

use std::collections::BTreeMap;

use serde_json::Value as Json;

use crate::schema::{Attribute, Kind};
use crate::tftypes::{AttributePath, Number, Value};

/// A response field whose JSON type does not match its attribute.
#[derive(Debug, thiserror::Error, PartialEq)]
#[error("{path} should be {expected} but the API sent {got}")]
pub struct MappingError {
    pub path: AttributePath,
    pub expected: &'static str,
    pub got: &'static str,
}

/// Maps a JSON object onto `attributes`, each read from the field of its name.
pub fn map_object(
    json: &serde_json::Map<String, Json>,
    attributes: &[Attribute],
    path: &AttributePath,
) -> Result<BTreeMap<String, Value>, MappingError> {
    attributes
        .iter()
        .map(|attribute| {
            let field = match attribute.source {
                None => json.get(attribute.name),
                // A flat copy of a nested value: null wherever the way there is.
                Some(source) => source.split_first().and_then(|(first, rest)| {
                    rest.iter()
                        .try_fold(json.get(*first)?, |node, name| node.get(name))
                }),
            }
            .unwrap_or(&Json::Null);
            let value = map_value(
                field,
                attribute.kind,
                &path.clone().attribute(attribute.name),
            )?;
            Ok((attribute.name.to_owned(), value))
        })
        .collect()
}

fn map_value(json: &Json, kind: Kind, path: &AttributePath) -> Result<Value, MappingError> {
    let mismatch = |expected| MappingError {
        path: path.clone(),
        expected,
        got: json_kind(json),
    };
    Ok(match (kind, json) {
        (_, Json::Null) => Value::Null,
        (Kind::String, Json::String(s)) => Value::String(s.clone()),
        (Kind::Number, Json::Number(n)) => Value::Number(Number::from_json(n)),
        (Kind::Bool, Json::Bool(b)) => Value::Bool(*b),
        (Kind::Object(attributes), Json::Object(fields)) => {
            Value::Object(map_object(fields, attributes, path)?)
        }
        (Kind::ObjectList(attributes), Json::Array(items)) => Value::List(
            items
                .iter()
                .enumerate()
                .map(|(i, item)| {
                    let item_path = path.clone().index(i);
                    match item {
                        Json::Object(fields) => {
                            Ok(Value::Object(map_object(fields, attributes, &item_path)?))
                        }
                        other => Err(MappingError {
                            path: item_path,
                            expected: "an object",
                            got: json_kind(other),
                        }),
                    }
                })
                .collect::<Result<_, _>>()?,
        ),
        (Kind::StringMap, Json::Object(entries)) => Value::Object(
            entries
                .iter()
                .map(|(key, item)| match item {
                    Json::String(s) => Ok((key.clone(), Value::String(s.clone()))),
                    other => Err(MappingError {
                        path: path.clone().key(key),
                        expected: "a string",
                        got: json_kind(other),
                    }),
                })
                .collect::<Result<_, _>>()?,
        ),
        (Kind::StringMap, _) => return Err(mismatch("a map of strings")),
        (Kind::String, _) => return Err(mismatch("a string")),
        (Kind::Number, _) => return Err(mismatch("a number")),
        (Kind::Bool, _) => return Err(mismatch("true or false")),
        (Kind::Object(_), _) => return Err(mismatch("an object")),
        (Kind::ObjectList(_), _) => return Err(mismatch("a list")),
    })
}

fn json_kind(json: &Json) -> &'static str {
    match json {
        Json::Null => "null",
        Json::Bool(_) => "a boolean",
        Json::Number(_) => "a number",
        Json::String(_) => "a string",
        Json::Array(_) => "a list",
        Json::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const ITEM: &[Attribute] = &[Attribute::computed("k", Kind::String, "")];
    const ATTRS: &[Attribute] = &[
        Attribute::computed("s", Kind::String, ""),
        Attribute::computed("n", Kind::Number, ""),
        Attribute::computed("b", Kind::Bool, ""),
        Attribute::computed("o", Kind::Object(ITEM), ""),
        Attribute::computed("l", Kind::ObjectList(ITEM), ""),
    ];

    fn map(json: Json) -> Result<BTreeMap<String, Value>, MappingError> {
        map_object(
            json.as_object().unwrap(),
            ATTRS,
            &AttributePath::root("disk"),
        )
    }

    #[test]
    fn maps_fields_by_name_and_keeps_nulls_null() {
        let got = map(
            json!({"s":"x","n":20,"b":true,"o":null,"l":[{"k":"a","extra":1}],"unknown_field":{}}),
        )
        .unwrap();
        assert_eq!(got["s"], Value::from("x"));
        assert_eq!(got["n"], Value::Number(Number::Int(20)));
        assert_eq!(got["b"], Value::Bool(true));
        assert_eq!(got["o"], Value::Null, "a null object stays null");
        assert_eq!(
            got["l"],
            Value::List(vec![Value::Object(BTreeMap::from([(
                "k".to_owned(),
                Value::from("a")
            )]))])
        );

        let empty = map(json!({})).unwrap();
        assert!(
            empty.values().all(|v| *v == Value::Null),
            "absent fields are null"
        );
        assert_eq!(empty.len(), ATTRS.len(), "every attribute is present");
    }

    #[test]
    fn wrong_types_name_the_path() {
        let cases = [
            (
                json!({"s": 1}),
                "disk.s should be a string but the API sent a number",
            ),
            (
                json!({"n": "20"}),
                "disk.n should be a number but the API sent a string",
            ),
            (
                json!({"b": "yes"}),
                "disk.b should be true or false but the API sent a string",
            ),
            (
                json!({"o": []}),
                "disk.o should be an object but the API sent a list",
            ),
            (
                json!({"l": {}}),
                "disk.l should be a list but the API sent an object",
            ),
            (
                json!({"l": [1]}),
                "disk.l[0] should be an object but the API sent a number",
            ),
            (
                json!({"l": [{"k": false}]}),
                "disk.l[0].k should be a string but the API sent a boolean",
            ),
        ];
        for (input, want) in cases {
            assert_eq!(map(input.clone()).unwrap_err().to_string(), want, "{input}");
        }
    }
}
