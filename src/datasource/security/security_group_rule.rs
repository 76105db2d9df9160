//! `katapult_security_group_rule`: one security group rule, by `id`,
//! through `GET /security_groups/rules/security_group_rule`.

use std::sync::OnceLock;

use crate::schema::{Attribute, Block, Kind};

use crate::datasource::core::lookup::{Key, Lookup, Rule};
use crate::datasource::core::reads::{OrganizationUse, Reads};
use crate::datasource::core::shapes::legacy_one::LegacyOne;
use crate::datasource::core::timeouts::TIMEOUTS;
use crate::datasource::objects::security_group::{
    ACTION, DIRECTION, NOTES, PORTS, PROTOCOL, SECURITY_GROUP, SECURITY_GROUP_ID, TARGETS,
};

pub static SECURITY_GROUP_RULE: LegacyOne = LegacyOne {
    type_name: "katapult_security_group_rule",
    schema: &SCHEMA,
    reads: &READS,
    lookup: &LOOKUP,
    path: "security_groups/rules/security_group_rule",
    object: "security_group_rule",
    beside: &[],
};

static READS: Reads = Reads {
    what: "security group rules",
    scopes: &["security_groups", "security_groups:read"],
    organization: OrganizationUse::Unused,
    data_center: None,
};

static LOOKUP: Lookup = Lookup {
    subject: "security group rule",
    keys: &[Key::new("id", "security_group_rule[id]", "ID", "")],
    rule: Rule::ExactlyOne,
    example: Some("sgr_cDHuiAQalZ1ZkaXg"),
    not_found: "security_group_rule_not_found",
    hint: "`katapult_security_group_rules` lists a security group's rules.",
};

static SCHEMA: Block = Block {
    description: "Looks up one security group rule by its ID, through \
                  `GET /core/v1/security_groups/rules/security_group_rule`. Needs an API token \
                  with the `security_groups` or `security_groups:read` scope.",
    attributes: &[
        Attribute::required(
            "id",
            Kind::String,
            "The rule's ID, e.g. `sgr_cDHuiAQalZ1ZkaXg`.",
        ),
        SECURITY_GROUP_ID,
        DIRECTION,
        PROTOCOL,
        ACTION,
        PORTS,
        TARGETS,
        NOTES,
        SECURITY_GROUP,
    ],
    blocks: &[TIMEOUTS],
    type_cache: OnceLock::new(),
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tftypes::Value;
    use serde_json::json;

    /// DataSourceSecurityGroupRule_by_id, as recorded.
    #[test]
    fn the_recorded_rule_maps_with_its_group() {
        let answer: serde_json::Value =
            serde_json::from_str(&katapult_testkit::fake_api::recorded(
                "security_groups/rules/security_group_rule",
                "sgr_cDHuiAQalZ1ZkaXg",
            ))
            .unwrap();
        let state = SECURITY_GROUP_RULE.state(answer).unwrap();
        assert_eq!(state["id"], Value::from("sgr_cDHuiAQalZ1ZkaXg"));
        assert_eq!(
            state["security_group_id"],
            Value::from("sg_urAgMAemdiK1HC3D")
        );
        assert_eq!(
            state["security_group"].attribute("name"),
            &Value::from("tf-acc-test-data-source-by-id-qopt7g2ua18w")
        );
        assert_eq!(state["direction"], Value::from("inbound"));
        assert_eq!(state["protocol"], Value::from("TCP"));
        assert_eq!(state["ports"], Value::from("22"));
        assert_eq!(
            state["targets"],
            Value::List(vec![Value::from("93.89.203.0/24")])
        );
        assert_eq!(state["notes"], Value::from("Trusted SSH"));
        // Not in this recording: null, as is what it lacks.
        assert_eq!(state["action"], Value::Null);
    }

    #[test]
    fn nulls_stay_null_and_a_wrong_type_names_its_path() {
        let state = SECURITY_GROUP_RULE
            .state(json!({"security_group_rule": {
                "id": "sgr_1", "security_group": null, "protocol": "ICMP",
                "ports": null, "notes": null, "targets": [], "action": "allow",
            }}))
            .unwrap();
        assert_eq!(state["security_group_id"], Value::Null);
        assert_eq!(state["security_group"], Value::Null);
        assert_eq!(state["ports"], Value::Null);
        assert_eq!(state["notes"], Value::Null);
        assert_eq!(state["direction"], Value::Null, "absent");
        assert_eq!(state["targets"], Value::List(vec![]));
        assert_eq!(state["action"], Value::from("allow"));
        let err = SECURITY_GROUP_RULE
            .state(json!({"security_group_rule": {"id": "sgr_1", "targets": "all:ipv4"}}))
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("targets should be a list of strings but the API sent a string"),
            "{err}"
        );
        let err = SECURITY_GROUP_RULE
            .state(json!({"security_group_rule": {"id": "sgr_1", "security_group": {"name": 7}}}))
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("security_group.name should be a string"),
            "{err}"
        );
    }
}
