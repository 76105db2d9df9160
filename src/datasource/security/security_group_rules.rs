//! `katapult_security_group_rules`: the rules of one security group, by
//! `security_group_id`, every page, split into inbound and outbound as
//! Katapult's Go provider shows them, each in the API's order. A `Custom`:
//! a `Listed` shows one list, and this shows two, with the group's ID as
//! `id`.

use serde_json::Map;

use crate::diag::Diagnostic;
use crate::schema::{Attribute, Kind};
use crate::text::quoted;
use crate::tftypes::{AttributePath, Value};

use crate::datasource::core::error::ReadError;
use crate::datasource::core::lookup::{Lookup, Rule};
use crate::datasource::core::mapping::map_object;
use crate::datasource::core::pager;
use crate::datasource::core::reads::OrganizationUse;
use crate::datasource::core::shapes::custom::Custom;
use crate::datasource::core::source::Answers;
use crate::datasource::core::source::{Computed, ReadContext, ReadFuture};
use crate::datasource::objects::security_group::{
    GROUP_HINT, INBOUND_RULES, OUTBOUND_RULES, RULES, RULES_OF, SECURITY_GROUP_OBJECT,
    SECURITY_GROUP_RULE_OBJECT, with_rules,
};

pub static SECURITY_GROUP_RULES: Custom = Custom {
    type_name: "katapult_security_group_rules",
    of: &SECURITY_GROUP_RULE_OBJECT,
    paths: &[RULES.path],
    arguments: &[Attribute::required(
        "security_group_id",
        Kind::String,
        "The security group's ID, e.g. `sg_LkK4zqz5M5N2HFBj`.",
    )],
    fields: &[
        Attribute::computed(
            "id",
            Kind::String,
            "The security group's ID again, as Katapult's Go provider sets it.",
        ),
        INBOUND_RULES,
        OUTBOUND_RULES,
    ],
    summary: "Lists the rules of one security group, given by its `security_group_id`, \
              following every page.",
    organization: OrganizationUse::Unused,
    data_center: None,
    validate,
    read,
    ephemeral: false,
    answers: Some(Answers {
        path: "security_groups/security_group/rules",
        argument: Some("security_group_id"),
    }),
};

/// The group whose rules are listed: its "not found" is the group's.
static GROUP: Lookup = Lookup::of(
    &SECURITY_GROUP_OBJECT,
    RULES_OF,
    Rule::ExactlyOne,
    GROUP_HINT,
);

/// What the read computes beside the key: the rules.
const RULE_LISTS: &[Attribute] = &[INBOUND_RULES, OUTBOUND_RULES];

fn validate(config: &Value) -> Vec<Diagnostic> {
    GROUP.validate(config)
}

fn read<'a>(ctx: &'a ReadContext<'a>, config: &'a Value) -> ReadFuture<'a> {
    Box::pin(async move {
        let given = GROUP.read(config)?[0];
        let on_error = |e| GROUP.error(e, &given);
        let whose = format!("security group {}", quoted(given.value));
        let rules =
            pager::read_endpoint(ctx, &RULES, given.query().to_vec(), whose, &on_error).await?;
        let mut state = state(rules)?;
        state.insert("id".to_owned(), Value::from(given.value));
        Ok(state)
    })
}

