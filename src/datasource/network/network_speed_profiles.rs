//! `katapult_network_speed_profiles`: every network speed profile of the
//! provider's organization, every page, in the API's order; and the Go
//! provider's `id`, the organization.
//!
//! A `Custom` only for the Go provider's `0` speeds in each profile:
//! `Listed` has no hook for its items.

use crate::schema::{Attribute, Kind};
use crate::tftypes::Value;

use crate::datasource::core::mapping::map_list;
use crate::datasource::core::organization;
use crate::datasource::core::reads::OrganizationUse;
use crate::datasource::core::shapes::custom::{Custom, only_timeouts};
use crate::datasource::core::source::Answers;
use crate::datasource::core::source::{Computed, ReadContext, ReadFuture};
use crate::datasource::objects::network_speed_profile::{
    LIST, NETWORK_SPEED_PROFILE_OBJECT, PROFILE, go_speeds,
};

pub static NETWORK_SPEED_PROFILES: Custom = Custom {
    type_name: "katapult_network_speed_profiles",
    of: &NETWORK_SPEED_PROFILE_OBJECT,
    paths: &[LIST.path],
    arguments: &[],
    fields: &[
        Attribute::computed(
            "id",
            Kind::String,
            "The provider's organization, whose profiles these are. As in Katapult's Go \
             provider.",
        ),
        Attribute::computed(
            "profiles",
            Kind::ObjectList(PROFILE),
            "The organization's network speed profiles, in the API's order (as in Katapult's \
             Go provider).",
        ),
    ],
    summary: "Lists every network speed profile of the organization named by the provider's \
              `organization` (or `KATAPULT_ORGANIZATION`), following every page (Katapult's Go \
              provider reads them all too).",
    organization: OrganizationUse::Needed,
    data_center: None,
    validate: only_timeouts,
    read,
    ephemeral: false,
    answers: Some(Answers {
        path: "organizations/organization/network_speed_profiles",
        argument: None,
    }),
};

fn read<'a>(ctx: &'a ReadContext<'a>, _config: &'a Value) -> ReadFuture<'a> {
    Box::pin(async move {
        let organization = organization::name(ctx, LIST.plural)?;
        let items = organization::list_of(ctx, &LIST, organization, &[]).await?;
        let mut profiles = map_list(&items, PROFILE, "profiles")?;
        if let Value::List(profiles) = &mut profiles {
            for profile in profiles {
                if let Value::Object(fields) = profile {
                    go_speeds(fields);
                }
            }
        }
        Ok(Computed::from([
            ("id".to_owned(), Value::from(organization)),
            ("profiles".to_owned(), profiles),
        ]))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::datasource::core::testing;
    use crate::tftypes::Number;

    /// Every page, and the Go provider's speeds and `id`.
    #[tokio::test]
    async fn every_page_is_read() {
        use katapult_testkit::fake_api::{FakeApi, orgs};
        let api = FakeApi::start().await.unwrap();
        let state = testing::read(
            &api.url(),
            orgs::BIGCO,
            &NETWORK_SPEED_PROFILES,
            &testing::config(&[]),
        )
        .await
        .unwrap();
        assert_eq!(state.attribute("id"), &Value::from(orgs::BIGCO));
        let Value::List(profiles) = state.attribute("profiles") else {
            panic!("{state:?}")
        };
        assert_eq!(profiles.len(), orgs::BIGCO_NETWORK_ITEMS);
        let last = &profiles[204];
        assert_eq!(last.attribute("permalink"), &Value::from("bigco-204"));
        assert_eq!(
            last.attribute("download_speed"),
            &Value::Number(Number::Int(0))
        );
        assert_eq!(last.attribute("download_speed_in_mbit"), &Value::Null);
        assert_eq!(
            profiles[203].attribute("download_speed"),
            &Value::Number(Number::Int(2040))
        );
        assert_eq!(
            api.pages(&format!("speed_profiles:{}", orgs::BIGCO)),
            [(1, 200), (2, 200)]
        );
    }
}
