//! `katapult_load_balancer_rules`: the rules of one load balancer, by its
//! `load_balancer_id`, every page, in the API's order.
//!
//! The list gives each rule's ports and protocol only, so each rule is then
//! read with `GET /load_balancers/rules/load_balancer_rule` (as Katapult's
//! Go provider does, one after another), many at once within the
//! rate-limit budget. A rule gone between the list and its own read means
//! the list moved: the whole is read again. A `Custom`: a list, then each
//! item's own read (`core::each`).

use crate::diag::Diagnostic;
use crate::schema::{Attribute, Kind};
use crate::text::quoted;
use crate::tftypes::Value;

use crate::datasource::core::each::{self, ItemRead};
use crate::datasource::core::lookup::{Key, Lookup, Rule};
use crate::datasource::core::mapping::map_list;
use crate::datasource::core::pager::Listing;
use crate::datasource::core::reads::OrganizationUse;
use crate::datasource::core::shapes::custom::Custom;
use crate::datasource::core::source::Answers;
use crate::datasource::core::source::{Computed, ReadContext, ReadFuture};
use crate::datasource::objects::load_balancer::{LOAD_BALANCER_OBJECT, NOT_FOUND_HINT};
use crate::datasource::objects::load_balancer_rule::{LOAD_BALANCER_RULE_OBJECT, RULE};

/// A load balancer's rules.
const LIST: &str = "load_balancers/load_balancer/rules";

pub static LOAD_BALANCER_RULES: Custom = Custom {
    type_name: "katapult_load_balancer_rules",
    of: &LOAD_BALANCER_RULE_OBJECT,
    paths: &[LIST, LOAD_BALANCER_RULE_OBJECT.path],
    arguments: &[Attribute::required(
        "load_balancer_id",
        Kind::String,
        "The load balancer's ID, e.g. `lb_kYSLozFlng5sWKo4`.",
    )],
    fields: &[Attribute::computed(
        "rules",
        Kind::ObjectList(RULE),
        "The load balancer's rules, in the API's order. Each names its load balancer in \
         `load_balancer_id` (Katapult's Go provider leaves that null here). Should the list \
         change while it is read (a rule added or removed meanwhile), the read starts again, up \
         to twice, so the result is one consistent listing.",
    )],
    summary: "Lists the rules of one Katapult load balancer, given by its `load_balancer_id`, \
              following every page of the list, and reads each rule for what the list leaves \
              out: its health checks, certificates and SSL settings.",
    organization: OrganizationUse::Unused,
    data_center: None,
    validate,
    read,
    ephemeral: false,
    answers: Some(Answers {
        path: "load_balancers/load_balancer/rules",
        argument: Some("load_balancer_id"),
    }),
};

/// The load balancer whose rules are listed.
static BY_LOAD_BALANCER: Lookup = Lookup::of(
    &LOAD_BALANCER_OBJECT,
    &[Key::new(
        "load_balancer_id",
        "load_balancer[id]",
        "ID",
        "lb_kYSLozFlng5sWKo4",
    )],
    Rule::ExactlyOne,
    NOT_FOUND_HINT,
);

fn validate(config: &Value) -> Vec<Diagnostic> {
    BY_LOAD_BALANCER.validate(config)
}

