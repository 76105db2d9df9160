//! `katapult_load_balancer_rule`: one load balancer rule, by `id`, through
//! `GET /load_balancers/rules/load_balancer_rule`.

use std::sync::OnceLock;

use crate::schema::{Attribute, Block, Kind};

use crate::datasource::core::lookup::{Key, Lookup, Rule};
use crate::datasource::core::reads::{OrganizationUse, Reads};
use crate::datasource::core::shapes::legacy_one::LegacyOne;
use crate::datasource::core::timeouts::TIMEOUTS;
use crate::datasource::objects::load_balancer_rule::{
    self as rule, ALGORITHM, BACKEND_SSL, CERTIFICATE_IDS, CERTIFICATES, CHECK_ENABLED, CHECK_FALL,
    CHECK_HTTP_STATUSES, CHECK_INTERVAL, CHECK_PATH, CHECK_PROTOCOL, CHECK_RISE, CHECK_TIMEOUT,
    DESTINATION_PORT, IN_LOAD_BALANCER, LISTEN_PORT, LOAD_BALANCER_ID, PASSTHROUGH_SSL, PROTOCOL,
    PROXY_PROTOCOL,
};

pub static LOAD_BALANCER_RULE: LegacyOne = LegacyOne {
    type_name: "katapult_load_balancer_rule",
    schema: &SCHEMA,
    reads: &READS,
    lookup: &LOOKUP,
    path: rule::PATH,
    object: rule::OBJECT,
    beside: &[],
};

static READS: Reads = Reads {
    what: "load balancer rules",
    scopes: &["load_balancers", "load_balancers:read"],
    organization: OrganizationUse::Unused,
    data_center: None,
};

static LOOKUP: Lookup = Lookup {
    subject: "load balancer rule",
    keys: &[Key::new("id", rule::BY_ID, "ID", "")],
    rule: Rule::ExactlyOne,
    example: Some("lbrule_djPnJhm5OSbg3z4h"),
    not_found: rule::NOT_FOUND,
    hint: "`katapult_load_balancer_rules` lists a load balancer's rules.",
};

