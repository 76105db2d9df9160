//! Listings: every page of a list endpoint as one consistent list, or the
//! list read again; and many items, or many listings, read at once within
//! the rate limit.
//!
//! Every list data source reads through `read_all`; one that follows a list
//! with reads of its items (a virtual machine's disks) wraps both in
//! `consistent`, so an item gone between the list and its read means the
//! same as a page that moved: start again, up to `MAX_RESTARTS` times.
//! `get_each` reads many items at once, `read_each` many listings (each
//! security group's rules).

use std::collections::HashSet;
use std::future::Future;

use futures_util::stream::{self, StreamExt};
use serde_json::{Map, Value as Json};

use crate::katapult;

use super::answer;
use super::error::ReadError;
use super::source::ReadContext;

/// Beyond this many pages an answer is taken as broken.
const MAX_PAGES: u64 = 1000;
/// How often a listing that changed while it was read is started again.
pub const MAX_RESTARTS: u32 = 2;
/// The most item reads one data source has in the air at once (fewer when
/// the rate-limit budget is low).
const MAX_PARALLEL: usize = 16;

/// A list endpoint: an organization's (most of them), or one of
/// everything (`GET /address_lists`), or an object's (a security group's
/// rules).
#[derive(Debug)]
pub struct ListEndpoint {
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
    /// Whether it answers in pages (`pagination`); else one answer holds
    /// the whole list.
    pub paged: bool,
}

impl ListEndpoint {
    /// No list: what a shape names before its leaf says which.
    pub const NONE: ListEndpoint = ListEndpoint {
        path: "",
        items: "",
        per_page: None,
        noun: "",
        plural: "",
        by_id: false,
        paged: false,
    };
}

/// A shape's placeholder list (`Listed::PLAIN`).
pub static NO_LIST: ListEndpoint = ListEndpoint::NONE;

/// One list endpoint, and how to read its pages.
pub struct Listing<'a> {
    /// The endpoint, e.g. `organizations/organization/disks`.
    pub path: &'static str,
    /// What names the list (`organization[sub_domain]`), sent with every page.
    pub query: Vec<(&'static str, &'a str)>,
    /// Sent as `per_page` when set; else the API's own page size applies.
    pub per_page: Option<&'static str>,
    /// The answer's key for the items (`disk`, `disk_io_profiles`).
    pub items: &'static str,
    /// Where an item's id is (`["id"]`, `["disk", "id"]`): an id seen twice
    /// means the list moved under the pages.
    pub id: &'static [&'static str],
    /// What is listed, for messages: "Disk", "Disk I/O profile".
    pub noun: &'static str,
    /// Whose list it is, for messages: `organization "acme"`.
    pub owner: String,
}

/// One pass over a listing.
pub enum Pass<T> {
    Complete(T),
    /// The list changed while it was read: read it again.
    Changed,
}

