//! `katapult_security_group`: one security group, by `id`, and unless
//! `include_rules` is false its rules (every page). Both are asked for at
//! once: the rules' endpoint takes the same id, so a read costs one
//! request's latency, not two. A `Custom`: a `One` reads one endpoint.

use serde_json::Value as Json;

use crate::diag::Diagnostic;
use crate::schema::{Attribute, Kind};
use crate::text::quoted;
use crate::tftypes::{AttributePath, Value};

use crate::datasource::core::answer;
use crate::datasource::core::error::ReadError;
use crate::datasource::core::lookup::{Lookup, Rule};
use crate::datasource::core::mapping::map_object;
use crate::datasource::core::pager;
use crate::datasource::core::reads::OrganizationUse;
use crate::datasource::core::shapes::custom::Custom;
use crate::datasource::core::source::Answers;
use crate::datasource::core::source::{Computed, DataSource, ReadContext, ReadFuture};
use crate::datasource::objects::annotation::ANNOTATION;
use crate::datasource::objects::security_group::{
    ALLOW_ALL_INBOUND, ALLOW_ALL_OUTBOUND, ASSOCIATIONS, GROUP_HINT, INBOUND_RULES, NAME,
    OUTBOUND_RULES, RULES, SECURITY_GROUP_OBJECT, with_rules,
};

const INCLUDE_RULES: &str = "include_rules";

pub static SECURITY_GROUP: Custom = Custom {
    type_name: "katapult_security_group",
    of: &SECURITY_GROUP_OBJECT,
    paths: &[SECURITY_GROUP_OBJECT.path, RULES.path],
    arguments: &[
        Attribute::required(
            "id",
            Kind::String,
            "The security group's ID, e.g. `sg_LkK4zqz5M5N2HFBj`.",
        ),
        Attribute::optional_computed(
            INCLUDE_RULES,
            Kind::Bool,
            "Whether the group's rules are read into `inbound_rules` and `outbound_rules`. \
             Defaults to `true`.",
        ),
    ],
    fields: &[
        NAME,
        ALLOW_ALL_INBOUND,
        ALLOW_ALL_OUTBOUND,
        ASSOCIATIONS,
        Attribute::computed(
            INBOUND_RULES.name,
            INBOUND_RULES.kind,
            "The group's inbound rules, in the API's order: each lets in the traffic it \
             describes. Null when `include_rules` is false (not read, rather than an empty list \
             that would say the group has none).",
        ),
        Attribute::computed(
            OUTBOUND_RULES.name,
            OUTBOUND_RULES.kind,
            "The group's outbound rules, in the API's order: each lets out the traffic it \
             describes. Null when `include_rules` is false.",
        ),
        Attribute::computed(
            "annotations",
            Kind::ObjectList(ANNOTATION),
            "The group's annotations (key/value pairs), in the API's order. Katapult's Go \
             provider does not show them.",
        ),
    ],
    summary: "Looks up one security group by its ID, with its rules (every page of them, asked \
              for at the same time as the group) unless `include_rules` is false.",
    organization: OrganizationUse::Unused,
    data_center: None,
    validate,
    read,
    ephemeral: false,
    answers: Some(Answers {
        path: "security_groups/security_group",
        argument: Some("id"),
    }),
};

static LOOKUP: Lookup = Lookup::of(
    &SECURITY_GROUP_OBJECT,
    SECURITY_GROUP_OBJECT.keys,
    Rule::ExactlyOne,
    GROUP_HINT,
);

fn validate(config: &Value) -> Vec<Diagnostic> {
    LOOKUP.validate(config)
}

fn read<'a>(ctx: &'a ReadContext<'a>, config: &'a Value) -> ReadFuture<'a> {
    Box::pin(async move {
        let given = LOOKUP.read(config)?[0];
        let include_rules = include_rules(config)?;
        let on_error = |e| LOOKUP.error(e, &given);
        let query = given.query();
        let group = ctx
            .client
            .get(SECURITY_GROUP_OBJECT.path, &query, &ctx.budget);
        let rules = async {
            if !include_rules {
                return Ok(None);
            }
            let whose = format!("security group {}", quoted(given.value));
            pager::read_endpoint(ctx, &RULES, query.to_vec(), whose, &on_error)
                .await
                .map(Some)
        };
        let (group, rules) = futures_util::future::join(group, rules).await;
        // The group's own error first: a group not found fails both.
        let answer = group.map_err(on_error)?;
        let rules = rules?;
        let mut computed = state(answer, rules)?;
        computed.insert(INCLUDE_RULES.to_owned(), Value::Bool(include_rules));
        Ok(computed)
    })
}

/// `include_rules`: true unless set false.
fn include_rules(config: &Value) -> Result<bool, ReadError> {
    match config.attribute(INCLUDE_RULES) {
        Value::Bool(include) => Ok(*include),
        Value::Unknown => Err(ReadError::Config {
            attribute: INCLUDE_RULES,
            problem: "not known yet",
        }),
        _ => Ok(true),
    }
}

