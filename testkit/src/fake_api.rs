//! A fake Katapult Core API on 127.0.0.1 for tests and the demo. It answers
//! `GET /core/v1/disks/disk` the way the live API does, quirks included:
//! errors wrapped in `{"error": ...}` with `X-Api-Schema: json-error`,
//! rate-limit headers on every answer, nulls where the live API sends them.
//!
//! The disk id picks the answer: the sample disks below, or an error case.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::net::SocketAddr;
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use http_body_util::Full;
use hyper::body::{Bytes, Incoming};
use hyper::{Request, Response, StatusCode};
use tokio::net::TcpListener;

mod family;
pub use family::{BADGE_URL, TEMPLATES, orgs, vms};

/// The disk the live API returned (installation null, io speeds null).
pub const REAL_DISK_ID: &str = "disk_I4Bu3elhTjuAg16W";
/// A disk with every field populated, including a protected attribute.
pub const FULL_DISK_ID: &str = "disk_Full0000Populated";
/// A disk whose enums hold values newer than this provider knows.
pub const NEW_ENUM_DISK_ID: &str = "disk_NewEnum000000001";
/// The id in the example of Katapult's Go provider's `katapult_disk` docs:
/// served as the full (attached) disk under that id.
pub const GO_EXAMPLE_DISK_ID: &str = "disk_2YvW3Z8kQm5nL7pR";
/// The secret in the full disk's protected installation attribute.
pub const PROTECTED_VALUE: &str = "s3cr3t-R00t-Pa55";
/// A token the fake API refuses as invalid.
pub const INVALID_TOKEN: &str = "invalid-token";

const REAL_DISK: &str = include_str!("../answers/disks/disk/disk_I4Bu3elhTjuAg16W.json");
const FULL_DISK: &str = include_str!("../answers/disks/disk/disk_Full0000Populated.json");
const NEW_ENUM_DISK: &str = include_str!("../answers/disks/disk/disk_NewEnum000000001.json");

