//! The HTTP client: one per configured provider, shared by every read so
//! connections are pooled and kept alive.

use std::fmt;
use std::sync::Arc;
use std::time::{Duration, Instant};

use reqwest::{Url, header};

use crate::text::server_text;

use super::error::{CertificateProblem, Error};
use super::flight::{Flights, Seat};
use super::pacer::Pacer;
use super::response::{Answer, BodyError};
use super::retry::{RetryPolicy, parse_retry_after};

/// How much earlier than asked a timer may seem to end, measured from
/// outside it.
const TIMER_SLACK: Duration = Duration::from_millis(5);

/// Stands in for "no deadline" where a budget cannot be added to now.
const FAR_FUTURE: Duration = Duration::from_secs(100 * 365 * 24 * 3600);

/// A Katapult API token. Its `Debug` form never shows it.
#[derive(Clone)]
pub struct ApiKey(String);

impl ApiKey {
    /// A key as a user wrote it: whitespace around it (as `file()` leaves a
    /// trailing newline) is dropped; anything else a token cannot hold is
    /// an error that says what and where, never showing the key.
    pub fn parse(raw: &str) -> Result<Self, Error> {
        let key = raw.trim_matches(|c: char| c.is_ascii_whitespace());
        if key.is_empty() {
            return Err(Error::InvalidApiKey("is empty".to_owned()));
        }
        if let Some((at, c)) = key.chars().enumerate().find(|(_, c)| !c.is_ascii_graphic()) {
            let what = match c {
                ' ' | '\t' => "a space",
                c if c.is_control() => "a control character",
                c if c.is_whitespace() => "a space",
                _ => "a character outside ASCII",
            };
            return Err(Error::InvalidApiKey(format!(
                "holds {what} at character {} of {}; a Katapult API token holds letters, digits \
                 and punctuation only. Was it copied with something around it?",
                at + 1,
                key.chars().count()
            )));
        }
        Ok(Self(key.to_owned()))
    }

    fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for ApiKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ApiKey(<redacted>)")
    }
}

/// What a client needs to reach the API.
#[derive(Debug, Clone)]
pub struct ClientConfig {
    /// Where the API lives, e.g. `https://api.katapult.io`; `/core/v1` is added.
    pub api_url: String,
    pub api_key: ApiKey,
    /// How long one request may take, from connecting to the last body byte.
    pub request_timeout: Duration,
    pub retry: RetryPolicy,
    pub user_agent: header::HeaderValue,
}

/// How long a read may take in all, however many requests it makes: every
/// request, retry and wait of one read counts against one deadline.
#[derive(Debug, Clone, Copy)]
pub struct Budget {
    deadline: Instant,
    total: Duration,
    /// Whether the caller set this budget for this read, rather than taking
    /// the client's usual one: an error about it says where it came from.
    own: bool,
}

impl Budget {
    /// A budget of `total` from now: the usual one.
    pub fn new(total: Duration) -> Self {
        let started = Instant::now();
        // Settings are bounded far below this; an Instant that cannot hold
        // even that makes the read end at once rather than panic.
        let deadline = started
            .checked_add(total.min(FAR_FUTURE))
            .unwrap_or(started);
        Self {
            deadline,
            total,
            own: false,
        }
    }

    /// A budget of `total` from now that this read set for itself.
    pub fn own(total: Duration) -> Self {
        Self {
            own: true,
            ..Self::new(total)
        }
    }

    fn exceeded(&self) -> Error {
        Error::DeadlineExceeded {
            budget: self.total,
            own: self.own,
        }
    }
}

/// A client of Katapult's Core API.
#[derive(Debug)]
pub struct Client {
    http: reqwest::Client,
    /// The API root with `/core/v1/`, ending in a slash so joins append.
    base: Url,
    key: ApiKey,
    timeout: Duration,
    retry: RetryPolicy,
    /// Shared by every read, so they pace together.
    pacer: Pacer,
    /// Requests in the air, so identical ones are made once.
    flights: Flights,
}

/// Whether a failed attempt is worth another.
enum Retry {
    Never,
    /// After the server's `Retry-After`, or else backoff.
    After(Option<Duration>),
}

struct Failure {
    error: Error,
    retry: Retry,
    /// Whether the API answered at all (any HTTP status), as against a
    /// timeout or a connection that failed.
    answered: bool,
}

impl Failure {
    fn never(error: Error) -> Self {
        Self {
            error,
            retry: Retry::Never,
            answered: true,
        }
    }
}

/// How long a read has waited on an API that gave no answer, against how
/// long it may (`None`: up to its budget).
struct Stall {
    limit: Option<Duration>,
    waited: Duration,
}

impl Stall {
    fn left(&self) -> Option<Duration> {
        self.limit.map(|limit| limit.saturating_sub(self.waited))
    }

    fn gave_up(&self, attempts: u32, last: Error) -> Error {
        Error::NoAnswer {
            limit: self.limit.unwrap_or_default(),
            waited: self.waited,
            attempts,
            last: Box::new(last),
        }
    }
}

