//! The security group family: its routes, and groups beyond their
//! recordings: an organization of twenty (the benchmark's), one whose list
//! moves before a group's rules are read, a group whose rules span pages;
//! and the list's annotations filter, answered from each group's own
//! annotations.

use serde_json::{Value, json};

use crate::fake_api::answers::{self, error};
use crate::fake_api::call::Pattern::{Is, Prefix};
use crate::fake_api::call::{Call, Handler, ListHandler, Pattern, Refusal, Reply};
use crate::fake_api::cases::security_groups as sg;
use crate::fake_api::route::Key::Name;
use crate::fake_api::route::{Note, ORG, Route};

/// The security group family's endpoints: groups, a group's rules and one
/// rule, recorded or generated; an organization's groups filtered by
/// annotations as the API does.
#[rustfmt::skip]
pub(super) const ROUTES: &[Route] = &[
    Route::get("security_groups/security_group", &[Name("security_group[id]")]).recorded(GROUPS),
    Route::get("security_groups/security_group/rules", &[Name("security_group[id]")])
        .pages("security_group_rules", RULES).note(Note::Pages("rules")),
    Route::get("security_groups/rules/security_group_rule", &[Name("security_group_rule[id]")]).recorded(&[]),
    Route::get("organizations/organization/security_groups", ORG).optional()
        .pages("security_groups", ORGANIZATIONS).filter(by_annotations)
        .note(Note::Pages("security_groups")),
];

/// Organizations whose group lists are generated.
pub(super) const ORGANIZATIONS: &[(Pattern, ListHandler)] = &[
    (Is(sg::TWENTY), twenty),
    (Is(sg::MOVING), moving),
    (Is(sg::ALWAYS_MOVING), always_moving),
];

/// Groups whose rule lists are generated.
pub(super) const RULES: &[(Pattern, ListHandler)] = &[
    (Prefix(TWENTY_GROUP), twenty_rules),
    (Is(sg::MANY_RULES), many_rules),
    (Is(sg::MOVING_STAY), stay_rules),
];

/// Generated groups' own answers.
pub(super) const GROUPS: &[(Pattern, Handler)] = &[(Prefix(TWENTY_GROUP), group)];

/// `sg::TWENTY`'s groups: `PREFIX{n:010}`.
const TWENTY_GROUP: &str = "sg_Twenty";

fn twenty_group(n: usize) -> Value {
    json!({
        "id": format!("{TWENTY_GROUP}{n:010}"), "name": format!("twenty-{n}"),
        "allow_all_inbound": false, "allow_all_outbound": n.is_multiple_of(2), "associations": [],
    })
}

fn twenty(_: &Call) -> Option<Vec<Value>> {
    Some((0..sg::TWENTY_GROUPS).map(twenty_group).collect())
}

/// `GET /security_groups/security_group` for a generated group.
fn group(call: &Call) -> Reply {
    let n: Option<usize> = call.suffix.parse().ok();
    match n.filter(|n| *n < sg::TWENTY_GROUPS) {
        Some(n) if twenty_group(n)["id"] == call.value => answers::json(
            &json!({"security_group": twenty_group(n), "annotations": []}).to_string(),
        )
        .into(),
        _ => answers::not_found("security_group").into(),
    }
}

/// A rule in the recorded shape.
fn rule(id: String, direction: &str, ports: &str, notes: &str) -> Value {
    json!({"id": id, "direction": direction, "protocol": "TCP", "action": "allow",
        "ports": ports, "targets": ["all:ipv6", "all:ipv4"], "notes": notes})
}

/// One inbound and one outbound rule per group of `sg::TWENTY`.
fn twenty_rules(call: &Call) -> Option<Vec<Value>> {
    let n: usize = call
        .suffix
        .parse()
        .ok()
        .filter(|n| *n < sg::TWENTY_GROUPS)?;
    Some(vec![
        rule(format!("sgr_TwentyIn{n:08}"), "inbound", "443", "HTTPS"),
        rule(format!("sgr_TwentyOut{n:07}"), "outbound", "53", "DNS"),
    ])
}

/// `sg::MANY_RULE_COUNT` rules, inbound and outbound by turns, port by
/// port from 1000.
fn many_rules(_: &Call) -> Option<Vec<Value>> {
    Some(
        (0..sg::MANY_RULE_COUNT)
            .map(|n| {
                let direction = if n.is_multiple_of(2) {
                    "inbound"
                } else {
                    "outbound"
                };
                rule(
                    format!("sgr_ManyRules{n:07}"),
                    direction,
                    &(1000 + n).to_string(),
                    &format!("rule {n}"),
                )
            })
            .collect(),
    )
}

fn stay_rules(_: &Call) -> Option<Vec<Value>> {
    Some(vec![rule(
        "sgr_MovingStay000001".to_owned(),
        "inbound",
        "22",
        "SSH",
    )])
}

fn listed(id: &str, name: &str) -> Value {
    json!({"id": id, "name": name, "allow_all_inbound": false, "allow_all_outbound": false,
        "associations": []})
}

/// The first listing names a group deleted before its rules are read (it
/// has none: not found); from the second on, it is gone from the list.
fn moving(call: &Call) -> Option<Vec<Value>> {
    let mut groups = vec![listed(sg::MOVING_STAY, "stays")];
    if call.listings <= 1 {
        groups.push(listed(sg::MOVING_GONE, "deleted"));
    }
    Some(groups)
}

/// Every listing names another group that is gone by its rules' read.
fn always_moving(call: &Call) -> Option<Vec<Value>> {
    Some(vec![
        listed(sg::MOVING_STAY, "stays"),
        listed(&format!("sg_AlwaysGone{:06}", call.listings), "deleted"),
    ])
}

/// The API's `annotations[][key]` and `annotations[][value]` filter: only
/// the groups whose own answer (`GET /security_groups/security_group`)
/// carries every pair asked for. Keys and values must pair up.
pub(super) fn by_annotations(call: &Call, groups: Vec<Value>) -> Result<Vec<Value>, Refusal> {
    let (keys, values) = (
        call.args("annotations[][key]"),
        call.args("annotations[][value]"),
    );
    if keys.len() != values.len() {
        return Err(Box::new(error(
            "invalid_argument",
            "The 'annotations' argument is invalid",
            "{}",
        )));
    }
    if keys.is_empty() {
        return Ok(groups);
    }
    let wanted: Vec<(&String, &String)> = keys.iter().zip(&values).collect();
    Ok(groups
        .into_iter()
        .filter(|group| {
            let id = group["id"].as_str().unwrap_or_default();
            let own = answers::get("security_groups/security_group", id)
                .and_then(|a| a.json["annotations"].as_array().cloned())
                .unwrap_or_default();
            wanted.iter().all(|(key, value)| {
                own.iter()
                    .any(|a| a["key"] == key.as_str() && a["value"] == value.as_str())
            })
        })
        .collect())
}
