//! `katapult_load_balancers`: every load balancer of the provider's
//! organization, through `GET /organizations/organization/load_balancers`
//! (every page), in the API's order; optionally only those with given
//! annotations.
//!
//! The list leaves out each load balancer's certificate, weights and more,
//! so each is then read with `GET /load_balancers/load_balancer`, as
//! Katapult's Go provider does one after another; here many at once, within
//! the rate-limit budget and the read's one deadline. The Go provider stops
//! before the last page (`page < total_pages`); this reads every one.

use std::sync::OnceLock;

use crate::diag::Diagnostic;
use crate::schema::{Attribute, Block, Kind};
use crate::text::quoted;
use crate::tftypes::Value;

use crate::datasource::core::each::{self, ItemRead};
use crate::datasource::core::mapping::map_list;
use crate::datasource::core::organization;
use crate::datasource::core::pager::Listing;
use crate::datasource::core::reads::{OrganizationUse, Reads};
use crate::datasource::core::shapes::listed::Filter;
use crate::datasource::core::source::{Computed, DataSource, ReadContext, ReadFuture};
use crate::datasource::core::timeouts::{self, TIMEOUTS};
use crate::datasource::objects::annotation::FILTER;
use crate::datasource::objects::load_balancer::{self as lb, LOAD_BALANCER};

pub struct LoadBalancers;

static READS: Reads = Reads {
    what: "load balancers",
    scopes: &["load_balancers", "load_balancers:read"],
    organization: OrganizationUse::Needed,
    data_center: None,
};

/// Each listed load balancer, read by itself.
static EACH: ItemRead = ItemRead {
    path: lb::PATH,
    key: lb::BY_ID,
    object: lb::OBJECT,
    not_found: lb::NOT_FOUND,
    noun: "load balancer",
};

static SCHEMA: Block = Block {
    description: "Lists every load balancer of the organization named by the provider's \
                  `organization` (or `KATAPULT_ORGANIZATION`), or those with given annotations, \
                  through `GET /core/v1/organizations/organization/load_balancers`, following \
                  every page, and reads each (`GET /core/v1/load_balancers/load_balancer`) for \
                  what the list leaves out. No load balancer's backend certificate private key \
                  is shown. Needs an API token with the `load_balancers` or \
                  `load_balancers:read` scope.",
    attributes: &[
        Attribute::computed(
            "id",
            Kind::String,
            "The organization's sub-domain whose load balancers these are (Katapult's Go \
             provider says so of its `id` but leaves it null).",
        ),
        FILTER,
        Attribute::computed(
            "load_balancers",
            Kind::ObjectList(LOAD_BALANCER),
            "The organization's load balancers, in the API's order, each as \
             `katapult_load_balancer` shows it. Should the list change while it is read (a \
             load balancer created or deleted meanwhile), the read starts again, up to twice, \
             so the result is one consistent listing.",
        ),
    ],
    blocks: &[TIMEOUTS],
    type_cache: OnceLock::new(),
};

