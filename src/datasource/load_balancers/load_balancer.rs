//! `katapult_load_balancer`: one load balancer, by `id` or `api_reference`,
//! with everything it says but the backend certificate's private key (see
//! the ephemeral resource).

use crate::datasource::core::shapes::one::One;
use crate::datasource::objects::load_balancer::{
    LOAD_BALANCER as FIELDS, LOAD_BALANCER_OBJECT, NOT_FOUND_HINT, go_sets,
};

pub static LOAD_BALANCER: One = One {
    type_name: "katapult_load_balancer",
    of: &LOAD_BALANCER_OBJECT,
    // Its keys (`id`, `api_reference`) are the arguments the shape makes.
    fields: FIELDS,
    summary: "Looks up one Katapult load balancer by its ID or its API reference (exactly one; \
              Katapult's Go provider takes only the ID): what it sends traffic to, its IP \
              address, data center, weights, backend certificate and annotations. The \
              certificate's private key is never shown here: the ephemeral resource \
              `katapult_load_balancer` hands it over without writing it to state.",
    hint: NOT_FOUND_HINT,
    beside: &["annotations"],
    after: Some(go_sets),
    ..One::PLAIN
};

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    use std::collections::BTreeMap;

    use crate::datasource::core::source::{Computed, DataSource};
    use crate::tftypes::Value;

    fn state(answer: serde_json::Value) -> Result<Computed, String> {
        LOAD_BALANCER.state(answer).map_err(|e| e.to_string())
    }

    fn attributes() -> usize {
        LOAD_BALANCER.schema().attributes.len()
    }

    fn recorded(id: &str) -> serde_json::Value {
        serde_json::from_str(&katapult_testkit::fake_api::recorded(
            LOAD_BALANCER_OBJECT.path,
            id,
        ))
        .unwrap()
    }

    fn strings(values: &[&str]) -> Value {
        Value::List(values.iter().map(|s| Value::from(*s)).collect())
    }

    /// DataSourceLoadBalancer_minimal's answer, field for field: the Go
    /// provider's flat values, and what it leaves out nested.
    #[test]
    fn the_recorded_answer_maps_field_for_field() {
        let state = state(recorded(katapult_testkit::fake_api::lbs::RECORDED)).unwrap();
        assert_eq!(state["id"], Value::from("lb_kYSLozFlng5sWKo4"));
        assert_eq!(
            state["name"],
            Value::from("tf-acc-test-data-source-minimal-htlja1dQqnzV")
        );
        assert_eq!(state["api_reference"], Value::Null, "null, as recorded");
        assert_eq!(state["ip_address"], Value::from("77.72.7.130"));
        assert_eq!(
            state["ip_address_details"],
            Value::Object(BTreeMap::from([
                ("id".to_owned(), Value::from("ip_JIGolr3ltqjTkK0d")),
                ("address".to_owned(), Value::from("77.72.7.130")),
            ]))
        );
        assert_eq!(state["https_redirect"], Value::Bool(false));
        assert_eq!(state["resource_type"], Value::from("virtual_machines"));
        // The Go provider's sets: the machines' empty, the others null.
        assert_eq!(state["virtual_machine_ids"], strings(&[]));
        assert_eq!(state["virtual_machine_group_ids"], Value::Null);
        assert_eq!(state["tag_ids"], Value::Null);
        assert_eq!(state["weights"], Value::List(vec![]));
        assert_eq!(state["annotations"], Value::List(vec![]));
        assert_eq!(
            state["data_center"].attribute("permalink"),
            &Value::from("uk-lon-01")
        );
        let Value::String(certificate) = &state["backend_certificate"] else {
            panic!("{:?}", state["backend_certificate"]);
        };
        assert!(certificate.starts_with("-----BEGIN CERTIFICATE-----\n"));
        assert_eq!(state.len(), attributes());
    }

    /// An answer without `annotations` beside it (DataSourceLoadBalancer_basic
    /// and others were recorded so): null, not an empty list.
    #[test]
    fn absent_fields_are_null() {
        let basic = state(recorded("lb_kg25dYMkVqw3ilJH")).unwrap();
        assert_eq!(basic["annotations"], Value::Null);
        assert_eq!(basic["ip_address"], Value::from("77.72.7.109"));
        let bare = state(json!({"load_balancer": {"id": "lb_1"}})).unwrap();
        let nulls = bare.iter().filter(|(k, _)| *k != "id");
        assert!(nulls.clone().all(|(_, v)| *v == Value::Null), "{bare:?}");
        assert_eq!(nulls.count(), attributes() - 1);
    }

    #[test]
    fn the_full_answer_shows_its_tags_and_never_its_private_key() {
        let answer = recorded(katapult_testkit::fake_api::lbs::FULL);
        let key = answer["load_balancer"]["backend_certificate_key"]
            .as_str()
            .unwrap()
            .to_owned();
        assert!(key.starts_with("-----BEGIN PRIVATE KEY-----\n"), "{key}");
        let state = state(answer).unwrap();
        assert_eq!(state["tag_ids"], strings(&["tag_NqAjIfOyzSMyuFPS"]));
        assert_eq!(state["virtual_machine_ids"], Value::Null);
        let resources = &state["resources"];
        assert_eq!(
            resources,
            &Value::List(vec![Value::Object(BTreeMap::from([
                ("type".to_owned(), Value::from("Tag")),
                ("id".to_owned(), Value::from("tag_NqAjIfOyzSMyuFPS")),
                ("name".to_owned(), Value::from("web")),
            ]))])
        );
        assert_eq!(state["api_reference"], Value::from("web-frontend"));
        let shown = format!("{state:?}");
        let body = key.lines().nth(5).unwrap();
        assert!(!shown.contains(body), "the private key is in the state");
        assert!(!shown.contains("PRIVATE KEY"));
    }

    /// A virtual machine in `resources` comes whole in the answer, its
    /// initial root password with it: only its kind, ID and name are read.
    #[test]
    fn a_machines_secrets_in_resources_are_never_read() {
        let state = state(json!({"load_balancer": {
            "id": "lb_1", "resource_type": "virtual_machines", "resource_ids": ["vm_1"],
            "resources": [{"type": "VirtualMachine", "value": {
                "id": "vm_1", "name": "web", "initial_root_password": "hunter2-Secret"}}],
        }}))
        .unwrap();
        assert_eq!(state["virtual_machine_ids"], strings(&["vm_1"]));
        assert!(!format!("{state:?}").contains("hunter2-Secret"));
    }

    #[test]
    fn a_wrong_type_names_its_path() {
        for (answer, want) in [
            (
                json!({"load_balancer": {"id": "lb_1", "https_redirect": "yes"}}),
                "https_redirect should be true or false but the API sent a string",
            ),
            (
                json!({"load_balancer": {"id": "lb_1", "resource_ids": "vm_1"}}),
                "resource_ids should be a list of strings but the API sent a string",
            ),
            (
                json!({"load_balancer": {"id": "lb_1", "weights": [{"weight": "1"}]}}),
                "weights[0].weight should be a number but the API sent a string",
            ),
            (
                json!({"load_balancer": {"id": "lb_1", "ip_address": "1.2.3.4"}}),
                "should be an object but the API sent a string",
            ),
            (
                json!({"load_balancers": {}}),
                "without a \"load_balancer\" object",
            ),
        ] {
            let err = state(answer).unwrap_err();
            assert!(err.contains(want), "{err}");
        }
    }

    /// Every recorded answer (each file named by its id): the Go
    /// provider's flat values agree with the nested ones they come from.
    #[test]
    fn every_recorded_answer_maps() {
        use katapult_testkit::fake_api::lbs;
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("testkit/answers")
            .join(LOAD_BALANCER_OBJECT.path);
        let mut mapped = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                continue; // `rules/`, the rule lists
            }
            let id = path.file_stem().unwrap().to_string_lossy().into_owned();
            let text = std::fs::read_to_string(&path).unwrap();
            let answer: serde_json::Value = serde_json::from_str(&text).unwrap();
            let lb = &answer["load_balancer"];
            let hostile = [lbs::MISSING_FIELDS, lbs::WRONG_TYPES];
            if answer.get("error").is_some() || hostile.contains(&id.as_str()) {
                continue; // the refusal, and the written hostile ones
            }
            let state = state(answer.clone()).unwrap_or_else(|e| panic!("{id}: {e}"));
            assert_eq!(state["id"], Value::from(id.as_str()));
            assert_eq!(
                state["ip_address"],
                state["ip_address_details"].attribute("address").clone(),
                "{id}"
            );
            let ids = state["resource_ids"].clone();
            let set = match lb["resource_type"].as_str() {
                Some("tags") => "tag_ids",
                _ => "virtual_machine_ids",
            };
            assert_eq!(state[set], ids, "{id}");
            assert_ne!(state["name"], Value::Null, "{id}");
            assert!(!text.contains("PRIVATE KEY") || id == lbs::FULL);
            mapped += 1;
        }
        assert_eq!(
            mapped, 16,
            "the 14 recorded, the full one, the Go docs example's"
        );
    }

    /// Annotations beside the object are its own.
    #[test]
    fn annotations_beside_the_object_are_taken_in() {
        let lb = state(json!({
            "load_balancer": {"id": "lb_1"},
            "annotations": [{"key": "k", "value": "v"}],
        }))
        .unwrap();
        assert_eq!(
            lb["annotations"],
            Value::List(vec![Value::Object(BTreeMap::from([
                ("key".to_owned(), Value::from("k")),
                ("value".to_owned(), Value::from("v")),
            ]))])
        );
    }

    #[test]
    fn exactly_one_of_id_and_api_reference() {
        let config = |id: Value, reference: Value| {
            Value::Object(BTreeMap::from([
                ("id".to_owned(), id),
                ("api_reference".to_owned(), reference),
            ]))
        };
        assert!(
            LOAD_BALANCER
                .validate(&config(Value::from("lb_1"), Value::Null))
                .is_empty()
        );
        assert!(
            LOAD_BALANCER
                .validate(&config(Value::Null, Value::from("web")))
                .is_empty()
        );
        let both = LOAD_BALANCER.validate(&config(Value::from("lb_1"), Value::from("web")));
        assert_eq!(both[0].summary, "Both id and api_reference set");
        let neither = LOAD_BALANCER.validate(&config(Value::Null, Value::Null));
        assert_eq!(neither[0].summary, "Missing id or api_reference");
    }
}
