//! API JSON to Terraform values, walked along the attribute definitions so
//! the schema and the mapping cannot drift apart.
//!
//! A null or absent field becomes null (a null object stays null, never an
//! object of nulls); a field of the wrong JSON type is an error naming its
//! path; fields the definitions do not know are ignored, so the API may grow.

use std::borrow::Cow;
use std::collections::BTreeMap;

use serde_json::Value as Json;

use crate::schema::{Attribute, Kind};
use crate::tftypes::{AttributePath, Number, Value};

/// A response field that cannot become its attribute's value.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum MappingError {
    /// Its JSON type does not match the attribute's.
    #[error("{path} should be {expected} but the API sent {got}")]
    Mismatch {
        path: AttributePath,
        expected: &'static str,
        got: &'static str,
    },
    /// A number Terraform cannot hold: beyond its floats' exponent it is
    /// infinity, which it then fails to write to the state; and it writes
    /// every number out in full, so even 1e100000000 would be 100 MB there.
    #[error(
        "{path} is {value}, a number beyond what Terraform can store (from 1e-{MAX_EXPONENT} to \
         1e{MAX_EXPONENT} in size)"
    )]
    OutOfRange { path: AttributePath, value: String },
}

impl MappingError {
    /// The attribute the value was for.
    pub fn path(&self) -> &AttributePath {
        match self {
            MappingError::Mismatch { path, .. } | MappingError::OutOfRange { path, .. } => path,
        }
    }
}

/// The largest power of ten a number's size may have, either way. Every
/// real field is below 1e20; exact numbers such as 1e-400 pass.
pub const MAX_EXPONENT: i64 = 1000;

/// The power of ten of `text`'s leading digit (`1234.5` → 3, `0.01` → -2,
/// `5e-400` → -400), None for zero. Saturates far beyond any bound, so a
/// 10-million-digit exponent costs no more than its digits.
fn decimal_exponent(text: &str) -> Option<i64> {
    let (mantissa, exponent) = match text.find(['e', 'E']) {
        Some(at) => (&text[..at], &text[at + 1..]),
        None => (text, "0"),
    };
    let mantissa = mantissa.trim_start_matches('-');
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let lead = if let Some(first) = whole.find(|c: char| c != '0') {
        (whole.len() - first) as i64 - 1
    } else {
        -(fraction.find(|c: char| c != '0')? as i64) - 1
    };
    let (negative, digits) = match exponent.as_bytes().first() {
        Some(b'-') => (true, &exponent[1..]),
        Some(b'+') => (false, &exponent[1..]),
        _ => (false, exponent),
    };
    let magnitude = digits.bytes().fold(0i64, |n, d| {
        n.saturating_mul(10)
            .saturating_add(i64::from(d.wrapping_sub(b'0')))
    });
    Some(lead.saturating_add(if negative { -magnitude } else { magnitude }))
}

/// A JSON number as Terraform's number, or the error when it cannot hold it.
fn number(n: &serde_json::Number, path: &AttributePath) -> Result<Value, MappingError> {
    let number = Number::from_json(n);
    if let Number::Decimal(text) = &number
        && decimal_exponent(text).is_some_and(|e| !(-MAX_EXPONENT..=MAX_EXPONENT).contains(&e))
    {
        return Err(MappingError::OutOfRange {
            path: path.clone(),
            value: crate::text::shown(text, 40),
        });
    }
    Ok(Value::Number(number))
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
                None => Cow::Borrowed(json.get(attribute.name).unwrap_or(&Json::Null)),
                Some(source) => follow(json, source),
            };
            let value = map_value(
                &field,
                attribute.kind,
                &path.clone().attribute(attribute.name),
            )?;
            Ok((attribute.name.to_owned(), value))
        })
        .collect()
}

/// The value at `source` in `json`: a flat copy of a nested value, null
/// wherever the way there is. A `*` step takes that field of each item of
/// a list (`["ip_addresses", "*", "address"]`: every address), leaving out
/// the items without one.
fn follow<'j>(json: &'j serde_json::Map<String, Json>, source: &[&str]) -> Cow<'j, Json> {
    fn walk<'j>(node: &'j Json, steps: &[&str]) -> Cow<'j, Json> {
        match steps.split_first() {
            None => Cow::Borrowed(node),
            Some((&"*", rest)) => match node {
                Json::Array(items) => Cow::Owned(Json::Array(
                    items
                        .iter()
                        .map(|item| walk(item, rest).into_owned())
                        .filter(|v| !v.is_null())
                        .collect(),
                )),
                _ => Cow::Owned(Json::Null),
            },
            Some((name, rest)) => match node.get(name) {
                Some(next) => walk(next, rest),
                None => Cow::Owned(Json::Null),
            },
        }
    }
    let Some((first, rest)) = source.split_first() else {
        return Cow::Owned(Json::Null);
    };
    match json.get(*first) {
        Some(node) => walk(node, rest),
        None => Cow::Owned(Json::Null),
    }
}