/// The rule lists for a group's `rules`.
fn state(rules: Vec<Map<String, serde_json::Value>>) -> Result<Computed, ReadError> {
    let mut object = Map::new();
    with_rules(&mut object, rules, &AttributePath::default())?;
    Ok(map_object(&object, RULE_LISTS, &AttributePath::default())?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::datasource::core::source::DataSource;
    use serde_json::json;

    fn recorded(id: &str) -> Vec<Map<String, serde_json::Value>> {
        let text = katapult_testkit::fake_api::recorded("security_groups/security_group/rules", id);
        let answer: serde_json::Value = serde_json::from_str(&text).unwrap();
        answer["security_group_rules"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r.as_object().unwrap().clone())
            .collect()
    }

    fn ids(list: &Value) -> Vec<String> {
        let Value::List(items) = list else {
            panic!("{list:?}")
        };
        items
            .iter()
            .map(|r| match r.attribute("id") {
                Value::String(id) => id.clone(),
                other => panic!("{other:?}"),
            })
            .collect()
    }

    /// DataSourceSecurityGroupRules_rules' three steps, and _no_rules.
    #[test]
    fn the_recorded_rule_lists_split_by_direction() {
        let full = state(recorded("sg_pCUakUcbx8xzFh74")).unwrap();
        assert_eq!(
            ids(&full["inbound_rules"]),
            ["sgr_I0bgfLvJeGFRV1iQ", "sgr_HfDOA2iwy618t7MW"]
        );
        assert_eq!(
            ids(&full["outbound_rules"]),
            ["sgr_BGngcbz7OqjyaFDx", "sgr_U8pDfvZhmTaVgY7U"]
        );
        let Value::List(outbound) = &full["outbound_rules"] else {
            unreachable!()
        };
        assert_eq!(outbound[1].attribute("notes"), &Value::from("HTTP & HTTPS"));
        assert_eq!(outbound[1].attribute("ports"), &Value::from("80,443"));
        assert_eq!(
            outbound[0].attribute("targets"),
            &Value::List(vec![Value::from("vmgrp_zRhFtcoiuECoc4Ah")])
        );
        assert_eq!(outbound[0].attribute("action"), &Value::Null);
        let first = state(recorded("sg_pCUakUcbStep0001")).unwrap();
        assert_eq!(ids(&first["inbound_rules"]).len(), 2);
        assert_eq!(first["outbound_rules"], Value::List(vec![]));
        let last = state(recorded("sg_pCUakUcbStep0003")).unwrap();
        assert_eq!(last["inbound_rules"], Value::List(vec![]));
        assert_eq!(ids(&last["outbound_rules"]).len(), 2);
        let none = state(recorded("sg_4gA8f1G8DF0p2RWR")).unwrap();
        assert_eq!(none["inbound_rules"], Value::List(vec![]));
        assert_eq!(none["outbound_rules"], Value::List(vec![]));
    }

    /// The ICMP rule of DataSourceSecurityGroup_no_include_rules: its
    /// ports null, kept null; the targets a set.
    #[test]
    fn an_icmp_rule_has_no_ports() {
        let rules = state(recorded("sg_XNVRkdDaSmDvBGH6")).unwrap();
        let Value::List(inbound) = &rules["inbound_rules"] else {
            unreachable!()
        };
        assert_eq!(inbound.len(), 5);
        assert_eq!(inbound[3].attribute("protocol"), &Value::from("ICMP"));
        assert_eq!(inbound[3].attribute("ports"), &Value::Null);
        assert_eq!(inbound[4].attribute("protocol"), &Value::from("UDP"));
        assert_eq!(
            inbound[1].attribute("targets"),
            &Value::List(vec![Value::from("all:ipv6"), Value::from("all:ipv4")])
        );
    }

    #[test]
    fn a_wrong_type_names_the_rule() {
        let rules = json!([{"id": "sgr_1", "direction": "outbound", "ports": 22}]);
        let rules = vec![rules[0].as_object().unwrap().clone()];
        let err = state(rules).unwrap_err().to_string();
        assert!(
            err.contains("outbound_rules[0].ports should be a string but the API sent a number"),
            "{err}"
        );
    }

    #[test]
    fn the_group_id_is_required_and_not_empty() {
        let config = |id: Value| {
            Value::Object(std::collections::BTreeMap::from([(
                "security_group_id".to_owned(),
                id,
            )]))
        };
        assert!(
            SECURITY_GROUP_RULES
                .validate(&config(Value::from("sg_1")))
                .is_empty()
        );
        let empty = SECURITY_GROUP_RULES.validate(&config(Value::from("")));
        assert_eq!(empty[0].summary, "Empty security group ID");
    }
}
