//! `katapult_disk_templates`: the disk templates the provider's
//! organization may use, through `GET /organizations/_/disk_templates`
//! (every page), in the API's order, as Katapult's Go provider keeps them.
//! A `Custom`: its `include_universal` defaults to `true`, is written back,
//! and is sent by its presence alone (a `false` sends nothing), which no
//! `Listed` filter says.

use crate::schema::{Attribute, Kind};
use crate::tftypes::Value;

use crate::datasource::core::error::ReadError;
use crate::datasource::core::mapping::map_list;
use crate::datasource::core::organization;
use crate::datasource::core::reads::OrganizationUse;
use crate::datasource::core::shapes::custom::{Custom, only_timeouts};
use crate::datasource::core::source::{Computed, ReadContext, ReadFuture};
use crate::datasource::objects::disk_template::{DISK_TEMPLATE_OBJECT, LIST, TEMPLATE};

pub static DISK_TEMPLATES: Custom = Custom {
    type_name: "katapult_disk_templates",
    of: &DISK_TEMPLATE_OBJECT,
    paths: &[LIST.path],
    arguments: &[Attribute::optional_computed(
        "include_universal",
        Kind::Bool,
        "Whether the templates Katapult offers every organization are listed too, beside the \
         organization's own. Defaults to `true`.",
    )],
    fields: &[
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
    summary: "Lists the disk templates the organization named by the provider's `organization` \
              (or `KATAPULT_ORGANIZATION`) may install from, following every page.",
    organization: OrganizationUse::Needed,
    data_center: None,
    validate: only_timeouts,
    read,
    ephemeral: false,
};

fn read<'a>(ctx: &'a ReadContext<'a>, config: &'a Value) -> ReadFuture<'a> {
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
