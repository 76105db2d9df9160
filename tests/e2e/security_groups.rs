//! `katapult_security_group`, `katapult_security_groups`,
//! `katapult_security_group_rule` and `katapult_security_group_rules` end
//! to end against the fake API's replay of the Go provider's
//! DataSourceSecurityGroup*_ answers: one configuration using all four
//! under every Terraform found; the errors at their attributes under the
//! last one. (The examples and the Go provider's docs examples:
//! `examples.rs`.)

use katapult_testkit::fake_api::security_groups as sg;
use katapult_testkit::terraform::{OwnApi, REQUIRED_PROVIDERS, Workspace, terraforms};
use serde_json::{Value, json};

use crate::harness::{applied, failed_plan};

/// The ids of `rules`, in order.
fn ids(rules: &Value) -> Vec<&str> {
    rules
        .as_array()
        .unwrap_or_else(|| panic!("not a list: {rules}"))
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect()
}

fn config() -> String {
    format!(
        "{REQUIRED_PROVIDERS}\n\
         provider \"katapult\" {{\n  organization = \"{acme}\"\n}}\n\
         provider \"katapult\" {{\n  alias        = \"recorded\"\n  organization = \"{include}\"\n}}\n\
         data \"katapult_security_group\" \"rules\" {{\n  id = \"{rules}\"\n}}\n\
         data \"katapult_security_group\" \"plain\" {{\n  id            = \"sg_XNVRkdDaSmDvBGH6\"\n  include_rules = false\n}}\n\
         data \"katapult_security_group\" \"step_three\" {{\n  id = \"{step_three}\"\n}}\n\
         data \"katapult_security_group\" \"many\" {{\n  id = \"{many}\"\n}}\n\
         data \"katapult_security_groups\" \"all\" {{}}\n\
         data \"katapult_security_groups\" \"web\" {{\n  include_rules = true\n  annotations = {{\n    role = \"web\"\n  }}\n}}\n\
         data \"katapult_security_groups\" \"recorded\" {{\n  provider      = katapult.recorded\n  include_rules = true\n}}\n\
         data \"katapult_security_group_rule\" \"ssh\" {{\n  id = \"{rule}\"\n}}\n\
         data \"katapult_security_group_rules\" \"two_ways\" {{\n  security_group_id = \"{two_ways}\"\n}}\n\
         data \"katapult_security_group_rules\" \"none\" {{\n  security_group_id = \"sg_4gA8f1G8DF0p2RWR\"\n}}\n",
        acme = sg::ACME,
        include = sg::INCLUDE_RULES,
        rules = sg::RULES,
        step_three = sg::STEP_THREE,
        many = sg::MANY_RULES,
        rule = sg::RULE,
        two_ways = sg::TWO_WAYS,
    )
}

#[test]
fn security_groups_and_their_rules_are_read() {
    let config = config();
    for tf in terraforms() {
        let own = OwnApi::start();
        let ws = Workspace::with_api(tf, &config, &own.api);
        let [
            rules,
            plain,
            step_three,
            many,
            all,
            web,
            recorded,
            ssh,
            two_ways,
            none,
        ] = &applied(
            &ws,
            &[
                ("katapult_security_group", "rules"),
                ("katapult_security_group", "plain"),
                ("katapult_security_group", "step_three"),
                ("katapult_security_group", "many"),
                ("katapult_security_groups", "all"),
                ("katapult_security_groups", "web"),
                ("katapult_security_groups", "recorded"),
                ("katapult_security_group_rule", "ssh"),
                ("katapult_security_group_rules", "two_ways"),
                ("katapult_security_group_rules", "none"),
            ],
        );
        let version = &tf.version;
        check_groups(version, &own, [rules, plain, step_three, many]);
        check_group_lists(all, web, recorded);
        check_rules(ssh, two_ways, none);
    }
}