/// Runs `attempt` until it sees one consistent listing, at most
/// `MAX_RESTARTS` times more; then a clear error.
pub async fn consistent<T, F, Fut>(listing: &Listing<'_>, mut attempt: F) -> Result<T, ReadError>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<Pass<T>, ReadError>>,
{
    for restart in 0..=MAX_RESTARTS {
        match attempt().await? {
            Pass::Complete(items) => return Ok(items),
            Pass::Changed => tracing::debug!(
                path = listing.path,
                restart = restart + 1,
                "List changed while being read; reading it again"
            ),
        }
    }
    Err(ReadError::Missing {
        summary: format!("{} list kept changing", listing.noun),
        detail: format!(
            "The {} list of {} changed while it was being read, {} times running, so no \
             consistent list could be read. Try again once they are no longer being created or \
             deleted.",
            listing.noun.to_lowercase(),
            listing.owner,
            MAX_RESTARTS + 1
        ),
        at: None,
    })
}

/// Every item of `endpoint`'s list for `query` (whose list it is: `owner`,
/// for messages), all pages, ordered as the endpoint says; `on_error` says
/// what the API's errors mean.
pub async fn read_endpoint(
    ctx: &ReadContext<'_>,
    endpoint: &ListEndpoint,
    query: Vec<(&'static str, &str)>,
    owner: String,
    on_error: &(dyn Fn(katapult::Error) -> ReadError + Sync),
) -> Result<Vec<Map<String, Json>>, ReadError> {
    let mut items = if endpoint.paged {
        let listing = Listing {
            path: endpoint.path,
            query,
            per_page: endpoint.per_page,
            items: endpoint.items,
            id: &["id"],
            noun: endpoint.noun,
            owner,
        };
        read_all(ctx.client, &listing, &ctx.budget, on_error).await?
    } else {
        let answer = ctx
            .client
            .get(endpoint.path, &query, &ctx.budget)
            .await
            .map_err(on_error)?;
        answer::list(answer, endpoint.items)?
    };
    if endpoint.by_id {
        sort_by_id(&mut items, &["id"]);
    }
    Ok(items)
}

/// Every item of `listing`, in the API's order, from one consistent pass
/// (read again when it moved).
pub async fn read_all(
    client: &katapult::Client,
    listing: &Listing<'_>,
    budget: &katapult::Budget,
    on_error: &(dyn Fn(katapult::Error) -> ReadError + Sync),
) -> Result<Vec<Map<String, Json>>, ReadError> {
    consistent(listing, || read_pages(client, listing, budget, on_error)).await
}

/// Reads every page once. The pass is consistent when every page reports
/// the same total, no id comes twice, and the count is that total.
pub async fn read_pages(
    client: &katapult::Client,
    listing: &Listing<'_>,
    budget: &katapult::Budget,
    on_error: &(dyn Fn(katapult::Error) -> ReadError + Sync),
) -> Result<Pass<Vec<Map<String, Json>>>, ReadError> {
    let mut items = Vec::new();
    let mut ids = HashSet::new();
    let (mut page, mut total, mut pages) = (1u64, None, 1u64);
    while page <= pages {
        let page_text = page.to_string();
        let mut query = listing.query.clone();
        query.push(("page", page_text.as_str()));
        if let Some(per_page) = listing.per_page {
            query.push(("per_page", per_page));
        }
        let answer = client
            .get(listing.path, &query, budget)
            .await
            .map_err(on_error)?;
        let (pagination, page_items) = page_of(answer, listing.items)?;
        if *total.get_or_insert(pagination.total) != pagination.total {
            return Ok(Pass::Changed);
        }
        pages = pagination.total_pages;
        if pages > MAX_PAGES {
            return Err(ReadError::unexpected(format!(
                "a list of {pages} pages, more than the {MAX_PAGES} this provider reads"
            )));
        }
        for (i, item) in page_items.into_iter().enumerate() {
            let Json::Object(item) = item else {
                return Err(ReadError::unexpected(format!(
                    "item {i} of page {page} is not an object"
                )));
            };
            let Some(id) = item_id(&item, listing.id) else {
                return Err(ReadError::unexpected(format!(
                    "item {i} of page {page} has no {}",
                    listing.id.join(".")
                )));
            };
            if !ids.insert(id) {
                return Ok(Pass::Changed);
            }
            items.push(item);
        }
        page += 1;
    }
    if total.is_some_and(|t| t != items.len() as u64) {
        return Ok(Pass::Changed);
    }
    Ok(Pass::Complete(items))
}

/// Orders items by the id at `path`, lexically, as Katapult's Go provider
/// orders its lists (the API's own order is not by id).
pub fn sort_by_id(items: &mut [Map<String, Json>], path: &[&str]) {
    items.sort_by_cached_key(|item| item_id(item, path));
}

/// The string at `path` in `item`.
pub fn item_id(item: &Map<String, Json>, path: &[&str]) -> Option<String> {
    let (first, rest) = path.split_first()?;
    let mut node = item.get(*first)?;
    for name in rest {
        node = node.get(name)?;
    }
    node.as_str().map(str::to_owned)
}

/// `GET path?key=ID` for each of `ids`, as many at once as the rate-limit
/// budget allows (at most `MAX_PARALLEL`), each through the client's one
/// call (retries, pacing, the read's deadline). Answers in the order of
/// `ids`.
pub async fn get_each(
    client: &katapult::Client,
    path: &str,
    key: &str,
    ids: &[String],
    budget: &katapult::Budget,
) -> Vec<Result<Json, katapult::Error>> {
    let parallel = client.parallelism(ids.len().min(MAX_PARALLEL));
    // Owned ids: a future borrowing its item trips the compiler's lifetime
    // inference once boxed as Send.
    stream::iter(ids.iter().cloned())
        .map(|id: String| async move { client.get(path, &[(key, id.as_str())], budget).await })
        .buffered(parallel)
        .collect()
        .await
}

/// Every item of each of `listings` (`read_all`: every page, one
/// consistent pass), as many listings at once as the rate-limit budget
/// allows (at most `MAX_PARALLEL`), each page through the client's one
/// call (retries, pacing, the read's deadline). A listing's pages come one
/// after another; the listings overlap. Results in the order of `listings`.
pub async fn read_each(
    client: &katapult::Client,
    listings: &[Listing<'_>],
    budget: &katapult::Budget,
    on_error: &(dyn Fn(katapult::Error) -> ReadError + Sync),
) -> Vec<Result<Vec<Map<String, Json>>, ReadError>> {
    let parallel = client.parallelism(listings.len().min(MAX_PARALLEL));
    // By index: a future borrowing its stream item trips the compiler's
    // lifetime inference once boxed as Send (see `get_each`).
    stream::iter(0..listings.len())
        .map(|i| read_all(client, &listings[i], budget, on_error))
        .buffered(parallel)
        .collect()
        .await
}

/// The numbers of `pagination` a pager needs.
struct Pagination {
    total: u64,
    total_pages: u64,
}

/// One page's pagination and items: `{"pagination": {...}, "KEY": [...]}`.
fn page_of(answer: Json, key: &str) -> Result<(Pagination, Vec<Json>), ReadError> {
    let Json::Object(mut root) = answer else {
        return Err(ReadError::unexpected("JSON that is not an object"));
    };
    let number = |name: &str| {
        root.get("pagination")
            .and_then(|p| p.get(name))
            .and_then(Json::as_u64)
            .ok_or_else(|| ReadError::unexpected(format!("no whole number pagination.{name}")))
    };
    let pagination = Pagination {
        total: number("total")?,
        total_pages: number("total_pages")?,
    };
    match root.remove(key) {
        Some(Json::Array(items)) => Ok((pagination, items)),
        Some(Json::Null) | None if pagination.total == 0 => Ok((pagination, Vec::new())),
        _ => Err(ReadError::unexpected(format!(
            "JSON without a {key:?} list"
        ))),
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
        let (pagination, items) = page_of(answer, "disk").unwrap();
        assert_eq!((pagination.total, pagination.total_pages), (450, 3));
        assert_eq!(items.len(), 1);
        // The empty template list: total_pages 0.
        let empty = json!({"pagination": {"total_pages": 0, "total": 0}, "disk_templates": []});
        let (pagination, items) = page_of(empty, "disk_templates").unwrap();
        assert_eq!(pagination.total_pages, 0);
        assert!(items.is_empty());
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
            let err = page_of(answer, "disk").err().unwrap().to_string();
            assert!(err.contains(want), "{err}");
        }
    }

    #[test]
    fn ids_are_read_where_the_listing_says() {
        let item = json!({"disk": {"id": "disk_1"}, "boot": true});
        let item = item.as_object().unwrap();
        assert_eq!(item_id(item, &["disk", "id"]).as_deref(), Some("disk_1"));
        assert_eq!(item_id(item, &["id"]), None);
        assert_eq!(item_id(item, &["boot"]), None, "not a string");
    }
}
