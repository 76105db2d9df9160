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

/// The most items one JSON list (or fields one object) may hold. A page of
/// the API lists at most 200; a disk has a handful of attributes.
pub(crate) const MAX_ITEMS: usize = 10_000;
/// The most values a whole answer may hold: a page of 200 disks is about
/// 4,000.
pub(crate) const MAX_VALUES: usize = 100_000;

/// Why an answer could not be read.
#[derive(Debug, thiserror::Error)]
pub(crate) enum ParseError {
    #[error(transparent)]
    Json(#[from] serde_json::Error),
    /// Larger than this provider reads, at `path` (`disk.installation.attributes`).
    #[error("{path} holds {what}")]
    TooLarge { path: String, what: String },
}

/// Parses `body` as JSON, keeping `MAX_DEPTH` levels, once `check_size`
/// has found it within bounds.
pub(crate) fn parse(body: &[u8]) -> Result<Value, ParseError> {
    check_size(body)?;
    parse_unchecked(body).map_err(ParseError::Json)
}

fn parse_unchecked(body: &[u8]) -> Result<Value, serde_json::Error> {
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

/// One open list or object during `check_size`'s scan.
struct Open {
    /// Its name in the path: a field name, or `[i]`.
    name: String,
    object: bool,
    /// Values seen directly inside it.
    items: usize,
    /// In an object: whether the next string is a field name.
    expecting_key: bool,
    /// In an object: the last field name, for the path of what it holds.
    key: String,
}

/// Open collections whose names are kept for the path; deeper ones are
/// only counted (the parse drops them anyway).
const TRACKED_DEPTH: usize = 160;
/// The most characters of a field name repeated in a path.
const MAX_NAME: usize = 40;

/// Scans `body` once, without building anything, and refuses it when a
/// list or object holds more than `MAX_ITEMS` or the whole more than
/// `MAX_VALUES`. What is not JSON at all is left to the parser to describe:
/// the scan only counts, and never fails on malformed text.
pub(crate) fn check_size(body: &[u8]) -> Result<(), ParseError> {
    let mut scan = Scan::default();
    let mut i = 0;
    while i < body.len() {
        match body[i] {
            b'"' => {
                let start = i + 1;
                i = start;
                while i < body.len() && body[i] != b'"' {
                    i += if body[i] == b'\\' { 2 } else { 1 };
                }
                scan.string(&body[start..i.min(body.len())])?;
            }
            c @ (b'{' | b'[') => scan.open(c == b'{')?,
            b'}' | b']' => scan.close(),
            b',' => scan.comma(),
            b':' | b' ' | b'\t' | b'\n' | b'\r' => {}
            _ => {
                // A number, true, false or null: one value, to its end.
                scan.count()?;
                while i + 1 < body.len() && !ends_scalar(body[i + 1]) {
                    i += 1;
                }
            }
        }
        i += 1;
    }
    Ok(())
}

/// Whether `c` ends a number, `true`, `false` or `null`.
fn ends_scalar(c: u8) -> bool {
    matches!(
        c,
        b'"' | b'{' | b'}' | b'[' | b']' | b',' | b':' | b' ' | b'\t' | b'\n' | b'\r'
    )
}

/// `check_size`'s count of what it has seen, and where it is.
#[derive(Default)]
struct Scan {
    /// The open collections whose names are kept, outermost first.
    open: Vec<Open>,
    /// Open collections deeper than `TRACKED_DEPTH`, only counted.
    untracked: usize,
    /// Values seen in all.
    values: usize,
}

impl Scan {
    /// Counts a value starting here, in the innermost open collection.
    fn count(&mut self) -> Result<(), ParseError> {
        self.values += 1;
        if self.values > MAX_VALUES {
            return Err(too_large(
                &self.open,
                format!("more than {MAX_VALUES} values in all"),
            ));
        }
        if self.untracked == 0
            && let Some(top) = self.open.last_mut()
        {
            top.items += 1;
            if top.items > MAX_ITEMS {
                let what = if top.object { "fields" } else { "items" };
                return Err(too_large(
                    &self.open,
                    format!("more than {MAX_ITEMS} {what}"),
                ));
            }
        }
        Ok(())
    }

    /// A string: a field name where one is expected, else a value.
    fn string(&mut self, text: &[u8]) -> Result<(), ParseError> {
        match self.open.last_mut() {
            Some(top) if self.untracked == 0 && top.object && top.expecting_key => {
                top.expecting_key = false;
                top.key = String::from_utf8_lossy(text)
                    .chars()
                    .take(MAX_NAME)
                    .collect();
                Ok(())
            }
            _ => self.count(),
        }
    }

    /// A list or object opens: a value of the one around it.
    fn open(&mut self, object: bool) -> Result<(), ParseError> {
        self.count()?;
        if self.untracked > 0 || self.open.len() >= TRACKED_DEPTH {
            self.untracked += 1;
            return Ok(());
        }
        let name = match self.open.last() {
            Some(top) if top.object => top.key.clone(),
            Some(top) => format!("[{}]", top.items - 1),
            None => String::new(),
        };
        self.open.push(Open {
            name,
            object,
            items: 0,
            expecting_key: object,
            key: String::new(),
        });
        Ok(())
    }

    fn close(&mut self) {
        if self.untracked > 0 {
            self.untracked -= 1;
        } else {
            self.open.pop();
        }
    }

    /// In an object, a field name comes next.
    fn comma(&mut self) {
        if self.untracked == 0
            && let Some(top) = self.open.last_mut()
        {
            top.expecting_key = top.object;
        }
    }
}

/// The error for the innermost open collection: its path, from the top
/// (`disk.installation.attributes`, `disks[3].tags`), as people read it.
fn too_large(open: &[Open], what: String) -> ParseError {
    let mut path = String::new();
    for o in open {
        if !o.name.starts_with('[') && !path.is_empty() {
            path.push('.');
        }
        path.push_str(&o.name);
    }
    if path.is_empty() {
        path = if open.is_empty() {
            "the answer"
        } else {
            "the top level"
        }
        .to_owned();
    }
    ParseError::TooLarge {
        path: crate::text::server_text(&path),
        what,
    }
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

    fn too_large(body: &str) -> String {
        match parse(body.as_bytes()) {
            Err(e @ ParseError::TooLarge { .. }) => e.to_string(),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn bounds_what_parsing_costs_and_names_where() {
        let many = |n: usize, item: &str| vec![item; n].join(",");
        let body = format!(
            r#"{{"disk":{{"id":"i","installation":{{"id":"i","attributes":[{}]}}}},"annotations":[]}}"#,
            many(MAX_ITEMS + 1, "{}")
        );
        assert_eq!(
            too_large(&body),
            "disk.installation.attributes holds more than 10000 items"
        );
        let body = format!(
            r#"{{"disk":{{}},"annotations":[{}]}}"#,
            many(MAX_ITEMS + 1, "1")
        );
        assert_eq!(too_large(&body), "annotations holds more than 10000 items");
        let fields: Vec<String> = (0..=MAX_ITEMS).map(|i| format!(r#""k{i}":null"#)).collect();
        let body = format!(r#"{{"disk":{{{}}}}}"#, fields.join(","));
        assert_eq!(too_large(&body), "disk holds more than 10000 fields");
        // Within each list, too many in all.
        let list = format!("[{}]", many(MAX_ITEMS, "true"));
        let body = format!(r#"{{"a":[{}]}}"#, many(MAX_VALUES / MAX_ITEMS + 1, &list));
        assert_eq!(
            too_large(&body),
            "a[9] holds more than 100000 values in all"
        );
        // Names in a path are escaped and cut; brackets in strings are text.
        let name = format!(r"\u001b{}", "n".repeat(100));
        let body = format!(r#"{{"{name}":[{}]}}"#, many(MAX_ITEMS + 1, r#""[{,""#));
        let err = too_large(&body);
        assert!(err.starts_with("\\u001bnnn"), "{err}");
        assert!(err.len() < 100, "{err}");
        assert!(err.ends_with("holds more than 10000 items"), "{err}");
        let top = format!("[{}]", many(MAX_ITEMS + 1, "0"));
        assert_eq!(too_large(&top), "the top level holds more than 10000 items");
    }

    #[test]
    fn the_size_check_passes_what_is_within_bounds_and_never_fails_on_garbage() {
        let ok = [
            format!("[{}]", vec!["{}"; MAX_ITEMS].join(",")),
            r#"{"a":"\"]]]}}}","b":[1,2,{"c":"\\"}]}"#.to_owned(),
            "[".repeat(100_000),
            "]]]}}}".to_owned(),
            "\"unterminated \\".to_owned(),
            String::new(),
            format!("{}1{}", "[".repeat(5000), "]".repeat(5000)),
        ];
        for body in ok {
            assert!(
                check_size(body.as_bytes()).is_ok(),
                "{}",
                &body[..body.len().min(80)]
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