impl Client {
    pub fn new(config: ClientConfig) -> Result<Self, Error> {
        let base = api_base(&config.api_url)?;
        let mut http = reqwest::Client::builder();
        // HTTPS_PROXY, ALL_PROXY and NO_PROXY apply to a remote API (reqwest
        // reads them), never to this machine, as Go's ProxyFromEnvironment
        // does: plain http is allowed only to loopback, so the key never
        // travels in clear text to a proxy.
        if is_loopback(&base) {
            http = http.no_proxy();
        }
        let http = http
            .user_agent(config.user_agent)
            .timeout(config.request_timeout)
            .connect_timeout(config.request_timeout.min(Duration::from_secs(10)))
            .pool_idle_timeout(Duration::from_secs(60))
            .redirect(redirect_policy())
            .build()
            .map_err(|e| Error::InvalidConfig(format!("cannot build an HTTP client: {e}")))?;
        Ok(Self {
            http,
            base,
            key: config.api_key,
            timeout: config.request_timeout,
            retry: config.retry,
            pacer: Pacer::default(),
            flights: Flights::default(),
        })
    }

    /// `GET /core/v1/PATH?QUERY`, retried on throttling, outages and network
    /// faults, paced against the rate limit, all within `budget`. Returns the
    /// answer's JSON; what it means is the caller's to say.
    ///
    /// A request identical to one in flight is not sent again: the caller
    /// waits for that one's answer (within its own budget). Should that
    /// flight end for want of its own caller's time, or be cancelled, a
    /// caller with time left asks for itself.
    pub async fn get(
        &self,
        path: &str,
        query: &[(&str, &str)],
        budget: &Budget,
    ) -> Result<serde_json::Value, Error> {
        loop {
            let mut passenger = match self.flights.board(path, query) {
                Seat::Pilot(pilot) => {
                    let landed = self.fetch(path, query, budget).await.map(Arc::new);
                    pilot.land(&landed);
                    return landed.map(Arc::unwrap_or_clone);
                }
                Seat::Passenger(passenger) => passenger,
            };
            tracing::debug!(
                path,
                query = %query_text(query),
                "Joined an identical Katapult request in flight"
            );
            let waited = tokio::time::timeout_at(
                budget.deadline.into(),
                passenger.wait_for(Option::is_some),
            )
            .await;
            let landed = match waited {
                Err(_) => return Err(budget.exceeded()),
                // The pilot's read was cancelled: fly ourselves.
                Ok(Err(_)) => continue,
                Ok(Ok(landed)) => landed.clone(),
            };
            match landed {
                // A read with a budget of its own waits longer for an
                // answer than the one whose request gave up waiting.
                Some(Err(e))
                    if (e.is_out_of_time()
                        || (budget.own && matches!(e, Error::NoAnswer { .. })))
                        && Instant::now() < budget.deadline =>
                {
                    continue;
                }
                Some(landed) => return landed.map(Arc::unwrap_or_clone),
                None => continue,
            }
        }
    }

    /// How many requests one read may have in the air at once: `wanted`, or
    /// fewer when the rate-limit budget is low (see `Pacer::parallelism`).
    pub fn parallelism(&self, wanted: usize) -> usize {
        self.pacer.parallelism(wanted)
    }

    /// The answer of the API to one GET, retried and paced: see `get`.
    ///
    /// Time spent on attempts that got no answer at all, and on the waits
    /// after them, counts against the read's patience (the policy's
    /// `no_answer_limit`, unless the read has a budget of its own): a
    /// stalled API fails the read once that is spent. Waits an answer asks
    /// for (`Retry-After`) count against the read's budget only.
    async fn fetch(
        &self,
        path: &str,
        query: &[(&str, &str)],
        budget: &Budget,
    ) -> Result<serde_json::Value, Error> {
        let url = self.base.join(path).map_err(|e| Error::InvalidApiUrl {
            url: without_credentials(&self.base),
            reason: format!("cannot take the path {}: {e}", crate::text::quoted(path)),
        })?;
        let (started, deadline) = (Instant::now(), budget.deadline);
        let mut stall = Stall {
            limit: if budget.own {
                None
            } else {
                self.retry.no_answer_limit
            },
            waited: Duration::ZERO,
        };
        let mut retries = 0;
        let out_of_time = budget.exceeded();
        loop {
            if self.pacer.acquire(deadline).await.is_err() {
                return Err(self.gave_up(retries, started, out_of_time));
            }
            let left = deadline.saturating_duration_since(Instant::now());
            let patience = stall.left();
            let timeout = self
                .timeout
                .min(left)
                .min(patience.unwrap_or(Duration::MAX));
            let attempt = Instant::now();
            let failure = match self.try_get(&url, path, query, timeout).await {
                Ok(json) => return Ok(json),
                Err(failure) => failure,
            };
            if !failure.answered {
                stall.waited += attempt.elapsed();
            }
            // Cut short by the read's budget or patience, not by its own
            // timeout (nor by the shorter one for connecting).
            if matches!(failure.error, Error::Timeout(_))
                && timeout < self.timeout
                && attempt.elapsed() + TIMER_SLACK >= timeout
            {
                return Err(match patience {
                    Some(patience) if patience <= left => stall.gave_up(retries + 1, failure.error),
                    _ => self.gave_up(retries, started, out_of_time),
                });
            }
            let Retry::After(after) = failure.retry else {
                return Err(self.gave_up(retries, started, failure.error));
            };
            let wait = after.unwrap_or_else(|| self.retry.backoff(retries));
            if !failure.answered && stall.left().is_some_and(|left| wait >= left) {
                return Err(stall.gave_up(retries + 1, failure.error));
            }
            let resume = Instant::now().checked_add(wait).filter(|t| *t < deadline);
            let Some(resume) = resume.filter(|_| retries < self.retry.max_retries) else {
                return Err(self.gave_up(retries, started, failure.error));
            };
            if matches!(failure.error, Error::RateLimited { .. }) {
                self.pacer.pause_until(resume);
            }
            retries += 1;
            tracing::debug!(
                path,
                query = %query_text(query),
                retry = retries,
                reason = %failure.error,
                wait_ms = wait.as_millis() as u64,
                "Retrying Katapult request"
            );
            tokio::time::sleep_until(resume.into()).await;
            if !failure.answered {
                stall.waited += wait;
            }
        }
    }

