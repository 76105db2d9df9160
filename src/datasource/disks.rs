//! `katapult_disks`: every disk of the provider's organization, through
//! `GET /organizations/organization/disks`, page after page, ordered by id.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use crate::katapult;
use crate::schema::{Attribute, Block, Kind};
use crate::tftypes::Value;

use super::disk::{VIRTUAL_MACHINE_DISK, VIRTUAL_MACHINE_FQDN, VIRTUAL_MACHINE_ID};
use super::mapping::map_list;
use super::pager::{self, Listing};
use super::{
    DataSource, ReadContext, ReadError, ReadFuture, TIMEOUTS, read_budget, timeouts_state,
};

pub struct Disks;

/// The most the API lists on a page, and what is asked for.
const PER_PAGE: &str = "200";

/// One disk as the list gives it: a subset of `katapult_disk`, with the Go
/// provider's flat names.
const DISK: &[Attribute] = &[
    Attribute::computed("id", Kind::String, "The disk's ID."),
    Attribute::computed("name", Kind::String, "The disk's name."),
    Attribute::computed("size_in_gb", Kind::Number, "The disk's size in GB."),
    Attribute::computed("wwn", Kind::String, "The disk's World Wide Name."),
    Attribute::computed(
        "state",
        Kind::String,
        "The disk's state, e.g. `built` (values Katapult adds later are passed through).",
    ),
    VIRTUAL_MACHINE_ID,
    VIRTUAL_MACHINE_FQDN,
    Attribute::computed(
        "virtual_machine_disk",
        Kind::Object(VIRTUAL_MACHINE_DISK),
        "The disk's attachment to a virtual machine; null when it is not attached.",
    ),
];

static SCHEMA: Block = Block {
    description: "Lists every disk of the organization named by the provider's `organization` \
                  (or `KATAPULT_ORGANIZATION`), through \
                  `GET /core/v1/organizations/organization/disks`, following every page. Needs \
                  an API token with the `disks` or `disks:read` scope. For everything Katapult \
                  knows of one disk, use `katapult_disk` with its ID.",
    attributes: &[Attribute::computed(
        "disks",
        Kind::ObjectList(DISK),
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

    fn read<'a>(&'a self, ctx: &'a ReadContext<'a>, config: &'a Value) -> ReadFuture<'a> {
        Box::pin(async move {
            let organization = ctx.organization("disks")?;
            let budget = read_budget(ctx, config)?;
            let listing = Listing {
                path: "organizations/organization/disks",
                query: vec![("organization[sub_domain]", organization)],
                per_page: Some(PER_PAGE),
                // The list's key is the singular `disk`.
                items: "disk",
                id: &["id"],
                noun: "Disk",
                owner: format!("organization {}", crate::text::quoted(organization)),
            };
            let on_error = |e| organization_error(e, organization);
            let mut disks = pager::read_all(ctx.client, &listing, &budget, &on_error).await?;
            pager::sort_by_id(&mut disks, &["id"]);
            let items = map_list(&disks, DISK, "disks")?;
            let state = BTreeMap::from([
                ("disks".to_owned(), items),
                ("timeouts".to_owned(), timeouts_state(config)),
            ]);
            Ok(Value::Object(state))
        })
    }
}

/// What the API's errors mean for a listing of `organization`.
pub(super) fn organization_error(error: katapult::Error, organization: &str) -> ReadError {
    let shown = crate::text::quoted(organization);
    match error {
        katapult::Error::NotFound { .. } => ReadError::Missing {
            summary: "Organization not found".to_owned(),
            detail: format!(
                "Katapult has no organization with the sub-domain {shown} that this API \
                 key can see. Check `organization` in the provider block (or \
                 KATAPULT_ORGANIZATION): it is the organization's sub-domain, as in the Katapult \
                 console's URL."
            ),
            at: None,
        },
        error => ReadError::Api(error),
    }
}