fn read<'a>(ctx: &'a ReadContext<'a>, config: &'a Value) -> ReadFuture<'a> {
    Box::pin(async move {
        let given = BY_LOAD_BALANCER.read(config)?[0];
        let listing = Listing {
            path: LIST,
            query: given.query().to_vec(),
            per_page: Some("200"),
            items: "load_balancer_rules",
            id: &["id"],
            noun: "Load balancer rule",
            owner: format!("load balancer {}", quoted(given.value)),
        };
        let of = &LOAD_BALANCER_RULE_OBJECT;
        let item = ItemRead {
            path: of.path,
            key: of.key("id").parameter,
            object: of.key,
            not_found: of.not_found,
            noun: of.noun,
        };
        let on_error = |e| BY_LOAD_BALANCER.error(e, &given);
        let read = each::read_each(ctx.client, &listing, &item, &ctx.budget, &on_error).await?;
        let rules: Vec<_> = read.into_iter().map(|(rule, _)| rule).collect();
        Ok(Computed::from([(
            "rules".to_owned(),
            map_list(&rules, RULE, "rules")?,
        )]))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tftypes::Number;
    use katapult_testkit::fake_api::{FakeApi, lbs};
    use std::collections::BTreeMap;

    use crate::datasource::core::testing::read_described as read_from;

    async fn read(api: &FakeApi, load_balancer: &str) -> Result<Vec<Value>, String> {
        let config = Value::Object(BTreeMap::from([(
            "load_balancer_id".to_owned(),
            Value::from(load_balancer),
        )]));
        let state = read_from(&api.url(), "", &LOAD_BALANCER_RULES, &config).await?;
        match state.attribute("rules") {
            Value::List(rules) => Ok(rules.clone()),
            other => panic!("{other:?}"),
        }
    }

    /// DataSourceLoadBalancerRules_full: the list names the rule; its own
    /// read gives the checks the Go provider's test looks at.
    #[tokio::test]
    async fn each_listed_rule_is_read_for_what_the_list_leaves_out() {
        let api = FakeApi::start().await.unwrap();
        let rules = read(&api, "lb_peoDz9RSRD2nOskh").await.unwrap();
        assert_eq!(rules.len(), 1);
        let rule = &rules[0];
        assert_eq!(
            rule.attribute("id"),
            &Value::from("lbrule_wMCbP11nU8TAC5Ef")
        );
        assert_eq!(rule.attribute("check_fall"), &Value::Number(Number::Int(3)));
        assert_eq!(rule.attribute("check_path"), &Value::from("/healthz"));
        assert_eq!(rule.attribute("proxy_protocol"), &Value::Bool(true));
        assert_eq!(
            rule.attribute("load_balancer_id"),
            &Value::from("lb_peoDz9RSRD2nOskh"),
            "filled in, where the Go provider leaves it null"
        );
        let full = read(&api, lbs::FULL).await.unwrap();
        let ids: Vec<&Value> = full.iter().map(|r| r.attribute("id")).collect();
        assert_eq!(
            ids,
            [&Value::from(lbs::FULL_RULE), &Value::from(lbs::TCP_RULE)]
        );
        assert_eq!(full[1].attribute("check_protocol"), &Value::Null);
        // A load balancer without rules.
        assert!(read(&api, "lb_kg25dYMkVqw3ilJH").await.unwrap().is_empty());
    }

    /// Every recorded rule list reads back: each listed rule, by its own
    /// read, agrees with what the list says of it.
    #[tokio::test]
    async fn every_recorded_rule_list_agrees_with_each_rules_own_read() {
        let api = FakeApi::start().await.unwrap();
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("testkit/answers/load_balancers/load_balancer/rules");
        let mut lists = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let lb = path.file_stem().unwrap().to_string_lossy().into_owned();
            let list: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            let Some(listed) = list["load_balancer_rules"].as_array() else {
                continue; // the refusal
            };
            let rules = read(&api, &lb).await.unwrap();
            assert_eq!(rules.len(), listed.len(), "{lb}");
            for (rule, listed) in rules.iter().zip(listed) {
                for field in ["id", "algorithm", "protocol"] {
                    assert_eq!(
                        rule.attribute(field),
                        &Value::from(listed[field].as_str().unwrap()),
                        "{lb}: {field}"
                    );
                }
                for field in ["listen_port", "destination_port"] {
                    let n = listed[field].as_i64().unwrap();
                    assert_eq!(rule.attribute(field), &Value::Number(Number::Int(n)));
                }
                assert_eq!(
                    rule.attribute("load_balancer_id"),
                    &Value::from(lb.as_str())
                );
            }
            lists += 1;
        }
        assert_eq!(lists, 6);
    }

    #[tokio::test]
    async fn every_page_is_read_once() {
        let api = FakeApi::start().await.unwrap();
        let rules = read(&api, lbs::MANY_RULES).await.unwrap();
        assert_eq!(rules.len(), lbs::MANY_RULES_COUNT);
        assert_eq!(
            api.pages(&format!("rules:{}", lbs::MANY_RULES)),
            [(1, 200), (2, 200)]
        );
        assert_eq!(
            rules[204].attribute("listen_port"),
            &Value::Number(Number::Int(10_204))
        );
    }

    #[tokio::test]
    async fn a_missing_or_refused_load_balancer_says_so() {
        let api = FakeApi::start().await.unwrap();
        let err = read(&api, "lb_DoesNotExist00001").await.unwrap_err();
        assert_eq!(
            err.split(": ").next(),
            Some("Load balancer not found"),
            "{err}"
        );
        assert!(err.contains("ID \"lb_DoesNotExist00001\""), "{err}");
        let err = read(&api, lbs::SCOPE_MISSING).await.unwrap_err();
        assert!(
            err.starts_with("API key lacks the scope to read load balancer rules: "),
            "{err}"
        );
    }
}
