//! `katapult_load_balancer_rules`: the rules of one load balancer, by its
//! `load_balancer_id`, through `GET /load_balancers/load_balancer/rules`
//! (every page), in the API's order.
//!
//! The list gives each rule's ports and protocol only, so each rule is then
//! read with `GET /load_balancers/rules/load_balancer_rule` (as Katapult's
//! Go provider does, one after another), many at once within the
//! rate-limit budget. A rule gone between the list and its own read means
//! the list moved: the whole is read again.

use std::sync::OnceLock;

use crate::diag::Diagnostic;
use crate::schema::{Attribute, Block, Kind};
use crate::text::quoted;
use crate::tftypes::Value;

use crate::datasource::core::each::{self, ItemRead};
use crate::datasource::core::lookup::{Key, Lookup, Rule};
use crate::datasource::core::mapping::map_list;
use crate::datasource::core::pager::Listing;
use crate::datasource::core::reads::{OrganizationUse, Reads};
use crate::datasource::core::source::{Computed, DataSource, ReadContext, ReadFuture};
use crate::datasource::core::timeouts::TIMEOUTS;
use crate::datasource::objects::load_balancer_rule::{self as rule, RULE};

pub struct LoadBalancerRules;

static READS: Reads = Reads {
    what: "load balancer rules",
    scopes: &["load_balancers", "load_balancers:read"],
    organization: OrganizationUse::Unused,
    data_center: None,
};

static LOOKUP: Lookup = Lookup {
    subject: "load balancer",
    keys: &[Key::new("load_balancer_id", "load_balancer[id]", "ID", "")],
    rule: Rule::ExactlyOne,
    example: Some("lb_kYSLozFlng5sWKo4"),
    not_found: "load_balancer_not_found",
    hint: "Check it, and that the key belongs to the organization that owns the load balancer \
           (`katapult_load_balancers` lists the organization's).",
};

/// Each listed rule, read by itself.
static EACH: ItemRead = ItemRead {
    path: rule::PATH,
    key: rule::BY_ID,
    object: rule::OBJECT,
    not_found: rule::NOT_FOUND,
    noun: "load balancer rule",
};

static SCHEMA: Block = Block {
    description: "Lists the rules of one Katapult load balancer, given by its \
                  `load_balancer_id`, through \
                  `GET /core/v1/load_balancers/load_balancer/rules`, following every page, and \
                  reads each rule (`GET /core/v1/load_balancers/rules/load_balancer_rule`) for \
                  what the list leaves out: its health checks, certificates and SSL settings. \
                  Needs an API token with the `load_balancers` or `load_balancers:read` scope.",
    attributes: &[
        Attribute::required(
            "load_balancer_id",
            Kind::String,
            "The load balancer's ID, e.g. `lb_kYSLozFlng5sWKo4`.",
        ),
        Attribute::computed(
            "rules",
            Kind::ObjectList(RULE),
            "The load balancer's rules, in the API's order. Each names its load balancer in \
             `load_balancer_id` (Katapult's Go provider leaves that null here). Should the list \
             change while it is read (a rule added or removed meanwhile), the read starts \
             again, up to twice, so the result is one consistent listing.",
        ),
    ],
    blocks: &[TIMEOUTS],
    type_cache: OnceLock::new(),
};

impl DataSource for LoadBalancerRules {
    fn type_name(&self) -> &'static str {
        "katapult_load_balancer_rules"
    }

    fn schema(&self) -> &'static Block {
        &SCHEMA
    }

    fn reads(&self) -> Reads {
        READS
    }

    fn validate(&self, config: &Value) -> Vec<Diagnostic> {
        LOOKUP.validate(config)
    }

    fn read<'a>(&'a self, ctx: &'a ReadContext<'a>, config: &'a Value) -> ReadFuture<'a> {
        Box::pin(async move {
            let given = LOOKUP.read(config)?[0];
            let listing = Listing {
                path: "load_balancers/load_balancer/rules",
                query: given.query().to_vec(),
                per_page: Some("200"),
                items: "load_balancer_rules",
                id: &["id"],
                noun: "Load balancer rule",
                owner: format!("load balancer {}", quoted(given.value)),
            };
            let on_error = |e| LOOKUP.error(e, &given);
            let read = each::read_each(ctx.client, &listing, &EACH, &ctx.budget, &on_error).await?;
            let rules: Vec<_> = read.into_iter().map(|(rule, _)| rule).collect();
            Ok(Computed::from([(
                "rules".to_owned(),
                map_list(&rules, RULE, "rules")?,
            )]))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tftypes::Number;
    use katapult_testkit::fake_api::{FakeApi, lbs};
    use std::collections::BTreeMap;

    use crate::datasource::core::each::read_from;

    async fn read(api: &FakeApi, load_balancer: &str) -> Result<Vec<Value>, String> {
        let config = Value::Object(BTreeMap::from([(
            "load_balancer_id".to_owned(),
            Value::from(load_balancer),
        )]));
        let state = read_from(&api.url(), "", &LoadBalancerRules, &config).await?;
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
