//! The organization: the provider setting that names it, the words when it
//! is missing or unknown to Katapult, and the reading of an organization's
//! lists (every page, one consistent listing).

use serde_json::{Map, Value as Json};

use crate::katapult;
use crate::text::quoted;

use super::error::ReadError;
use super::pager::{self, ListEndpoint};
use super::source::{ReadContext, Setting};

/// The organization a read of `what` (plural: "disks") needs, or the error
/// saying where to set it.
pub fn name<'a>(ctx: &ReadContext<'a>, what: &str) -> Result<&'a str, ReadError> {
    match ctx.organization {
        Setting::Set(name) if !name.is_empty() => return Ok(name.as_str()),
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
    list: &ListEndpoint,
    extra: &[(&'static str, &str)],
) -> Result<Vec<Map<String, Json>>, ReadError> {
    let organization = name(ctx, list.plural)?;
    list_of(ctx, list, organization, extra).await
}

/// Every item of `organization`'s `list`: see `list_all`.
pub async fn list_of(
    ctx: &ReadContext<'_>,
    list: &ListEndpoint,
    organization: &str,
    extra: &[(&'static str, &str)],
) -> Result<Vec<Map<String, Json>>, ReadError> {
    let mut query = extra.to_vec();
    query.push(("organization[sub_domain]", organization));
    let owner = format!("organization {}", quoted(organization));
    let on_error = |e| not_found(e, organization);
    pager::read_endpoint(ctx, list, query, owner, &on_error).await
}

/// What the API's errors mean for a listing of `organization` (or any
/// other read of one of its lists).
pub fn not_found(error: katapult::Error, organization: &str) -> ReadError {
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
