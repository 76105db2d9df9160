//! `katapult_virtual_machine_group(s)` and `katapult_virtual_machine_package(s)`
//! end to end against the fake API's replay of the Go provider's recordings
//! (DataSourceVMGroup_*, DataSourceVMGroups_default,
//! DataSourceVirtualMachinePackage_*, DataSourceVirtualMachinePackages_all):
//! one configuration using all four under every Terraform found; the package
//! list over many pages and while it changes, and the errors at their
//! attributes, under the last one. (The examples and the Go provider's
//! docs examples: `examples.rs`.)

use katapult_testkit::fake_api::{groups, packages, recorded};
use katapult_testkit::terraform::{OwnApi, REQUIRED_PROVIDERS, Workspace, terraforms};
use serde_json::{Map, Value, json};

use crate::harness::applied;

/// `config` under a provider block naming `organization`.
fn with_organization(organization: &str, config: &str) -> String {
    format!(
        "{REQUIRED_PROVIDERS}\nprovider \"katapult\" {{\n  organization = \"{organization}\"\n}}\n{config}"
    )
}

/// The fields a listed or looked-up package has in state: the API's, with
/// those its answer leaves out null.
const PACKAGE_FIELDS: &[&str] = &[
    "id",
    "name",
    "permalink",
    "cpu_cores",
    "ipv4_addresses",
    "memory_in_gb",
    "storage_in_gb",
    "privacy",
    "monthly_bandwidth_allowance_in_gb",
    "use_dedicated_cpus",
    "icon",
    "group",
];

/// `object` with every one of `fields`, null where it has none.
fn with_nulls(object: &Value, fields: &[&str]) -> Value {
    let filled: Map<String, Value> = fields
        .iter()
        .map(|f| {
            (
                (*f).to_owned(),
                object.get(*f).cloned().unwrap_or(Value::Null),
            )
        })
        .collect();
    Value::Object(filled)
}

/// The recorded answer `dir/name`, its object under `key`.
fn answer(dir: &str, name: &str, key: &str) -> Value {
    serde_json::from_str::<Value>(&recorded(dir, name)).unwrap()[key].clone()
}

/// A data source's state without its `timeouts` (null: none is written).
fn without_timeouts(state: &Value) -> Value {
    let mut state = state.as_object().unwrap().clone();
    assert_eq!(state.remove("timeouts"), Some(Value::Null), "{state:?}");
    Value::Object(state)
}

const GROUP_DIR: &str = "virtual_machine_groups/virtual_machine_group";
const GROUP_LIST_DIR: &str = "organizations/organization/virtual_machine_groups";
const PACKAGE_DIR: &str = "virtual_machine_packages/virtual_machine_package";

const GROUP_FIELDS: &[&str] = &["id", "name", "segregate", "auto_segregate", "created_at"];

pub(crate) fn group(id: &str) -> Value {
    with_nulls(
        &answer(GROUP_DIR, id, "virtual_machine_group"),
        GROUP_FIELDS,
    )
}

pub(crate) fn package(id: &str) -> Value {
    with_nulls(
        &answer(PACKAGE_DIR, id, "virtual_machine_package"),
        PACKAGE_FIELDS,
    )
}

/// The groups of an organization's recorded list, as listed.
pub(crate) fn listed_groups(organization: &str) -> Value {
    answer(GROUP_LIST_DIR, organization, "virtual_machine_groups")
}

/// The recorded package list (every package, in the API's order).
pub(crate) fn recorded_packages() -> Value {
    answer(
        "virtual_machine_packages",
        "all",
        "virtual_machine_packages",
    )
}

/// The configuration every Terraform applies: every recorded group and
/// group list (through provider aliases naming their organizations), every
/// package lookup, and the package list.
fn all_four() -> String {
    let mut config = with_organization(groups::ACME, "");
    for (alias, organization) in [
        ("earlier", groups::EARLIER),
        ("older", groups::OLDER),
        ("empty", groups::EMPTY),
    ] {
        config.push_str(&format!(
            "provider \"katapult\" {{\n  alias        = \"{alias}\"\n  organization = \"{organization}\"\n}}\n\
             data \"katapult_virtual_machine_groups\" \"{alias}\" {{\n  provider = katapult.{alias}\n}}\n"
        ));
    }
    for (name, id) in [
        ("basic", groups::BASIC),
        ("not_segregated", groups::NOT_SEGREGATED),
        ("old", groups::OLD_BASIC),
        ("old_first", groups::OLD_FIRST),
        ("old_second", groups::OLD_SECOND),
    ] {
        config.push_str(&format!(
            "data \"katapult_virtual_machine_group\" \"{name}\" {{\n  id = \"{id}\"\n}}\n"
        ));
    }
    config.push_str(&format!(
        "data \"katapult_virtual_machine_groups\" \"all\" {{}}\n\
         data \"katapult_virtual_machine_package\" \"by_permalink\" {{\n  permalink = \"rock-3\"\n}}\n\
         data \"katapult_virtual_machine_package\" \"by_id\" {{\n  id = \"{}\"\n}}\n\
         data \"katapult_virtual_machine_package\" \"both\" {{\n  id = \"{}\"\n  permalink = \"rock-3\"\n}}\n\
         data \"katapult_virtual_machine_package\" \"dedicated\" {{\n  permalink = \"dedi-8\"\n}}\n\
         data \"katapult_virtual_machine_packages\" \"all\" {{}}\n",
        packages::ROCK_6,
        packages::ROCK_3,
    ));
    config
}