/// Maps a listing's items onto `attributes`, as the list attribute `name`
/// (whose paths errors name: `disks[3].size_in_gb`).
pub fn map_list(
    items: &[serde_json::Map<String, Json>],
    attributes: &[Attribute],
    name: &str,
) -> Result<Value, MappingError> {
    items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            map_object(item, attributes, &AttributePath::root(name).index(i)).map(Value::Object)
        })
        .collect::<Result<Vec<_>, _>>()
        .map(Value::List)
}

fn map_value(json: &Json, kind: Kind, path: &AttributePath) -> Result<Value, MappingError> {
    let mismatch = |expected| MappingError::Mismatch {
        path: path.clone(),
        expected,
        got: json_kind(json),
    };
    Ok(match (kind, json) {
        (_, Json::Null) => Value::Null,
        (Kind::String, Json::String(s)) => Value::String(s.clone()),
        (Kind::Number, Json::Number(n)) => number(n, path)?,
        (Kind::Bool, Json::Bool(b)) => Value::Bool(*b),
        (Kind::Object(attributes), Json::Object(fields)) => {
            Value::Object(map_object(fields, attributes, path)?)
        }
        (Kind::ObjectList(attributes) | Kind::ObjectSet(attributes), Json::Array(items)) => {
            let mut objects = Vec::with_capacity(items.len());
            let mut seen = std::collections::HashSet::new();
            for (i, item) in items.iter().enumerate() {
                let item_path = path.clone().index(i);
                let Json::Object(fields) = item else {
                    return Err(MappingError::Mismatch {
                        path: item_path,
                        expected: "an object",
                        got: json_kind(item),
                    });
                };
                let object = Value::Object(map_object(fields, attributes, &item_path)?);
                // A set holds each value once.
                if matches!(kind, Kind::ObjectList(_)) || seen.insert(format!("{object:?}")) {
                    objects.push(object);
                }
            }
            Value::List(objects)
        }
        (Kind::StringMap, Json::Object(entries)) => Value::Object(
            entries
                .iter()
                .map(|(key, item)| match item {
                    Json::String(s) => Ok((key.clone(), Value::String(s.clone()))),
                    other => Err(MappingError::Mismatch {
                        path: path.clone().key(key),
                        expected: "a string",
                        got: json_kind(other),
                    }),
                })
                .collect::<Result<_, _>>()?,
        ),
        (Kind::StringList | Kind::StringSet, Json::Array(items)) => {
            let mut strings = Vec::with_capacity(items.len());
            let mut seen = std::collections::HashSet::new();
            for (i, item) in items.iter().enumerate() {
                let Json::String(s) = item else {
                    return Err(MappingError::Mismatch {
                        path: path.clone().index(i),
                        expected: "a string",
                        got: json_kind(item),
                    });
                };
                // A set holds each value once.
                if matches!(kind, Kind::StringList) || seen.insert(s.as_str()) {
                    strings.push(Value::String(s.clone()));
                }
            }
            Value::List(strings)
        }
        (Kind::StringList | Kind::StringSet, _) => return Err(mismatch("a list of strings")),
        (Kind::StringMap, _) => return Err(mismatch("a map of strings")),
        (Kind::String, _) => return Err(mismatch("a string")),
        (Kind::Number, _) => return Err(mismatch("a number")),
        (Kind::Bool, _) => return Err(mismatch("true or false")),
        (Kind::Object(_), _) => return Err(mismatch("an object")),
        (Kind::ObjectList(_) | Kind::ObjectSet(_), _) => return Err(mismatch("a list")),
    })
}

