//! cty's wire formats: msgpack both ways, JSON for decoding only.
//!
//! Decoding is guided by the expected type, so a wrong value is reported at
//! its attribute path. Encoding writes straight into the output buffer, with
//! no intermediate tree: every object gets exactly one entry per attribute of
//! its type, as Terraform's decoder requires.

use std::collections::BTreeMap;

use super::path::AttributePath;
use super::value::{Number, Type, Value};

/// A value that does not fit its type, or bytes that are not msgpack.
#[derive(Debug, thiserror::Error, PartialEq)]
#[error("{message}{}", at(.path))]
pub struct CodecError {
    pub path: AttributePath,
    pub message: String,
}

fn at(path: &AttributePath) -> String {
    if path.is_empty() {
        String::new()
    } else {
        format!(" at {path}")
    }
}

impl CodecError {
    fn new(path: &AttributePath, message: impl Into<String>) -> Self {
        Self {
            path: path.clone(),
            message: message.into(),
        }
    }
}

/// Nesting deeper than any schema here is refused before it can exhaust the
/// stack (rmpv's own default, 1024, overflows a 2 MiB thread in debug builds).
const MAX_DEPTH: usize = 64;

/// The most elements one collection (list, map, object) may hold, and the
/// most values a message may hold in all. A real configuration of this
/// provider holds a few dozen; these bounds only keep a hostile message from
/// costing gigabytes (20 million nils are 20 MB of msgpack, but 1.5 GB as a
/// tree) or the runtime thread's time.
const MAX_COLLECTION: u64 = 10_000;
const MAX_VALUES: u64 = 100_000;
/// JSON is decoded into a tree first, so it is bounded by size.
const MAX_JSON_BYTES: usize = 1 << 20;

/// Decodes a msgpack value of type `ty`. Empty input is a null value.
pub fn decode_msgpack(bytes: &[u8], ty: &Type) -> Result<Value, CodecError> {
    if bytes.is_empty() {
        return Ok(Value::Null);
    }
    check_bounds(bytes)?;
    let mut reader = bytes;
    let raw = rmpv::decode::read_value_with_max_depth(&mut reader, MAX_DEPTH)
        .map_err(|e| CodecError::new(&AttributePath::default(), format!("invalid msgpack: {e}")))?;
    if !reader.is_empty() {
        return Err(CodecError::new(
            &AttributePath::default(),
            format!("{} bytes after the msgpack value", reader.len()),
        ));
    }
    from_msgpack(&raw, ty, &AttributePath::default())
}

/// Walks the msgpack without building anything, refusing a message beyond
/// `MAX_COLLECTION` or `MAX_VALUES` before any of it is allocated.
fn check_bounds(bytes: &[u8]) -> Result<(), CodecError> {
    let mut rest = bytes;
    let (mut pending, mut seen) = (1u64, 0u64);
    while pending > 0 {
        pending -= 1;
        seen += 1;
        if seen > MAX_VALUES {
            return Err(too_big(format!("more than {MAX_VALUES} values")));
        }
        let marker = rmp::decode::read_marker(&mut rest).map_err(|_| truncated())?;
        let (children, payload) = extent(marker, &mut rest)?;
        let payload = usize::try_from(payload).map_err(|_| truncated())?;
        rest = rest.get(payload..).ok_or_else(truncated)?;
        pending = pending.saturating_add(children);
    }
    Ok(())
}