#[test]
fn groups_and_packages_are_read_in_one_configuration() {
    let config = all_four();
    for tf in terraforms() {
        let own = OwnApi::start();
        let ws = Workspace::with_api(tf, &config, &own.api);
        let [
            basic,
            not_segregated,
            old,
            old_first,
            old_second,
            all_groups,
            earlier,
            older,
            empty,
            by_permalink,
            by_id,
            both,
            dedicated,
            all_packages,
        ] = &applied(
            &ws,
            &[
                ("katapult_virtual_machine_group", "basic"),
                ("katapult_virtual_machine_group", "not_segregated"),
                ("katapult_virtual_machine_group", "old"),
                ("katapult_virtual_machine_group", "old_first"),
                ("katapult_virtual_machine_group", "old_second"),
                ("katapult_virtual_machine_groups", "all"),
                ("katapult_virtual_machine_groups", "earlier"),
                ("katapult_virtual_machine_groups", "older"),
                ("katapult_virtual_machine_groups", "empty"),
                ("katapult_virtual_machine_package", "by_permalink"),
                ("katapult_virtual_machine_package", "by_id"),
                ("katapult_virtual_machine_package", "both"),
                ("katapult_virtual_machine_package", "dedicated"),
                ("katapult_virtual_machine_packages", "all"),
            ],
        );
        let version = &tf.version;
        check_groups(version, [basic, not_segregated, old, old_first, old_second]);
        check_group_lists(version, [all_groups, earlier, older, empty]);
        check_packages(version, [by_permalink, by_id, both, dedicated]);
        check_package_list(&own, all_packages);
    }
}

/// The groups read one by one: each its recorded answer.
fn check_groups(version: &str, states: [&Value; 5]) {
    let [basic, not_segregated, old, old_first, old_second] = states;
    for (state, id) in [
        (basic, groups::BASIC),
        (not_segregated, groups::NOT_SEGREGATED),
        (old, groups::OLD_BASIC),
        (old_first, groups::OLD_FIRST),
        (old_second, groups::OLD_SECOND),
    ] {
        assert_eq!(without_timeouts(state), group(id), "Terraform {version}");
    }
    assert_eq!(basic["segregate"], true);
    assert_eq!(basic["auto_segregate"], false);
    assert_eq!(basic["created_at"], 1777920023);
    assert_eq!(not_segregated["segregate"], false);
    // The 2023 answers have no auto_segregate: null, not false.
    for state in [old, old_first, old_second] {
        assert!(state["auto_segregate"].is_null(), "{state}");
    }
    assert_eq!(old_second["segregate"], false);
}

/// Each organization's groups as the API lists them, in its order; `id`
/// the organization, as in the Go provider.
fn check_group_lists(version: &str, lists: [&Value; 4]) {
    let [all_groups, earlier, older, empty] = lists;
    for (state, organization) in [
        (all_groups, groups::ACME),
        (earlier, groups::EARLIER),
        (older, groups::OLDER),
        (empty, groups::EMPTY),
    ] {
        assert_eq!(state["id"], organization, "Terraform {version}");
        let want: Vec<Value> = listed_groups(organization)
            .as_array()
            .unwrap()
            .iter()
            .map(|g| with_nulls(g, GROUP_FIELDS))
            .collect();
        assert_eq!(state["groups"], Value::Array(want), "{organization}");
    }
    assert_eq!(
        all_groups["groups"].as_array().unwrap().len(),
        groups::ACME_GROUPS
    );
    assert_eq!(earlier["groups"].as_array().unwrap().len(), 17);
    assert_eq!(empty["groups"], json!([]));
    // The lists agree with the groups' own answers.
    for (list, ids) in [
        (all_groups, [groups::DEFAULT_FIRST, groups::DEFAULT_SECOND]),
        (earlier, [groups::DEFAULT_FIRST, groups::DEFAULT_SECOND]),
        (older, [groups::OLD_FIRST, groups::OLD_SECOND]),
    ] {
        let found: Vec<&Value> = list["groups"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|g| ids.contains(&g["id"].as_str().unwrap()))
            .collect();
        assert_eq!(found, [&group(ids[0]), &group(ids[1])]);
    }
}

