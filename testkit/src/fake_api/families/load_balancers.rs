//! The load balancer family: its routes, and load balancers beyond their
//! recordings: organizations with many of them (generated, copies of a
//! recorded one), lists that move while they are read, the `annotations[]`
//! filter of an organization's list, and each load balancer's rule list
//! made from the recorded rules that name it.

use serde_json::{Value, json};

use crate::fake_api::answers::{self, error, json};
use crate::fake_api::call::Pattern::{Is, Prefix};
use crate::fake_api::call::{Call, Handler, ListHandler, Pattern, Refusal, Reply};
use crate::fake_api::cases::lbs::{self, orgs};
use crate::fake_api::route::Key::{self, Field, Name};
use crate::fake_api::route::{Note, ORG, Route};

/// The load balancer family's endpoints.
#[rustfmt::skip]
pub(super) const ROUTES: &[Route] = &[
    // One load balancer, by id or API reference: recorded, or generated.
    Route::get("load_balancers/load_balancer", LOAD_BALANCER).recorded(BY_ID).note(Note::Arrivals),
    // An organization's load balancers: recorded, or generated; by annotations.
    Route::get("organizations/organization/load_balancers", ORG).optional().pages("load_balancers", ORGS)
        .filter(annotated).note(Note::Pages("load_balancers")),
    // A load balancer's rules: recorded, else the recorded rules that name it.
    Route::get("load_balancers/load_balancer/rules", &[Name("load_balancer[id]")])
        .pages("load_balancer_rules", RULE_LISTS).note(Note::Pages("rules")),
    // One load balancer rule: recorded, or generated.
    Route::get("load_balancers/rules/load_balancer_rule", &[Name("load_balancer_rule[id]")])
        .recorded(RULES).note(Note::Arrivals),
];

const LOAD_BALANCER: &[Key] = &[
    Name("load_balancer[id]"),
    Field(
        "load_balancer[api_reference]",
        "/load_balancer/api_reference",
    ),
];

/// Where the recorded answers of each endpoint are.
const LB: &str = "load_balancers/load_balancer";
const RULE: &str = "load_balancers/rules/load_balancer_rule";

/// `GET /load_balancers/load_balancer` beyond the recorded answers.
pub(super) const BY_ID: &[(Pattern, Handler)] = &[(Prefix(lbs::GENERATED), generated_read)];

/// `GET /load_balancers/rules/load_balancer_rule` beyond the recorded answers.
pub(super) const RULES: &[(Pattern, Handler)] = &[(Prefix(lbs::GENERATED_RULE), generated_rule)];

/// Organizations whose load balancer lists are generated.
pub(super) const ORGS: &[(Pattern, ListHandler)] = &[
    (Is(orgs::TWENTY), twenty),
    (Is(orgs::TWO_PAGES), two_pages),
    (Is(orgs::MOVING), moving),
    (Is(orgs::ALWAYS_MOVING), always_moving),
];

/// Rule lists: `lbs::MANY_RULES`'s generated, any other load balancer's
/// made from the recorded rules that name it.
pub(super) const RULE_LISTS: &[(Pattern, ListHandler)] =
    &[(Is(lbs::MANY_RULES), many_rules), (Prefix("lb_"), rules_of)];

/// The generated load balancer `n`: the recorded one (`lbs::RECORDED`)
/// under its own id, name and address.
fn generated(n: u64) -> Value {
    let mut answer = answers::get(LB, lbs::RECORDED)
        .expect("the recorded load balancer")
        .json
        .clone();
    let lb = &mut answer["load_balancer"];
    lb["id"] = json!(format!("{}{n:013}", lbs::GENERATED));
    lb["name"] = json!(format!("lb-{n}"));
    lb["ip_address"] = json!({
        "id": format!("ip_Gen{n:013}"),
        "address": format!("10.0.{}.{}", n / 256, n % 256),
    });
    answer
}

/// The number of a generated load balancer's id.
fn generated_number(id: &str) -> Option<u64> {
    let digits = id.strip_prefix(lbs::GENERATED)?;
    (digits.len() == 13).then(|| digits.parse().ok())?
}

fn generated_read(call: &Call) -> Reply {
    match generated_number(call.value) {
        Some(n) => json(&generated(n).to_string()).into(),
        None => answers::not_found("load_balancer").into(),
    }
}

/// The answer `GET /load_balancers/load_balancer` gives for `id`, when it
/// gives a load balancer.
fn answer_of(id: &str) -> Option<Value> {
    match answers::get(LB, id) {
        Some(answer) if answer.json.get("error").is_none() => Some(answer.json.clone()),
        Some(_) => None,
        None => generated_number(id).map(generated),
    }
}

/// A load balancer as an organization's list has it (the recorded lists'
/// fields), from its own answer.
fn listed(answer: &Value) -> Value {
    let lb = &answer["load_balancer"];
    json!({
        "id": lb["id"], "name": lb["name"], "api_reference": lb["api_reference"],
        "resource_type": lb["resource_type"], "resources": lb["resources"],
        "resource_ids": lb["resource_ids"],
        "ip_address": {"address": lb["ip_address"]["address"]},
        "data_center": {"id": lb["data_center"]["id"], "name": lb["data_center"]["name"]},
    })
}

