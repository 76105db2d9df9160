//! `katapult_network_speed_profiles`: every network speed profile of the
//! provider's organization, through
//! `GET /organizations/organization/network_speed_profiles`, every page, in
//! the API's order; and the Go provider's `id`, the organization.

use std::sync::OnceLock;

use crate::schema::{Attribute, Block, Kind};
use crate::tftypes::Value;

use super::listed::{Listed, Source};
use super::objects::network_speed_profile::{LIST, PROFILE, go_speeds};
use super::organization;
use super::reads::{OrganizationUse, Reads};
use super::source::{DataSource, ReadContext, ReadFuture};
use super::timeouts::TIMEOUTS;

pub struct NetworkSpeedProfiles;

/// The read, but for the Go provider's `0` speeds and its `id`.
static LIST_ALL: Listed = Listed {
    type_name: "katapult_network_speed_profiles",
    schema: &SCHEMA,
    reads: &READS,
    source: Source::Organization(&LIST),
    filters: &[],
    attribute: "profiles",
    items: PROFILE,
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

    fn reads(&self) -> &'static Reads {
        &READS
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