/// The groups read one by one.
fn check_groups(version: &str, own: &OwnApi, groups: [&Value; 4]) {
    let [rules, plain, step_three, many] = groups;
    // DataSourceSecurityGroup_rules: the group, its five inbound rules.
    assert_eq!(rules["name"], "tf-acc-test-data-source-rules-kmn9zwnn9phg");
    assert_eq!(
        rules["include_rules"], true,
        "the default, Terraform {version}"
    );
    assert_eq!(rules["allow_all_outbound"], true);
    assert_eq!(rules["associations"], json!(["vmgrp_0XROzeASuWPICw45"]));
    assert_eq!(rules["annotations"], Value::Null, "none beside it");
    let inbound = rules["inbound_rules"].as_array().unwrap();
    assert_eq!(inbound.len(), 5, "{rules}");
    assert_eq!(
        inbound[3],
        json!({"id": "sgr_PeWdIE5pTS2oOzqb", "direction": "inbound", "protocol": "ICMP",
            "action": null, "ports": null, "targets": ["219.185.152.0/24"], "notes": "ping"})
    );
    assert_eq!(rules["outbound_rules"], json!([]));
    // DataSourceSecurityGroup_no_include_rules: the rules not read.
    assert_eq!(plain["include_rules"], false);
    assert_eq!(plain["inbound_rules"], Value::Null, "{plain}");
    assert_eq!(plain["associations"], json!(["vmgrp_Ji1JyRuVifs2YgJj"]));
    // DataSourceSecurityGroupRules_rules' third step.
    assert_eq!(step_three["allow_all_inbound"], true);
    assert_eq!(step_three["inbound_rules"], json!([]));
    assert_eq!(
        ids(&step_three["outbound_rules"]),
        ["sgr_BGngcbz7OqjyaFDx", "sgr_U8pDfvZhmTaVgY7U"]
    );
    // 450 rules over three pages, each page read once.
    assert_eq!(many["inbound_rules"].as_array().unwrap().len(), 225);
    assert_eq!(many["outbound_rules"].as_array().unwrap().len(), 225);
    assert_eq!(
        own.api.pages(&format!("rules:{}", sg::MANY_RULES)),
        [(1, 200), (2, 200), (3, 200)],
        "Terraform {version}"
    );
}

/// The organizations' group lists.
fn check_group_lists(all: &Value, web: &Value, recorded: &Value) {
    // DataSourceSecurityGroups_default (and the annotated group), in
    // the API's order, the rules not read.
    assert_eq!(all["id"], sg::ACME);
    assert_eq!(all["include_rules"], false);
    let groups = all["security_groups"].as_array().unwrap();
    assert_eq!(ids(&all["security_groups"])[3], sg::ANNOTATED);
    assert_eq!(
        groups[0],
        json!({"id": "sg_wrVqatrT4v0tmpmG", "name": "tf-acc-test-data-source-default-vubzuj1d1vib-1",
            "allow_all_inbound": true, "allow_all_outbound": false, "associations": [],
            "include_rules": false, "inbound_rules": null, "outbound_rules": null})
    );
    // Filtered by annotation, with rules.
    let web = web["security_groups"].as_array().unwrap();
    assert_eq!(web.len(), 1, "{web:?}");
    assert_eq!(web[0]["id"], sg::ANNOTATED);
    assert_eq!(
        ids(&web[0]["inbound_rules"]),
        ["sgr_AnnotatedHttps01", "sgr_AnnotatedIcmp001"]
    );
    // DataSourceSecurityGroups_include_rules: each group's rule, its action.
    let recorded = recorded["security_groups"].as_array().unwrap();
    assert_eq!(recorded.len(), 2);
    assert_eq!(recorded[0]["include_rules"], true);
    assert_eq!(
        recorded[0]["inbound_rules"],
        json!([{"id": "sgr_451YMbW55ytQPLAI", "direction": "inbound", "protocol": "TCP",
            "action": "allow", "ports": "22", "targets": ["all:ipv4"], "notes": "SSH"}])
    );
    assert_eq!(recorded[0]["outbound_rules"], json!([]));
    assert_eq!(
        ids(&recorded[1]["outbound_rules"]),
        ["sgr_VVV9fmj40Bx11CWU"]
    );
}