/// What a value that starts with `marker` holds: how many values follow
/// inside it, and how many bytes of its own (its length read from `rest`).
fn extent(marker: rmp::Marker, rest: &mut &[u8]) -> Result<(u64, u64), CodecError> {
    use rmp::Marker as K;
    Ok(match marker {
        K::FixArray(n) => (u64::from(n), 0),
        K::FixMap(n) => (2 * u64::from(n), 0),
        K::Array16 | K::Map16 | K::Array32 | K::Map32 => {
            let n = if matches!(marker, K::Array16 | K::Map16) {
                u64::from(u16::from_be_bytes(take(rest)?))
            } else {
                u64::from(u32::from_be_bytes(take(rest)?))
            };
            if n > MAX_COLLECTION {
                return Err(too_big(format!("a collection of {n} elements")));
            }
            let per = if matches!(marker, K::Map16 | K::Map32) {
                2
            } else {
                1
            };
            (per * n, 0)
        }
        K::FixStr(n) => (0, u64::from(n)),
        K::Str8 | K::Bin8 => (0, u64::from(u8::from_be_bytes(take(rest)?))),
        K::Str16 | K::Bin16 => (0, u64::from(u16::from_be_bytes(take(rest)?))),
        K::Str32 | K::Bin32 => (0, u64::from(u32::from_be_bytes(take(rest)?))),
        K::FixExt1 => (0, 2),
        K::FixExt2 => (0, 3),
        K::FixExt4 => (0, 5),
        K::FixExt8 => (0, 9),
        K::FixExt16 => (0, 17),
        K::Ext8 => (0, 1 + u64::from(u8::from_be_bytes(take(rest)?))),
        K::Ext16 => (0, 1 + u64::from(u16::from_be_bytes(take(rest)?))),
        K::Ext32 => (0, 1 + u64::from(u32::from_be_bytes(take(rest)?))),
        K::U8 | K::I8 => (0, 1),
        K::U16 | K::I16 => (0, 2),
        K::U32 | K::I32 | K::F32 => (0, 4),
        K::U64 | K::I64 | K::F64 => (0, 8),
        K::FixPos(_) | K::FixNeg(_) | K::Null | K::True | K::False => (0, 0),
        K::Reserved => {
            return Err(CodecError::new(
                &AttributePath::default(),
                "invalid msgpack: reserved marker",
            ));
        }
    })
}

/// A message larger than any configuration of this provider.
fn too_big(what: String) -> CodecError {
    CodecError::new(
        &AttributePath::default(),
        format!(
            "the message holds {what}; no configuration of this provider comes near that \
             (at most {MAX_COLLECTION} elements in one collection, {MAX_VALUES} values in all)"
        ),
    )
}

fn truncated() -> CodecError {
    CodecError::new(&AttributePath::default(), "invalid msgpack: truncated")
}

/// The next `N` bytes, or a truncation error.
fn take<const N: usize>(rest: &mut &[u8]) -> Result<[u8; N], CodecError> {
    let (head, tail) = rest.split_first_chunk::<N>().ok_or_else(truncated)?;
    *rest = tail;
    Ok(*head)
}

fn from_msgpack(raw: &rmpv::Value, ty: &Type, path: &AttributePath) -> Result<Value, CodecError> {
    use rmpv::Value as M;
    // Any extension value is an unknown: type 0 from cty, type 12 with
    // refinements from Terraform 1.6 and later.
    match raw {
        M::Nil => return Ok(Value::Null),
        M::Ext(..) => return Ok(Value::Unknown),
        _ => {}
    }
    let mismatch = || {
        CodecError::new(
            path,
            format!("expected {}, got {}", describe(ty), kind_of(raw)),
        )
    };
    Ok(match (ty, raw) {
        (Type::String, M::String(s)) => Value::String(
            s.as_str()
                .ok_or_else(|| CodecError::new(path, "string is not valid UTF-8"))?
                .to_owned(),
        ),
        (Type::Bool, M::Boolean(b)) => Value::Bool(*b),
        (Type::Number, M::Integer(i)) => Value::Number(match i.as_i64() {
            Some(n) => Number::Int(n),
            None => Number::UInt(i.as_u64().ok_or_else(mismatch)?),
        }),
        (Type::Number, M::F64(f)) => Value::Number(Number::Float(*f)),
        (Type::Number, M::F32(f)) => Value::Number(Number::Float(f64::from(*f))),
        (Type::Number, M::String(s)) => {
            let text = s.as_str().ok_or_else(mismatch)?;
            if text.parse::<f64>().is_err() {
                return Err(CodecError::new(
                    path,
                    format!("{} is not a number", crate::text::quoted(text)),
                ));
            }
            Value::Number(Number::Decimal(text.to_owned()))
        }
        (Type::List(element) | Type::Set(element), M::Array(items)) => Value::List(
            items
                .iter()
                .enumerate()
                .map(|(i, item)| from_msgpack(item, element, &path.clone().index(i)))
                .collect::<Result<_, _>>()?,
        ),
        (Type::Map(element), M::Map(entries)) => {
            let mut map = BTreeMap::new();
            for (key, item) in entries {
                let key = key
                    .as_str()
                    .ok_or_else(|| CodecError::new(path, "map key is not a string"))?;
                let value = from_msgpack(item, element, &path.clone().key(key))?;
                map.insert(key.to_owned(), value);
            }
            Value::Object(map)
        }
        (Type::Object(attributes), M::Map(entries)) => {
            let mut object = BTreeMap::new();
            for (key, item) in entries {
                let name = key
                    .as_str()
                    .ok_or_else(|| CodecError::new(path, "object key is not a string"))?;
                let attr_ty = attributes.get(name).ok_or_else(|| {
                    CodecError::new(
                        path,
                        format!("unexpected attribute {}", crate::text::quoted(name)),
                    )
                })?;
                let value = from_msgpack(item, attr_ty, &path.clone().attribute(name))?;
                object.insert(name.to_owned(), value);
            }
            fill_missing(&mut object, attributes);
            Value::Object(object)
        }
        _ => return Err(mismatch()),
    })
}

