//! A fake Katapult Core API on 127.0.0.1 for tests and the demo. It answers
//! `GET /core/v1/disks/disk` the way the live API does, quirks included:
//! errors wrapped in `{"error": ...}` with `X-Api-Schema: json-error`,
//! rate-limit headers on every answer, nulls where the live API sends them.
//!
//! The disk id picks the answer: the sample disks below, or an error case.

#![allow(dead_code)]

use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use http_body_util::Full;
use hyper::body::{Bytes, Incoming};
use hyper::{Request, Response, StatusCode};
use tokio::net::TcpListener;

/// The disk the live API returned (installation null, io speeds null).
pub const REAL_DISK_ID: &str = "disk_I4Bu3elhTjuAg16W";
/// A disk with every field populated, including a protected attribute.
pub const FULL_DISK_ID: &str = "disk_Full0000Populated";
/// A disk whose enums hold values newer than this provider knows.
pub const NEW_ENUM_DISK_ID: &str = "disk_NewEnum000000001";
/// The secret in the full disk's protected installation attribute.
pub const PROTECTED_VALUE: &str = "s3cr3t-R00t-Pa55";
/// A token the fake API refuses as invalid.
pub const INVALID_TOKEN: &str = "invalid-token";

const REAL_DISK: &str = include_str!("../fixtures/disk-real.json");
const FULL_DISK: &str = include_str!("../fixtures/disk-full.json");
const NEW_ENUM_DISK: &str = include_str!("../fixtures/disk-new-enum.json");

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
}

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
        let task = tokio::spawn(accept_loop(listener, Arc::clone(&stats)));
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
}

impl Drop for FakeApi {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn accept_loop(listener: TcpListener, stats: Arc<Stats>) {
    loop {
        let Ok((stream, _)) = listener.accept().await else {
            continue;
        };
        let stats = Arc::clone(&stats);
        tokio::spawn(async move {
            let service = hyper::service::service_fn(move |req| answer(req, Arc::clone(&stats)));
            let _ = hyper::server::conn::http1::Builder::new()
                .serve_connection(hyper_util::rt::TokioIo::new(stream), service)
                .await;
        });
    }
}

async fn answer(
    req: Request<Incoming>,
    stats: Arc<Stats>,
) -> Result<Response<Full<Bytes>>, Infallible> {
    stats.requests.fetch_add(1, Ordering::SeqCst);
    if req.uri().path() != "/core/v1/disks/disk" {
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
    Ok(match id.as_str() {
        "" => error(StatusCode::BAD_REQUEST, "invalid_argument", "The 'disk' argument is invalid", "{}"),
        REAL_DISK_ID => json(StatusCode::OK, REAL_DISK),
        FULL_DISK_ID => json(StatusCode::OK, FULL_DISK),
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
