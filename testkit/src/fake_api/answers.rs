//! The recorded answers (`testkit/answers/DIR/NAME.json`, read once), and
//! how every answer is made: the live API's headers on all of them, its
//! errors in one envelope, its pages.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::sync::OnceLock;

use http_body_util::Full;
use hyper::body::Bytes;
use hyper::{Response, StatusCode};
use serde_json::{Value, json};

/// One recorded answer: the file's text, served as it is, and its JSON.
pub(super) struct Recorded {
    pub text: String,
    pub json: Value,
}

/// Every recorded answer, by folder (`disks/disk`) and name (`disk_…`).
type Store = HashMap<String, BTreeMap<String, Recorded>>;

fn store() -> &'static Store {
    static STORE: OnceLock<Store> = OnceLock::new();
    STORE.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("answers");
        let mut store = Store::new();
        read_dir(&root, &root, &mut store);
        store
    })
}

fn read_dir(root: &Path, dir: &Path, store: &mut Store) {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for entry in entries {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            read_dir(root, &path, store);
            continue;
        }
        if path.extension().is_none_or(|e| e != "json") {
            continue; // README.md
        }
        let text =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let json: Value = serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()));
        if let Some(code) = json.pointer("/error/code").and_then(Value::as_str) {
            assert!(
                status_of(code).is_some(),
                "{}: the error code {code:?} has no status in answers.rs",
                path.display()
            );
        }
        let folder = path
            .parent()
            .and_then(|p| p.strip_prefix(root).ok())
            .expect("under answers/")
            .to_string_lossy()
            .replace('\\', "/");
        let name = path
            .file_stem()
            .expect("a file name")
            .to_string_lossy()
            .into_owned();
        store
            .entry(folder)
            .or_default()
            .insert(name, Recorded { text, json });
    }
}

/// The recorded answer `testkit/answers/DIR/NAME.json`, as the fake API
/// serves it (an error envelope is served as that error).
pub fn recorded(dir: &str, name: &str) -> String {
    get(dir, name)
        .unwrap_or_else(|| panic!("no recorded answer {dir}/{name}.json"))
        .text
        .clone()
}

/// The items of the recorded list answer `DIR/NAME.json`, under `key`:
/// what a list data source's mapping takes.
pub fn recorded_items(
    dir: &str,
    name: &str,
    key: &str,
) -> Vec<serde_json::Map<String, serde_json::Value>> {
    let answer: serde_json::Value = serde_json::from_str(&recorded(dir, name))
        .unwrap_or_else(|e| panic!("{dir}/{name}.json is not JSON: {e}"));
    let Some(items) = answer.get(key).and_then(serde_json::Value::as_array) else {
        panic!("{dir}/{name}.json has no \"{key}\" list");
    };
    items
        .iter()
        .map(|item| item.as_object().expect("an object").clone())
        .collect()
}

/// Reads every recorded answer, panicking on one that is not usable.
pub(super) fn load() {
    store();
}

/// The recorded answer `DIR/NAME.json`.
pub(super) fn get(dir: &str, name: &str) -> Option<&'static Recorded> {
    store().get(dir)?.get(name)
}

/// Whether `dir` holds any answers.
pub(super) fn has_dir(dir: &str) -> bool {
    store().contains_key(dir)
}

/// Every recorded answer in `dir`, by name.
pub(super) fn all(dir: &str) -> impl Iterator<Item = (&'static str, &'static Recorded)> {
    store()
        .get(dir)
        .into_iter()
        .flat_map(|answers| answers.iter().map(|(name, answer)| (name.as_str(), answer)))
}

/// The name of the answer in `dir` whose JSON holds `value` at `pointer`.
pub(super) fn find(dir: &str, pointer: &str, value: &str) -> Option<&'static str> {
    store()
        .get(dir)?
        .iter()
        .find(|(_, answer)| answer.json.pointer(pointer).and_then(Value::as_str) == Some(value))
        .map(|(name, _)| name.as_str())
}

/// A recorded answer as the API sends it: an error envelope as that error,
/// anything else with 200.
pub(super) fn serve(answer: &Recorded) -> Response<Full<Bytes>> {
    match answer.json.get("error") {
        Some(e) => error(
            e["code"].as_str().expect("an error code"),
            e["description"].as_str().unwrap_or_default(),
            &e["detail"].to_string(),
        ),
        None => json(&answer.text),
    }
}