    /// The error to return after `retries` retries: the last one, noting
    /// the retries when there were any.
    fn gave_up(&self, retries: u32, started: Instant, last: Error) -> Error {
        if retries == 0 {
            return last;
        }
        Error::GaveUp {
            attempts: retries + 1,
            elapsed: started.elapsed(),
            last: Box::new(last),
        }
    }

    /// One attempt: the answer's JSON, or the failure and whether to retry.
    async fn try_get(
        &self,
        url: &Url,
        path: &str,
        query: &[(&str, &str)],
        timeout: Duration,
    ) -> Result<serde_json::Value, Failure> {
        let started = Instant::now();
        let response = self
            .http
            .get(url.clone())
            .query(query)
            .bearer_auth(self.key.expose())
            .header(header::ACCEPT, "application/json")
            .timeout(timeout)
            .send()
            .await
            .map_err(|e| {
                if e.is_builder() {
                    Failure::never(not_built(&e, url, query))
                } else {
                    self.transport_failure(&e, timeout)
                }
            })?;
        let status = response.status().as_u16();
        let answer = Answer::read(response).await.map_err(|e| match e {
            BodyError::TooLarge(problem) => {
                Failure::never(Error::UnexpectedResponse { status, problem })
            }
            BodyError::Http(e) => self.transport_failure(&e, timeout),
        })?;
        self.pacer.observe(answer.remaining, answer.permitted);
        tracing::debug!(
            path,
            query = %query_text(query),
            http_status = status,
            latency_ms = started.elapsed().as_millis() as u64,
            api_request_id = answer.request_id.as_deref().unwrap_or(""),
            body_bytes = answer.body.len(),
            "Katapult API answered GET /{path}"
        );
        if (200..300).contains(&status) {
            return answer.json().map_err(Failure::never);
        }
        let retry = match status {
            429 | 502 | 503 | 504 => {
                Retry::After(answer.retry_after.as_deref().and_then(parse_retry_after))
            }
            _ => Retry::Never,
        };
        Err(Failure {
            error: answer.error(),
            retry,
            answered: true,
        })
    }

    /// Network faults: worth retrying, except a host that does not resolve,
    /// a redirect refused, and an answer that is not HTTP at all.
    fn transport_failure(&self, e: &reqwest::Error, timeout: Duration) -> Failure {
        let error = if e.is_timeout() {
            Error::Timeout(timeout)
        } else if let Some(reason) = dns_failure(e) {
            return Failure::never(Error::Resolve {
                host: self.base.host_str().unwrap_or_default().to_owned(),
                reason,
            });
        } else if let Some(problem) = certificate_problem(e) {
            return Failure::never(Error::Certificate {
                host: server_text(self.base.host_str().unwrap_or_default()),
                problem,
            });
        } else if let Some(reason) = not_tls(e) {
            return Failure::never(Error::NotTls {
                url: without_credentials(&self.base),
                reason,
            });
        } else if let Some(problem) = not_http(e) {
            return Failure::never(Error::UnexpectedResponse { status: 0, problem });
        } else if e.is_connect() {
            Error::Connect {
                url: without_credentials(&self.base),
                reason: root_cause(e),
            }
        } else if e.is_redirect() {
            return Failure::never(Error::Transport(root_cause(e)));
        } else {
            Error::Transport(root_cause(e))
        };
        Failure {
            error,
            retry: Retry::After(None),
            answered: false,
        }
    }
}

