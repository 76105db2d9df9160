//! `katapult_disk_templates`: the disk templates the provider's
//! organization may use, through `GET /organizations/_/disk_templates`
//! (every page), in the API's order, as Katapult's Go provider keeps them.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde_json::{Map, Value as Json};

use crate::katapult;
use crate::schema::{Attribute, Block, Kind};
use crate::tftypes::Value;

use super::disk_template::TEMPLATE;
use super::disks::organization_error;
use super::mapping::map_list;
use super::pager::{self, Listing};
use super::{
    DataSource, ReadContext, ReadError, ReadFuture, TIMEOUTS, read_budget, timeouts_state,
};

pub struct DiskTemplates;

static SCHEMA: Block = Block {
    description: "Lists the disk templates the organization named by the provider's \
                  `organization` (or `KATAPULT_ORGANIZATION`) may install from, through \
                  `GET /core/v1/organizations/_/disk_templates`, following every page.",
    attributes: &[
        Attribute::optional_computed(
            "include_universal",
            Kind::Bool,
            "Whether the templates Katapult offers every organization are listed too, beside \
             the organization's own. Defaults to `true`.",
        ),
        Attribute::computed(
            "id",
            Kind::String,
            "The organization's sub-domain, as in Katapult's Go provider.",
        ),
        Attribute::computed(
            "templates",
            Kind::ObjectList(TEMPLATE),
            "The templates, in the API's order. Each has what `katapult_disk_template` has, \
             but for the operating system's badge, which the list does not carry.",
        ),
    ],
    blocks: &[TIMEOUTS],
    type_cache: OnceLock::new(),
};

impl DataSource for DiskTemplates {
    fn type_name(&self) -> &'static str {
        "katapult_disk_templates"
    }

    fn schema(&self) -> &'static Block {
        &SCHEMA
    }

    fn read<'a>(&'a self, ctx: &'a ReadContext<'a>, config: &'a Value) -> ReadFuture<'a> {
        Box::pin(async move {
            let include_universal = match config.attribute("include_universal") {
                Value::Bool(include) => *include,
                Value::Unknown => {
                    return Err(ReadError::Config {
                        attribute: "include_universal",
                        problem: "not known yet",
                    });
                }
                _ => true,
            };
            let organization = ctx.organization("disk templates")?;
            let budget = read_budget(ctx, config)?;
            let templates =
                organization_templates(ctx, &budget, organization, include_universal).await?;
            let items = map_list(&templates, TEMPLATE, "templates")?;
            Ok(Value::Object(BTreeMap::from([
                (
                    "include_universal".to_owned(),
                    Value::Bool(include_universal),
                ),
                ("id".to_owned(), Value::from(organization)),
                ("templates".to_owned(), items),
                ("timeouts".to_owned(), timeouts_state(config)),
            ])))
        })
    }
}

/// Every template `organization` may use, in the API's order.
/// `include_universal` false sends no such parameter (the API takes only
/// its presence, as recorded).
pub(super) async fn organization_templates(
    ctx: &ReadContext<'_>,
    budget: &katapult::Budget,
    organization: &str,
    include_universal: bool,
) -> Result<Vec<Map<String, Json>>, ReadError> {
    let mut query = vec![("organization[sub_domain]", organization)];
    if include_universal {
        query.insert(0, ("include_universal", "true"));
    }
    let listing = Listing {
        path: "organizations/_/disk_templates",
        query,
        per_page: None,
        items: "disk_templates",
        id: &["id"],
        noun: "Disk template",
        owner: format!("organization {}", crate::text::quoted(organization)),
    };
    let on_error = |e| organization_error(e, organization);
    pager::read_all(ctx.client, &listing, budget, &on_error).await
}
