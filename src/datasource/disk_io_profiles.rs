//! `katapult_disk_io_profiles`: every disk I/O profile of the provider's
//! organization, through `GET /organizations/organization/disk_io_profiles`
//! (every page), ordered by id as Katapult's Go provider orders them.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde_json::{Map, Value as Json};

use crate::katapult;
use crate::schema::{Attribute, Block, Kind};
use crate::tftypes::Value;

use super::disk_io_profile::PROFILE;
use super::disks::organization_error;
use super::mapping::map_list;
use super::pager::{self, Listing};
use super::{
    DataSource, ReadContext, ReadError, ReadFuture, TIMEOUTS, read_budget, timeouts_state,
};

pub struct DiskIoProfiles;

static SCHEMA: Block = Block {
    description: "Lists every disk I/O profile of the organization named by the provider's \
                  `organization` (or `KATAPULT_ORGANIZATION`), through \
                  `GET /core/v1/organizations/organization/disk_io_profiles`, following every \
                  page.",
    attributes: &[Attribute::computed(
        "profiles",
        Kind::ObjectList(PROFILE),
        "The organization's disk I/O profiles, ordered by ID (as in Katapult's Go provider; the \
         API's own order differs). A profile whose `speed_in_mb` or `iops` is null is unlimited \
         in that respect.",
    )],
    blocks: &[TIMEOUTS],
    type_cache: OnceLock::new(),
};

impl DataSource for DiskIoProfiles {
    fn type_name(&self) -> &'static str {
        "katapult_disk_io_profiles"
    }

    fn schema(&self) -> &'static Block {
        &SCHEMA
    }

    fn read<'a>(&'a self, ctx: &'a ReadContext<'a>, config: &'a Value) -> ReadFuture<'a> {
        Box::pin(async move {
            let organization = ctx.organization("disk I/O profiles")?;
            let budget = read_budget(ctx, config)?;
            let profiles = all_profiles(ctx, &budget, organization).await?;
            let items = map_list(&profiles, PROFILE, "profiles")?;
            Ok(Value::Object(BTreeMap::from([
                ("profiles".to_owned(), items),
                ("timeouts".to_owned(), timeouts_state(config)),
            ])))
        })
    }
}

/// Every disk I/O profile of `organization`, ordered by id: the one
/// reading of the list, for the lookup of one profile and the list alike.
pub(super) async fn all_profiles(
    ctx: &ReadContext<'_>,
    budget: &katapult::Budget,
    organization: &str,
) -> Result<Vec<Map<String, Json>>, ReadError> {
    let listing = Listing {
        path: "organizations/organization/disk_io_profiles",
        query: vec![("organization[sub_domain]", organization)],
        per_page: Some("200"),
        items: "disk_io_profiles",
        id: &["id"],
        noun: "Disk I/O profile",
        owner: format!("organization {}", crate::text::quoted(organization)),
    };
    let on_error = |e| organization_error(e, organization);
    let mut profiles = pager::read_all(ctx.client, &listing, budget, &on_error).await?;
    pager::sort_by_id(&mut profiles, &["id"]);
    Ok(profiles)
}