/// The error for a request that could not be built: what the builder
/// said, how long its URL would be, and which argument takes most of it.
fn not_built(e: &reqwest::Error, url: &Url, query: &[(&str, &str)]) -> Error {
    let mut full = url.clone();
    if !query.is_empty() {
        full.query_pairs_mut().extend_pairs(query);
    }
    // An argument by its name before any `[`: `annotations[][key]` and
    // `annotations[][value]` are one filter.
    let mut sizes: Vec<(&str, usize)> = Vec::new();
    for (key, value) in query {
        let name = key.split('[').next().unwrap_or(key);
        let size = key.len() + value.len() + 2;
        match sizes.iter_mut().find(|(n, _)| *n == name) {
            Some((_, total)) => *total += size,
            None => sizes.push((name, size)),
        }
    }
    Error::RequestNotBuilt {
        reason: server_text(&root_cause(e)),
        url_length: full.as_str().len(),
        argument: sizes
            .iter()
            .max_by_key(|(_, size)| *size)
            .map(|(name, _)| crate::text::shown(name, 100)),
    }
}

/// What is wrong with the server's certificate, when the TLS handshake
/// failed because it did not verify.
fn certificate_problem(e: &reqwest::Error) -> Option<CertificateProblem> {
    let mut cause: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(c) = cause {
        if let Some(rustls::Error::InvalidCertificate(problem)) = rustls_error(c) {
            return Some(certificate_words(problem));
        }
        cause = c.source();
    }
    None
}

/// A name a certificate is for, as webpki shows it (`DnsName("x")`,
/// `IpAddress(1.2.3.4)`): the name alone.
fn presented_name(shown: &str) -> &str {
    for (start, end) in [
        ("DnsName(\"", "\")"),
        ("UniformResourceIdentifier(\"", "\")"),
        ("IpAddress(", ")"),
    ] {
        if let Some(name) = shown.strip_prefix(start).and_then(|n| n.strip_suffix(end)) {
            return name;
        }
    }
    shown
}

/// rustls's verdict on a certificate, as this provider words it.
fn certificate_words(problem: &rustls::CertificateError) -> CertificateProblem {
    use rustls::CertificateError as E;
    let unix = |t: &rustls::pki_types::UnixTime| i64::try_from(t.as_secs()).ok();
    match problem {
        E::NotValidForName => CertificateProblem::WrongName {
            presented: Vec::new(),
        },
        E::NotValidForNameContext { presented, .. } => CertificateProblem::WrongName {
            presented: presented
                .iter()
                .map(|n| server_text(presented_name(n)))
                .collect(),
        },
        E::UnknownIssuer => CertificateProblem::UnknownIssuer,
        E::Expired => CertificateProblem::Expired { not_after: None },
        E::ExpiredContext { not_after, .. } => CertificateProblem::Expired {
            not_after: unix(not_after),
        },
        E::NotValidYet => CertificateProblem::NotYetValid { not_before: None },
        E::NotValidYetContext { not_before, .. } => CertificateProblem::NotYetValid {
            not_before: unix(not_before),
        },
        E::Revoked => CertificateProblem::Revoked,
        other => CertificateProblem::Other(server_text(&other.to_string())),
    }
}

/// A query as a log line shows it: `disk[id]=disk_1&page=2`, each value
/// cut (a value is the user's, and may be anything).
fn query_text(query: &[(&str, &str)]) -> String {
    query
        .iter()
        .map(|(k, v)| format!("{k}={}", crate::text::shown(v, 100)))
        .collect::<Vec<_>>()
        .join("&")
}