/// A JSON value's type in words, for messages: "a number", "a list".
pub fn json_kind(json: &Json) -> &'static str {
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
    fn numbers_terraform_cannot_store_are_errors_at_their_path() {
        for (text, exponent) in [
            ("0", None),
            ("-0.000", None),
            ("1234.5", Some(3)),
            ("0.01", Some(-2)),
            ("5e-400", Some(-400)),
            ("-12.5E+3", Some(4)),
            ("0.0012e5", Some(2)),
            ("1e999999999999999999999999", Some(i64::MAX)),
            ("1e-999999999999999999999999", Some(i64::MIN + 1)),
        ] {
            assert_eq!(decimal_exponent(text), exponent, "{text}");
        }
        let body = |n: &str| serde_json::from_str::<Json>(&format!(r#"{{"n":{n}}}"#)).unwrap();
        for ok in [
            "1e-400",
            "18446744073709551616",
            "0.1",
            "1e1000",
            "-9.9e1000",
            "1e-1000",
        ] {
            assert!(map(body(ok)).is_ok(), "{ok}");
        }
        for bad in ["1e999999999", "1e1001", "-1e1001", "1e-1001", "1.5e-999999"] {
            let err = map(body(bad)).unwrap_err();
            assert_eq!(err.path().to_string(), "disk.n", "{bad}");
            let err = err.to_string();
            assert!(
                err.contains(bad) || err.contains(&bad.replacen('e', "e+", 1)),
                "{err}"
            );
        }
        let long = format!("1{}", "0".repeat(5000));
        let err = map(body(&long)).unwrap_err().to_string();
        assert!(err.len() < 300, "the value is cut: {err}");
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

    #[test]
    fn a_set_of_objects_holds_each_once() {
        const SETS: &[Attribute] = &[Attribute::computed("s", Kind::ObjectSet(ITEM), "")];
        let json = json!({"s": [{"k": "a"}, {"k": "b", "extra": 1}, {"k": "a"}, {"k": null}]});
        let got = map_object(json.as_object().unwrap(), SETS, &AttributePath::root("x")).unwrap();
        let item = |k: Value| Value::Object(BTreeMap::from([("k".to_owned(), k)]));
        assert_eq!(
            got["s"],
            Value::List(vec![
                item(Value::from("a")),
                item(Value::from("b")),
                item(Value::Null)
            ])
        );
        let err = map_object(
            json!({"s": [{"k": "a"}, "b"]}).as_object().unwrap(),
            SETS,
            &AttributePath::root("x"),
        )
        .unwrap_err()
        .to_string();
        assert_eq!(err, "x.s[1] should be an object but the API sent a string");
        let err = map_object(
            json!({"s": {}}).as_object().unwrap(),
            SETS,
            &AttributePath::root("x"),
        )
        .unwrap_err()
        .to_string();
        assert_eq!(err, "x.s should be a list but the API sent an object");
    }

    #[test]
    fn string_lists_sets_and_each_items_field() {
        const STRINGS: &[Attribute] = &[
            Attribute::computed("tags", Kind::StringSet, ""),
            Attribute::computed("names", Kind::StringList, ""),
            Attribute::computed("addresses", Kind::StringList, "").from(&["ips", "*", "address"]),
        ];
        let json = json!({
            "tags": ["a", "b", "a"], "names": ["x", "x"],
            "ips": [{"address": "1.2.3.4"}, {"address": null}, {}, {"address": "::1"}],
        });
        let got = map_object(
            json.as_object().unwrap(),
            STRINGS,
            &AttributePath::root("vm"),
        )
        .unwrap();
        let strings = |v: &[&str]| Value::List(v.iter().map(|s| Value::from(*s)).collect());
        assert_eq!(got["tags"], strings(&["a", "b"]), "a set keeps each once");
        assert_eq!(got["names"], strings(&["x", "x"]), "a list keeps all");
        assert_eq!(got["addresses"], strings(&["1.2.3.4", "::1"]));
        // Absent or null: null; not a list of strings: an error at the item.
        let got = map_object(
            json!({"ips": null}).as_object().unwrap(),
            STRINGS,
            &AttributePath::root("vm"),
        )
        .unwrap();
        assert!(got.values().all(|v| *v == Value::Null), "{got:?}");
        let err = map_object(
            json!({"tags": ["a", 1]}).as_object().unwrap(),
            STRINGS,
            &AttributePath::root("vm"),
        )
        .unwrap_err()
        .to_string();
        assert!(
            err.contains("vm.tags[1]") && err.contains("a string"),
            "{err}"
        );
        let err = map_object(
            json!({"names": "x"}).as_object().unwrap(),
            STRINGS,
            &AttributePath::root("vm"),
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("a list of strings"), "{err}");
    }
}
