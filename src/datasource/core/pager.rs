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
///
/// A large set (`large_set: true`: Katapult cannot count it, so `total`
/// and `total_pages` are null) is read page after page until a page holds
/// fewer items than a page may (the `per_page` asked for, else the one the
/// API reports), or none: then an id seen twice is all that shows the list
/// moving.
pub async fn read_pages(
    client: &katapult::Client,
    listing: &Listing<'_>,
    budget: &katapult::Budget,
    on_error: &(dyn Fn(katapult::Error) -> ReadError + Sync),
) -> Result<Pass<Vec<Map<String, Json>>>, ReadError> {
    read_pages_with(client, listing, budget, on_error, Unidentified::Refused).await
}

/// What `read_pages_with` does with an item that has no id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unidentified {
    /// An unexpected answer: every item of the list must have one.
    Refused,
    /// Kept, for the caller to judge (a machine's disk entry without its
    /// disk is skipped with a warning); it counts towards the total, but
    /// only ids show the list moving.
    Kept,
}

/// `read_pages`, items without an id as `unidentified` says.
pub async fn read_pages_with(
    client: &katapult::Client,
    listing: &Listing<'_>,
    budget: &katapult::Budget,
    on_error: &(dyn Fn(katapult::Error) -> ReadError + Sync),
    unidentified: Unidentified,
) -> Result<Pass<Vec<Map<String, Json>>>, ReadError> {
    let mut items = Vec::new();
    let mut ids = HashSet::new();
    let asked: Option<u64> = listing.per_page.and_then(|p| p.parse().ok());
    // The first page's total (None for a large set): every page must agree.
    let mut total: Option<Option<u64>> = None;
    let mut page = 1u64;
    loop {
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
        if let Some(pages) = pagination.total_pages.filter(|p| *p > MAX_PAGES) {
            return Err(ReadError::unexpected(format!(
                "a list of {pages} pages, more than the {MAX_PAGES} this provider reads"
            )));
        }
        let on_page = page_items.len() as u64;
        for (i, item) in page_items.into_iter().enumerate() {
            let Json::Object(item) = item else {
                return Err(ReadError::unexpected(format!(
                    "item {i} of page {page} is not an object"
                )));
            };
            match item_id(&item, listing.id) {
                Some(id) => {
                    if !ids.insert(id) {
                        return Ok(Pass::Changed);
                    }
                }
                None if unidentified == Unidentified::Kept => {}
                None => {
                    return Err(ReadError::unexpected(format!(
                        "item {i} of page {page} has no {}",
                        listing.id.join(".")
                    )));
                }
            }
            items.push(item);
        }
        let last = match pagination.total_pages {
            Some(pages) => page >= pages,
            // A large set: its last page is the first one short of full.
            None => on_page == 0 || asked.or(pagination.per_page).is_some_and(|n| on_page < n),
        };
        if last {
            break;
        }
        if page >= MAX_PAGES {
            return Err(ReadError::unexpected(format!(
                "a list of more than the {MAX_PAGES} pages this provider reads"
            )));
        }
        page += 1;
    }
    if total.flatten().is_some_and(|t| t != items.len() as u64) {
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
#[derive(Debug, PartialEq)]
struct Pagination {
    /// The items of every page; None for a large set, which Katapult
    /// cannot count.
    total: Option<u64>,
    /// The pages; None for a large set.
    total_pages: Option<u64>,
    /// The most items a page holds, as the API says.
    per_page: Option<u64>,
}

/// One page's pagination and items: `{"pagination": {...}, "KEY": [...]}`.
/// `total` and `total_pages` are whole numbers, or both null (absent) for
/// a large set; anything else is not what the API sends.
fn page_of(answer: Json, key: &str) -> Result<(Pagination, Vec<Json>), ReadError> {
    let Json::Object(mut root) = answer else {
        return Err(ReadError::unexpected("JSON that is not an object"));
    };
    let Some(Json::Object(fields)) = root.get("pagination") else {
        return Err(ReadError::unexpected("no pagination object"));
    };
    let number = |name: &str| match fields.get(name) {
        None | Some(Json::Null) => Ok(None),
        Some(n) => n.as_u64().map(Some).ok_or_else(|| {
            ReadError::unexpected(format!("pagination.{name} that is not a whole number"))
        }),
    };
    let pagination = Pagination {
        total: number("total")?,
        total_pages: number("total_pages")?,
        per_page: number("per_page")?.filter(|n| *n > 0),
    };
    let large_set = fields.get("large_set").and_then(Json::as_bool) == Some(true);
    let pagination = match (pagination.total, pagination.total_pages) {
        (Some(_), Some(_)) | (None, None) => pagination,
        // One count without the other: a large set if the API says so.
        _ if large_set => Pagination {
            total: None,
            total_pages: None,
            ..pagination
        },
        (None, _) => return Err(ReadError::unexpected("no whole number pagination.total")),
        (_, None) => {
            return Err(ReadError::unexpected(
                "no whole number pagination.total_pages",
            ));
        }
    };
    match root.remove(key) {
        Some(Json::Array(items)) => Ok((pagination, items)),
        Some(Json::Null) | None if pagination.total == Some(0) => Ok((pagination, Vec::new())),
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
        assert_eq!(
            pagination,
            Pagination {
                total: Some(450),
                total_pages: Some(3),
                per_page: Some(200)
            }
        );
        assert_eq!(items.len(), 1);
        // The empty template list: total_pages 0.
        let empty = json!({"pagination": {"total_pages": 0, "total": 0}, "disk_templates": []});
        let (pagination, items) = page_of(empty, "disk_templates").unwrap();
        assert_eq!(pagination.total_pages, Some(0));
        assert!(items.is_empty());
        // A large set: Katapult cannot count it.
        let large = json!({
            "pagination": {"current_page": 2, "total_pages": null, "total": null, "per_page": 200, "large_set": true},
            "disk": [{"id": "disk_a"}],
        });
        let (pagination, _) = page_of(large, "disk").unwrap();
        assert_eq!(
            pagination,
            Pagination {
                total: None,
                total_pages: None,
                per_page: Some(200)
            }
        );
        for (answer, want) in [
            (json!([]), "not an object"),
            (json!({"disk": []}), "no pagination object"),
            (
                json!({"pagination": {"total": 1, "total_pages": 1}}),
                "\"disk\" list",
            ),
            (
                json!({"pagination": {"total": -1, "total_pages": 1}, "disk": []}),
                "pagination.total that is not a whole number",
            ),
            (
                json!({"pagination": {"total": 5, "total_pages": null}, "disk": []}),
                "no whole number pagination.total_pages",
            ),
            (
                json!({"pagination": {"total": null, "total_pages": 1, "large_set": false}, "disk": []}),
                "no whole number pagination.total",
            ),
            (
                json!({"pagination": {"total": null, "total_pages": null, "large_set": true}}),
                "\"disk\" list",
            ),
        ] {
            let err = page_of(answer, "disk").err().unwrap().to_string();
            assert!(err.contains(want), "{err}");
        }
    }

    /// A fake list endpoint on 127.0.0.1: `count` items (`thing_{n:05}`)
    /// paged as asked, each page's pagination a large set's (`total` and
    /// `total_pages` null) or a counted one's. `extra` more items appear
    /// at the head of the list once the first page has been served
    /// (`extra_every`: after every page). Each request's page is noted.
    struct Endpoint {
        url: String,
        pages: Arc<Mutex<Vec<u64>>>,
    }

    #[derive(Clone, Copy)]
    struct Shape {
        count: u64,
        large_set: bool,
        /// Items created between pages: after the first page only, or after each.
        growth: u64,
        grows_always: bool,
    }

    use std::sync::{Arc, Mutex};

    async fn endpoint(shape: Shape) -> Endpoint {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let pages = Arc::new(Mutex::new(Vec::new()));
        let noted = Arc::clone(&pages);
        tokio::spawn(async move {
            while let Ok((mut stream, _)) = listener.accept().await {
                let mut request = Vec::new();
                let mut buf = [0u8; 4096];
                while !request.windows(4).any(|w| w == b"\r\n\r\n") {
                    match stream.read(&mut buf).await {
                        Ok(0) | Err(_) => break,
                        Ok(n) => request.extend_from_slice(&buf[..n]),
                    }
                }
                let line = String::from_utf8_lossy(&request)
                    .lines()
                    .next()
                    .unwrap_or("")
                    .to_owned();
                let arg = |name: &str| {
                    line.split(['?', '&', ' '])
                        .find_map(|p| p.strip_prefix(&format!("{name}=")))
                        .and_then(|v| v.parse::<u64>().ok())
                };
                let (page, per_page) = (arg("page").unwrap_or(1), arg("per_page").unwrap_or(30));
                let served = {
                    let mut pages = noted.lock().unwrap();
                    pages.push(page);
                    pages.len() as u64
                };
                let grown = match (shape.grows_always, served) {
                    (true, n) => shape.growth * (n - 1),
                    (false, 1) => 0,
                    (false, _) => shape.growth,
                };
                let count = shape.count + grown;
                // Newest first: what is created comes at the head.
                let items: Vec<Json> = (0..count)
                    .rev()
                    .skip(((page - 1) * per_page) as usize)
                    .take(per_page as usize)
                    .map(|n| json!({"id": format!("thing_{n:05}")}))
                    .collect();
                let pagination = if shape.large_set {
                    json!({"current_page": page, "total_pages": null, "total": null,
                        "per_page": per_page, "large_set": true})
                } else {
                    json!({"current_page": page, "total_pages": count.div_ceil(per_page),
                        "total": count, "per_page": per_page, "large_set": false})
                };
                let body = json!({"pagination": pagination, "things": items}).to_string();
                let answer = format!(
                    "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\nconnection: close\r\n\
                     content-length: {}\r\n\r\n{body}",
                    body.len()
                );
                let _ = stream.write_all(answer.as_bytes()).await;
                let _ = stream.shutdown().await;
            }
        });
        Endpoint { url, pages }
    }

    fn client_of(url: &str) -> katapult::Client {
        katapult::Client::new(katapult::ClientConfig {
            api_url: url.to_owned(),
            api_key: katapult::ApiKey::parse("kp_test").unwrap(),
            request_timeout: std::time::Duration::from_secs(10),
            retry: katapult::RetryPolicy::default(),
            user_agent: reqwest::header::HeaderValue::from_static("test"),
        })
        .unwrap()
    }

    fn listing(per_page: Option<&'static str>) -> Listing<'static> {
        Listing {
            path: "things",
            query: vec![("organization[sub_domain]", "acme")],
            per_page,
            items: "things",
            id: &["id"],
            noun: "Thing",
            owner: "organization \"acme\"".to_owned(),
        }
    }

    async fn read(
        shape: Shape,
        per_page: Option<&'static str>,
    ) -> (Result<Vec<String>, String>, Vec<u64>) {
        let api = endpoint(shape).await;
        let client = client_of(&api.url);
        let budget = katapult::Budget::new(std::time::Duration::from_secs(30));
        let read = read_all(&client, &listing(per_page), &budget, &ReadError::Api).await;
        let ids = read
            .map(|items| {
                items
                    .iter()
                    .map(|i| i["id"].as_str().unwrap().to_owned())
                    .collect()
            })
            .map_err(|e| e.to_string());
        let pages = api.pages.lock().unwrap().clone();
        (ids, pages)
    }

    fn every(count: u64) -> Vec<String> {
        (0..count).rev().map(|n| format!("thing_{n:05}")).collect()
    }

    const LARGE: Shape = Shape {
        count: 450,
        large_set: true,
        growth: 0,
        grows_always: false,
    };

    /// Issue 33: a large set of 450 (three pages of 200, the last short)
    /// is read whole, every item once, without a total.
    #[tokio::test]
    async fn a_large_set_is_read_until_a_short_page() {
        let (ids, pages) = read(LARGE, Some("200")).await;
        assert_eq!(ids.unwrap(), every(450));
        assert_eq!(pages, [1, 2, 3]);
        // Without a per_page of its own, the API's page size says "short".
        let (ids, pages) = read(LARGE, None).await;
        assert_eq!(ids.unwrap(), every(450));
        // 15 full pages of the API's 30, then the empty one after them.
        assert_eq!(pages, (1..=16).collect::<Vec<u64>>());
    }

    /// An exact multiple of the page size ends at the empty page after it.
    #[tokio::test]
    async fn a_large_set_of_whole_pages_ends_at_an_empty_page() {
        let (ids, pages) = read(
            Shape {
                count: 400,
                ..LARGE
            },
            Some("200"),
        )
        .await;
        assert_eq!(ids.unwrap(), every(400));
        assert_eq!(pages, [1, 2, 3]);
        let (ids, pages) = read(Shape { count: 0, ..LARGE }, Some("200")).await;
        assert_eq!(ids.unwrap(), Vec::<String>::new());
        assert_eq!(pages, [1]);
    }

    /// A large set that moves under the read (an item seen twice) is read
    /// again; one that never holds still is a clear error.
    #[tokio::test]
    async fn a_large_set_that_moves_is_read_again_then_refused() {
        let settling = Shape { growth: 1, ..LARGE };
        let (ids, pages) = read(settling, Some("200")).await;
        assert_eq!(ids.unwrap(), every(451));
        assert_eq!(pages, [1, 2, 1, 2, 3], "read again from the start");
        let churning = Shape {
            grows_always: true,
            ..settling
        };
        let (ids, pages) = read(churning, Some("200")).await;
        let err = ids.unwrap_err();
        assert!(err.contains("Thing list kept changing"), "{err}");
        assert_eq!(pages.len(), 6, "three passes of two pages: {pages:?}");
    }

    /// Counted lists read as before: the total must hold.
    #[tokio::test]
    async fn a_counted_list_is_read_to_its_total_pages() {
        let counted = Shape {
            large_set: false,
            ..LARGE
        };
        let (ids, pages) = read(counted, Some("200")).await;
        assert_eq!(ids.unwrap(), every(450));
        assert_eq!(pages, [1, 2, 3]);
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