/// The resolver's word when the API's host name did not resolve. hyper-util
/// marks such connect errors "dns error"; nothing typed says so.
fn dns_failure(e: &reqwest::Error) -> Option<String> {
    if !e.is_connect() {
        return None;
    }
    let mut cause: &(dyn std::error::Error + 'static) = e;
    while let Some(next) = cause.source() {
        if cause.to_string().starts_with("dns error") {
            return Some(root_cause(cause));
        }
        cause = next;
    }
    None
}

/// What was wrong when the server's answer could not be parsed as HTTP
/// (garbage, or a head larger than HTTP allows).
fn not_http(e: &reqwest::Error) -> Option<String> {
    let mut cause: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(c) = cause {
        if let Some(h) = c.downcast_ref::<hyper::Error>()
            && (h.is_parse() || h.is_parse_too_large())
        {
            return Some(format!(
                "an answer that is not valid HTTP ({})",
                server_text(&root_cause(c))
            ));
        }
        cause = c.source();
    }
    None
}

/// TLS's word when the server's first answer was no TLS record at all (a
/// plain-HTTP server behind an `https://` URL): rustls calls it a corrupt
/// message.
fn not_tls(e: &reqwest::Error) -> Option<String> {
    let mut cause: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(c) = cause {
        if let Some(tls @ rustls::Error::InvalidMessage(_)) = rustls_error(c) {
            return Some(server_text(&tls.to_string()));
        }
        cause = c.source();
    }
    None
}

/// The rustls error `e` is, or wraps in `io::Error`s (whose `source()`
/// skips what they wrap, so each is opened).
fn rustls_error<'a>(mut e: &'a (dyn std::error::Error + 'static)) -> Option<&'a rustls::Error> {
    loop {
        if let Some(tls) = e.downcast_ref::<rustls::Error>() {
            return Some(tls);
        }
        e = e.downcast_ref::<std::io::Error>()?.get_ref()?;
    }
}

/// Follows at most 3 redirects, and never from https to plain http.
/// (reqwest itself drops the Authorization header on a redirect to another
/// host or port, so the key never leaves for somewhere else.)
fn redirect_policy() -> reqwest::redirect::Policy {
    reqwest::redirect::Policy::custom(|attempt| {
        let downgrade = attempt.previous().iter().any(|u| u.scheme() == "https")
            && attempt.url().scheme() != "https";
        if downgrade {
            attempt.error("refusing a redirect from https to plain http")
        } else if attempt.previous().len() > 3 {
            attempt.error("too many redirects")
        } else {
            attempt.follow()
        }
    })
}

/// Checks an API URL as the client would take it, without building one.
pub fn check_api_url(api_url: &str) -> Result<(), Error> {
    api_base(api_url).map(|_| ())
}

/// The API root for a user's `api_url`: scheme and host checked, `/core/v1/`
/// added unless it is there already.
fn api_base(api_url: &str) -> Result<Url, Error> {
    let mut url = Url::parse(api_url).map_err(|e| Error::InvalidApiUrl {
        url: redacted(api_url),
        reason: format!("is not a URL: {e}"),
    })?;
    // Shown as the user wrote it, less anything before an `@`: a URL can
    // parse with a password outside its user-info ("admin:pw@host" has the
    // scheme "admin"), where removing the parsed credentials removes nothing.
    let invalid = |reason: &str| Error::InvalidApiUrl {
        url: redacted(api_url),
        reason: reason.to_owned(),
    };
    match url.scheme() {
        "https" => {}
        // A key sent in clear text is a key given away, except to this machine.
        "http" if is_loopback(&url) => {}
        "http" => {
            return Err(invalid(
                "uses plain http, which would send the API key unencrypted; use https",
            ));
        }
        _ => return Err(invalid("must start with https://")),
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(invalid(
            "holds a user name or password; the API key goes in api_key (or KATAPULT_API_KEY)",
        ));
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(invalid("must not have a query or fragment"));
    }
    let path = url.path().trim_end_matches('/');
    let path = path.strip_suffix("/core/v1").unwrap_or(path);
    url.set_path(&format!("{path}/core/v1/"));
    Ok(url)
}

/// A URL as it may be shown: without a user name or password.
fn without_credentials(url: &Url) -> String {
    let mut shown = url.clone();
    let _ = shown.set_username("");
    let _ = shown.set_password(None);
    server_text(shown.as_str())
}

/// Text that failed to parse as a URL, shown without anything that may be
/// credentials: everything between the scheme and the last `@` is cut. A
/// password may hold `/`, `?` or `#` (which is why the URL did not parse),
/// so the authority's end cannot be told from the text; the last `@` can.
fn redacted(text: &str) -> String {
    let after_scheme = text.find("://").map_or(0, |i| i + 3);
    match text[after_scheme..].rfind('@') {
        Some(at) => server_text(&format!(
            "{}<credentials removed>@{}",
            &text[..after_scheme],
            &text[after_scheme + at + 1..]
        )),
        None => server_text(text),
    }
}

fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        None => false,
    }
}

