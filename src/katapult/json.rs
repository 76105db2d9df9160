//! Reading the API's JSON without tripping over what nobody reads.
//!
//! serde_json refuses nesting past 128 levels anywhere in a document, so an
//! unknown field nested deeper (which this provider would ignore anyway)
//! would make a whole answer unreadable. Here each level is read as raw
//! slices of the text (skipped iteratively, never recursively), and only
//! `MAX_DEPTH` levels are kept: deeper values become null. Every field the
//! provider maps lies a few levels down. Answers within serde_json's limit
//! (all real ones) take the ordinary one-pass parse.

use std::collections::BTreeMap;

use serde_json::Value;
use serde_json::value::RawValue;

/// Levels of arrays and objects kept; deeper ones read as null.
const MAX_DEPTH: usize = 32;

/// Parses `body` as JSON, keeping `MAX_DEPTH` levels.
pub(crate) fn parse(body: &[u8]) -> Result<Value, serde_json::Error> {
    // Every real answer parses in one pass; only one nested past serde_json's
    // limit takes the level-by-level path (several passes over the text).
    match serde_json::from_slice(body) {
        Err(e) if e.to_string().starts_with("recursion limit exceeded") => {}
        parsed => return parsed,
    }
    let text = match std::str::from_utf8(body) {
        Ok(text) => text,
        // Let serde_json say what is wrong, in its words.
        Err(_) => return serde_json::from_slice::<&RawValue>(body).map(|_| Value::Null),
    };
    let raw: &RawValue = serde_json::from_str(text)?;
    shallow(raw, MAX_DEPTH)
}

fn shallow(raw: &RawValue, depth: usize) -> Result<Value, serde_json::Error> {
    let text = raw.get();
    match text.as_bytes().first() {
        Some(b'{' | b'[') if depth == 0 => Ok(Value::Null),
        Some(b'{') => {
            let fields: BTreeMap<String, &RawValue> = serde_json::from_str(text)?;
            fields
                .into_iter()
                .map(|(k, v)| Ok((k, shallow(v, depth - 1)?)))
                .collect::<Result<serde_json::Map<_, _>, _>>()
                .map(Value::Object)
        }
        Some(b'[') => {
            let items: Vec<&RawValue> = serde_json::from_str(text)?;
            items
                .into_iter()
                .map(|v| shallow(v, depth - 1))
                .collect::<Result<Vec<_>, _>>()
                .map(Value::Array)
        }
        _ => serde_json::from_str(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_what_a_reader_needs_and_drops_only_the_depths() {
        let deep = format!("{}1{}", "[".repeat(5000), "]".repeat(5000));
        let body = format!(
            r#"{{"disk":{{"id":"disk_1","size_in_gb":18446744073709551616,"future":{deep}}},"annotations":[]}}"#
        );
        let json = parse(body.as_bytes()).unwrap();
        assert_eq!(json["disk"]["id"], "disk_1");
        assert_eq!(
            json["disk"]["size_in_gb"].to_string(),
            "18446744073709551616"
        );
        assert_eq!(json["annotations"], serde_json::json!([]));
        // Kept down to MAX_DEPTH, null below.
        let mut level = &json["disk"]["future"];
        let mut kept = 0;
        while let Value::Array(items) = level {
            level = &items[0];
            kept += 1;
        }
        assert_eq!(kept, MAX_DEPTH - 2);
        assert_eq!(*level, Value::Null);
    }

    #[test]
    fn both_paths_agree() {
        // Within MAX_DEPTH, where the level-by-level path drops nothing.
        for depth in [0, 1, 10, MAX_DEPTH - 2] {
            let text = format!(
                r#"{{"a":{}{{"n":1.5}}{}}}"#,
                "[".repeat(depth),
                "]".repeat(depth)
            );
            let raw: &RawValue = serde_json::from_str(&text).unwrap();
            assert_eq!(
                parse(text.as_bytes()).unwrap(),
                shallow(raw, MAX_DEPTH).unwrap(),
                "{depth}"
            );
        }
    }

    #[test]
    fn what_is_not_json_is_still_an_error() {
        for body in [
            &b""[..],
            b"{\"disk\":",
            b"{\"a\":1}x",
            b"\xff\xfe",
            b"[1,]",
            b"<html></html>",
        ] {
            assert!(parse(body).is_err(), "{:?}", String::from_utf8_lossy(body));
        }
    }
}