/// The recorded answer `answers/DIR/NAME.json` of the test kit, as served.
pub fn recorded(dir: &str, name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("answers")
        .join(dir)
        .join(format!("{name}.json"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Error cases, by the disk id that triggers them.
pub mod ids {
    pub const NOT_FOUND: &str = "disk_DoesNotExist0001";
    pub const NOT_FOUND_BARE: &str = "disk_BareEnvelope0001";
    pub const IN_TRASH: &str = "disk_InTheTrash000001";
    pub const RATE_LIMITED: &str = "disk_RateLimited00001";
    pub const UNAVAILABLE: &str = "disk_Unavailable00001";
    pub const NETWORK_BLOCKED: &str = "disk_NetworkBlocked01";
    pub const SCOPE_MISSING: &str = "disk_ScopeMissing0001";
    pub const CAPABILITIES: &str = "disk_Capabilities0001";
    pub const PROXY_HTML: &str = "disk_ProxyHtml0000001";
    pub const NOT_JSON: &str = "disk_NotJson000000001";
    pub const WRONG_TYPES: &str = "disk_WrongTypes000001";
    pub const STALLED: &str = "disk_Stalled000000001";
    pub const TRUNCATED: &str = "disk_Truncated0000001";
    pub const EMPTY_OK: &str = "disk_EmptyBody0000001";
    pub const HUGE: &str = "disk_HugeBody00000001";
    pub const MISSING_FIELDS: &str = "disk_MissingFields01";
    /// Redirects to a second server, on another port, that serves the real disk.
    pub const REDIRECT: &str = "disk_Redirected000001";
    /// A 403 whose description clears the screen and runs to 4 MiB.
    pub const ESCAPES: &str = "disk_TerminalEscapes1";
    /// The network refusal, its IP address carrying a terminal escape.
    pub const ESCAPED_IP: &str = "disk_EscapedIpAddress";
    /// The real disk with numbers no u64 or f64 holds exactly: size
    /// 18446744073709551616 GB, an IO profile of 1e-400 MB/s and 0.1 IOPS.
    pub const EXACT_NUMBERS: &str = "disk_ExactNumbers0001";
    /// The real disk with a field this provider does not know, nested 1,000
    /// levels deep (past serde_json's default limit of 128).
    pub const DEEP_UNKNOWN: &str = "disk_DeepUnknownField";
    /// About 8 MB: an installation whose `attributes` are `{}` 2.7 million
    /// times, under the body cap (the round-2 review's memory repro).
    pub const HUGE_ATTRIBUTES: &str = "disk_HugeAttributes01";
    /// The same in the top-level `annotations`.
    pub const HUGE_ANNOTATIONS: &str = "disk_HugeAnnotations1";
    /// A 404 `disk_not_found` whose `detail` holds 2^64.
    pub const BIG_DETAIL: &str = "disk_BigNumberDetail1";
    /// In the trash, `keep_until` 2^64.
    pub const TRASH_FOREVER: &str = "disk_TrashForever0001";
    /// The real disk, `size_in_gb` 1e999999999 (infinity to Terraform).
    pub const INFINITE_SIZE: &str = "disk_InfiniteSize0001";
    /// The full disk, its root password's `protect` flag left out and its
    /// hostname's `protect` null.
    pub const UNFLAGGED_SECRET: &str = "disk_UnflaggedSecret1";
    /// The largest installation the provider reads: 10,000 attributes,
    /// every field set (about 1.3 MB).
    pub const MOST_ATTRIBUTES: &str = "disk_MostAttributes01";
}

/// The value of `ids::UNFLAGGED_SECRET`'s unflagged root password.
pub const UNFLAGGED_VALUE: &str = "unflagged-Pa55w0rd";

/// About 8 MB of `{}` items: a list under the body cap.
fn huge_list() -> String {
    format!("[{}]", vec!["{}"; 2_700_000].join(","))
}

/// Generated disks, `PREFIX{n}`: each a copy of the real disk with its own
/// id and the name `disk-{n}`.
pub mod generated {
    /// Answered at once.
    pub const PLAIN: &str = "disk_Many";
    /// 30% of requests fail with 429 or 503 (never more than 3 in a row per disk).
    pub const FLAKY: &str = "disk_Flaky";
    /// Each answer takes `SLOW` to come, so reads overlap.
    pub const SLOW: &str = "disk_Slow";
    /// The first request is refused with a 429 and `Retry-After: 1`.
    pub const RETRY_AFTER: &str = "disk_RetryAfter";
    /// The first request's connection is dropped without an answer.
    pub const DROPPED: &str = "disk_Dropped";
    /// Answered with `X-Ratelimit-Remaining: 400` of 1000: under half the
    /// budget, where a client should start spreading its requests out.
    pub const LOW_BUDGET: &str = "disk_LowBudget";
    /// Answered with `X-Ratelimit-Remaining: 30` of 1000 for `RECOVERY`
    /// after the first such request, then with 999: a budget that was low
    /// for a moment.
    pub const RECOVERING: &str = "disk_Recovering";
    /// The first request is refused with a 429 whose `Retry-After` is the
    /// largest u64: a wait no Instant can hold.
    pub const HUGE_RETRY_AFTER: &str = "disk_HugeRetryAfter";
}

/// How long the `generated::RECOVERING` disks report a low budget.
pub const RECOVERY: Duration = Duration::from_secs(3);

/// Organizations whose disks `GET /organizations/organization/disks` lists,
/// by sub-domain; any other is not found.
pub mod organizations {
    /// 450 disks, `disk_Acme0000` to `disk_Acme0449`, listed newest first
    /// (ids descending) over three pages of 200; every third attached.
    pub const ACME: &str = "acme";
    pub const ACME_DISKS: usize = 450;
    /// No disks at all.
    pub const EMPTY: &str = "empty";
    /// A disk is created between every two pages: the list never holds still.
    pub const CHURNING: &str = "churning";
    /// A disk is created during the first listing only (between its pages
    /// one and two), then the list holds still at 400 disks.
    pub const SETTLING: &str = "settling";
}

/// How long a `generated::SLOW` disk takes.
pub const SLOW: Duration = Duration::from_millis(400);

/// How long the stalled case waits before answering.
pub const STALL: Duration = Duration::from_secs(30);

pub struct FakeApi {
    addr: SocketAddr,
    stats: Arc<Stats>,
    task: tokio::task::JoinHandle<()>,
}

#[derive(Default)]
pub struct Stats {
    requests: AtomicUsize,
    in_flight: AtomicUsize,
    peak_in_flight: AtomicUsize,
    failures_injected: AtomicUsize,
    /// Attempts per flaky disk id, and the failures in a row of each.
    flaky: Mutex<HashMap<String, (u32, u32)>>,
    /// Whether the redirect target ever received an Authorization header.
    redirect_saw_authorization: AtomicBool,
    redirect_target: Mutex<Option<SocketAddr>>,
    /// Every User-Agent seen, in order.
    user_agents: Mutex<Vec<String>>,
    /// When each request for a disk id arrived.
    arrivals: Mutex<HashMap<String, Vec<std::time::Instant>>>,
    /// Added to every answer for a `generated::PLAIN` disk, in microseconds.
    latency_us: std::sync::atomic::AtomicU64,
    /// When the first `generated::RECOVERING` request came.
    recovering_since: Mutex<Option<std::time::Instant>>,
    /// Pages served per organization, in order: (page, per_page) asked for.
    pages: Mutex<HashMap<String, Vec<(u64, u64)>>>,
    /// Every distinct API key a request carried (the fake's own record; the
    /// provider must never log them).
    keys: Mutex<Vec<String>>,
}

impl FakeApi {
    /// Starts on a free port of 127.0.0.1.
    pub async fn start() -> std::io::Result<Self> {
        Self::bind("127.0.0.1:0").await
    }

    pub async fn bind(addr: &str) -> std::io::Result<Self> {
        let listener = TcpListener::bind(addr).await?;
        let addr = listener.local_addr()?;
        let stats = Arc::new(Stats::default());
        // A second server on another port: where REDIRECT sends clients.
        let other = TcpListener::bind("127.0.0.1:0").await?;
        *stats.redirect_target.lock().unwrap() = Some(other.local_addr()?);
        let main = tokio::spawn(accept_loop(listener, Arc::clone(&stats), answer));
        let redirected = tokio::spawn(accept_loop(other, Arc::clone(&stats), answer_redirected));
        let task = tokio::spawn(async move {
            let _ = tokio::join!(main, redirected);
        });
        Ok(Self { addr, stats, task })
    }

    /// The base URL to give the provider as `api_url`.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Requests served so far.
    pub fn requests(&self) -> usize {
        self.stats.requests.load(Ordering::SeqCst)
    }

    /// The most requests that were ever in progress at once.
    pub fn peak_in_flight(&self) -> usize {
        self.stats.peak_in_flight.load(Ordering::SeqCst)
    }

    /// Resets the peak, for a test that measures its own.
    pub fn reset_peak(&self) {
        self.stats.peak_in_flight.store(0, Ordering::SeqCst);
    }

    /// 429s and 503s injected into flaky disks so far.
    pub fn failures_injected(&self) -> usize {
        self.stats.failures_injected.load(Ordering::SeqCst)
    }

    /// Makes every `generated::PLAIN` disk take `latency` to answer, as a
    /// distant API would.
    pub fn set_latency(&self, latency: Duration) {
        self.stats.latency_us.store(
            u64::try_from(latency.as_micros()).unwrap_or(u64::MAX),
            Ordering::SeqCst,
        );
    }

    /// When each request for `id` arrived, in order.
    pub fn arrivals(&self, id: &str) -> Vec<std::time::Instant> {
        self.stats
            .arrivals
            .lock()
            .unwrap()
            .get(id)
            .cloned()
            .unwrap_or_default()
    }

    /// Every User-Agent header received so far.
    /// The distinct API keys requests have carried.
    pub fn keys_seen(&self) -> Vec<String> {
        self.stats.keys.lock().unwrap().clone()
    }

    /// The (page, per_page) of each list request for an organization's
    /// disks, or for `profiles:ORG`, `templates:ORG`, `vm:ID` (per_page 0
    /// when none was sent).
    pub fn pages(&self, organization: &str) -> Vec<(u64, u64)> {
        self.stats
            .pages
            .lock()
            .unwrap()
            .get(organization)
            .cloned()
            .unwrap_or_default()
    }

    pub fn user_agents(&self) -> Vec<String> {
        self.stats.user_agents.lock().unwrap().clone()
    }

    /// Whether a redirected request ever carried the API key to the other server.
    pub fn redirect_saw_authorization(&self) -> bool {
        self.stats.redirect_saw_authorization.load(Ordering::SeqCst)
    }
}

impl Drop for FakeApi {
    fn drop(&mut self) {
        self.task.abort();
    }
}

type Answer = Result<Response<Full<Bytes>>, DropConnection>;

/// Returned by a handler to close the connection without answering, as a
/// crashing proxy would.
#[derive(Debug)]
pub struct DropConnection;

impl std::fmt::Display for DropConnection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("connection dropped on purpose")
    }
}

impl std::error::Error for DropConnection {}

async fn accept_loop<F, Fut>(listener: TcpListener, stats: Arc<Stats>, handler: F)
where
    F: Fn(Request<Incoming>, Arc<Stats>) -> Fut + Copy + Send + Sync + 'static,
    Fut: std::future::Future<Output = Answer> + Send + 'static,
{
    loop {
        let Ok((stream, _)) = listener.accept().await else {
            continue;
        };
        let stats = Arc::clone(&stats);
        tokio::spawn(async move {
            let service = hyper::service::service_fn(move |req| {
                let stats = Arc::clone(&stats);
                async move {
                    let now = stats.in_flight.fetch_add(1, Ordering::SeqCst) + 1;
                    stats.peak_in_flight.fetch_max(now, Ordering::SeqCst);
                    let answer = handler(req, Arc::clone(&stats)).await;
                    stats.in_flight.fetch_sub(1, Ordering::SeqCst);
                    answer
                }
            });
            let _ = hyper::server::conn::http1::Builder::new()
                .serve_connection(hyper_util::rt::TokioIo::new(stream), service)
                .await;
        });
    }
}

/// The other host a redirect leads to: serves the real disk to anyone, and
/// notes whether the API key came along.
async fn answer_redirected(req: Request<Incoming>, stats: Arc<Stats>) -> Answer {
    if req.headers().contains_key("authorization") {
        stats
            .redirect_saw_authorization
            .store(true, Ordering::SeqCst);
    }
    Ok(json(StatusCode::OK, REAL_DISK))
}

/// A generated disk: the real one with its own id and name.
/// One page of an organization's disks, as the live API lists them: the
/// list under the singular `disk`, each item a subset of the disk.
fn organization_disks(query: &str, stats: &Stats) -> Response<Full<Bytes>> {
    let arg = |name: &str| {
        url::form_urlencoded::parse(query.as_bytes())
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.into_owned())
    };
    let organization = arg("organization[sub_domain]").unwrap_or_default();
    let page: u64 = arg("page").and_then(|p| p.parse().ok()).unwrap_or(1).max(1);
    let per_page: u64 = arg("per_page")
        .and_then(|p| p.parse().ok())
        .unwrap_or(30)
        .clamp(1, 200);
    let served = {
        let mut pages = stats.pages.lock().unwrap();
        let seen = pages.entry(organization.clone()).or_default();
        seen.push((page, per_page));
        seen.len() as u64
    };
    let total: u64 = match organization.as_str() {
        organizations::ACME => organizations::ACME_DISKS as u64,
        organizations::EMPTY => 0,
        // One more disk with every request.
        organizations::CHURNING => 300 + served,
        // 399 for the first request, 400 from the second on.
        organizations::SETTLING => 399 + u64::from(served > 1),
        _ => {
            return error(
                StatusCode::NOT_FOUND,
                "organization_not_found",
                "No organization was found matching any of the criteria provided in the arguments",
                "{}",
            );
        }
    };
    // Newest first: ids descending.
    let items: Vec<serde_json::Value> = (0..total)
        .rev()
        .skip(((page - 1) * per_page) as usize)
        .take(per_page as usize)
        .map(|n| {
            let attachment = if n % 3 == 0 {
                serde_json::json!({
                    "virtual_machine": {"id": format!("vm_{n:04}"), "fqdn": format!("vm-{n}.example.katapult.cloud")},
                    "attach_on_boot": true,
                    "boot": n % 2 == 0,
                    "state": "attached",
                })
            } else {
                serde_json::Value::Null
            };
            serde_json::json!({
                "id": format!("disk_{}{n:04}", capitalized(&organization)),
                "name": format!("{organization}-disk-{n}"),
                "size_in_gb": 10 + n,
                "wwn": format!("{n:016x}"),
                "state": "built",
                "virtual_machine_disk": attachment,
            })
        })
        .collect();
    let body = serde_json::json!({
        "pagination": {
            "current_page": page,
            "total_pages": total.div_ceil(per_page).max(1),
            "total": total,
            "per_page": per_page,
            "large_set": false,
        },
        "disk": items,
    });
    json(StatusCode::OK, &body.to_string())
}