/// The innermost cause, which says what happened ("Connection refused")
/// where the outer layers only say where.
fn root_cause(e: &(dyn std::error::Error + 'static)) -> String {
    let mut cause = e;
    while let Some(next) = cause.source() {
        cause = next;
    }
    cause.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An `https://` URL served by plain HTTP fails at once, in words.
    #[tokio::test]
    async fn https_to_a_plain_http_server_is_refused_at_once() {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("https://{}", listener.local_addr().unwrap());
        let accepts = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let counted = std::sync::Arc::clone(&accepts);
        tokio::spawn(async move {
            while let Ok((mut stream, _)) = listener.accept().await {
                counted.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                let mut buf = [0u8; 1024];
                let _ = stream.read(&mut buf).await;
                let _ = stream
                    .write_all(b"HTTP/1.1 400 Bad Request\r\ncontent-length: 0\r\n\r\n")
                    .await;
            }
        });
        let client = Client::new(ClientConfig {
            api_url: url,
            api_key: ApiKey::parse("kp_test").unwrap(),
            request_timeout: Duration::from_secs(5),
            retry: RetryPolicy::default(),
            user_agent: header::HeaderValue::from_static("test"),
        })
        .unwrap();
        let err = client
            .get("disks/disk", &[], &Budget::new(Duration::from_secs(30)))
            .await
            .unwrap_err();
        assert!(
            matches!(&err, Error::NotTls { url, .. } if url.starts_with("https://127.0.0.1:")),
            "{err:?}"
        );
        assert_eq!(
            accepts.load(std::sync::atomic::Ordering::SeqCst),
            1,
            "not retried"
        );
    }

    use std::sync::atomic::{AtomicUsize, Ordering};
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    /// A client of `url`: a request timeout of `timeout`, and a read waits
    /// `no_answer` at most for an API that does not answer.
    fn client_of(url: String, timeout: Duration, no_answer: Option<Duration>) -> Client {
        Client::new(ClientConfig {
            api_url: url,
            api_key: ApiKey::parse("kp_test").unwrap(),
            request_timeout: timeout,
            retry: RetryPolicy {
                no_answer_limit: no_answer,
                ..RetryPolicy::default()
            },
            user_agent: header::HeaderValue::from_static("test"),
        })
        .unwrap()
    }

    /// A server on 127.0.0.1 that accepts connections and never answers;
    /// its URL, and how many connections it accepted.
    async fn stalled_server() -> (String, Arc<AtomicUsize>) {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let accepts = Arc::new(AtomicUsize::new(0));
        let counted = Arc::clone(&accepts);
        tokio::spawn(async move {
            let mut held = Vec::new();
            while let Ok((stream, _)) = listener.accept().await {
                counted.fetch_add(1, Ordering::SeqCst);
                held.push(stream);
            }
        });
        (url, accepts)
    }

    /// A server that answers its connections' requests with `answers` in
    /// turn (the last one from then on), each closing its connection.
    async fn answering_server(answers: Vec<&'static str>) -> (String, Arc<AtomicUsize>) {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let accepts = Arc::new(AtomicUsize::new(0));
        let counted = Arc::clone(&accepts);
        tokio::spawn(async move {
            while let Ok((mut stream, _)) = listener.accept().await {
                let n = counted.fetch_add(1, Ordering::SeqCst);
                let answer = answers[n.min(answers.len() - 1)];
                tokio::spawn(async move {
                    let mut buf = [0u8; 4096];
                    let _ = stream.read(&mut buf).await;
                    let _ = stream.write_all(answer.as_bytes()).await;
                    let _ = stream.shutdown().await;
                });
            }
        });
        (url, accepts)
    }

    /// Issue 33: a stalled API fails a read with the usual budget once the
    /// read has waited its no-answer limit, in words that say so, however
    /// many retries and however long a budget it had left.
    #[tokio::test]
    async fn a_stalled_api_fails_the_read_at_its_no_answer_limit() {
        let (url, accepts) = stalled_server().await;
        let client = client_of(
            url,
            Duration::from_secs(1),
            Some(Duration::from_millis(2500)),
        );
        let started = Instant::now();
        let err = client
            .get("disks/disk", &[], &Budget::new(Duration::from_secs(60)))
            .await
            .unwrap_err();
        let took = started.elapsed();
        let Error::NoAnswer {
            limit,
            waited,
            attempts,
            last,
        } = &err
        else {
            panic!("{err:?}")
        };
        assert_eq!(*limit, Duration::from_millis(2500));
        assert!(matches!(**last, Error::Timeout(_)), "{last:?}");
        assert!((2..=3).contains(attempts), "{attempts} attempts");
        assert_eq!(accepts.load(Ordering::SeqCst), *attempts as usize);
        assert!(*waited <= Duration::from_millis(2600), "waited {waited:?}");
        assert!(
            took >= Duration::from_secs(2) && took < Duration::from_secs(5),
            "took {took:?}"
        );
    }

    /// A read given its own budget (`timeouts { read }`) waits up to it.
    #[tokio::test]
    async fn a_read_with_a_budget_of_its_own_waits_up_to_it() {
        let (url, accepts) = stalled_server().await;
        let client = client_of(
            url,
            Duration::from_secs(1),
            Some(Duration::from_millis(1500)),
        );
        let started = Instant::now();
        let err = client
            .get("disks/disk", &[], &Budget::own(Duration::from_secs(4)))
            .await
            .unwrap_err();
        let took = started.elapsed();
        // Its attempts ran out against its budget (the last one cut by it,
        // or the next wait past it), well past the usual no-answer limit.
        assert!(
            matches!(&err, Error::GaveUp { last, .. } if last.is_out_of_time()),
            "{err:?}"
        );
        assert!(took >= Duration::from_secs(3), "took {took:?}");
        assert!(accepts.load(Ordering::SeqCst) >= 3);
    }

    /// A wait a 429 asks for is the API answering: it counts against the
    /// read's budget, never against the wait for an API that does not
    /// answer; and one past the budget fails the read at once.
    #[tokio::test]
    async fn retry_after_counts_against_the_budget_not_the_no_answer_limit() {
        const LIMITED: &str = "HTTP/1.1 429 Too Many Requests\r\nretry-after: 2\r\n\
            content-type: application/json\r\nconnection: close\r\ncontent-length: 68\r\n\r\n\
            {\"error\":{\"code\":\"rate_limit_reached\",\"description\":\"\",\"detail\":{}}}";
        const OK: &str = "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n\
            connection: close\r\ncontent-length: 2\r\n\r\n{}";
        let (url, accepts) = answering_server(vec![LIMITED, OK]).await;
        let client = client_of(
            url,
            Duration::from_secs(5),
            Some(Duration::from_millis(500)),
        );
        let started = Instant::now();
        let answer = client
            .get("disks/disk", &[], &Budget::new(Duration::from_secs(20)))
            .await;
        assert_eq!(answer.unwrap(), serde_json::json!({}));
        assert!(started.elapsed() >= Duration::from_secs(2));
        assert_eq!(accepts.load(Ordering::SeqCst), 2);

        let (url, accepts) = answering_server(vec![LIMITED, OK]).await;
        let client = client_of(url, Duration::from_secs(5), None);
        let started = Instant::now();
        let err = client
            .get("disks/disk", &[], &Budget::new(Duration::from_secs(1)))
            .await
            .unwrap_err();
        assert!(matches!(err, Error::RateLimited { .. }), "{err:?}");
        assert!(started.elapsed() < Duration::from_millis(900));
        assert_eq!(accepts.load(Ordering::SeqCst), 1);
    }

    /// A request that cannot be built (a URL past what HTTP carries) is
    /// never sent nor retried, and names the argument taking most of it.
    #[tokio::test]
    async fn a_request_that_cannot_be_built_is_never_sent_nor_retried() {
        let (url, accepts) = stalled_server().await;
        let client = client_of(url, Duration::from_secs(5), None);
        let value = "v".repeat(60);
        let mut query = vec![("organization[sub_domain]", "acme")];
        for _ in 0..1000 {
            query.push(("annotations[][key]", "role"));
            query.push(("annotations[][value]", value.as_str()));
        }
        let started = Instant::now();
        let err = client
            .get(
                "organizations/organization/disks",
                &query,
                &Budget::new(Duration::from_secs(30)),
            )
            .await
            .unwrap_err();
        assert!(started.elapsed() < Duration::from_secs(1));
        let Error::RequestNotBuilt {
            url_length,
            argument,
            ..
        } = &err
        else {
            panic!("{err:?}")
        };
        assert!(*url_length > 65_535, "{url_length}");
        assert_eq!(argument.as_deref(), Some("annotations"));
        assert_eq!(accepts.load(Ordering::SeqCst), 0, "nothing sent");
    }

    /// A TLS server whose certificate, for `names`, is signed by a CA no
    /// one trusts: its URL, and how many handshakes it saw.
    async fn untrusted_tls_server(names: &[&str]) -> (String, Arc<AtomicUsize>) {
        use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
        let key = rcgen::KeyPair::generate().unwrap();
        let params =
            rcgen::CertificateParams::new(names.iter().map(|n| n.to_string()).collect::<Vec<_>>())
                .unwrap();
        let cert = params.self_signed(&key).unwrap();
        let config = rustls::ServerConfig::builder_with_provider(Arc::new(
            rustls::crypto::aws_lc_rs::default_provider(),
        ))
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_no_client_auth()
        .with_single_cert(
            vec![CertificateDer::from(cert.der().to_vec())],
            PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(key.serialize_der())),
        )
        .unwrap();
        let acceptor = tokio_rustls::TlsAcceptor::from(Arc::new(config));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!(
            "https://localhost:{}",
            listener.local_addr().unwrap().port()
        );
        let accepts = Arc::new(AtomicUsize::new(0));
        let counted = Arc::clone(&accepts);
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                counted.fetch_add(1, Ordering::SeqCst);
                let acceptor = acceptor.clone();
                tokio::spawn(async move {
                    let _ = acceptor.accept(stream).await;
                });
            }
        });
        (url, accepts)
    }

    /// Issue 33: a certificate that does not verify is one handshake,
    /// never retried, and says what is wrong with it.
    #[tokio::test]
    async fn a_certificate_that_does_not_verify_is_never_retried() {
        let (url, accepts) = untrusted_tls_server(&["localhost"]).await;
        let client = client_of(url, Duration::from_secs(5), None);
        let started = Instant::now();
        let err = client
            .get("disks/disk", &[], &Budget::new(Duration::from_secs(30)))
            .await
            .unwrap_err();
        assert!(
            matches!(
                &err,
                Error::Certificate { host, problem: CertificateProblem::UnknownIssuer }
                    if host == "localhost"
            ),
            "{err:?}"
        );
        assert_eq!(accepts.load(Ordering::SeqCst), 1, "one handshake");
        assert!(started.elapsed() < Duration::from_secs(2));
    }

    /// rustls's verdicts, in the provider's words: the names a certificate
    /// is for, the date it expired or starts.
    #[test]
    fn certificate_problems_name_what_is_wrong() {
        use rustls::CertificateError as E;
        use rustls::pki_types::{ServerName, UnixTime};
        let wrong = certificate_words(&E::NotValidForNameContext {
            expected: ServerName::try_from("api.katapult.io").unwrap(),
            presented: vec!["DnsName(\"proxy.corp.example\")".to_owned()],
        });
        assert!(
            wrong
                .to_string()
                .starts_with("is not valid for that host name (it names"),
            "{wrong}"
        );
        assert!(wrong.to_string().contains("proxy.corp.example"), "{wrong}");
        let expired = certificate_words(&E::ExpiredContext {
            time: UnixTime::since_unix_epoch(Duration::from_secs(1_790_000_000)),
            not_after: UnixTime::since_unix_epoch(Duration::from_secs(1_700_000_000)),
        });
        assert_eq!(
            expired,
            CertificateProblem::Expired {
                not_after: Some(1_700_000_000)
            }
        );
        assert_eq!(
            expired.to_string(),
            "has expired on 2023-11-14 22:13:20 UTC"
        );
        let early = certificate_words(&E::NotValidYetContext {
            time: UnixTime::since_unix_epoch(Duration::from_secs(1_700_000_000)),
            not_before: UnixTime::since_unix_epoch(Duration::from_secs(1_790_000_000)),
        });
        assert!(early.to_string().contains("until 2026-09-21"), "{early}");
        assert_eq!(
            certificate_words(&E::UnknownIssuer),
            CertificateProblem::UnknownIssuer
        );
        assert_eq!(certificate_words(&E::Revoked), CertificateProblem::Revoked);
    }

    #[test]
    fn api_base_adds_core_v1_once_and_guards_the_key() {
        let ok = [
            (
                "https://api.katapult.io",
                "https://api.katapult.io/core/v1/",
            ),
            (
                "https://api.katapult.io/",
                "https://api.katapult.io/core/v1/",
            ),
            (
                "https://api.katapult.io/core/v1",
                "https://api.katapult.io/core/v1/",
            ),
            (
                "https://proxy.example/katapult/",
                "https://proxy.example/katapult/core/v1/",
            ),
            ("http://127.0.0.1:8080", "http://127.0.0.1:8080/core/v1/"),
            ("http://localhost:1", "http://localhost:1/core/v1/"),
            ("http://[::1]:1", "http://[::1]:1/core/v1/"),
        ];
        for (input, want) in ok {
            assert_eq!(api_base(input).unwrap().as_str(), want, "{input}");
        }
        let bad = [
            ("http://api.katapult.io", "plain http"),
            ("ftp://x", "must start with https://"),
            ("not a url", "is not a URL"),
            ("https://x/?a=b", "query"),
        ];
        for (input, want) in bad {
            let err = api_base(input).unwrap_err().to_string();
            assert!(err.contains(want), "{input}: {err}");
        }
    }

    #[test]
    fn api_key_debug_is_redacted() {
        let key = ApiKey::parse("kp_secret_123").unwrap();
        assert_eq!(format!("{key:?}"), "ApiKey(<redacted>)");
    }

    #[test]
    fn api_keys_are_trimmed_and_checked_without_being_shown() {
        for raw in [
            "kp_abc.DEF-123",
            "kp_abc.DEF-123\n",
            "  kp_abc.DEF-123\r\n",
            "\tkp_abc.DEF-123 ",
        ] {
            assert_eq!(
                ApiKey::parse(raw).unwrap().expose(),
                "kp_abc.DEF-123",
                "{raw:?}"
            );
        }
        let bad = [
            ("", "is empty"),
            (" \n", "is empty"),
            ("kp_abc\u{0}def", "a control character at character 7 of 10"),
            ("kp_abc\rdef", "a control character at character 7"),
            ("kp abc", "a space at character 3"),
            ("kp\u{a0}abc", "a space"),
            ("kp_äbc", "a character outside ASCII at character 4"),
        ];
        for (raw, want) in bad {
            let err = ApiKey::parse(raw).err().unwrap().to_string();
            assert!(err.contains(want), "{raw:?}: {err}");
            assert!(!err.contains("abc"), "{raw:?}: the key is shown: {err}");
        }
    }

    #[test]
    fn credentials_in_an_api_url_are_refused_and_never_shown() {
        for url in [
            "https://user:hunter2@api.katapult.io",
            "https://hunter2@api.katapult.io/",
            "http://user:hunter2@127.0.0.1:1",
            "https://user:hunter2@[not a host/",
            "ht tp://user:hunter2@x",
            "https://admin:hun#ter2@api.example.com",
            "https://admin:hunter2/x@api.example.com",
            "https://admin:hun?ter2@api.example.com",
            "https://admin:hun@ter2@api:example.com",
            "admin:hunter2@api example.com",
        ] {
            let err = api_base(url).unwrap_err();
            let text = format!("{err} {err:?}");
            assert!(!text.contains("hunter2"), "{url}: {text}");
        }
        let err = api_base("https://user:hunter2@api.katapult.io").unwrap_err();
        assert!(err.to_string().contains("user name or password"), "{err}");
    }
}