/// The rules, read one by one and listed.
fn check_rules(ssh: &Value, two_ways: &Value, none: &Value) {
    // DataSourceSecurityGroupRule_by_id.
    assert_eq!(
        ssh,
        &json!({"id": sg::RULE, "security_group_id": sg::WITH_ONE_RULE,
            "security_group": {"id": sg::WITH_ONE_RULE, "name": "tf-acc-test-data-source-by-id-qopt7g2ua18w"},
            "direction": "inbound", "protocol": "TCP", "action": null, "ports": "22",
            "targets": ["93.89.203.0/24"], "notes": "Trusted SSH", "timeouts": null})
    );
    // DataSourceSecurityGroupRules_rules' second step, and _no_rules.
    assert_eq!(two_ways["id"], sg::TWO_WAYS);
    assert_eq!(
        ids(&two_ways["inbound_rules"]),
        ["sgr_I0bgfLvJeGFRV1iQ", "sgr_HfDOA2iwy618t7MW"]
    );
    assert_eq!(two_ways["outbound_rules"][1]["notes"], "HTTP & HTTPS");
    assert_eq!(none["inbound_rules"], json!([]));
    assert_eq!(none["outbound_rules"], json!([]));
}

#[test]
fn security_group_errors_land_where_they_belong() {
    let tf = terraforms().last().unwrap();
    // Not found, and no scope, each at what names it: one plan.
    let text = failed_plan(
        tf,
        &format!(
            "{REQUIRED_PROVIDERS}\n\
             provider \"katapult\" {{\n  organization = \"{no_scope_org}\"\n}}\n\
             data \"katapult_security_group\" \"gone\" {{\n  id = \"{gone}\"\n}}\n\
             data \"katapult_security_group_rule\" \"gone\" {{\n  id = \"{rule_gone}\"\n}}\n\
             data \"katapult_security_group_rules\" \"gone\" {{\n  security_group_id = \"{gone}\"\n}}\n\
             data \"katapult_security_group\" \"no_scope\" {{\n  id = \"{no_scope}\"\n}}\n\
             data \"katapult_security_group_rule\" \"no_scope\" {{\n  id = \"{rule_no_scope}\"\n}}\n\
             data \"katapult_security_group_rules\" \"no_scope\" {{\n  security_group_id = \"{no_scope}\"\n}}\n\
             data \"katapult_security_groups\" \"no_scope\" {{}}\n",
            no_scope_org = sg::SCOPE_MISSING_ORG,
            gone = sg::NOT_FOUND,
            rule_gone = sg::RULE_NOT_FOUND,
            no_scope = sg::SCOPE_MISSING,
            rule_no_scope = sg::RULE_SCOPE_MISSING,
        ),
    );
    let count = |s: &str| text.matches(s).count();
    assert_eq!(count("Error: Security group not found"), 2, "{text}");
    assert!(
        text.contains("no security group with ID \"sg_thisdoesnotexist\""),
        "{text}"
    );
    assert!(text.contains("id = \"sg_thisdoesnotexist\""), "{text}");
    assert!(
        text.contains("security_group_id = \"sg_thisdoesnotexist\""),
        "{text}"
    );
    assert_eq!(count("Error: Security group rule not found"), 1, "{text}");
    assert!(
        text.contains("no security group rule with ID \"sgr_thisdoesnotexist\""),
        "{text}"
    );
    assert_eq!(
        count("Error: API key lacks the scope to read security groups"),
        2,
        "the group and the list: {text}"
    );
    assert_eq!(
        count("Error: API key lacks the scope to read security group rules"),
        2,
        "the rule and the rules: {text}"
    );
    assert_eq!(
        count("one of: \"security_groups\", \"security_groups:read\""),
        4,
        "{text}"
    );
    // What validation refuses, before any read: one plan.
    let text = failed_plan(
        tf,
        &format!(
            "{REQUIRED_PROVIDERS}\n\
             data \"katapult_security_group\" \"blank\" {{}}\n\
             data \"katapult_security_group_rule\" \"empty\" {{\n  id = \"\"\n}}\n\
             data \"katapult_security_groups\" \"empty_key\" {{\n  annotations = {{\n    \"\" = \"web\"\n  }}\n}}\n"
        ),
    );
    // DataSourceSecurityGroup(Rule)_blank: Terraform's own words.
    assert!(
        text.contains("The argument \"id\" is required, but no definition was found."),
        "{text}"
    );
    assert!(text.contains("Empty security group rule ID"), "{text}");
    assert!(text.contains("Empty annotation key"), "{text}");
    // No organization: the list says where to set one.
    let text = failed_plan(
        tf,
        &format!("{REQUIRED_PROVIDERS}\ndata \"katapult_security_groups\" \"x\" {{}}\n"),
    );
    assert!(
        text.contains("No organization to list security groups of"),
        "{text}"
    );
}