/// The packages read one by one, by permalink, by ID and by both.
fn check_packages(version: &str, states: [&Value; 4]) {
    let [by_permalink, by_id, both, dedicated] = states;
    for (state, id) in [
        (by_permalink, packages::ROCK_3),
        (by_id, packages::ROCK_6),
        (both, packages::ROCK_3),
        (dedicated, packages::DEDICATED),
    ] {
        assert_eq!(without_timeouts(state), package(id), "Terraform {version}");
    }
    assert_eq!(by_permalink["monthly_bandwidth_allowance_in_gb"], 2048);
    assert!(by_permalink["icon"].is_null() && by_permalink["group"].is_null());
    assert!(by_permalink["use_dedicated_cpus"].is_null());
    // What the Go provider drops, nested as the API nests it.
    assert_eq!(dedicated["icon"]["file_size"], 4213);
    assert_eq!(dedicated["group"]["name"], "Dedicated vCPU");
    assert_eq!(dedicated["use_dedicated_cpus"], true);
}

/// Every public package, in the API's order; `id` "all", as in Go.
fn check_package_list(own: &OwnApi, all_packages: &Value) {
    let listed_packages = recorded_packages();
    assert_eq!(all_packages["id"], "all");
    let want: Vec<Value> = listed_packages
        .as_array()
        .unwrap()
        .iter()
        .map(|p| with_nulls(p, PACKAGE_FIELDS))
        .collect();
    assert_eq!(all_packages["packages"], Value::Array(want));
    assert_eq!(
        all_packages["packages"].as_array().unwrap().len(),
        packages::RECORDED
    );
    // The list's items carry no bandwidth allowance: null, not 0.
    assert!(all_packages["packages"][1]["monthly_bandwidth_allowance_in_gb"].is_null());
    // One page, at the API's own size, as the Go provider asks.
    assert_eq!(own.api.pages("packages:all"), [(1, 0)]);
}

/// `data.katapult_virtual_machine_packages.all`'s packages, read from
/// `api` serving the list `list`.
fn listed_packages(api: &OwnApi, list: &str) -> Vec<Value> {
    let tf = terraforms().last().unwrap();
    api.api.answer_list_as(packages::LIST, list);
    let config = format!(
        "{REQUIRED_PROVIDERS}\nprovider \"katapult\" {{}}\n\
         data \"katapult_virtual_machine_packages\" \"all\" {{}}\n"
    );
    let ws = Workspace::with_api(tf, &config, &api.api);
    let [all] = &applied(&ws, &[("katapult_virtual_machine_packages", "all")]);
    all["packages"].as_array().unwrap().clone()
}

#[test]
fn the_package_list_is_read_over_every_page_once_and_whole() {
    let own = OwnApi::start();
    let listed = listed_packages(&own, packages::MANY);
    assert_eq!(listed.len(), packages::MANY_PACKAGES);
    let permalinks: Vec<String> = listed
        .iter()
        .map(|p| p["permalink"].as_str().unwrap().to_owned())
        .collect();
    let want: Vec<String> = (0..packages::MANY_PACKAGES)
        .map(|n| format!("gen-{n}"))
        .collect();
    assert_eq!(permalinks, want, "in the API's order");
    // Four pages of the API's 30, each asked for once, no per_page sent.
    assert_eq!(
        own.api.pages(&format!("packages:{}", packages::MANY)),
        [(1, 0), (2, 0), (3, 0), (4, 0)]
    );

    // Changed between the first listing's pages: read again, whole.
    let listed = listed_packages(&own, packages::SETTLING);
    assert_eq!(listed.len(), 60);
    assert_eq!(
        own.api.pages(&format!("packages:{}", packages::SETTLING)),
        [(1, 0), (2, 0), (1, 0), (2, 0)]
    );
}

/// A failed plan's text, against `api`.
fn failed(api: &OwnApi, config: &str) -> String {
    let tf = terraforms().last().unwrap();
    let plan = Workspace::with_api(tf, config, &api.api).run(&["plan", "-no-color"]);
    let text = plan.text();
    assert!(!plan.success, "{text}");
    assert!(!text.contains("internal error"), "{text}");
    text
}