/// Terraform always sends every attribute; should one be missing, it is null.
fn fill_missing(object: &mut BTreeMap<String, Value>, attributes: &BTreeMap<String, Type>) {
    for name in attributes.keys() {
        object.entry(name.clone()).or_insert(Value::Null);
    }
}

/// Decodes the JSON form of a value of type `ty`, which Terraform sends only
/// where msgpack is absent.
pub fn decode_json(bytes: &[u8], ty: &Type) -> Result<Value, CodecError> {
    if bytes.len() > MAX_JSON_BYTES {
        return Err(CodecError::new(
            &AttributePath::default(),
            format!(
                "the JSON value is {} bytes; no configuration of this provider comes near {} MiB",
                bytes.len(),
                MAX_JSON_BYTES >> 20
            ),
        ));
    }
    let raw: serde_json::Value = serde_json::from_slice(bytes)
        .map_err(|e| CodecError::new(&AttributePath::default(), format!("invalid JSON: {e}")))?;
    from_json(&raw, ty, &AttributePath::default())
}

fn from_json(
    raw: &serde_json::Value,
    ty: &Type,
    path: &AttributePath,
) -> Result<Value, CodecError> {
    use serde_json::Value as J;
    Ok(match (ty, raw) {
        (_, J::Null) => Value::Null,
        (Type::String, J::String(s)) => Value::String(s.clone()),
        (Type::Bool, J::Bool(b)) => Value::Bool(*b),
        (Type::Number, J::Number(n)) => Value::Number(Number::from_json(n)),
        (Type::List(element) | Type::Set(element), J::Array(items)) => Value::List(
            items
                .iter()
                .enumerate()
                .map(|(i, item)| from_json(item, element, &path.clone().index(i)))
                .collect::<Result<_, _>>()?,
        ),
        (Type::Map(element), J::Object(entries)) => Value::Object(
            entries
                .iter()
                .map(|(key, item)| {
                    Ok((
                        key.clone(),
                        from_json(item, element, &path.clone().key(key))?,
                    ))
                })
                .collect::<Result<_, CodecError>>()?,
        ),
        (Type::Object(attributes), J::Object(entries)) => {
            let mut object = BTreeMap::new();
            for (name, item) in entries {
                let attr_ty = attributes.get(name).ok_or_else(|| {
                    CodecError::new(
                        path,
                        format!("unexpected attribute {}", crate::text::quoted(name)),
                    )
                })?;
                object.insert(
                    name.clone(),
                    from_json(item, attr_ty, &path.clone().attribute(name))?,
                );
            }
            fill_missing(&mut object, attributes);
            Value::Object(object)
        }
        _ => {
            return Err(CodecError::new(
                path,
                format!("expected {}, got JSON {}", describe(ty), json_kind(raw)),
            ));
        }
    })
}

/// Encodes `value` as msgpack of type `ty`.
pub fn encode_msgpack(value: &Value, ty: &Type) -> Result<Vec<u8>, CodecError> {
    let mut out = Vec::with_capacity(256);
    write(&mut out, value, ty, &AttributePath::default())?;
    Ok(out)
}

