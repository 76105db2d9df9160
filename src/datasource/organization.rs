//! The organization: the provider setting that names it, the words when it
//! is missing or unknown to Katapult, and the reading of an organization's
//! lists (every page, one consistent listing).

use serde_json::{Map, Value as Json};

use crate::katapult;
use crate::text::quoted;

use super::error::ReadError;
use super::pager::{self, Listing};
use super::source::{ReadContext, Setting};

/// One of an organization's list endpoints.
#[derive(Debug)]
pub struct OrganizationList {
    /// The endpoint: `organizations/organization/disks`.
    pub path: &'static str,
    /// The answer's key for the items (`disk`, `disk_io_profiles`).
    pub items: &'static str,
    /// Sent as `per_page` when set; else the API's own page size applies.
    pub per_page: Option<&'static str>,
    /// One item, for messages: "Disk I/O profile".
    pub noun: &'static str,
    /// The items, for messages: "disk I/O profiles".
    pub plural: &'static str,
    /// Ordered by id, as Katapult's Go provider orders such lists; else in
    /// the API's order.
    pub by_id: bool,
}

/// The organization a read of `what` (plural: "disks") needs, or the error
/// saying where to set it.
pub fn name<'a>(ctx: &ReadContext<'a>, what: &str) -> Result<&'a str, ReadError> {
    match ctx.organization {
        Setting::Set(name) if !name.is_empty() => return Ok(name),
        Setting::Unknown => return Err(ReadError::SettingUnknown("organization")),
        Setting::Set(_) | Setting::Unset => {}
    }
    Err(ReadError::Missing {
        summary: format!("No organization to list {what} of"),
        detail: format!(
            "Katapult lists {what} per organization: set `organization` in the provider \
             \"katapult\" block, or the KATAPULT_ORGANIZATION environment variable, to its \
             sub-domain (as in the Katapult console's URL)."
        ),
        at: None,
    })
}

/// Every item of the provider's organization's `list`, with `extra` sent
/// before the organization on every page.
pub async fn list_all(
    ctx: &ReadContext<'_>,
    list: &OrganizationList,
    extra: &[(&'static str, &str)],
) -> Result<Vec<Map<String, Json>>, ReadError> {
    let organization = name(ctx, list.plural)?;
    list_of(ctx, list, organization, extra).await
}

/// Every item of `organization`'s `list`: see `list_all`.
pub async fn list_of(
    ctx: &ReadContext<'_>,
    list: &OrganizationList,
    organization: &str,
    extra: &[(&'static str, &str)],
) -> Result<Vec<Map<String, Json>>, ReadError> {
    let mut query = extra.to_vec();
    query.push(("organization[sub_domain]", organization));
    let listing = Listing {
        path: list.path,
        query,
        per_page: list.per_page,
        items: list.items,
        id: &["id"],
        noun: list.noun,
        owner: format!("organization {}", quoted(organization)),
    };
    let on_error = |e| not_found(e, organization);
    let mut items = pager::read_all(ctx.client, &listing, &ctx.budget, &on_error).await?;
    if list.by_id {
        pager::sort_by_id(&mut items, &["id"]);
    }
    Ok(items)
}

/// What the API's errors mean for a listing of `organization`.
fn not_found(error: katapult::Error, organization: &str) -> ReadError {
    match error {
        katapult::Error::NotFound { code } if code == "organization_not_found" => {
            ReadError::Missing {
                summary: "Organization not found".to_owned(),
                detail: format!(
                    "Katapult has no organization with the sub-domain {} that this API key can see. \
                 Check `organization` in the provider block (or KATAPULT_ORGANIZATION): it is \
                 the organization's sub-domain, as in the Katapult console's URL.",
                    quoted(organization)
                ),
                at: None,
            }
        }
        error => ReadError::Api(error),
    }
}
