//! Every way a call to Katapult can fail, as the API documents it and as the
//! network delivers it: the type alone. Reading it out of an answer is
//! `response`'s.

use std::time::Duration;

/// A failed call to the Katapult API.
///
/// Messages never include the API key or a response body's values: the
/// diagnostics built from these go into Terraform's output and logs.
#[derive(Debug, Clone, thiserror::Error)]
pub enum Error {
    #[error("the request carried no API token (missing_api_token)")]
    MissingApiToken,
    #[error("the API token is not valid (invalid_api_token){}", opt(.details))]
    InvalidApiToken { details: Option<String> },
    #[error("the capabilities token is not valid (invalid_capabilities_token)")]
    InvalidCapabilitiesToken,
    #[error("this network may not use the API token (unauthorized_network_for_api_token){}", opt(.ip_address))]
    UnauthorizedNetwork { ip_address: Option<String> },
    #[error("the API token lacks the scope this call needs (scope_not_granted)")]
    ScopeNotGranted { scopes: Vec<String> },
    /// What was asked for does not exist, or this key cannot see it: a
    /// `..._not_found` code. Each caller says what "not found" means for
    /// its lookup, when the code is its object's own.
    #[error("nothing matches the request ({code})")]
    NotFound { code: String },
    /// No Katapult API endpoint answers at the URL: a 404 `route_not_found`,
    /// or a 404 that is not a Katapult "not found" at all (an HTML page, an
    /// empty body, another code). The API URL is wrong, not the lookup.
    #[error("no Katapult API endpoint answers there (HTTP {status}: {problem})")]
    NoEndpoint { status: u16, problem: String },
    #[error("the object is in the trash (object_in_trash)")]
    InTrash {
        /// When the trash is emptied of it.
        keep_until: Option<TrashTime>,
        /// What it is, as Katapult names it (`Disk`).
        object_type: Option<String>,
    },
    #[error("rate limit reached (rate_limit_reached)")]
    RateLimited {
        /// Requests per minute the token may make.
        permitted: Option<u64>,
    },
    #[error("the service is unavailable (service_unavailable)")]
    ServiceUnavailable,
    /// A 403 `organization_suspended`: the organization may not be used.
    #[error("the organization is suspended (organization_suspended)")]
    OrganizationSuspended,
    /// A 403 `organization_not_activated`: the organization was never
    /// activated.
    #[error("the organization is not activated (organization_not_activated)")]
    OrganizationNotActivated,
    /// A 403 `permission_denied`: the key's user may not see this object.
    /// `description` is the API's own words, shown as server text.
    #[error("permission denied (permission_denied){}", opt(.description))]
    PermissionDenied { description: Option<String> },
    /// A 403 `object_storage_account_not_provisioned`: the organization has
    /// no object storage in that region yet.
    #[error("no object storage account is provisioned (object_storage_account_not_provisioned)")]
    ObjectStorageNotProvisioned,
    /// A 403 `object_storage_account_suspended`.
    #[error("the object storage account is suspended (object_storage_account_suspended)")]
    ObjectStorageSuspended,
    #[error("HTTP {status}: {description} ({code})")]
    Other {
        status: u16,
        code: String,
        description: String,
    },
    #[error("HTTP {status} with a body that is not what the API sends: {problem}")]
    UnexpectedResponse { status: u16, problem: String },
    #[error("no answer within {0:?}")]
    Timeout(Duration),
    #[error("the read's time budget of {budget:?} ran out")]
    DeadlineExceeded {
        budget: Duration,
        /// Set for this read (a data source's own timeout), not the usual one.
        own: bool,
    },
    /// The API gave no answer at all (requests timed out, connections
    /// failed) for `limit`, the most a read with the usual budget waits for
    /// one: `waited` in all over `attempts` attempts, the last failing so.
    #[error("no answer from the API in {waited:.1?} over {attempts} attempts ({last})")]
    NoAnswer {
        limit: Duration,
        waited: Duration,
        attempts: u32,
        last: Box<Error>,
    },
    #[error("{last} (gave up after {attempts} attempts over {elapsed:.1?})")]
    GaveUp {
        attempts: u32,
        elapsed: Duration,
        last: Box<Error>,
    },
    #[error("could not connect to {url}: {reason}")]
    Connect { url: String, reason: String },
    /// An `https://` API URL whose server answered something other than
    /// TLS (plain HTTP, most likely): a mismatch no retry mends.
    #[error("the server at {url} did not answer TLS: {reason}")]
    NotTls { url: String, reason: String },
    /// The server's TLS certificate did not verify: no retry mends it.
    #[error("the TLS certificate of {host} {problem}")]
    Certificate {
        host: String,
        problem: CertificateProblem,
    },
    /// The request could not be built (a URL too long or holding what a
    /// URL cannot carry), so nothing was sent: no retry mends it.
    /// `argument` is the query argument with the longest value, when there
    /// were any (its name only), `url_length` the URL's length.
    #[error("the request could not be built: {reason}")]
    RequestNotBuilt {
        reason: String,
        url_length: usize,
        argument: Option<String>,
    },
    /// The API's host name does not resolve: a typo, not a passing fault.
    #[error("could not resolve the host {host}: {reason}")]
    Resolve { host: String, reason: String },
    #[error("the request failed: {0}")]
    Transport(String),
    /// The configured API URL cannot be used. `url` is shown without any
    /// user name or password it held.
    #[error("the API URL \"{url}\" {reason}")]
    InvalidApiUrl { url: String, reason: String },
    /// The API key cannot be sent as it is. Never holds the key.
    #[error("the API key {0}")]
    InvalidApiKey(String),
    #[error("{0}")]
    InvalidConfig(String),
}

