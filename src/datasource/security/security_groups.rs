//! `katapult_security_groups`: every security group of the provider's
//! organization, or those with given annotations (every page), in the
//! API's order; with `include_rules`, each group's rules too.
//!
//! The list holds no rules, so with `include_rules` each group's rules are
//! then read (every page), many groups at once within the rate-limit
//! budget and the read's one deadline (Katapult's Go provider reads them
//! one group after another). A group gone between the list and its rules
//! means the list moved: the whole is read again, as any listing that
//! changes. A `Custom`: a `Listed` reads one endpoint.

use serde_json::{Map, Value as Json};

use crate::diag::Diagnostic;
use crate::katapult;
use crate::schema::{Attribute, Kind};
use crate::text::quoted;
use crate::tftypes::{AttributePath, Value};

use crate::datasource::core::error::ReadError;
use crate::datasource::core::mapping::map_list;
use crate::datasource::core::organization;
use crate::datasource::core::pager::{self, Listing, Pass};
use crate::datasource::core::reads::OrganizationUse;
use crate::datasource::core::shapes::custom::Custom;
use crate::datasource::core::shapes::listed::{ANNOTATIONS, Filter};
use crate::datasource::core::source::Answers;
use crate::datasource::core::source::{Computed, ReadContext, ReadFuture};
use crate::datasource::core::timeouts;
use crate::datasource::objects::security_group::{
    ALLOW_ALL_INBOUND, ALLOW_ALL_OUTBOUND, ASSOCIATIONS, BY_ID, ID, INBOUND_RULES, LIST, NAME,
    OUTBOUND_RULES, RULES, SECURITY_GROUP_OBJECT, with_rules,
};

const INCLUDE_RULES: &str = "include_rules";

/// A group as listed, with the Go provider's `include_rules` and, when
/// read, its rules.
const GROUP: &[Attribute] = &[
    ID,
    NAME,
    ALLOW_ALL_INBOUND,
    ALLOW_ALL_OUTBOUND,
    ASSOCIATIONS,
    Attribute::computed(
        INCLUDE_RULES,
        Kind::Bool,
        "Whether this group's rules were read: the data source's `include_rules`. (Katapult's \
         Go provider has the attribute here too, always false.)",
    ),
    Attribute::computed(
        INBOUND_RULES.name,
        INBOUND_RULES.kind,
        "The group's inbound rules, in the API's order. Null when `include_rules` is false \
         (not read, rather than an empty list that would say the group has none).",
    ),
    Attribute::computed(
        OUTBOUND_RULES.name,
        OUTBOUND_RULES.kind,
        "The group's outbound rules, in the API's order. Null when `include_rules` is false.",
    ),
];

pub static SECURITY_GROUPS: Custom = Custom {
    type_name: "katapult_security_groups",
    of: &SECURITY_GROUP_OBJECT,
    paths: &[LIST.path, RULES.path],
    arguments: &[
        Attribute::optional_computed(
            INCLUDE_RULES,
            Kind::Bool,
            "Whether each group's rules are read into its `inbound_rules` and `outbound_rules`: \
             one more listing per group, read many at once. Defaults to `false`.",
        ),
        ANNOTATIONS,
    ],
    fields: &[
        Attribute::computed(
            "id",
            Kind::String,
            "The organization's sub-domain, as in Katapult's Go provider.",
        ),
        Attribute::computed(
            "security_groups",
            Kind::ObjectList(GROUP),
            "The organization's security groups, in the API's order. Should the list change \
             while it is read (a group created or deleted between two pages, or before its \
             rules are read), the read starts again, up to twice, so the result is one \
             consistent listing.",
        ),
    ],
    summary: "Lists every security group of the organization named by the provider's \
              `organization` (or `KATAPULT_ORGANIZATION`), or those with given annotations, \
              following every page; with `include_rules`, each group's rules too (every page, \
              many groups at once). For a group's annotations, use `katapult_security_group` \
              with its ID.",
    organization: OrganizationUse::Needed,
    data_center: None,
    validate,
    read,
    ephemeral: false,
    answers: Some(Answers {
        path: "organizations/organization/security_groups",
        argument: None,
    }),
};

fn validate(config: &Value) -> Vec<Diagnostic> {
    timeouts::validate(config)
        .into_iter()
        .chain(Filter::Annotations.validate(config))
        .collect()
}

