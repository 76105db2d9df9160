//! `katapult_disk_io_profile`: one disk I/O profile of the provider's
//! organization, by `id` or `permalink`. Katapult has no single-profile
//! endpoint: the organization's list is read (every page) and matched
//! exactly, as Katapult's Go provider does.

use std::sync::OnceLock;

use crate::diag::Diagnostic;
use crate::schema::{Attribute, Block, Kind};
use crate::text::{quoted, shown};
use crate::tftypes::{AttributePath, Value};

use crate::datasource::core::error::ReadError;
use crate::datasource::core::lookup::{Key, Lookup, Rule};
use crate::datasource::core::mapping::map_object;
use crate::datasource::core::organization;
use crate::datasource::core::reads::{OrganizationUse, Reads};
use crate::datasource::core::source::{DataSource, ReadContext, ReadFuture};
use crate::datasource::core::timeouts::TIMEOUTS;
use crate::datasource::objects::io_profile::{IOPS, LIST, NAME, SPEED_IN_MB};

pub struct DiskIoProfile;

static READS: Reads = Reads {
    what: "disk I/O profiles",
    scopes: &[],
    organization: OrganizationUse::Needed,
    data_center: None,
};

/// Matched in the organization's list, by the items' fields.
static LOOKUP: Lookup = Lookup {
    subject: "disk I/O profile",
    keys: &[
        Key::new("id", "id", "ID", ""),
        Key::new("permalink", "permalink", "permalink", ""),
    ],
    rule: Rule::ExactlyOne,
    example: None,
    not_found: "disk_io_profile_not_found",
    hint: "",
};

static SCHEMA: Block = Block {
    description: "Looks up one disk I/O profile of the organization named by the provider's \
                  `organization` (or `KATAPULT_ORGANIZATION`) by its `id` or its `permalink` \
                  (exactly one), through `GET /core/v1/organizations/organization/disk_io_profiles`. \
                  A profile limits a disk's throughput and IO operations; use its `id` where a \
                  disk's IO profile is asked for.",
    attributes: &[
        Attribute::optional_computed(
            "id",
            Kind::String,
            "The IO profile's ID, e.g. `diop_i39iT7k0RYAdQP48`. Set this or `permalink`.",
        ),
        Attribute::optional_computed(
            "permalink",
            Kind::String,
            "The IO profile's permalink, e.g. `unrestricted`. Set this or `id`.",
        ),
        NAME,
        SPEED_IN_MB,
        IOPS,
    ],
    blocks: &[TIMEOUTS],
    type_cache: OnceLock::new(),
};

impl DataSource for DiskIoProfile {
    fn type_name(&self) -> &'static str {
        "katapult_disk_io_profile"
    }

    fn schema(&self) -> &'static Block {
        &SCHEMA
    }

    fn reads(&self) -> Reads {
        READS
    }

    fn validate(&self, config: &Value) -> Vec<Diagnostic> {
        LOOKUP.validate(config)
    }

    fn read<'a>(&'a self, ctx: &'a ReadContext<'a>, config: &'a Value) -> ReadFuture<'a> {
        Box::pin(async move {
            let given = LOOKUP.read(config)?[0];
            let organization = organization::name(ctx, LIST.plural)?;
            let profiles = organization::list_of(ctx, &LIST, organization, &[]).await?;
            let field = given.key.parameter;
            let Some(profile) = profiles
                .iter()
                .find(|p| p.get(field).and_then(|v| v.as_str()) == Some(given.value))
            else {
                let known: Vec<&str> = profiles
                    .iter()
                    .filter_map(|p| p.get("permalink").and_then(|v| v.as_str()))
                    .take(20)
                    .collect();
                return Err(ReadError::Missing {
                    summary: "Disk I/O profile not found".to_owned(),
                    detail: format!(
                        "No disk I/O profile with {field} {} exists in organization {}. Its \
                         profiles' permalinks are: {}.",
                        quoted(given.value),
                        quoted(organization),
                        if known.is_empty() {
                            "none".to_owned()
                        } else {
                            shown(&known.join(", "), 500)
                        }
                    ),
                    at: Some(given.at()),
                });
            };
            Ok(map_object(
                profile,
                SCHEMA.attributes,
                &AttributePath::default(),
            )?)
        })
    }
}