/// The status the live API answers each error code with (its reference
/// lists the codes by status).
fn status_of(code: &str) -> Option<StatusCode> {
    Some(match code {
        "missing_api_token" | "invalid_argument" | "missing_required_argument" => {
            StatusCode::BAD_REQUEST
        }
        "unauthorized_network_for_api_token"
        | "invalid_api_token"
        | "invalid_capabilities_token"
        | "scope_not_granted"
        | "permission_denied"
        | "organization_suspended"
        | "organization_not_activated"
        | "object_storage_account_not_provisioned"
        | "object_storage_account_suspended" => StatusCode::FORBIDDEN,
        "object_in_trash" => StatusCode::NOT_ACCEPTABLE,
        "rate_limit_reached" => StatusCode::TOO_MANY_REQUESTS,
        "service_unavailable" => StatusCode::SERVICE_UNAVAILABLE,
        _ if code.ends_with("_not_found") => StatusCode::NOT_FOUND,
        _ => return None,
    })
}

/// An answer with the headers the live API puts on every one.
pub(super) fn respond(
    status: StatusCode,
    content_type: Option<&str>,
    body: impl Into<Bytes>,
) -> Response<Full<Bytes>> {
    let mut builder = Response::builder()
        .status(status)
        .header("x-ratelimit-permitted", "1000")
        .header("x-ratelimit-remaining", "999")
        .header("x-request-id", "req_fake0000000001");
    if let Some(content_type) = content_type {
        builder = builder.header("content-type", content_type);
    }
    builder
        .body(Full::new(body.into()))
        .expect("a valid response")
}

/// A JSON answer, 200.
pub(super) fn json(body: &str) -> Response<Full<Bytes>> {
    respond(StatusCode::OK, Some("application/json"), body.to_owned())
}

/// An error as the live API sends it: wrapped in `{"error": ...}`, with the
/// json-error schema header, its status the one Katapult gives `code`.
/// `detail` is JSON, sent as written.
pub(super) fn error(code: &str, description: &str, detail: &str) -> Response<Full<Bytes>> {
    let status = status_of(code).unwrap_or_else(|| panic!("no status for the error {code:?}"));
    let body = format!(
        r#"{{"error":{{"code":{},"description":{},"detail":{detail}}}}}"#,
        Value::from(code),
        Value::from(description)
    );
    let mut answer = respond(status, Some("application/json"), body);
    answer.headers_mut().insert(
        "x-api-schema",
        "json-error".parse().expect("a header value"),
    );
    answer
}

/// `{object}_not_found`, worded as the live API words it.
pub(super) fn not_found(object: &str) -> Response<Full<Bytes>> {
    error(
        &format!("{object}_not_found"),
        &format!(
            "No {} was found matching any of the criteria provided in the arguments",
            object.replace('_', " ")
        ),
        "{}",
    )
}

/// Whether `annotations` (an answer's `[{"key", "value"}]`) carries every
/// one of the `wanted` pairs.
pub(super) fn carries(annotations: &Value, wanted: &[(String, String)]) -> bool {
    let held = annotations
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default();
    wanted.iter().all(|(key, value)| {
        held.iter()
            .any(|a| a["key"] == **key && a["value"] == **value)
    })
}

/// The API's 429, with `Retry-After: retry_after`.
pub(super) fn rate_limited(retry_after: &str) -> Response<Full<Bytes>> {
    let mut refusal = error(
        "rate_limit_reached",
        "You have reached the rate limit for this type of request",
        r#"{"total_permitted":1000}"#,
    );
    refusal
        .headers_mut()
        .insert("retry-after", retry_after.parse().expect("a header value"));
    refusal
}

/// The API's 503.
pub(super) fn unavailable() -> Response<Full<Bytes>> {
    error(
        "service_unavailable",
        "The service is currently unavailable, please try again later",
        "{}",
    )
}

/// Page `page` of `items` under `list`, `per_page` items a page (as the
/// API pages: `Call::paging`), `total_pages: 0` for an empty list.
pub(super) fn page(
    (page, per_page): (u64, u64),
    items: Vec<Value>,
    list: &str,
) -> Response<Full<Bytes>> {
    let total = items.len() as u64;
    let shown: Vec<Value> = items
        .into_iter()
        .skip(((page - 1) * per_page) as usize)
        .take(per_page as usize)
        .collect();
    let body = json!({
        "pagination": {
            "current_page": page,
            "total_pages": total.div_ceil(per_page),
            "total": total,
            "per_page": per_page,
            "large_set": false,
        },
        list: shown,
    });
    json(&body.to_string())
}
