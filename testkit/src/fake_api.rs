//! A fake Katapult Core API on 127.0.0.1 for tests, the benchmark and the
//! demo. It answers the way the live API does, quirks included: errors
//! wrapped in `{"error": ...}` with `X-Api-Schema: json-error`, rate-limit
//! headers on every answer, nulls where the live API sends them.
//!
//! This file is the server: it accepts connections, notes each request,
//! checks its key as the live API does and hands it to its route. What it
//! answers is data, in layers, each file using only those below it:
//! `families.rs` (the whole route table) and its families (`families/*.rs`,
//! each its endpoints and the handlers of its generated and hostile cases);
//! `route.rs` (what a route is and how it answers); `call.rs` (what a
//! handler sees and answers); `answers.rs` (the recorded answers under
//! `testkit/answers/`, see `answers/README.md`, and how an answer is made);
//! `stats.rs` (what the fake has seen); and `cases.rs`, the names of the
//! cases the tests use, re-exported here.

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use hyper::Request;
use hyper::body::Incoming;
use tokio::net::TcpListener;

mod answers;
mod call;
mod cases;
mod families;
mod route;
mod stats;

pub use answers::{recorded, recorded_items};
pub use call::DropConnection;
pub use cases::*;
pub use stats::Stats;

use call::Answer;

pub struct FakeApi {
    addr: SocketAddr,
    stats: Arc<Stats>,
    task: tokio::task::JoinHandle<()>,
}

impl FakeApi {
    /// Starts on a free port of 127.0.0.1.
    pub async fn start() -> std::io::Result<Self> {
        Self::bind("127.0.0.1:0").await
    }

    pub async fn bind(addr: &str) -> std::io::Result<Self> {
        // Read (and check) every recorded answer now, not in a request.
        answers::load();
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

    /// Makes every answer take `latency` longer, as a distant API would.
    pub fn set_latency(&self, latency: Duration) {
        self.stats.latency_us.store(
            u64::try_from(latency.as_micros()).unwrap_or(u64::MAX),
            Ordering::SeqCst,
        );
    }

    /// When each request for the disk, load balancer or rule `id` arrived,
    /// in order.
    pub fn arrivals(&self, id: &str) -> Vec<Instant> {
        self.stats
            .arrivals
            .lock()
            .unwrap()
            .get(id)
            .cloned()
            .unwrap_or_default()
    }

    /// From now on, `GET /address_lists` lists `total` global address
    /// lists: the 9 recorded, then `adlst_Global{n:010}`.
    pub fn set_global_address_lists(&self, total: usize) {
        self.stats
            .global_address_lists
            .store(total, Ordering::SeqCst);
    }

    /// The distinct API keys requests have carried.
    pub fn keys_seen(&self) -> Vec<String> {
        self.stats.keys.lock().unwrap().clone()
    }

    /// The (page, per_page) of each request for a list, in order (per_page
    /// 0 when none was sent), by the list: an organization's disks by its
    /// sub-domain; any other as `NAME:VALUE`, one of `profiles:ORG`,
    /// `templates:ORG`, `vm:ID` (a machine's disks), `ips:ORG`,
    /// `speed_profiles:ORG`, `virtual_networks:ORG`, `packages:LIST` (`all`,
    /// or the name of `answer_list_as`), `security_groups:ORG`,
    /// `rules:GROUP_ID`, `load_balancers:ORG`, `rules:LOAD_BALANCER_ID`,
    /// `vms:ORG` (its machines), `interfaces:ID` (a machine's network
    /// interfaces), `address_lists:ORG`, `entries:ID`,
    /// `global_address_lists:all`, `file_storage_volumes:ORG`.
    pub fn pages(&self, organization: &str) -> Vec<(u64, u64)> {
        self.stats
            .pages
            .lock()
            .unwrap()
            .get(organization)
            .cloned()
            .unwrap_or_default()
    }

    /// From now on, answers `path`, a list endpoint that names nothing
    /// (`packages::LIST`), as the list `name`: its recorded answer
    /// `answers/PATH/NAME.json` or the list generated under that name,
    /// instead of `all.json`. For a test's own fake API (`OwnApi`).
    pub fn answer_list_as(&self, path: &str, name: &str) {
        self.stats
            .lists_as
            .lock()
            .unwrap()
            .insert(path.to_owned(), name.to_owned());
    }

    /// Every User-Agent header received so far.
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

/// Every request: noted, its key checked as the live API checks it, then
/// answered by its route.
async fn answer(req: Request<Incoming>, stats: Arc<Stats>) -> Answer {
    stats.requests.fetch_add(1, Ordering::SeqCst);
    if let Some(agent) = req
        .headers()
        .get("user-agent")
        .and_then(|v| v.to_str().ok())
    {
        stats.user_agents.lock().unwrap().push(agent.to_owned());
    }
    let Some(route) = families::find(req.method().as_str(), req.uri().path()) else {
        return Ok(answers::error(
            "route_not_found",
            "No route matches the path",
            "{}",
        ));
    };
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
            return Ok(answers::error(
                "missing_api_token",
                "No API token was provided in the Authorization header. Ensure a token is provided prefixed with Bearer",
                "{}",
            ));
        }
        Some(INVALID_TOKEN) => {
            return Ok(answers::error(
                "invalid_api_token",
                "The API token provided was not valid (it may not exist or have expired)",
                r#"{"details":"No token with that value exists"}"#,
            ));
        }
        Some(_) => {}
    }
    let scopeless = token.as_deref() == Some(SCOPELESS_TOKEN);
    route
        .answer(req.uri().query().unwrap_or(""), &stats, scopeless)
        .await
}

/// The other host a redirect leads to: serves the real disk to anyone, and
/// notes whether the API key came along.
async fn answer_redirected(req: Request<Incoming>, stats: Arc<Stats>) -> Answer {
    if req.headers().contains_key("authorization") {
        stats
            .redirect_saw_authorization
            .store(true, Ordering::SeqCst);
    }
    Ok(answers::json(&recorded("disks/disk", REAL_DISK_ID)))
}
