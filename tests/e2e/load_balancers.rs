//! `katapult_load_balancer(s)`, `katapult_load_balancer_rule(s)` and
//! `ephemeral "katapult_load_balancer"` end to end, against the fake API's
//! replay of the Go provider's DataSourceLoadBalancer* answers: one
//! configuration using all four under every Terraform found, the errors
//! at their attributes under the last, the backend certificate's private
//! key handed on and stored nowhere. (The examples: `examples.rs`.)

use katapult_testkit::fake_api::{self, lbs};
use katapult_testkit::terraform::{OwnApi, REQUIRED_PROVIDERS, Workspace, terraforms};
use serde_json::{Value, json};

use crate::harness::applied;

/// DataSourceLoadBalancerRules_full's load balancer and rule.
const RULES_FULL_LB: &str = "lb_peoDz9RSRD2nOskh";
const RULES_FULL_RULE: &str = "lbrule_wMCbP11nU8TAC5Ef";

/// The full load balancer's backend certificate private key, as the fake
/// API answers it.
fn backend_key() -> String {
    let answer: Value = serde_json::from_str(&fake_api::recorded(
        "load_balancers/load_balancer",
        lbs::FULL,
    ))
    .unwrap();
    answer["load_balancer"]["backend_certificate_key"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// Pieces of the key no file or log may hold: a line of its body (JSON
/// would escape the newlines around it, never the line) and its header.
pub(crate) fn key_pieces() -> Vec<String> {
    let key = backend_key();
    let line = key.lines().nth(8).unwrap().to_owned();
    assert_eq!(line.len(), 64, "a line of the PEM body: {line}");
    vec![line, "PRIVATE KEY".to_owned()]
}

fn config() -> String {
    format!(
        r#"{REQUIRED_PROVIDERS}
provider "katapult" {{
  organization = "{acme}"
}}

provider "katapult" {{
  alias        = "paged"
  organization = "{paged}"
}}

data "katapult_load_balancer" "recorded" {{
  id = "{recorded}"
}}

data "katapult_load_balancer" "full" {{
  id = "{full}"
}}

data "katapult_load_balancer" "by_reference" {{
  api_reference = "{reference}"
}}

data "katapult_load_balancer" "bare" {{
  id = "{bare}"
}}

data "katapult_load_balancers" "acme" {{}}

data "katapult_load_balancers" "web" {{
  annotations = {{
    role = "web"
  }}
}}

data "katapult_load_balancers" "paged" {{
  provider = katapult.paged
}}

data "katapult_load_balancer_rule" "recorded" {{
  id = "{recorded_rule}"
}}

data "katapult_load_balancer_rule" "tcp" {{
  id = "{tcp_rule}"
}}

data "katapult_load_balancer_rules" "recorded" {{
  load_balancer_id = "{rules_lb}"
}}

data "katapult_load_balancer_rules" "full" {{
  load_balancer_id = "{full}"
}}
"#,
        acme = lbs::orgs::ACME,
        paged = lbs::orgs::TWO_PAGES,
        recorded = lbs::RECORDED,
        full = lbs::FULL,
        reference = lbs::FULL_REFERENCE,
        bare = lbs::MISSING_FIELDS,
        recorded_rule = RULES_FULL_RULE,
        tcp_rule = lbs::TCP_RULE,
        rules_lb = RULES_FULL_LB,
    )
}

/// The state's attributes, less the ones a test does not look at.
fn without(mut value: Value, names: &[&str]) -> Value {
    for name in names {
        value.as_object_mut().unwrap().remove(*name);
    }
    value
}

#[test]
fn load_balancers_and_their_rules_are_read() {
    for tf in terraforms() {
        let own = OwnApi::start();
        let ws = Workspace::with_api(tf, &config(), &own.api);
        let [
            recorded,
            full,
            by_reference,
            bare,
            acme,
            web,
            paged,
            rule,
            tcp,
            rules,
            full_rules,
        ] = &applied(
            &ws,
            &[
                ("katapult_load_balancer", "recorded"),
                ("katapult_load_balancer", "full"),
                ("katapult_load_balancer", "by_reference"),
                ("katapult_load_balancer", "bare"),
                ("katapult_load_balancers", "acme"),
                ("katapult_load_balancers", "web"),
                ("katapult_load_balancers", "paged"),
                ("katapult_load_balancer_rule", "recorded"),
                ("katapult_load_balancer_rule", "tcp"),
                ("katapult_load_balancer_rules", "recorded"),
                ("katapult_load_balancer_rules", "full"),
            ],
        );
        let at = format!("Terraform {}", tf.version);
        check_load_balancers(&at, recorded, full, by_reference, bare);
        check_lists(&at, &own, [acme, web, paged], full);
        check_rules(&at, rule, tcp, rules, full_rules);
        // The full load balancer's private key: in no attribute, not even
        // under another name.
        let state = ws.state_text();
        for piece in key_pieces() {
            assert!(
                !state.contains(&piece),
                "{at}: the private key is in the state"
            );
        }
    }
}

/// The load balancers read one by one: the recorded, the full one (by ID
/// and by API reference) and one with nothing but an ID.
fn check_load_balancers(
    at: &str,
    recorded: &Value,
    full: &Value,
    by_reference: &Value,
    bare: &Value,
) {
    // DataSourceLoadBalancer_minimal's answer: the Go provider's
    // attributes with its values, then what it leaves out.
    assert_eq!(
        without(recorded.clone(), &["backend_certificate"]),
        json!({
            "id": lbs::RECORDED, "api_reference": null,
            "name": "tf-acc-test-data-source-minimal-htlja1dQqnzV",
            "virtual_machine_ids": [], "virtual_machine_group_ids": null, "tag_ids": null,
            "ip_address": "77.72.7.130", "https_redirect": false,
            "ip_address_details": {"id": "ip_JIGolr3ltqjTkK0d", "address": "77.72.7.130"},
            "resource_type": "virtual_machines", "resource_ids": [], "resources": [],
            "data_center": {"id": "loc_UUhPmoCbpic6UX0Y", "name": "London", "permalink": "uk-lon-01"},
            "enable_weighting": false, "weights": [], "standby_vms": [], "annotations": [],
            "timeouts": null,
        }),
        "{at}"
    );
    assert!(
        recorded["backend_certificate"]
            .as_str()
            .unwrap()
            .starts_with("-----BEGIN CERTIFICATE-----"),
        "{at}"
    );
    assert_eq!(full["tag_ids"], json!(["tag_NqAjIfOyzSMyuFPS"]), "{at}");
    assert_eq!(full["virtual_machine_ids"], Value::Null, "{at}");
    assert_eq!(
        full["resources"],
        json!([{"type": "Tag", "id": "tag_NqAjIfOyzSMyuFPS", "name": "web"}]),
        "{at}"
    );
    assert_eq!(
        full["weights"][1],
        json!({"virtual_machine_id": "vm_MbObWQNIFFmWNiix", "weight": 64})
    );
    assert_eq!(
        full["annotations"][0],
        json!({"key": "role", "value": "web"})
    );
    // Looked up by its API reference: the same load balancer.
    assert_eq!(by_reference["id"], lbs::FULL, "{at}");
    assert_eq!(by_reference["api_reference"], lbs::FULL_REFERENCE);
    assert_eq!(
        without(by_reference.clone(), &["id", "timeouts"]),
        without(full.clone(), &["id", "timeouts"])
    );
    // Nothing but an ID: every other attribute null.
    let bare = without(bare.clone(), &["id", "timeouts"]);
    assert!(
        bare.as_object().unwrap().values().all(Value::is_null),
        "{at}: {bare}"
    );
}

/// The organizations' lists: `acme`'s, its `web` ones, and one over two
/// pages.
fn check_lists(at: &str, own: &OwnApi, [acme, web, paged]: [&Value; 3], full: &Value) {
    let names = |list: &Value| -> Vec<String> {
        list["load_balancers"]
            .as_array()
            .unwrap()
            .iter()
            .map(|lb| lb["id"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(
        names(acme),
        ["lb_GHtKTvgsU2iKrarc", "lb_LfGz5w5fiwOQYR6c", lbs::FULL],
        "{at}"
    );
    assert_eq!(acme["id"], lbs::orgs::ACME);
    // Each as its own read has it: the list's answer has no certificate.
    assert_eq!(
        acme["load_balancers"][2],
        without(full.clone(), &["timeouts"]),
        "{at}"
    );
    assert_eq!(names(web), [lbs::FULL], "{at}");
    // Katapult's Go provider stops before the last page: 200 of 205.
    assert_eq!(names(paged).len(), lbs::orgs::TWO_PAGES_COUNT, "{at}");
    assert_eq!(
        own.api
            .pages(&format!("load_balancers:{}", lbs::orgs::TWO_PAGES)),
        [(1, 200), (2, 200)],
        "{at}: every page, once"
    );
}

/// The rules, read one by one and listed.
fn check_rules(at: &str, rule: &Value, tcp: &Value, rules: &Value, full_rules: &Value) {
    // The values DataSourceLoadBalancerRules_full checks.
    for (name, want) in [
        ("id", json!(RULES_FULL_RULE)),
        ("load_balancer_id", json!(RULES_FULL_LB)),
        ("destination_port", json!(8080)),
        ("listen_port", json!(80)),
        ("protocol", json!("HTTP")),
        ("backend_ssl", json!(true)),
        ("passthrough_ssl", json!(false)),
        ("proxy_protocol", json!(true)),
        ("check_enabled", json!(false)),
        ("check_fall", json!(3)),
        ("check_interval", json!(30)),
        ("check_http_statuses", json!("23")),
        ("check_path", json!("/healthz")),
        ("check_protocol", json!("HTTP")),
        ("check_rise", json!(3)),
        ("check_timeout", json!(15)),
        ("certificate_ids", json!([])),
    ] {
        assert_eq!(rule[name], want, "{at}: {name}");
        assert_eq!(rules["rules"][0][name], want, "{at}: rules[0].{name}");
    }
    assert_eq!(rules["rules"].as_array().unwrap().len(), 1);
    assert_eq!(tcp["check_protocol"], Value::Null, "{at}");
    assert_eq!(tcp["check_http_statuses"], Value::Null, "{at}");
    let full_rules = full_rules["rules"].as_array().unwrap();
    assert_eq!(full_rules.len(), 2, "{at}");
    assert_eq!(
        full_rules[0]["certificate_ids"],
        json!(["cert_Z3kBq9HvLmWx1TfA"])
    );
    assert_eq!(full_rules[1], without(tcp.clone(), &["timeouts"]));
}

/// Errors at their attributes, under the last Terraform: one configuration
/// for what validate refuses, one for what the reads find.
#[test]
fn load_balancer_errors_land_where_they_belong() {
    let tf = terraforms().last().unwrap();
    let text = crate::harness::failed_plan(
        tf,
        &format!(
            "{REQUIRED_PROVIDERS}\ndata \"katapult_load_balancer\" \"both\" {{\n  id            = \
             \"{full}\"\n  api_reference = \"web-frontend\"\n}}\n\
             data \"katapult_load_balancer\" \"neither\" {{}}\n\
             data \"katapult_load_balancer_rule\" \"empty\" {{\n  id = \"\"\n}}\n",
            full = lbs::FULL
        ),
    );
    for want in [
        "Both id and api_reference set",
        "api_reference = \"web-frontend\"",
        "Missing id or api_reference",
        "Empty load balancer rule ID",
    ] {
        assert!(text.contains(want), "{want}: {text}");
    }

    let text = crate::harness::failed_plan(tf, &read_errors());
    for want in [
        // Not found, at the key that named it.
        "Katapult has no load balancer with ID \"lb_DoesNotExist00001\"",
        "id = \"lb_DoesNotExist00001\"",
        "Katapult has no load balancer with API reference \"no-such-reference\"",
        "api_reference = \"no-such-reference\"",
        "Katapult has no load balancer rule with ID \"lbrule_DoesNotExist01\"",
        "Katapult has no load balancer with ID \"lb_NoRulesNoBalancer\"",
        "load_balancer_id = \"lb_NoRulesNoBalancer\"",
        "Katapult has no load balancer with ID \"lb_NoSuchEphemeral01\"",
        // The organization.
        "No organization to list load balancers of",
        "Load balancer list kept changing",
        // The scopes, for each endpoint.
        "API key lacks the scope to read load balancers",
        "API key lacks the scope to read load balancer rules",
        "\"load_balancers\", \"load_balancers:read\"",
        // A wrong type, by its path.
        "https_redirect should be true or false but the API sent a string",
    ] {
        assert!(text.contains(want), "{want}: {text}");
    }
    // One scope error per endpoint: the list, the load balancer, the
    // rule list and the rule.
    assert_eq!(
        text.matches("Error: API key lacks the scope to read load balancer")
            .count(),
        4,
        "{text}"
    );
}

fn read_errors() -> String {
    format!(
        r#"{REQUIRED_PROVIDERS}
provider "katapult" {{}}

provider "katapult" {{
  alias        = "scoped"
  organization = "{scoped}"
}}

provider "katapult" {{
  alias        = "moving"
  organization = "{moving}"
}}

data "katapult_load_balancer" "gone" {{
  id = "lb_DoesNotExist00001"
}}

data "katapult_load_balancer" "no_reference" {{
  api_reference = "no-such-reference"
}}

data "katapult_load_balancer_rule" "gone" {{
  id = "lbrule_DoesNotExist01"
}}

data "katapult_load_balancer_rules" "gone" {{
  load_balancer_id = "lb_NoRulesNoBalancer"
}}

ephemeral "katapult_load_balancer" "gone" {{
  id = "lb_NoSuchEphemeral01"
}}

data "katapult_load_balancers" "no_organization" {{}}

data "katapult_load_balancers" "moving" {{
  provider = katapult.moving
}}

data "katapult_load_balancers" "scoped" {{
  provider = katapult.scoped
}}

data "katapult_load_balancer" "scoped" {{
  id = "{scoped_lb}"
}}

data "katapult_load_balancer_rules" "scoped" {{
  load_balancer_id = "{scoped_lb}"
}}

data "katapult_load_balancer_rule" "scoped" {{
  id = "{scoped_rule}"
}}

data "katapult_load_balancer" "wrong" {{
  id = "{wrong}"
}}
"#,
        scoped = lbs::orgs::SCOPE_MISSING,
        moving = lbs::orgs::ALWAYS_MOVING,
        scoped_lb = lbs::SCOPE_MISSING,
        scoped_rule = lbs::SCOPE_MISSING_RULE,
        wrong = lbs::WRONG_TYPES,
    )
}

/// A child module that opens the ephemeral load balancer and hands its
/// backend certificate's private key up as an ephemeral output.
const CHILD: &str = r#"terraform {
  required_providers {
    katapult = { source = "krystal/katapult" }
  }
}

variable "id" {
  type = string
}

ephemeral "katapult_load_balancer" "lb" {
  id = var.id
}

output "backend_key" {
  value     = ephemeral.katapult_load_balancer.lb.backend_certificate_key
  sensitive = true
  ephemeral = true
}
"#;

/// The root: the child's ephemeral key, hashed, becomes an aliased
/// provider's `api_key` (the fake API notes every key it is sent); that
/// provider reads the same load balancer and lists them, whose states must
/// not hold the key either.
fn handing_on() -> String {
    format!(
        r#"{REQUIRED_PROVIDERS}
module "secrets" {{
  source = "./child"
  id     = "{full}"
}}

provider "katapult" {{
  alias        = "handed"
  organization = "{acme}"
  api_key      = sha256(module.secrets.backend_key)
}}

data "katapult_load_balancer" "through_handed_key" {{
  provider = katapult.handed
  id       = "{full}"
}}

data "katapult_load_balancers" "through_handed_key" {{
  provider = katapult.handed
}}

ephemeral "katapult_load_balancer" "by_reference" {{
  api_reference = "{reference}"
}}

output "read_with_handed_key" {{
  value = data.katapult_load_balancer.through_handed_key.name
}}
"#,
        full = lbs::FULL,
        acme = lbs::orgs::ACME,
        reference = lbs::FULL_REFERENCE,
    )
}

#[test]
fn the_backend_key_is_handed_on_but_never_stored_nor_logged() {
    crate::harness::handed_on_and_stored_nowhere(&crate::harness::HandingOn {
        config: &handing_on(),
        child: CHILD,
        secret: &backend_key(),
        applied: "read_with_handed_key = \"web-frontend\"",
        pieces: key_pieces(),
        what: "the private key",
    });
}

/// The 404 the cassettes recorded for a deleted load balancer (after each
/// DataSourceLoadBalancer* test) is the fake API's own not-found answer,
/// word for word, so no file keeps it.
#[tokio::test]
async fn a_missing_load_balancer_is_answered_as_recorded() {
    const RECORDED: &str = r#"{"error":{"code":"load_balancer_not_found","description":"No load balancer was found matching any of the criteria provided in the arguments","detail":{}}}"#;
    let api = fake_api::FakeApi::start().await.unwrap();
    let answer = reqwest::Client::new()
        .get(format!(
            "{}/core/v1/load_balancers/load_balancer",
            api.url()
        ))
        .query(&[("load_balancer[id]", "lb_DeletedMeanwhile1")])
        .bearer_auth("kp_test")
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status(), 404);
    assert_eq!(answer.headers()["x-api-schema"], "json-error");
    let body: Value = serde_json::from_str(&answer.text().await.unwrap()).unwrap();
    assert_eq!(body, serde_json::from_str::<Value>(RECORDED).unwrap());
}
