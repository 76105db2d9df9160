//! `katapult_disk_templates`: the disk templates the provider's
//! organization may use, through `GET /organizations/_/disk_templates`
//! (every page), in the API's order, as Katapult's Go provider keeps them.

use std::sync::OnceLock;

use crate::schema::{Attribute, Block, Kind};
use crate::tftypes::Value;

use crate::datasource::core::error::ReadError;
use crate::datasource::core::mapping::map_list;
use crate::datasource::core::organization;
use crate::datasource::core::reads::{OrganizationUse, Reads};
use crate::datasource::core::source::{Computed, DataSource, ReadContext, ReadFuture};
use crate::datasource::core::timeouts::TIMEOUTS;
use crate::datasource::objects::disk_template::{LIST, TEMPLATE};

pub struct DiskTemplates;

static READS: Reads = Reads {
    what: "disk templates",
    scopes: &["disk_templates", "disk_templates:read"],
    organization: OrganizationUse::Needed,
    data_center: None,
};

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

    fn reads(&self) -> Reads {
        READS
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
            let organization = organization::name(ctx, LIST.plural)?;
            // The API takes the parameter by its presence alone: false sends none.
            let extra: &[_] = if include_universal {
                &[("include_universal", "true")]
            } else {
                &[]
            };
            let templates = organization::list_of(ctx, &LIST, organization, extra).await?;
            Ok(Computed::from([
                (
                    "include_universal".to_owned(),
                    Value::Bool(include_universal),
                ),
                ("id".to_owned(), Value::from(organization)),
                (
                    "templates".to_owned(),
                    map_list(&templates, TEMPLATE, "templates")?,
                ),
            ]))
        })
    }
}
