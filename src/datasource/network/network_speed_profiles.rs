//! `katapult_network_speed_profiles`: every network speed profile of the
//! provider's organization, through
//! `GET /organizations/organization/network_speed_profiles`, every page, in
//! the API's order; and the Go provider's `id`, the organization.

use std::sync::OnceLock;

use crate::schema::{Attribute, Block, Kind};
use crate::tftypes::Value;

use crate::datasource::core::organization;
use crate::datasource::core::reads::{OrganizationUse, Reads};
use crate::datasource::core::shapes::legacy_listed::{LegacyListed, LegacySource};
use crate::datasource::core::shapes::listed::ListId;
use crate::datasource::core::source::{DataSource, ReadContext, ReadFuture};
use crate::datasource::core::timeouts::TIMEOUTS;
use crate::datasource::objects::network_speed_profile::{LIST, PROFILE, go_speeds};

pub struct NetworkSpeedProfiles;

/// The read, but for the Go provider's `0` speeds and its `id`.
static LIST_ALL: LegacyListed = LegacyListed {
    type_name: "katapult_network_speed_profiles",
    schema: &SCHEMA,
    reads: &READS,
    source: LegacySource::Organization(&LIST),
    filters: &[],
    attribute: "profiles",
    items: PROFILE,
    id: ListId::None,
};

/// The API reference lists no scope for the list.
static READS: Reads = Reads {
    what: "network speed profiles",
    scopes: &[],
    organization: OrganizationUse::Needed,
    data_center: None,
};

static SCHEMA: Block = Block {
    description: "Lists every network speed profile of the organization named by the \
                  provider's `organization` (or `KATAPULT_ORGANIZATION`), through \
                  `GET /core/v1/organizations/organization/network_speed_profiles`, following \
                  every page (Katapult's Go provider reads them all too). The API reference \
                  names no scope for it.",
    attributes: &[
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
    blocks: &[TIMEOUTS],
    type_cache: OnceLock::new(),
};

impl DataSource for NetworkSpeedProfiles {
    fn type_name(&self) -> &'static str {
        LIST_ALL.type_name
    }

    fn schema(&self) -> &'static Block {
        &SCHEMA
    }

    fn reads(&self) -> Reads {
        READS
    }

    fn read<'a>(&'a self, ctx: &'a ReadContext<'a>, config: &'a Value) -> ReadFuture<'a> {
        Box::pin(async move {
            let mut state = LIST_ALL.read(ctx, config).await?;
            if let Some(Value::List(profiles)) = state.get_mut(LIST_ALL.attribute) {
                for profile in profiles {
                    if let Value::Object(fields) = profile {
                        go_speeds(fields);
                    }
                }
            }
            let organization = organization::name(ctx, LIST.plural)?;
            state.insert("id".to_owned(), Value::from(organization));
            Ok(state)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::provider::read_for_test as read_for;
    use crate::tftypes::Number;

    /// Every page, and the Go provider's speeds and `id`.
    #[tokio::test]
    async fn every_page_is_read() {
        use katapult_testkit::fake_api::{FakeApi, orgs};
        let api = FakeApi::start().await.unwrap();
        let state = read_for(&api, orgs::BIGCO, &NetworkSpeedProfiles, &[])
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