fn capitalized(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
        .unwrap_or_default()
}

fn generated_disk(id: &str, n: &str) -> String {
    REAL_DISK
        .replace(REAL_DISK_ID, id)
        .replace("tf-acc-test-data-source-mKu5JbeLhav3", &format!("disk-{n}"))
}

/// Whether this attempt at a flaky disk fails: 30% of attempts, decided by
/// a hash of the id and attempt number (so runs repeat), at most 3 in a row.
fn flaky_failure(stats: &Stats, id: &str) -> Option<Response<Full<Bytes>>> {
    let mut flaky = stats.flaky.lock().unwrap();
    let (attempts, in_a_row) = flaky.entry(id.to_owned()).or_default();
    *attempts += 1;
    let mut hasher = DefaultHasher::new();
    (id, *attempts).hash(&mut hasher);
    let roll = hasher.finish() % 100;
    if roll >= 30 || *in_a_row >= 3 {
        *in_a_row = 0;
        return None;
    }
    *in_a_row += 1;
    stats.failures_injected.fetch_add(1, Ordering::SeqCst);
    Some(if roll.is_multiple_of(2) {
        error(
            StatusCode::TOO_MANY_REQUESTS,
            "rate_limit_reached",
            "You have reached the rate limit for this type of request",
            r#"{"total_permitted":1000}"#,
        )
    } else {
        error(
            StatusCode::SERVICE_UNAVAILABLE,
            "service_unavailable",
            "The service is currently unavailable, please try again later",
            "{}",
        )
    })
}