// Writes to a Vec<u8> cannot fail, so rmp's io errors are impossible here and
// are dropped rather than threaded through.
fn write(
    out: &mut Vec<u8>,
    value: &Value,
    ty: &Type,
    path: &AttributePath,
) -> Result<(), CodecError> {
    use rmp::encode as w;
    match (ty, value) {
        (_, Value::Null) => {
            let _ = w::write_nil(out);
        }
        (_, Value::Unknown) => {
            // cty's wholly unknown value: fixext1, type 0, payload 0.
            out.extend_from_slice(&[0xd4, 0, 0]);
        }
        (Type::String, Value::String(s)) => {
            let _ = w::write_str(out, s);
        }
        (Type::Bool, Value::Bool(b)) => {
            let _ = w::write_bool(out, *b);
        }
        (Type::Number, Value::Number(n)) => match n {
            Number::Int(i) => {
                let _ = w::write_sint(out, *i);
            }
            Number::UInt(u) => {
                let _ = w::write_uint(out, *u);
            }
            Number::Float(f) if f.is_finite() => {
                let _ = w::write_f64(out, *f);
            }
            Number::Float(_) => return Err(CodecError::new(path, "a number must be finite")),
            Number::Decimal(s) => {
                let _ = w::write_str(out, s);
            }
        },
        (Type::List(element) | Type::Set(element), Value::List(items)) => {
            let _ = w::write_array_len(out, len_u32(items.len(), path)?);
            for (i, item) in items.iter().enumerate() {
                write(out, item, element, &path.clone().index(i))?;
            }
        }
        (Type::Map(element), Value::Object(map)) => {
            let _ = w::write_map_len(out, len_u32(map.len(), path)?);
            for (key, item) in map {
                let _ = w::write_str(out, key);
                write(out, item, element, &path.clone().key(key))?;
            }
        }
        (Type::Object(attributes), Value::Object(object)) => {
            if let Some(extra) = object.keys().find(|name| !attributes.contains_key(*name)) {
                return Err(CodecError::new(
                    path,
                    format!("unexpected attribute {}", crate::text::quoted(extra)),
                ));
            }
            let _ = w::write_map_len(out, len_u32(attributes.len(), path)?);
            for (name, attr_ty) in attributes {
                let _ = w::write_str(out, name);
                let item = object.get(name).unwrap_or(&Value::Null);
                write(out, item, attr_ty, &path.clone().attribute(name))?;
            }
        }
        _ => {
            return Err(CodecError::new(
                path,
                format!(
                    "cannot encode {} as {}",
                    crate::text::shown(&format!("{value:?}"), crate::text::MAX_ECHO),
                    describe(ty)
                ),
            ));
        }
    }
    Ok(())
}

fn len_u32(len: usize, path: &AttributePath) -> Result<u32, CodecError> {
    u32::try_from(len).map_err(|_| CodecError::new(path, "collection too large for msgpack"))
}

fn describe(ty: &Type) -> &'static str {
    match ty {
        Type::String => "a string",
        Type::Number => "a number",
        Type::Bool => "a bool",
        Type::List(_) => "a list",
        Type::Set(_) => "a set",
        Type::Map(_) => "a map",
        Type::Object(_) => "an object",
    }
}

fn kind_of(raw: &rmpv::Value) -> &'static str {
    use rmpv::Value as M;
    match raw {
        M::Nil => "nil",
        M::Boolean(_) => "a bool",
        M::Integer(_) | M::F32(_) | M::F64(_) => "a number",
        M::String(_) => "a string",
        M::Binary(_) => "binary data",
        M::Array(_) => "an array",
        M::Map(_) => "a map",
        M::Ext(..) => "an extension",
    }
}

