//! `katapult_disks`: every disk of the provider's organization, through
//! `GET /organizations/organization/disks`, page after page, ordered by id.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde_json::Value as Json;

use crate::diag::Diagnostic;
use crate::katapult;
use crate::schema::{Attribute, Block, Kind};
use crate::tftypes::{AttributePath, Value};

use super::disk::{VIRTUAL_MACHINE_DISK, VIRTUAL_MACHINE_FQDN, VIRTUAL_MACHINE_ID};
use super::mapping::map_object;
use super::{
    DataSource, ReadContext, ReadError, ReadFuture, TIMEOUTS, read_budget, validate_timeouts,
};

pub struct Disks;

/// The most the API lists on a page, and what is asked for.
const PER_PAGE: &str = "200";
/// Beyond this many pages (200,000 disks) an answer is taken as broken.
const MAX_PAGES: u64 = 1000;
/// How often a listing that changed while it was read is started again.
const MAX_RESTARTS: u32 = 2;

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

    fn validate(&self, config: &Value) -> Vec<Diagnostic> {
        validate_timeouts(config).into_iter().collect()
    }

    fn read<'a>(&'a self, ctx: &'a ReadContext<'a>, config: &'a Value) -> ReadFuture<'a> {
        Box::pin(async move {
            let organization = ctx
                .organization
                .filter(|o| !o.is_empty())
                .ok_or_else(no_organization)?;
            let budget = read_budget(ctx, config)?;
            let mut restarts = 0;
            let disks = loop {
                match list(ctx.client, organization, &budget).await? {
                    Listing::Complete(disks) => break disks,
                    Listing::Changed if restarts < MAX_RESTARTS => {
                        restarts += 1;
                        tracing::debug!(
                            organization,
                            restarts,
                            "Disk list changed while being read; reading it again"
                        );
                    }
                    Listing::Changed => return Err(kept_changing(organization)),
                }
            };
            let items = disks
                .values()
                .enumerate()
                .map(|(i, disk)| {
                    let path = AttributePath::root("disks").index(i);
                    map_object(disk, DISK, &path).map(Value::Object)
                })
                .collect::<Result<Vec<_>, _>>()?;
            let state = BTreeMap::from([
                ("disks".to_owned(), Value::List(items)),
                ("timeouts".to_owned(), config.attribute("timeouts").clone()),
            ]);
            Ok(Value::Object(state))
        })
    }
}

/// A whole listing, or word that it changed while it was read.
enum Listing {
    /// Every disk, by id.
    Complete(BTreeMap<String, serde_json::Map<String, Json>>),
    Changed,
}

/// Reads every page once. The listing is consistent when every page
/// reports the same total, no id comes twice, and the count is that total.
async fn list(
    client: &katapult::Client,
    organization: &str,
    budget: &katapult::Budget,
) -> Result<Listing, ReadError> {
    let mut disks = BTreeMap::new();
    let (mut page, mut total, mut pages) = (1u64, None, 1u64);
    while page <= pages {
        let page_text = page.to_string();
        let query = [
            ("organization[sub_domain]", organization),
            ("page", page_text.as_str()),
            ("per_page", PER_PAGE),
        ];
        let answer = client
            .get("organizations/organization/disks", &query, budget)
            .await
            .map_err(|e| organization_error(e, organization))?;
        let (pagination, items) = page_of(answer)?;
        if *total.get_or_insert(pagination.total) != pagination.total {
            return Ok(Listing::Changed);
        }
        pages = pagination.total_pages;
        if pages > MAX_PAGES {
            return Err(unexpected(format!(
                "a list of {pages} pages, more than the {MAX_PAGES} any organization has"
            )));
        }
        for (i, item) in items.into_iter().enumerate() {
            let Json::Object(disk) = item else {
                return Err(unexpected(format!(
                    "disk {i} of page {page} is not an object"
                )));
            };
            let Some(Json::String(id)) = disk.get("id") else {
                return Err(unexpected(format!("disk {i} of page {page} has no id")));
            };
            if disks.insert(id.clone(), disk).is_some() {
                return Ok(Listing::Changed);
            }
        }
        page += 1;
    }
    if total.is_some_and(|t| t != disks.len() as u64) {
        return Ok(Listing::Changed);
    }
    Ok(Listing::Complete(disks))
}