async fn answer(req: Request<Incoming>, stats: Arc<Stats>) -> Answer {
    stats.requests.fetch_add(1, Ordering::SeqCst);
    if let Some(agent) = req
        .headers()
        .get("user-agent")
        .and_then(|v| v.to_str().ok())
    {
        stats.user_agents.lock().unwrap().push(agent.to_owned());
    }
    let path = req.uri().path().to_owned();
    if path != "/core/v1/disks/disk"
        && path != "/core/v1/organizations/organization/disks"
        && !family::PATHS.contains(&path.as_str())
    {
        return Ok(error(
            StatusCode::NOT_FOUND,
            "route_not_found",
            "No route matches the path",
            "{}",
        ));
    }
    let token = req
        .headers()
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::to_owned);
    if let Some(token) = &token {
        let mut keys = stats.keys.lock().unwrap();
        if !keys.contains(token) {
            keys.push(token.clone());
        }
    }
    match token.as_deref() {
        None | Some("") => {
            return Ok(error(
                StatusCode::BAD_REQUEST,
                "missing_api_token",
                "No API token was provided in the Authorization header. Ensure a token is provided prefixed with Bearer",
                "{}",
            ));
        }
        Some(INVALID_TOKEN) => {
            return Ok(error(
                StatusCode::FORBIDDEN,
                "invalid_api_token",
                "The API token provided was not valid (it may not exist or have expired)",
                r#"{"details":"No token with that value exists"}"#,
            ));
        }
        Some(_) => {}
    }
    if let Some(answer) = family::answer(&path, req.uri().query().unwrap_or(""), &stats).await {
        return answer;
    }
    if path == "/core/v1/organizations/organization/disks" {
        return Ok(organization_disks(req.uri().query().unwrap_or(""), &stats));
    }
    let id = req.uri().query().and_then(|q| {
        url::form_urlencoded::parse(q.as_bytes())
            .find(|(k, _)| k == "disk[id]")
            .map(|(_, v)| v.into_owned())
    });
    let Some(id) = id else {
        return Ok(error(
            StatusCode::BAD_REQUEST,
            "missing_required_argument",
            "The 'disk' argument is required but was not provided",
            "{}",
        ));
    };
    let attempt = {
        let mut arrivals = stats.arrivals.lock().unwrap();
        let seen = arrivals.entry(id.clone()).or_default();
        seen.push(std::time::Instant::now());
        seen.len()
    };
    if let Some(answer) = family::disk(&id, &stats).await {
        return answer;
    }
    if let Some(n) = id.strip_prefix(generated::PLAIN) {
        let latency = stats.latency_us.load(Ordering::SeqCst);
        if latency > 0 {
            tokio::time::sleep(Duration::from_micros(latency)).await;
        }
        return Ok(json(StatusCode::OK, &generated_disk(&id, n)));
    }
    if let Some(n) = id.strip_prefix(generated::RECOVERING) {
        let since = *stats
            .recovering_since
            .lock()
            .unwrap()
            .get_or_insert_with(std::time::Instant::now);
        let remaining = if since.elapsed() < RECOVERY {
            "30"
        } else {
            "999"
        };
        let mut answer = json(StatusCode::OK, &generated_disk(&id, n));
        answer
            .headers_mut()
            .insert("x-ratelimit-remaining", remaining.parse().unwrap());
        return Ok(answer);
    }
    if let Some(n) = id.strip_prefix(generated::HUGE_RETRY_AFTER) {
        if attempt == 1 {
            return Ok(rate_limited("18446744073709551615"));
        }
        return Ok(json(StatusCode::OK, &generated_disk(&id, n)));
    }
    if let Some(n) = id.strip_prefix(generated::RETRY_AFTER) {
        if attempt == 1 {
            return Ok(rate_limited("1"));
        }
        return Ok(json(StatusCode::OK, &generated_disk(&id, n)));
    }
    if let Some(n) = id.strip_prefix(generated::DROPPED) {
        if attempt == 1 {
            return Err(DropConnection);
        }
        return Ok(json(StatusCode::OK, &generated_disk(&id, n)));
    }
    if let Some(n) = id.strip_prefix(generated::LOW_BUDGET) {
        let mut answer = json(StatusCode::OK, &generated_disk(&id, n));
        answer
            .headers_mut()
            .insert("x-ratelimit-remaining", "400".parse().unwrap());
        return Ok(answer);
    }
    if let Some(n) = id.strip_prefix(generated::FLAKY) {
        return Ok(flaky_failure(&stats, &id)
            .unwrap_or_else(|| json(StatusCode::OK, &generated_disk(&id, n))));
    }
    if let Some(n) = id.strip_prefix(generated::SLOW) {
        tokio::time::sleep(SLOW).await;
        return Ok(json(StatusCode::OK, &generated_disk(&id, n)));
    }
    Ok(match id.as_str() {
        "" => error(StatusCode::BAD_REQUEST, "invalid_argument", "The 'disk' argument is invalid", "{}"),
        REAL_DISK_ID => json(StatusCode::OK, REAL_DISK),
        FULL_DISK_ID => json(StatusCode::OK, FULL_DISK),
        GO_EXAMPLE_DISK_ID => json(StatusCode::OK, &FULL_DISK.replace(FULL_DISK_ID, GO_EXAMPLE_DISK_ID)),
        NEW_ENUM_DISK_ID => json(StatusCode::OK, NEW_ENUM_DISK),
        ids::NOT_FOUND_BARE => json(
            StatusCode::NOT_FOUND,
            r#"{"code":"disk_not_found","description":"No disk was found matching any of the criteria provided in the arguments","detail":{}}"#,
        ),
        ids::IN_TRASH => error(
            StatusCode::NOT_ACCEPTABLE,
            "object_in_trash",
            "The object found is in the trash and therefore cannot be manipulated through the API. It should be restored in order to run this operation.",
            r#"{"trash_object":{"id":"trsh_Disk000000000001","keep_until":1790000000,"object_id":"disk_InTheTrash000001","object_type":"Disk"}}"#,
        ),
        ids::RATE_LIMITED => error(
            StatusCode::TOO_MANY_REQUESTS,
            "rate_limit_reached",
            "You have reached the rate limit for this type of request",
            r#"{"total_permitted":1000}"#,
        ),
        ids::UNAVAILABLE => error(
            StatusCode::SERVICE_UNAVAILABLE,
            "service_unavailable",
            "The service is currently unavailable, please try again later",
            "{}",
        ),
        ids::NETWORK_BLOCKED => error(
            StatusCode::FORBIDDEN,
            "unauthorized_network_for_api_token",
            "Network is not allowed to access the API with this API token",
            r#"{"ip_address":"203.0.113.9"}"#,
        ),
        ids::SCOPE_MISSING => error(
            StatusCode::FORBIDDEN,
            "scope_not_granted",
            "The scope required for this endpoint has not been granted to the authenticating identity",
            r#"{"scopes":["disks","disks:read"]}"#,
        ),
        ids::CAPABILITIES => error(
            StatusCode::FORBIDDEN,
            "invalid_capabilities_token",
            "The capabilities token provided was not valid (either not valid, expired or not signed by the correct key)",
            "{}",
        ),
        ids::PROXY_HTML => with_headers(
            Response::builder()
                .status(StatusCode::BAD_GATEWAY)
                .header("content-type", "text/html"),
        )
        .body(Full::from(
            "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>",
        ))
        .expect("static response"),
        ids::NOT_JSON => with_headers(Response::builder().status(StatusCode::OK).header("content-type", "text/plain"))
            .body(Full::from("OK"))
            .expect("static response"),
        ids::WRONG_TYPES => json(
            StatusCode::OK,
            &REAL_DISK.replace(r#""size_in_gb":20"#, r#""size_in_gb":"20""#),
        ),
        ids::TRUNCATED => json(StatusCode::OK, &REAL_DISK[..REAL_DISK.len() / 2]),
        ids::EMPTY_OK => with_headers(Response::builder().status(StatusCode::OK))
            .body(Full::from(""))
            .expect("static response"),
        ids::HUGE => json(
            StatusCode::OK,
            &format!(r#"{{"disk":{{"id":"{}","name":"{}"}},"annotations":[]}}"#, ids::HUGE, "x".repeat(10 << 20)),
        ),
        ids::MISSING_FIELDS => json(
            StatusCode::OK,
            &format!(r#"{{"disk":{{"id":"{}"}},"annotations":[]}}"#, ids::MISSING_FIELDS),
        ),
        ids::REDIRECT => {
            let target = stats.redirect_target.lock().unwrap().expect("redirect target");
            with_headers(
                Response::builder()
                    .status(StatusCode::FOUND)
                    .header("location", format!("http://{target}/core/v1/disks/disk?disk%5Bid%5D={REAL_DISK_ID}")),
            )
            .body(Full::from(""))
            .expect("static response")
        }
        ids::EXACT_NUMBERS => json(
            StatusCode::OK,
            &REAL_DISK
                .replace(REAL_DISK_ID, ids::EXACT_NUMBERS)
                .replace(r#""size_in_gb":20"#, r#""size_in_gb":18446744073709551616"#)
                .replace(r#""speed_in_mb":null"#, r#""speed_in_mb":1e-400"#)
                .replace(r#""iops":null"#, r#""iops":0.1"#),
        ),
        ids::DEEP_UNKNOWN => json(
            StatusCode::OK,
            &REAL_DISK.replace(REAL_DISK_ID, ids::DEEP_UNKNOWN).replace(
                r#""wwn":"#,
                &format!(r#""future_field":{}1{},"wwn":"#, "[".repeat(1000), "]".repeat(1000)),
            ),
        ),
        ids::HUGE_ATTRIBUTES => json(
            StatusCode::OK,
            &format!(
                r#"{{"disk":{{"id":"d","installation":{{"id":"i","attributes":{}}}}},"annotations":[]}}"#,
                huge_list()
            ),
        ),
        ids::MOST_ATTRIBUTES => {
            let attributes: Vec<String> = (0..10_000)
                .map(|n| {
                    format!(
                        r#"{{"key":"k{n}","label":"Label {n}","value":"value-{n}","description":"Attribute number {n}","protect":false}}"#
                    )
                })
                .collect();
            json(
                StatusCode::OK,
                &format!(
                    r#"{{"disk":{{"id":"d","installation":{{"id":"i","attributes":[{}]}}}},"annotations":[]}}"#,
                    attributes.join(",")
                ),
            )
        }
        ids::HUGE_ANNOTATIONS => json(
            StatusCode::OK,
            &format!(r#"{{"disk":{{"id":"d"}},"annotations":{}}}"#, huge_list()),
        ),
        ids::BIG_DETAIL => error(
            StatusCode::NOT_FOUND,
            "disk_not_found",
            "No disk was found matching any of the criteria provided in the arguments",
            r#"{"n":18446744073709551616}"#,
        ),
        ids::TRASH_FOREVER => error(
            StatusCode::NOT_ACCEPTABLE,
            "object_in_trash",
            "The object found is in the trash and therefore cannot be manipulated through the API. It should be restored in order to run this operation.",
            r#"{"trash_object":{"id":"trsh_Disk000000000002","keep_until":18446744073709551616,"object_id":"disk_TrashForever0001","object_type":"Disk"}}"#,
        ),
        ids::INFINITE_SIZE => json(
            StatusCode::OK,
            &REAL_DISK
                .replace(REAL_DISK_ID, ids::INFINITE_SIZE)
                .replace(r#""size_in_gb":20"#, r#""size_in_gb":1e999999999"#),
        ),
        ids::UNFLAGGED_SECRET => {
            let mut disk: serde_json::Value = serde_json::from_str(FULL_DISK).expect("fixture");
            disk["disk"]["id"] = ids::UNFLAGGED_SECRET.into();
            let attributes = disk["disk"]["installation"]["attributes"]
                .as_array_mut()
                .expect("fixture attributes");
            for attribute in attributes.iter_mut() {
                let attribute = attribute.as_object_mut().expect("attribute");
                if attribute["key"] == "root_password" {
                    attribute.remove("protect");
                    attribute.insert("value".into(), UNFLAGGED_VALUE.into());
                } else {
                    attribute.insert("protect".into(), serde_json::Value::Null);
                }
            }
            json(StatusCode::OK, &disk.to_string())
        }
        ids::ESCAPES => error(
            StatusCode::FORBIDDEN,
            "permission_denied",
            &format!("\u{1b}[2J\u{1b}[HYou shall not pass{}", "!".repeat(4 << 20)),
            "{}",
        ),
        ids::ESCAPED_IP => error(
            StatusCode::FORBIDDEN,
            "unauthorized_network_for_api_token",
            "Network is not allowed to access the API with this API token",
            r#"{"ip_address":"\u001b[2J\u001b]0;pwned\u0007203.0.113.9"}"#,
        ),
        ids::STALLED => {
            tokio::time::sleep(STALL).await;
            json(StatusCode::OK, REAL_DISK)
        }
        _ => error(
            StatusCode::NOT_FOUND,
            "disk_not_found",
            "No disk was found matching any of the criteria provided in the arguments",
            "{}",
        ),
    })
}

fn with_headers(builder: hyper::http::response::Builder) -> hyper::http::response::Builder {
    builder
        .header("x-ratelimit-permitted", "1000")
        .header("x-ratelimit-remaining", "999")
        .header("x-request-id", "req_fake0000000001")
}

fn json(status: StatusCode, body: &str) -> Response<Full<Bytes>> {
    with_headers(
        Response::builder()
            .status(status)
            .header("content-type", "application/json"),
    )
    .body(Full::from(body.to_owned()))
    .expect("static response")
}

/// An error as the live API sends it: wrapped, with the json-error schema header.
/// The API's 429, with `Retry-After: retry_after`.
fn rate_limited(retry_after: &str) -> Response<Full<Bytes>> {
    let mut refusal = error(
        StatusCode::TOO_MANY_REQUESTS,
        "rate_limit_reached",
        "You have reached the rate limit for this type of request",
        r#"{"total_permitted":1000}"#,
    );
    refusal
        .headers_mut()
        .insert("retry-after", retry_after.parse().expect("a header value"));
    refusal
}

fn error(status: StatusCode, code: &str, description: &str, detail: &str) -> Response<Full<Bytes>> {
    let body = format!(
        r#"{{"error":{{"code":{},"description":{},"detail":{detail}}}}}"#,
        serde_json::Value::from(code),
        serde_json::Value::from(description)
    );
    with_headers(
        Response::builder()
            .status(status)
            .header("content-type", "application/json")
            .header("x-api-schema", "json-error"),
    )
    .body(Full::from(body))
    .expect("static response")
}