fn read<'a>(ctx: &'a ReadContext<'a>, config: &'a Value) -> ReadFuture<'a> {
    Box::pin(async move {
        let include_rules = match config.attribute(INCLUDE_RULES) {
            Value::Bool(include) => *include,
            Value::Unknown => {
                return Err(ReadError::Config {
                    attribute: INCLUDE_RULES,
                    problem: "not known yet",
                });
            }
            _ => false,
        };
        let query = Filter::Annotations.query(config)?;
        let organization = organization::name(ctx, LIST.plural)?;
        let mut groups = if include_rules {
            with_each_groups_rules(ctx, organization, &query).await?
        } else {
            organization::list_of(ctx, &LIST, organization, &query).await?
        };
        for group in &mut groups {
            group.insert(INCLUDE_RULES.to_owned(), Json::Bool(include_rules));
        }
        Ok(Computed::from([
            (INCLUDE_RULES.to_owned(), Value::Bool(include_rules)),
            ("id".to_owned(), Value::from(organization)),
            (
                "security_groups".to_owned(),
                map_list(&groups, GROUP, "security_groups")?,
            ),
        ]))
    })
}

/// The organization's groups, each with its rules, from one consistent
/// pass: read again when a group is gone by the time its rules are read.
async fn with_each_groups_rules(
    ctx: &ReadContext<'_>,
    organization: &str,
    query: &[(&'static str, &str)],
) -> Result<Vec<Map<String, Json>>, ReadError> {
    // For the words of an error, should the list never hold still.
    let listing = Listing {
        path: LIST.path,
        query: Vec::new(),
        per_page: LIST.per_page,
        items: LIST.items,
        id: &["id"],
        noun: LIST.noun,
        owner: format!("organization {}", quoted(organization)),
    };
    pager::consistent(&listing, move || async move {
        let groups = organization::list_of(ctx, &LIST, organization, query).await?;
        with_rules_of(ctx, groups).await
    })
    .await
}

/// Each of `groups` with its rules, the groups' listings read at once.
async fn with_rules_of(
    ctx: &ReadContext<'_>,
    mut groups: Vec<Map<String, Json>>,
) -> Result<Pass<Vec<Map<String, Json>>>, ReadError> {
    let ids: Vec<String> = groups
        .iter()
        .map(|group| pager::item_id(group, &["id"]).unwrap_or_default())
        .collect();
    let listings: Vec<Listing> = ids
        .iter()
        .map(|id| Listing {
            path: RULES.path,
            query: vec![(BY_ID, id.as_str())],
            per_page: RULES.per_page,
            items: RULES.items,
            id: &["id"],
            noun: RULES.noun,
            owner: format!("security group {}", quoted(id)),
        })
        .collect();
    let on_error = |e: katapult::Error| ReadError::Api(e);
    let each = pager::read_each(ctx.client, &listings, &ctx.budget, &on_error).await;
    for (i, ((group, rules), id)) in groups.iter_mut().zip(each).zip(&ids).enumerate() {
        match rules {
            Ok(rules) => with_rules(
                group,
                rules,
                &AttributePath::root("security_groups").index(i),
            )?,
            // Deleted since the list was read: the list moved.
            Err(ReadError::Api(katapult::Error::NotFound { code }))
                if code == SECURITY_GROUP_OBJECT.not_found =>
            {
                tracing::debug!(
                    group = id,
                    "A listed security group is gone; reading the list again"
                );
                return Ok(Pass::Changed);
            }
            Err(error) => return Err(error),
        }
    }
    Ok(Pass::Complete(groups))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::datasource::core::source::DataSource;
    use std::collections::BTreeMap;
    use std::time::Duration;

    use katapult_testkit::fake_api::{FakeApi, security_groups as sg};

    fn config(include_rules: bool, annotations: &[(&str, &str)]) -> Value {
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
        Value::Object(BTreeMap::from([
            (INCLUDE_RULES.to_owned(), Value::Bool(include_rules)),
            ("annotations".to_owned(), annotations),
            ("timeouts".to_owned(), Value::Null),
        ]))
    }

    async fn read_with(
        api: &FakeApi,
        organization: &str,
        config: &Value,
    ) -> Result<Value, ReadError> {
        crate::datasource::core::testing::read(&api.url(), organization, &SECURITY_GROUPS, config)
            .await
    }

    async fn read(api: &FakeApi, organization: &str, include_rules: bool) -> Value {
        read_with(api, organization, &config(include_rules, &[]))
            .await
            .unwrap()
    }

    fn groups(state: &Value) -> &[Value] {
        match state.attribute("security_groups") {
            Value::List(groups) => groups,
            other => panic!("{other:?}"),
        }
    }

    /// The groups' rule listings overlap: with every answer 50 ms late,
    /// the fake API sees many in flight at once, and each listing once.
    #[tokio::test]
    async fn each_groups_rules_are_read_at_once() {
        let api = FakeApi::start().await.unwrap();
        api.set_latency(Duration::from_millis(50));
        let state = read(&api, sg::TWENTY, true).await;
        let listed = groups(&state);
        assert_eq!(listed.len(), sg::TWENTY_GROUPS);
        for group in listed {
            assert_eq!(group.attribute("include_rules"), &Value::Bool(true));
            let (Value::List(inbound), Value::List(outbound)) = (
                group.attribute("inbound_rules"),
                group.attribute("outbound_rules"),
            ) else {
                panic!("{group:?}")
            };
            assert_eq!((inbound.len(), outbound.len()), (1, 1), "{group:?}");
        }
        // One list, then one listing per group, each a page.
        assert_eq!(api.requests(), 1 + sg::TWENTY_GROUPS);
        assert!(
            api.peak_in_flight() >= 10,
            "the rules were read {} at a time",
            api.peak_in_flight()
        );
    }

    /// Without `include_rules`, the list alone: one request, the rules null.
    #[tokio::test]
    async fn without_include_rules_only_the_list_is_read() {
        let api = FakeApi::start().await.unwrap();
        let state = read(&api, sg::TWENTY, false).await;
        assert_eq!(api.requests(), 1);
        assert_eq!(state.attribute("id"), &Value::from(sg::TWENTY));
        let first = &groups(&state)[0];
        assert_eq!(first.attribute("inbound_rules"), &Value::Null);
        assert_eq!(first.attribute("include_rules"), &Value::Bool(false));
    }

    /// A group deleted between the list and its rules' read: the list is
    /// read again, once; one that never holds still ends in a clear error.
    #[tokio::test]
    async fn a_group_gone_before_its_rules_means_the_list_moved() {
        let api = FakeApi::start().await.unwrap();
        let state = read(&api, sg::MOVING, true).await;
        let listed = groups(&state);
        assert_eq!(listed.len(), 1, "{listed:?}");
        assert_eq!(listed[0].attribute("id"), &Value::from(sg::MOVING_STAY));
        assert_eq!(
            api.pages(&format!("security_groups:{}", sg::MOVING)).len(),
            2,
            "listed again once"
        );
        let err = read_with(&api, sg::ALWAYS_MOVING, &config(true, &[]))
            .await
            .unwrap_err();
        let diag = err.diagnostic(&SECURITY_GROUPS.reads());
        assert_eq!(diag.summary, "Security group list kept changing");
        assert!(
            diag.detail.contains("organization \"always-moving\""),
            "{}",
            diag.detail
        );
        assert!(diag.detail.contains("3 times running"), "{}", diag.detail);
        // Without rules, nothing is read but the list: it does not move.
        let state = read(&api, sg::MOVING, false).await;
        assert_eq!(groups(&state).len(), 1);
    }

    /// `annotations` is sent as the API's filter: only the groups carrying
    /// every pair come back.
    #[tokio::test]
    async fn annotations_narrow_the_list() {
        let api = FakeApi::start().await.unwrap();
        let all = read(&api, sg::ACME, false).await;
        assert_eq!(groups(&all).len(), 4);
        for (filter, want) in [
            (&[("role", "web")][..], vec![sg::ANNOTATED]),
            (&[("role", "web"), ("env", "prod")], vec![sg::ANNOTATED]),
            (&[("role", "web"), ("env", "dev")], vec![]),
            (&[("role", "db")], vec![]),
        ] {
            let state = read_with(&api, sg::ACME, &config(true, filter))
                .await
                .unwrap();
            let ids: Vec<&Value> = groups(&state).iter().map(|g| g.attribute("id")).collect();
            let want: Vec<Value> = want.into_iter().map(Value::from).collect();
            assert_eq!(ids, want.iter().collect::<Vec<_>>(), "{filter:?}");
        }
    }

    /// The list and every group's rules share the read's one deadline: a
    /// read whose `timeouts { read }` runs out while the rules are read
    /// ends then, with the timeout's error.
    #[tokio::test]
    async fn the_rules_share_the_reads_deadline() {
        let api = FakeApi::start().await.unwrap();
        api.set_latency(Duration::from_millis(300));
        let Value::Object(mut config) = config(true, &[]) else {
            unreachable!()
        };
        config.insert(
            "timeouts".to_owned(),
            Value::Object(BTreeMap::from([("read".to_owned(), Value::from("500ms"))])),
        );
        let started = std::time::Instant::now();
        let err = read_with(&api, sg::TWENTY, &Value::Object(config))
            .await
            .unwrap_err();
        let took = started.elapsed();
        assert!(
            matches!(
                err,
                ReadError::Api(katapult::Error::DeadlineExceeded { own: true, .. })
            ),
            "{err:?}"
        );
        assert!(took < Duration::from_millis(1500), "took {took:?}");
    }
}
