//! `katapult_security_group_rule`: one security group rule, by `id`.

use crate::datasource::core::shapes::one::One;
use crate::datasource::objects::security_group::{
    ACTION, DIRECTION, NOTES, PORTS, PROTOCOL, SECURITY_GROUP, SECURITY_GROUP_ID,
    SECURITY_GROUP_RULE_OBJECT, TARGETS,
};

pub static SECURITY_GROUP_RULE: One = One {
    type_name: "katapult_security_group_rule",
    of: &SECURITY_GROUP_RULE_OBJECT,
    fields: &[
        SECURITY_GROUP_ID,
        DIRECTION,
        PROTOCOL,
        ACTION,
        PORTS,
        TARGETS,
        NOTES,
        SECURITY_GROUP,
    ],
    summary: "Looks up one security group rule by its ID.",
    hint: "`katapult_security_group_rules` lists a security group's rules.",
    ..One::PLAIN
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