static SCHEMA: Block = Block {
    description: "Looks up one rule of a Katapult load balancer by its ID, through \
                  `GET /core/v1/load_balancers/rules/load_balancer_rule`: the port it listens \
                  on, where it sends that traffic, its certificates and its health checks. \
                  Needs an API token with the `load_balancers` or `load_balancers:read` scope.",
    attributes: &[
        Attribute::required(
            "id",
            Kind::String,
            "The rule's ID, e.g. `lbrule_djPnJhm5OSbg3z4h`.",
        ),
        LOAD_BALANCER_ID,
        ALGORITHM,
        DESTINATION_PORT,
        LISTEN_PORT,
        PROTOCOL,
        PROXY_PROTOCOL,
        CERTIFICATE_IDS,
        CERTIFICATES,
        BACKEND_SSL,
        PASSTHROUGH_SSL,
        CHECK_ENABLED,
        CHECK_FALL,
        CHECK_INTERVAL,
        CHECK_PATH,
        CHECK_PROTOCOL,
        CHECK_RISE,
        CHECK_TIMEOUT,
        CHECK_HTTP_STATUSES,
        IN_LOAD_BALANCER,
    ],
    blocks: &[TIMEOUTS],
    type_cache: OnceLock::new(),
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tftypes::{Number, Value};
    use serde_json::json;
    use std::collections::BTreeMap;

    fn recorded(id: &str) -> serde_json::Value {
        serde_json::from_str(&katapult_testkit::fake_api::recorded(rule::PATH, id)).unwrap()
    }

    fn number(n: i64) -> Value {
        Value::Number(Number::Int(n))
    }

    /// DataSourceLoadBalancerRules_full's rule: every value the Go
    /// provider's test checks, and the nested objects it leaves out.
    #[test]
    fn the_recorded_answer_maps_field_for_field() {
        let state = LOAD_BALANCER_RULE
            .state(recorded("lbrule_wMCbP11nU8TAC5Ef"))
            .unwrap();
        for (name, want) in [
            ("id", Value::from("lbrule_wMCbP11nU8TAC5Ef")),
            ("load_balancer_id", Value::from("lb_peoDz9RSRD2nOskh")),
            ("algorithm", Value::from("round_robin")),
            ("destination_port", number(8080)),
            ("listen_port", number(80)),
            ("protocol", Value::from("HTTP")),
            ("proxy_protocol", Value::Bool(true)),
            ("certificate_ids", Value::List(vec![])),
            ("certificates", Value::List(vec![])),
            ("backend_ssl", Value::Bool(true)),
            ("passthrough_ssl", Value::Bool(false)),
            ("check_enabled", Value::Bool(false)),
            ("check_fall", number(3)),
            ("check_interval", number(30)),
            ("check_path", Value::from("/healthz")),
            ("check_protocol", Value::from("HTTP")),
            ("check_rise", number(3)),
            ("check_timeout", number(15)),
            ("check_http_statuses", Value::from("23")),
        ] {
            assert_eq!(state[name], want, "{name}");
        }
        assert_eq!(
            state["load_balancer"],
            Value::Object(BTreeMap::from([
                ("id".to_owned(), Value::from("lb_peoDz9RSRD2nOskh")),
                (
                    "name".to_owned(),
                    Value::from("tf-acc-test-data-source-full-Wx8qdu6I1djx")
                ),
            ]))
        );
        assert_eq!(state.len(), SCHEMA.attributes.len());
    }

    /// Every recorded rule: the Go provider's `load_balancer_id` is its
    /// load balancer's, which has an answer of its own.
    #[test]
    fn every_recorded_rule_maps_and_names_a_load_balancer_that_exists() {
        let answers = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("testkit/answers");
        let mut mapped = 0;
        for entry in std::fs::read_dir(answers.join(rule::PATH)).unwrap() {
            let path = entry.unwrap().path();
            let id = path.file_stem().unwrap().to_string_lossy().into_owned();
            let answer = recorded(&id);
            if answer.get("error").is_some()
                || answer["load_balancer_rule"].get("protocol").is_none()
            {
                continue; // the errors, and the one with nothing but its id
            }
            let state = LOAD_BALANCER_RULE
                .state(answer)
                .unwrap_or_else(|e| panic!("{id}: {e}"));
            assert_eq!(state["id"], Value::from(id.as_str()));
            let Value::String(lb) = &state["load_balancer_id"] else {
                panic!("{id}: {:?}", state["load_balancer_id"]);
            };
            assert_eq!(
                state["load_balancer"].attribute("id"),
                &Value::from(lb.as_str())
            );
            let lb_answer = answers.join(format!("load_balancers/load_balancer/{lb}.json"));
            assert!(
                lb_answer.exists(),
                "{id}: its load balancer {lb} has no answer"
            );
            mapped += 1;
        }
        assert_eq!(mapped, 11, "the 9 recorded and the full load balancer's 2");
    }

    #[test]
    fn certificates_nulls_and_absent_fields() {
        let full = LOAD_BALANCER_RULE
            .state(recorded(katapult_testkit::fake_api::lbs::FULL_RULE))
            .unwrap();
        assert_eq!(
            full["certificate_ids"],
            Value::List(vec![Value::from("cert_Z3kBq9HvLmWx1TfA")])
        );
        let Value::List(certificates) = &full["certificates"] else {
            panic!("{:?}", full["certificates"]);
        };
        assert_eq!(
            certificates[0].attribute("additional_names"),
            &Value::List(vec![Value::from("example.com")])
        );
        let tcp = LOAD_BALANCER_RULE
            .state(recorded(katapult_testkit::fake_api::lbs::TCP_RULE))
            .unwrap();
        assert_eq!(
            tcp["check_protocol"],
            Value::Null,
            "null as the API sends it"
        );
        assert_eq!(tcp["check_http_statuses"], Value::Null);
        let bare = LOAD_BALANCER_RULE
            .state(json!({"load_balancer_rule": {"id": "lbrule_1"}}))
            .unwrap();
        assert!(
            bare.iter()
                .filter(|(k, _)| *k != "id")
                .all(|(_, v)| *v == Value::Null),
            "{bare:?}"
        );
    }

    #[test]
    fn a_wrong_type_names_its_path() {
        for (rule, want) in [
            (
                json!({"listen_port": "80"}),
                "listen_port should be a number but the API sent a string",
            ),
            (
                json!({"certificates": [{"id": 7}]}),
                "certificate_ids[0] should be a string but the API sent a number",
            ),
            (
                json!({"load_balancer": "lb_1"}),
                "load_balancer should be an object but the API sent a string",
            ),
        ] {
            let err = LOAD_BALANCER_RULE
                .state(json!({ "load_balancer_rule": rule }))
                .unwrap_err()
                .to_string();
            assert!(err.contains(want), "{err}");
        }
    }
}