fn generated_list(count: usize) -> Option<Vec<Value>> {
    Some((0..count as u64).map(|n| listed(&generated(n))).collect())
}

fn twenty(_: &Call) -> Option<Vec<Value>> {
    generated_list(orgs::TWENTY_COUNT)
}

fn two_pages(_: &Call) -> Option<Vec<Value>> {
    generated_list(orgs::TWO_PAGES_COUNT)
}

/// A listed load balancer that has no answer: deleted before its read.
fn gone(id: &str) -> Value {
    json!({"id": id, "name": "deleted-meanwhile", "api_reference": null,
        "resource_type": "virtual_machines", "resources": [], "resource_ids": [],
        "ip_address": {"address": "10.9.9.9"}, "data_center": {"id": "loc_UUhPmoCbpic6UX0Y", "name": "London"}})
}

fn recorded_listed() -> Value {
    listed(&answer_of(lbs::RECORDED).expect("the recorded load balancer"))
}

/// The first listing names a load balancer deleted before it is read;
/// from the second on, it is gone from the list.
fn moving(call: &Call) -> Option<Vec<Value>> {
    let mut items = vec![recorded_listed()];
    if call.listings <= 1 {
        items.push(gone(lbs::GONE));
    }
    Some(items)
}

/// Every listing names another load balancer that is gone by its read.
fn always_moving(call: &Call) -> Option<Vec<Value>> {
    Some(vec![
        recorded_listed(),
        gone(&format!("lb_Gone{:012}", call.listings)),
    ])
}

/// The API's `annotations[]` filter: only the load balancers whose own
/// answer carries every key and value asked for. The keys and the values
/// must pair up, as the API requires.
pub(super) fn annotated(call: &Call, items: Vec<Value>) -> Result<Vec<Value>, Refusal> {
    let keys = call.args("annotations[][key]");
    let values = call.args("annotations[][value]");
    if keys.len() != values.len() {
        return Err(Box::new(error(
            "invalid_argument",
            "All `annotations[]` params should have the same amount of elements",
            "{}",
        )));
    }
    Ok(items
        .into_iter()
        .filter(|item| {
            let answer = item["id"].as_str().and_then(answer_of);
            let carried = answer.as_ref().map(|a| &a["annotations"]);
            keys.iter().zip(&values).all(|(key, value)| {
                carried
                    .and_then(Value::as_array)
                    .is_some_and(|all| all.iter().any(|a| a["key"] == *key && a["value"] == *value))
            })
        })
        .collect())
}

/// A rule as a load balancer's rule list has it (the recorded lists'
/// fields), from its own answer.
fn rule_listed(answer: &Value) -> Value {
    let rule = &answer["load_balancer_rule"];
    let certificates: Vec<Value> = rule["certificates"]
        .as_array()
        .map(|all| {
            all.iter()
                .map(|c| json!({"id": c["id"], "name": c["name"]}))
                .collect()
        })
        .unwrap_or_default();
    json!({
        "id": rule["id"], "algorithm": rule["algorithm"],
        "destination_port": rule["destination_port"], "listen_port": rule["listen_port"],
        "protocol": rule["protocol"], "certificates": certificates,
        "check_enabled": rule["check_enabled"],
    })
}

/// The rules of a load balancer that exists: every recorded rule that
/// names it, by id; none for a load balancer that does not.
fn rules_of(call: &Call) -> Option<Vec<Value>> {
    answer_of(call.value)?;
    Some(
        answers::all(RULE)
            .filter(|(_, answer)| {
                answer.json["load_balancer_rule"]["load_balancer"]["id"] == call.value
            })
            .map(|(_, answer)| rule_listed(&answer.json))
            .collect(),
    )
}

/// The generated rule `n` of `lbs::MANY_RULES`: a recorded rule under its
/// own id and port.
fn many_rule(n: u64) -> Value {
    let mut answer = answers::get(RULE, lbs::RECORDED_RULE)
        .expect("the recorded rule")
        .json
        .clone();
    let rule = &mut answer["load_balancer_rule"];
    rule["id"] = json!(format!("{}{n:012}", lbs::GENERATED_RULE));
    rule["listen_port"] = json!(10_000 + n);
    rule["load_balancer"] = json!({"id": lbs::MANY_RULES, "name": "many-rules"});
    answer
}

fn many_rules(_: &Call) -> Option<Vec<Value>> {
    Some(
        (0..lbs::MANY_RULES_COUNT as u64)
            .map(|n| rule_listed(&many_rule(n)))
            .collect(),
    )
}

fn generated_rule(call: &Call) -> Reply {
    let n = call
        .suffix
        .parse::<u64>()
        .ok()
        .filter(|n| call.suffix.len() == 12 && *n < lbs::MANY_RULES_COUNT as u64);
    match n {
        Some(n) => json(&many_rule(n).to_string()).into(),
        None => answers::not_found("load_balancer_rule").into(),
    }
}