impl Error {
    /// Whether the request ended for want of its read's time (its budget or
    /// a request timeout), not for anything the API said.
    pub(crate) fn is_out_of_time(&self) -> bool {
        match self {
            Error::DeadlineExceeded { .. } | Error::Timeout(_) => true,
            Error::GaveUp { last, .. } => last.is_out_of_time(),
            _ => false,
        }
    }
}

/// What is wrong with a server's TLS certificate, as far as the check
/// that refused it says.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum CertificateProblem {
    /// Issued for other names than the host (`presented`, when known).
    #[error("is not valid for that host name{}", names(.presented))]
    WrongName { presented: Vec<String> },
    /// Not signed by any certificate authority this machine trusts.
    #[error("was not issued by a certificate authority this machine trusts")]
    UnknownIssuer,
    /// Past its end (a Unix time, when known).
    #[error("has expired{}", at(" on", *.not_after))]
    Expired { not_after: Option<i64> },
    /// Before its start (a Unix time, when known).
    #[error("is not valid yet{}", at(" until", *.not_before))]
    NotYetValid { not_before: Option<i64> },
    #[error("has been revoked")]
    Revoked,
    /// Anything else the check said, in its words.
    #[error("did not verify: {0}")]
    Other(String),
}

fn names(presented: &[String]) -> String {
    if presented.is_empty() {
        return String::new();
    }
    let shown: Vec<_> = presented.iter().take(5).map(|n| format!("{n:?}")).collect();
    let more = presented.len().saturating_sub(5);
    format!(
        " (it names {}{})",
        shown.join(", "),
        if more > 0 {
            format!(" and {more} more")
        } else {
            String::new()
        }
    )
}

fn at(word: &str, time: Option<i64>) -> String {
    time.map(|t| format!("{word} {}", crate::timefmt::utc_date_time(t)))
        .unwrap_or_default()
}

fn opt(value: &Option<String>) -> String {
    value.as_ref().map(|v| format!(": {v}")).unwrap_or_default()
}

/// When something in the trash is purged: a Unix time, or the API's own
/// text for it when that is no time this provider can show (2^64, -1e99).
#[derive(Debug, Clone, PartialEq)]
pub enum TrashTime {
    Unix(i64),
    Raw(String),
}
