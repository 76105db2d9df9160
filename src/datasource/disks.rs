//! `katapult_disks`: every disk of the provider's organization, through
//! `GET /organizations/organization/disks`, page after page, ordered by id.

use std::sync::OnceLock;

use crate::schema::{Attribute, Block, Kind};
use crate::tftypes::Value;

use super::mapping::map_list;
use super::objects::disk::{LIST, LISTED};
use super::organization;
use super::reads::{OrganizationUse, Reads};
use super::source::{Computed, DataSource, ReadContext, ReadFuture};
use super::timeouts::TIMEOUTS;

pub struct Disks;

static READS: Reads = Reads {
    what: "disks",
    scopes: &["disks", "disks:read"],
    organization: OrganizationUse::Needed,
    data_center: None,
};

static SCHEMA: Block = Block {
    description: "Lists every disk of the organization named by the provider's `organization` \
                  (or `KATAPULT_ORGANIZATION`), through \
                  `GET /core/v1/organizations/organization/disks`, following every page. Needs \
                  an API token with the `disks` or `disks:read` scope. For everything Katapult \
                  knows of one disk, use `katapult_disk` with its ID.",
    attributes: &[Attribute::computed(
        "disks",
        Kind::ObjectList(LISTED),
        "The organization's disks, ordered by ID. Should the list change while it is read \
         (a disk created or deleted between two pages), the read starts again, up to twice, \
         so the result is one consistent listing.",
    )],
    blocks: &[TIMEOUTS],
    type_cache: OnceLock::new(),
};

impl DataSource for Disks {
    fn type_name(&self) -> &'static str {
        "katapult_disks"
    }

    fn schema(&self) -> &'static Block {
        &SCHEMA
    }

    fn reads(&self) -> &'static Reads {
        &READS
    }

    fn read<'a>(&'a self, ctx: &'a ReadContext<'a>, _config: &'a Value) -> ReadFuture<'a> {
        Box::pin(async move {
            let disks = organization::list_all(ctx, &LIST, &[]).await?;
            Ok(Computed::from([(
                "disks".to_owned(),
                map_list(&disks, LISTED, "disks")?,
            )]))
        })
    }
}