fn json_kind(raw: &serde_json::Value) -> &'static str {
    use serde_json::Value as J;
    match raw {
        J::Null => "null",
        J::Bool(_) => "bool",
        J::Number(_) => "number",
        J::String(_) => "string",
        J::Array(_) => "array",
        J::Object(_) => "object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn object(fields: &[(&str, Type)]) -> Type {
        Type::Object(
            fields
                .iter()
                .map(|(n, t)| ((*n).to_owned(), t.clone()))
                .collect(),
        )
    }

    fn obj(fields: &[(&str, Value)]) -> Value {
        Value::Object(
            fields
                .iter()
                .map(|(n, v)| ((*n).to_owned(), v.clone()))
                .collect(),
        )
    }

    #[test]
    fn decodes_what_terraform_sends() {
        let config = object(&[("id", Type::String), ("n", Type::Number)]);
        let cases: Vec<(&str, Vec<u8>, Type, Value)> = vec![
            ("empty is null", vec![], Type::String, Value::Null),
            ("nil", vec![0xc0], Type::String, Value::Null),
            (
                "unknown, cty's form",
                vec![0xd4, 0, 0],
                Type::String,
                Value::Unknown,
            ),
            (
                "unknown with refinements (ext 12)",
                vec![0xc7, 0x03, 0x0c, 0x81, 0x01, 0xc2],
                Type::String,
                Value::Unknown,
            ),
            (
                "positive fixint",
                vec![0x05],
                Type::Number,
                Value::Number(Number::Int(5)),
            ),
            (
                "uint64 beyond i64",
                vec![0xcf, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff],
                Type::Number,
                Value::Number(Number::UInt(u64::MAX)),
            ),
            (
                "float64",
                [vec![0xcb], 2.5f64.to_be_bytes().to_vec()].concat(),
                Type::Number,
                Value::Number(Number::Float(2.5)),
            ),
            (
                "decimal string",
                [vec![0xa4], b"1e99".to_vec()].concat(),
                Type::Number,
                Value::Number(Number::Decimal("1e99".into())),
            ),
            ("bool", vec![0xc3], Type::Bool, Value::Bool(true)),
            (
                "object with a missing attribute",
                [vec![0x81, 0xa2], b"id".to_vec(), vec![0xa1, b'x']].concat(),
                config.clone(),
                obj(&[("id", "x".into()), ("n", Value::Null)]),
            ),
            (
                "list",
                vec![0x92, 0x01, 0xc0],
                Type::List(Box::new(Type::Number)),
                Value::List(vec![Value::Number(Number::Int(1)), Value::Null]),
            ),
        ];
        for (name, bytes, ty, want) in cases {
            assert_eq!(decode_msgpack(&bytes, &ty), Ok(want), "{name}");
        }
    }

    #[test]
    fn decode_errors_name_the_attribute() {
        let ty = object(&[("outer", object(&[("n", Type::Number)]))]);
        let value = obj(&[("outer", obj(&[("n", "x".into())]))]);
        // Encode by hand: {"outer": {"n": "x"}}
        let bytes = [
            vec![0x81, 0xa5],
            b"outer".to_vec(),
            vec![0x81, 0xa1, b'n', 0xa1, b'x'],
        ]
        .concat();
        let err = decode_msgpack(&bytes, &ty).unwrap_err();
        assert_eq!(err.to_string(), "\"x\" is not a number at outer.n");
        let _ = value;

        let cases: Vec<(&str, Vec<u8>, Type, &str)> = vec![
            (
                "truncated",
                vec![0x92, 0x01],
                Type::List(Box::new(Type::Number)),
                "invalid msgpack",
            ),
            (
                "trailing bytes",
                vec![0xc0, 0xc0],
                Type::String,
                "1 bytes after",
            ),
            (
                "wrong kind",
                vec![0xc3],
                Type::String,
                "expected a string, got a bool",
            ),
            (
                "extra attribute",
                [vec![0x81, 0xa1], b"z".to_vec(), vec![0xc0]].concat(),
                object(&[("id", Type::String)]),
                "unexpected attribute \"z\"",
            ),
            (
                "bad utf-8",
                vec![0xa1, 0xff],
                Type::String,
                "not valid UTF-8",
            ),
        ];
        for (name, bytes, ty, want) in cases {
            let err = decode_msgpack(&bytes, &ty).unwrap_err().to_string();
            assert!(err.contains(want), "{name}: {err}");
        }
    }

    #[test]
    fn encodes_every_attribute_sorted_with_nil_for_missing() {
        let ty = object(&[("b", Type::Bool), ("a", Type::String)]);
        let bytes = encode_msgpack(&obj(&[("b", Value::Bool(false))]), &ty).unwrap();
        assert_eq!(bytes, [0x82, 0xa1, b'a', 0xc0, 0xa1, b'b', 0xc2]);
    }

    #[test]
    fn encoding_round_trips() {
        let ty = object(&[
            ("s", Type::String),
            ("n", Type::Number),
            ("f", Type::Number),
            ("d", Type::Number),
            ("u", Type::Number),
            ("l", Type::List(Box::new(object(&[("k", Type::Bool)])))),
            ("x", Type::String),
        ]);
        let value = obj(&[
            ("s", "héllo".into()),
            ("n", Value::Number(Number::Int(-42))),
            ("f", Value::Number(Number::Float(0.25))),
            (
                "d",
                Value::Number(Number::Decimal("123456789012345678901234567890".into())),
            ),
            ("u", Value::Number(Number::UInt(u64::MAX))),
            (
                "l",
                Value::List(vec![obj(&[("k", Value::Bool(true))]), Value::Null]),
            ),
            ("x", Value::Unknown),
        ]);
        let bytes = encode_msgpack(&value, &ty).unwrap();
        assert_eq!(decode_msgpack(&bytes, &ty), Ok(value));
    }

    #[test]
    fn encode_rejects_values_that_do_not_fit() {
        let ty = object(&[("n", Type::Number)]);
        let err = encode_msgpack(&obj(&[("n", "x".into())]), &ty).unwrap_err();
        assert_eq!(err.path.to_string(), "n");
        let err = encode_msgpack(&obj(&[("zz", Value::Null)]), &ty).unwrap_err();
        assert!(err.message.contains("zz"));
        let err =
            encode_msgpack(&Value::Number(Number::Float(f64::NAN)), &Type::Number).unwrap_err();
        assert!(err.message.contains("finite"));
    }

    #[test]
    fn decodes_json_fallback() {
        let ty = object(&[
            ("id", Type::String),
            ("n", Type::Number),
            ("l", Type::List(Box::new(Type::Bool))),
        ]);
        let got = decode_json(br#"{"id":"disk_1","l":[true]}"#, &ty).unwrap();
        assert_eq!(
            got,
            obj(&[
                ("id", "disk_1".into()),
                ("n", Value::Null),
                ("l", Value::List(vec![Value::Bool(true)]))
            ])
        );
        let err = decode_json(br#"{"id":5}"#, &ty).unwrap_err();
        assert_eq!(err.to_string(), "expected a string, got JSON number at id");
    }
}

#[cfg(test)]
mod hostile_input {
    use super::*;

    #[test]
    fn deep_and_huge_inputs_fail_cleanly() {
        let list = Type::List(Box::new(Type::String));
        // Nested arrays far deeper than any type.
        let deep = vec![0x91u8; 200_000];
        assert!(decode_msgpack(&deep, &list).is_err());
        // Lengths announcing billions of elements or bytes with none present.
        for bytes in [
            vec![0xdd, 0xff, 0xff, 0xff, 0xff],
            vec![0xdf, 0xff, 0xff, 0xff, 0xff],
            vec![0xdb, 0xff, 0xff, 0xff, 0xff],
            vec![0xc6, 0xff, 0xff, 0xff, 0xff],
            vec![0xc9, 0xff, 0xff, 0xff, 0xff, 0x01],
        ] {
            assert!(decode_msgpack(&bytes, &list).is_err(), "{bytes:x?}");
        }
    }

    /// An array32 of `n` nils.
    fn nils(n: u32) -> Vec<u8> {
        let mut bytes = vec![0xdd];
        bytes.extend_from_slice(&n.to_be_bytes());
        bytes.resize(5 + n as usize, 0xc0);
        bytes
    }

    #[test]
    fn collections_beyond_any_config_are_refused_before_allocation() {
        let list = Type::List(Box::new(Type::String));
        let err = decode_msgpack(&nils(20_000_000), &list).unwrap_err();
        assert!(
            err.message.contains("a collection of 20000000 elements"),
            "{err}"
        );
        let at_bound = decode_msgpack(&nils(MAX_COLLECTION as u32), &list).unwrap();
        assert!(matches!(at_bound, Value::List(items) if items.len() == 10_000));

        // Many collections, each within bounds, too many values in all.
        let nested = Type::List(Box::new(list.clone()));
        let mut bytes = vec![0xdc, 0x00, 0x0b]; // array16 of 11
        for _ in 0..11 {
            bytes.extend(nils(10_000));
        }
        let err = decode_msgpack(&bytes, &nested).unwrap_err();
        assert!(err.message.contains("more than 100000 values"), "{err}");

        let err = decode_json(&vec![b' '; (1 << 20) + 1], &list).unwrap_err();
        assert!(err.message.contains("MiB"), "{err}");
    }
}