/// The state for the group's answer and, when read, its rules.
fn state(
    answer: Json,
    rules: Option<Vec<serde_json::Map<String, Json>>>,
) -> Result<Computed, ReadError> {
    let (mut group, mut rest) = answer::object(answer, SECURITY_GROUP_OBJECT.key)?;
    if let Some(annotations) = rest.remove("annotations") {
        group.entry("annotations").or_insert(annotations);
    }
    if let Some(rules) = rules {
        with_rules(&mut group, rules, &AttributePath::default())?;
    }
    // The configuration's `include_rules` is not the API's.
    group.remove(INCLUDE_RULES);
    Ok(map_object(
        &group,
        SECURITY_GROUP.schema().attributes,
        &AttributePath::default(),
    )?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn recorded(dir: &str, id: &str) -> Json {
        serde_json::from_str(&katapult_testkit::fake_api::recorded(dir, id)).unwrap()
    }

    fn rules(id: &str) -> Option<Vec<serde_json::Map<String, Json>>> {
        let answer = recorded("security_groups/security_group/rules", id);
        Some(
            answer["security_group_rules"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| r.as_object().unwrap().clone())
                .collect(),
        )
    }

    fn count(list: &Value) -> usize {
        match list {
            Value::List(items) => items.len(),
            other => panic!("{other:?}"),
        }
    }

    /// DataSourceSecurityGroup_rules, as recorded: five inbound rules,
    /// outbound allowed, one association.
    #[test]
    fn the_recorded_group_maps_with_its_rules() {
        let id = "sg_LkK4zqz5M5N2HFBj";
        let answer = recorded("security_groups/security_group", id);
        let group = state(answer, rules(id)).unwrap();
        assert_eq!(group["id"], Value::from(id));
        assert_eq!(
            group["name"],
            Value::from("tf-acc-test-data-source-rules-kmn9zwnn9phg")
        );
        assert_eq!(group["allow_all_inbound"], Value::Bool(false));
        assert_eq!(group["allow_all_outbound"], Value::Bool(true));
        assert_eq!(
            group["associations"],
            Value::List(vec![Value::from("vmgrp_0XROzeASuWPICw45")])
        );
        assert_eq!(count(&group["inbound_rules"]), 5);
        assert_eq!(count(&group["outbound_rules"]), 0);
        // This recording has no annotations beside the group: null.
        assert_eq!(group["annotations"], Value::Null);
    }

    /// DataSourceSecurityGroups_include_rules' groups carry `annotations`
    /// beside them, and their rules an `action`.
    #[test]
    fn annotations_beside_the_group_are_its_own() {
        let id = "sg_49J83zxdavo3NMbb";
        let group = state(recorded("security_groups/security_group", id), rules(id)).unwrap();
        assert_eq!(group["annotations"], Value::List(vec![]));
        let Value::List(inbound) = &group["inbound_rules"] else {
            unreachable!()
        };
        assert_eq!(inbound[0].attribute("action"), &Value::from("allow"));
        let with = state_of(json!({
            "security_group": {"id": "sg_1"},
            "annotations": [{"key": "role", "value": "web"}],
        }));
        let Value::List(annotations) = &with["annotations"] else {
            unreachable!()
        };
        assert_eq!(annotations[0].attribute("value"), &Value::from("web"));
    }

    fn state_of(answer: Json) -> Computed {
        state(answer, None).unwrap()
    }

    #[test]
    fn rules_not_read_are_null_and_nulls_stay_null() {
        let bare = state_of(json!({"security_group": {
            "id": "sg_1", "name": null, "associations": null, "include_rules": false,
        }}));
        assert_eq!(bare["inbound_rules"], Value::Null);
        assert_eq!(bare["outbound_rules"], Value::Null);
        assert_eq!(bare["name"], Value::Null);
        assert_eq!(bare["associations"], Value::Null);
        assert_eq!(bare["allow_all_inbound"], Value::Null, "absent");
        assert_eq!(bare["include_rules"], Value::Null, "never the API's");
        let err = state(
            json!({"security_group": {"id": "sg_1", "allow_all_inbound": "yes"}}),
            None,
        )
        .unwrap_err()
        .to_string();
        assert!(
            err.contains("allow_all_inbound should be true or false but the API sent a string"),
            "{err}"
        );
        let err = state(json!({"security_groups": {}}), None)
            .unwrap_err()
            .to_string();
        assert!(err.contains("without a \"security_group\" object"), "{err}");
    }

    #[test]
    fn include_rules_defaults_to_true() {
        let config = |include: Value| {
            Value::Object(std::collections::BTreeMap::from([(
                INCLUDE_RULES.to_owned(),
                include,
            )]))
        };
        assert!(include_rules(&config(Value::Null)).unwrap());
        assert!(!include_rules(&config(Value::Bool(false))).unwrap());
        assert!(include_rules(&config(Value::Unknown)).is_err());
    }

    async fn read(api: &katapult_testkit::fake_api::FakeApi, id: &str) -> Value {
        let config = Value::Object(std::collections::BTreeMap::from([
            ("id".to_owned(), Value::from(id)),
            (INCLUDE_RULES.to_owned(), Value::Null),
        ]));
        crate::datasource::core::testing::read(&api.url(), "", &SECURITY_GROUP, &config)
            .await
            .unwrap()
    }

    /// The group and its rules are asked for at once; rules over three
    /// pages are read whole, each page once.
    #[tokio::test]
    async fn the_group_and_its_rules_are_read_together_every_page() {
        use katapult_testkit::fake_api::security_groups as sg;
        let api = katapult_testkit::fake_api::FakeApi::start().await.unwrap();
        api.set_latency(std::time::Duration::from_millis(50));
        let state = read(&api, sg::MANY_RULES).await;
        assert_eq!(
            api.peak_in_flight(),
            2,
            "the group and its rules' first page"
        );
        assert_eq!(state.attribute(INCLUDE_RULES), &Value::Bool(true));
        assert_eq!(
            count(state.attribute("inbound_rules")),
            sg::MANY_RULE_COUNT / 2
        );
        assert_eq!(
            count(state.attribute("outbound_rules")),
            sg::MANY_RULE_COUNT / 2
        );
        assert_eq!(
            api.pages(&format!("rules:{}", sg::MANY_RULES)),
            [(1, 200), (2, 200), (3, 200)]
        );
        let Value::List(outbound) = state.attribute("outbound_rules") else {
            unreachable!()
        };
        assert_eq!(outbound[224].attribute("ports"), &Value::from("1449"));
    }
}
