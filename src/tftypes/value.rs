//! cty types and values: what a configuration or state holds.

use std::collections::BTreeMap;

/// A cty type, as far as this provider uses them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Type {
    String,
    Number,
    Bool,
    List(Box<Type>),
    /// Unordered, each value once; held in `Value::List` (the wire form is
    /// the same array).
    Set(Box<Type>),
    /// Values of one type under any string keys; held in `Value::Object`.
    Map(Box<Type>),
    /// Attributes are kept sorted by name, the order cty writes them in.
    Object(BTreeMap<String, Type>),
}

impl Type {
    /// The type's JSON form, as the protocol carries it in `Schema.Attribute.type`:
    /// `"string"` (with quotes), `["list","number"]`, `["object",{"a":"bool"}]`.
    pub fn to_json(&self) -> serde_json::Value {
        use serde_json::{Value as J, json};
        match self {
            Type::String => J::from("string"),
            Type::Number => J::from("number"),
            Type::Bool => J::from("bool"),
            Type::List(element) => json!(["list", element.to_json()]),
            Type::Set(element) => json!(["set", element.to_json()]),
            Type::Map(element) => json!(["map", element.to_json()]),
            Type::Object(attributes) => {
                let fields = attributes
                    .iter()
                    .map(|(name, ty)| (name.clone(), ty.to_json()))
                    .collect::<serde_json::Map<_, _>>();
                json!(["object", fields])
            }
        }
    }
}

/// A number as cty carries it: whole numbers as integers, others as floats,
/// and anything that fits neither exactly as the decimal string cty sends.
#[derive(Debug, Clone, PartialEq)]
pub enum Number {
    Int(i64),
    UInt(u64),
    Float(f64),
    Decimal(String),
}

impl Number {
    /// From a JSON number, exactly: integers that fit 64 bits as integers,
    /// anything else as the decimal text it was written in (serde_json keeps
    /// it, with arbitrary_precision), which cty reads without rounding. An
    /// f64 would turn 18446744073709551616 into 18446744073709550000, 1e-400
    /// into 0 and 0.1 into 0.1000000000000000055511151231257827.
    pub fn from_json(n: &serde_json::Number) -> Self {
        if let Some(i) = n.as_i64() {
            Number::Int(i)
        } else if let Some(u) = n.as_u64() {
            Number::UInt(u)
        } else {
            Number::Decimal(n.to_string())
        }
    }
}

/// A value that may be null or not yet known, as every value in Terraform may.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    /// Known only after apply. Terraform may also send refinements (a prefix,
    /// bounds); this provider needs none of them, so they are dropped.
    Unknown,
    Bool(bool),
    Number(Number),
    String(String),
    List(Vec<Value>),
    Object(BTreeMap<String, Value>),
}

impl Value {
    /// The attribute `name` of an object; `Null` for a null object, a missing
    /// attribute or a value that is not an object.
    pub fn attribute(&self, name: &str) -> &Value {
        match self {
            Value::Object(attributes) => attributes.get(name).unwrap_or(&Value::Null),
            _ => &Value::Null,
        }
    }

    /// Whether no part of it is still unknown.
    pub fn is_wholly_known(&self) -> bool {
        match self {
            Value::Unknown => false,
            Value::List(items) => items.iter().all(Value::is_wholly_known),
            Value::Object(attributes) => attributes.values().all(Value::is_wholly_known),
            _ => true,
        }
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Self {
        Value::String(s.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_json_is_what_terraform_parses() {
        let object = Type::Object(BTreeMap::from([
            ("b".to_owned(), Type::Bool),
            ("a".to_owned(), Type::List(Box::new(Type::Number))),
        ]));
        let cases = [
            (Type::String, r#""string""#),
            (Type::Number, r#""number""#),
            (Type::Bool, r#""bool""#),
            (object, r#"["object",{"a":["list","number"],"b":"bool"}]"#),
        ];
        for (ty, want) in cases {
            assert_eq!(ty.to_json().to_string(), want);
        }
    }

    #[test]
    fn numbers_from_json_stay_exact() {
        let cases = [
            ("1786810364", Number::Int(1_786_810_364)),
            ("18446744073709551615", Number::UInt(u64::MAX)),
            ("-3", Number::Int(-3)),
            ("2.5", Number::Decimal("2.5".into())),
            ("0.1", Number::Decimal("0.1".into())),
            (
                "18446744073709551616",
                Number::Decimal("18446744073709551616".into()),
            ),
            ("1e-400", Number::Decimal("1e-400".into())),
            ("-1E+500", Number::Decimal("-1e+500".into())),
        ];
        for (text, want) in cases {
            let n: serde_json::Number = serde_json::from_str(text).unwrap();
            assert_eq!(Number::from_json(&n), want, "{text}");
        }
    }
}