impl DataSource for LoadBalancers {
    fn type_name(&self) -> &'static str {
        "katapult_load_balancers"
    }

    fn schema(&self) -> &'static Block {
        &SCHEMA
    }

    fn reads(&self) -> Reads {
        READS
    }

    fn validate(&self, config: &Value) -> Vec<Diagnostic> {
        timeouts::validate(config)
            .into_iter()
            .chain(Filter::Annotations.validate(config))
            .collect()
    }

    fn read<'a>(&'a self, ctx: &'a ReadContext<'a>, config: &'a Value) -> ReadFuture<'a> {
        Box::pin(async move {
            let organization = organization::name(ctx, READS.what)?;
            let mut query = Filter::Annotations.query(config)?;
            query.push(("organization[sub_domain]", organization));
            let listing = Listing {
                path: "organizations/organization/load_balancers",
                query,
                per_page: Some("200"),
                items: "load_balancers",
                id: &["id"],
                noun: "Load balancer",
                owner: format!("organization {}", quoted(organization)),
            };
            let on_error = |e| organization::not_found(e, organization);
            let read = each::read_each(ctx.client, &listing, &EACH, &ctx.budget, &on_error).await?;
            let load_balancers: Vec<_> = read
                .into_iter()
                .map(|(object, rest)| lb::whole(object, rest))
                .collect();
            Ok(Computed::from([
                ("id".to_owned(), Value::from(organization)),
                (
                    "load_balancers".to_owned(),
                    map_list(&load_balancers, LOAD_BALANCER, "load_balancers")?,
                ),
            ]))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use katapult_testkit::fake_api::{FakeApi, lbs};
    use std::collections::BTreeMap;
    use std::time::Duration;

    use crate::datasource::core::each::read_from;

    fn config(annotations: &[(&str, &str)]) -> Value {
        let annotations = if annotations.is_empty() {
            Value::Null
        } else {
            Value::Object(
                annotations
                    .iter()
                    .map(|(k, v)| ((*k).to_owned(), Value::from(*v)))
                    .collect(),
            )
        };
        Value::Object(BTreeMap::from([("annotations".to_owned(), annotations)]))
    }

    async fn read(api: &FakeApi, organization: &str, config: &Value) -> Result<Value, String> {
        read_from(&api.url(), organization, &LoadBalancers, config).await
    }

    fn ids(state: &Value) -> Vec<String> {
        let Value::List(items) = state.attribute("load_balancers") else {
            panic!("{state:?}");
        };
        items
            .iter()
            .map(|lb| match lb.attribute("id") {
                Value::String(id) => id.clone(),
                other => panic!("{other:?}"),
            })
            .collect()
    }

    /// Katapult's Go provider reads pages while `page < total_pages`, so it
    /// never reads the last one: of 205 load balancers over two pages of
    /// 200 it lists 200. Every page is read here, once.
    #[tokio::test]
    async fn every_page_is_read_where_the_go_provider_stops_before_the_last() {
        let api = FakeApi::start().await.unwrap();
        let state = read(&api, lbs::orgs::TWO_PAGES, &config(&[]))
            .await
            .unwrap();
        let ids = ids(&state);
        assert_eq!(ids.len(), lbs::orgs::TWO_PAGES_COUNT);
        assert_eq!(ids[204], format!("{}{:013}", lbs::GENERATED, 204));
        assert_eq!(
            api.pages(&format!("load_balancers:{}", lbs::orgs::TWO_PAGES)),
            [(1, 200), (2, 200)]
        );
        // And each load balancer is read by itself, once.
        for id in [&ids[0], &ids[200], &ids[204]] {
            assert_eq!(api.arrivals(id).len(), 1, "{id}");
        }
        assert_eq!(
            state.attribute("id"),
            &Value::from(lbs::orgs::TWO_PAGES),
            "the organization, as the Go provider's description says"
        );
    }

    /// Each load balancer's read is in the air with others: with every
    /// answer held back, the fake API sees many of them at once.
    #[tokio::test]
    async fn the_reads_of_each_load_balancer_overlap() {
        let api = FakeApi::start().await.unwrap();
        api.set_latency(Duration::from_millis(200));
        let state = read(&api, lbs::orgs::TWENTY, &config(&[])).await.unwrap();
        assert_eq!(ids(&state).len(), lbs::orgs::TWENTY_COUNT);
        let peak = api.peak_in_flight();
        assert!(
            (2..=16).contains(&peak),
            "{peak} reads at once: one at a time, or more than the provider allows"
        );
    }

    #[tokio::test]
    async fn a_load_balancer_gone_meanwhile_means_the_list_is_read_again() {
        let api = FakeApi::start().await.unwrap();
        let state = read(&api, lbs::orgs::MOVING, &config(&[])).await.unwrap();
        assert_eq!(ids(&state), [lbs::RECORDED]);
        let pages = api.pages(&format!("load_balancers:{}", lbs::orgs::MOVING));
        assert_eq!(pages.iter().filter(|(p, _)| *p == 1).count(), 2);
        let err = read(&api, lbs::orgs::ALWAYS_MOVING, &config(&[]))
            .await
            .unwrap_err();
        assert!(
            err.starts_with("Load balancer list kept changing: ")
                && err.contains("organization \"lb-always-moving\""),
            "{err}"
        );
    }

    /// The recorded list, then the written load balancer; by annotations,
    /// the one that carries them; and no private key anywhere.
    #[tokio::test]
    async fn the_sample_organization_whole_and_by_annotations() {
        let api = FakeApi::start().await.unwrap();
        let all = read(&api, lbs::orgs::ACME, &config(&[])).await.unwrap();
        assert_eq!(
            ids(&all),
            ["lb_GHtKTvgsU2iKrarc", "lb_LfGz5w5fiwOQYR6c", lbs::FULL]
        );
        let Value::List(items) = all.attribute("load_balancers") else {
            unreachable!()
        };
        assert_eq!(
            items[0].attribute("name"),
            &Value::from("tf-acc-test-data-source-minimal-aKPMLQAZq8K1-m")
        );
        assert_eq!(
            items[0].attribute("ip_address"),
            &Value::from("185.199.222.115")
        );
        // From each one's own read: what the list leaves out.
        assert_eq!(items[2].attribute("https_redirect"), &Value::Bool(true));
        assert_eq!(
            items[2].attribute("tag_ids"),
            &Value::List(vec![Value::from("tag_NqAjIfOyzSMyuFPS")])
        );
        assert!(!format!("{all:?}").contains("PRIVATE KEY"));
        let web = read(&api, lbs::orgs::ACME, &config(&[("role", "web")]))
            .await
            .unwrap();
        assert_eq!(ids(&web), [lbs::FULL]);
        let both = config(&[("role", "web"), ("env", "staging")]);
        assert!(ids(&read(&api, lbs::orgs::ACME, &both).await.unwrap()).is_empty());
    }

    /// Every recorded list reads back: each load balancer it names, by its
    /// own read, has the name and address the list gives it.
    #[tokio::test]
    async fn every_recorded_list_agrees_with_each_load_balancers_own_read() {
        let api = FakeApi::start().await.unwrap();
        for organization in [lbs::orgs::ACME, lbs::orgs::ACC_BASIC, lbs::orgs::ACC_RULES] {
            let recorded: serde_json::Value =
                serde_json::from_str(&katapult_testkit::fake_api::recorded(
                    "organizations/organization/load_balancers",
                    organization,
                ))
                .unwrap();
            let listed = recorded["load_balancers"].as_array().unwrap();
            let state = read(&api, organization, &config(&[])).await.unwrap();
            let Value::List(items) = state.attribute("load_balancers") else {
                unreachable!()
            };
            assert_eq!(items.len(), listed.len(), "{organization}");
            for (item, listed) in items.iter().zip(listed) {
                for (attribute, field) in [
                    ("id", &listed["id"]),
                    ("name", &listed["name"]),
                    ("ip_address", &listed["ip_address"]["address"]),
                    ("resource_type", &listed["resource_type"]),
                ] {
                    assert_eq!(
                        item.attribute(attribute),
                        &Value::from(field.as_str().unwrap()),
                        "{organization}: {attribute}"
                    );
                }
                assert_eq!(
                    item.attribute("data_center").attribute("id"),
                    &Value::from(listed["data_center"]["id"].as_str().unwrap())
                );
            }
        }
    }

    #[tokio::test]
    async fn empty_unknown_and_refused_organizations() {
        let api = FakeApi::start().await.unwrap();
        let empty = read(&api, lbs::orgs::EMPTY, &config(&[])).await.unwrap();
        assert!(ids(&empty).is_empty());
        let err = read(&api, "nope", &config(&[])).await.unwrap_err();
        assert!(err.starts_with("Organization not found: "), "{err}");
        let err = read(&api, lbs::orgs::SCOPE_MISSING, &config(&[]))
            .await
            .unwrap_err();
        assert!(
            err.starts_with("API key lacks the scope to read load balancers: ")
                && err.contains("\"load_balancers\", \"load_balancers:read\""),
            "{err}"
        );
    }
}