#[test]
fn errors_land_where_they_belong() {
    reads_that_fail_each_say_so_at_their_own();
    let own = both_lists_are_refused_for_a_scope();
    what_the_configuration_gets_wrong_is_said_at_validate(&own);
}

/// Reads that fail, side by side in one plan: each error at its own.
fn reads_that_fail_each_say_so_at_their_own() {
    let own = OwnApi::start();
    own.api.answer_list_as(packages::LIST, packages::CHURNING);
    let text = failed(
        &own,
        &with_organization(
            groups::WRONG_TYPES,
            &format!(
                "data \"katapult_virtual_machine_group\" \"gone\" {{\n  id = \"{}\"\n}}\n\
                 data \"katapult_virtual_machine_group\" \"scope\" {{\n  id = \"{}\"\n}}\n\
                 data \"katapult_virtual_machine_groups\" \"wrong\" {{}}\n\
                 data \"katapult_virtual_machine_package\" \"nowhere\" {{\n  permalink = \"rock-0\"\n}}\n\
                 data \"katapult_virtual_machine_package\" \"mismatch\" {{\n  id = \"{}\"\n  permalink = \"rock-3\"\n}}\n\
                 data \"katapult_virtual_machine_package\" \"scope\" {{\n  id = \"{}\"\n}}\n\
                 data \"katapult_virtual_machine_packages\" \"churning\" {{}}\n",
                groups::DELETED,
                groups::SCOPE_MISSING,
                packages::ROCK_6,
                packages::SCOPE_MISSING,
            ),
        ),
    );
    for want in [
        // The recorded 404, at the attribute.
        "Virtual machine group not found",
        &format!("no virtual machine group with ID \"{}\"", groups::DELETED),
        &format!("id = \"{}\"", groups::DELETED),
        "`katapult_virtual_machine_groups` lists",
        "API key lacks the scope to read virtual machine groups",
        "one of: \"virtual_machine_groups\", \"virtual_machine_groups:read\"",
        "groups[1].segregate should be true or false but the API sent a string",
        // `package_not_found`, at the permalink.
        "Virtual machine package not found",
        "no virtual machine package with permalink \"rock-0\"",
        "permalink = \"rock-0\"",
        // Both keys: by id, and the permalink must be the package's.
        "Virtual machine package permalink does not match",
        "has the permalink \"rock-6\", not \"rock-3\"",
        "API key lacks the scope to read virtual machine packages",
        "Grant \"virtual_machine_packages:read\"",
        "Virtual machine package list kept changing",
        "3 times running",
    ] {
        assert!(text.contains(want), "{want:?} not in: {text}");
    }
}

/// Both lists refused for a scope; the fake API that refused them.
fn both_lists_are_refused_for_a_scope() -> OwnApi {
    let own = OwnApi::start();
    own.api
        .answer_list_as(packages::LIST, packages::SCOPE_MISSING_LIST);
    let text = failed(
        &own,
        &with_organization(
            groups::SCOPE_MISSING_ORG,
            "data \"katapult_virtual_machine_groups\" \"g\" {}\n\
             data \"katapult_virtual_machine_packages\" \"p\" {}\n",
        ),
    );
    assert_eq!(
        text.matches("API key lacks the scope to read virtual machine")
            .count(),
        2,
        "{text}"
    );
    assert!(
        text.contains("Grant \"virtual_machine_packages:read\""),
        "{text}"
    );
    assert!(
        text.contains("one of: \"virtual_machine_groups\", \"virtual_machine_groups:read\""),
        "{text}"
    );
    own
}

/// What the configuration gets wrong, at validate; and no organization.
fn what_the_configuration_gets_wrong_is_said_at_validate(own: &OwnApi) {
    let text = failed(
        own,
        &format!(
            "{REQUIRED_PROVIDERS}\n\
             data \"katapult_virtual_machine_package\" \"neither\" {{}}\n\
             data \"katapult_virtual_machine_package\" \"empty\" {{\n  permalink = \"\"\n}}\n\
             data \"katapult_virtual_machine_group\" \"empty\" {{\n  id = \"\"\n}}\n"
        ),
    );
    for want in [
        "Missing id or permalink",
        "Set `id` or `permalink` to say what to look up.",
        "Empty permalink",
        "Empty virtual machine group ID",
        "such as \"vmgrp_Hqwd4Hs7eKaU0nDJ\"",
    ] {
        assert!(text.contains(want), "{want:?} not in: {text}");
    }
    let text = failed(
        own,
        &format!("{REQUIRED_PROVIDERS}\ndata \"katapult_virtual_machine_groups\" \"all\" {{}}\n"),
    );
    assert!(
        text.contains("No organization to list virtual machine groups of"),
        "{text}"
    );
}