/// The numbers of `pagination` this data source needs.
struct Pagination {
    total: u64,
    total_pages: u64,
}

/// One page's pagination and disks: `{"pagination": {...}, "disk": [...]}`
/// (the list's key is the singular `disk`).
fn page_of(answer: Json) -> Result<(Pagination, Vec<Json>), ReadError> {
    let Json::Object(mut root) = answer else {
        return Err(unexpected("JSON that is not an object".to_owned()));
    };
    let number = |name: &str| {
        root.get("pagination")
            .and_then(|p| p.get(name))
            .and_then(Json::as_u64)
            .ok_or_else(|| unexpected(format!("no whole number pagination.{name}")))
    };
    let pagination = Pagination {
        total: number("total")?,
        total_pages: number("total_pages")?,
    };
    match root.remove("disk") {
        Some(Json::Array(items)) => Ok((pagination, items)),
        Some(Json::Null) | None if pagination.total == 0 => Ok((pagination, Vec::new())),
        _ => Err(unexpected("JSON without a \"disk\" list".to_owned())),
    }
}

fn unexpected(problem: String) -> ReadError {
    ReadError::Api(katapult::Error::UnexpectedResponse {
        status: 200,
        problem,
    })
}

fn no_organization() -> ReadError {
    ReadError::Missing {
        summary: "No organization to list disks of",
        detail: "katapult_disks lists the disks of one organization: set `organization` in the \
                 provider \"katapult\" block, or the KATAPULT_ORGANIZATION environment variable, \
                 to its sub-domain (as in the Katapult console's URL)."
            .to_owned(),
        at: None,
    }
}

fn kept_changing(organization: &str) -> ReadError {
    ReadError::Missing {
        summary: "Disk list kept changing",
        detail: format!(
            "The disks of {organization:?} changed while they were being listed, {} times \
             running, so no consistent list could be read. Try again once disks are no longer \
             being created or deleted.",
            MAX_RESTARTS + 1
        ),
        at: None,
    }
}

/// What the API's errors mean for a listing of `organization`.
fn organization_error(error: katapult::Error, organization: &str) -> ReadError {
    match error {
        katapult::Error::NotFound { .. } => ReadError::Missing {
            summary: "Organization not found",
            detail: format!(
                "Katapult has no organization with the sub-domain {organization:?} that this API \
                 key can see. Check `organization` in the provider block (or \
                 KATAPULT_ORGANIZATION): it is the organization's sub-domain, as in the Katapult \
                 console's URL."
            ),
            at: None,
        },
        error => ReadError::Api(error),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn pages_are_read_as_the_api_sends_them() {
        let answer = json!({
            "pagination": {"current_page": 1, "total_pages": 3, "total": 450, "per_page": 200, "large_set": false},
            "disk": [{"id": "disk_a"}],
        });
        let (pagination, items) = page_of(answer).unwrap();
        assert_eq!((pagination.total, pagination.total_pages), (450, 3));
        assert_eq!(items.len(), 1);
        let empty = json!({"pagination": {"total_pages": 1, "total": 0}, "disk": []});
        assert!(page_of(empty).unwrap().1.is_empty());
        for (answer, want) in [
            (json!([]), "not an object"),
            (json!({"disk": []}), "pagination.total"),
            (
                json!({"pagination": {"total": 1, "total_pages": 1}}),
                "\"disk\" list",
            ),
            (
                json!({"pagination": {"total": -1, "total_pages": 1}, "disk": []}),
                "pagination.total",
            ),
        ] {
            let err = page_of(answer).err().unwrap().to_string();
            assert!(err.contains(want), "{err}");
        }
    }
}
