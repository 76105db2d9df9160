//! Diagnostics: what Terraform shows a user when something is wrong, and the
//! one place where the provider's typed errors become them.
//!
//! A summary is a short title; the detail says what happened and what to do.

use crate::katapult;
use crate::tftypes::AttributePath;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Error,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub summary: String,
    pub detail: String,
    /// The configuration attribute to blame, when an input is to blame.
    pub path: Option<AttributePath>,
}

impl Diagnostic {
    pub fn error(summary: impl Into<String>, detail: impl Into<String>) -> Self {
        Self {
            severity: Severity::Error,
            summary: summary.into(),
            detail: detail.into(),
            path: None,
        }
    }

    pub fn at(mut self, path: AttributePath) -> Self {
        self.path = Some(path);
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl From<&katapult::Error> for Diagnostic {
    fn from(err: &katapult::Error) -> Self {
        from_api(err)
    }
}

pub(crate) fn from_api(err: &katapult::Error) -> Diagnostic {
    use katapult::Error as E;
    let (summary, detail) = match err {
        E::GaveUp {
            attempts,
            elapsed,
            last,
        } => {
            let mut diag = from_api(last);
            diag.detail = format!(
                "{} (Gave up after {attempts} attempts over {:.1}s; max_retries and read_timeout in \
                 the provider block set how hard it tries.)",
                diag.detail,
                elapsed.as_secs_f64()
            );
            return diag;
        }
        E::DeadlineExceeded { budget, own: true } => (
            "Read timed out",
            format!(
                "The read did not finish within its time budget of {budget:?}, set by \
                 timeouts {{ read = \"...\" }} on this data source. Raise it there."
            ),
        ),
        E::DeadlineExceeded { budget, own: false } => (
            "Read timed out",
            format!(
                "The read did not finish within its time budget of {budget:?}, the provider's \
                 read_timeout. Raise read_timeout in the provider block, or set \
                 timeouts {{ read = \"...\" }} on the data source."
            ),
        ),
        E::MissingApiToken => (
            "Missing Katapult API key",
            "Katapult received no API token. Set api_key in the provider \"katapult\" block or \
             the KATAPULT_API_KEY environment variable."
                .to_owned(),
        ),
        E::InvalidApiToken { details } => (
            "Invalid Katapult API key",
            format!(
                "Katapult did not accept the API key{}: it may be mistyped, revoked or expired. \
                 Check api_key (or KATAPULT_API_KEY) against the token in the Katapult console.",
                details
                    .as_deref()
                    .map(|d| format!(" ({d})"))
                    .unwrap_or_default()
            ),
        ),
        E::InvalidCapabilitiesToken => (
            "Invalid Katapult capabilities token",
            "Katapult did not accept the capabilities token sent with the request: it is \
             invalid, expired or not signed by the right key. Issue a new one."
                .to_owned(),
        ),
        E::UnauthorizedNetwork { ip_address } => (
            "Network not allowed for this API key",
            format!(
                "The API key may not be used from {}. Add that address to the token's allowed \
                 networks in the Katapult console, or run Terraform from an allowed network.",
                ip_address.as_deref().unwrap_or("this network's address")
            ),
        ),
        // Data sources name what they read (see `datasource::error`).
        E::ScopeNotGranted { scopes } => return scope_not_granted(None, scopes),
        // Data sources say what "not found" means for their lookups; this
        // is the wording for a lookup that did not.
        E::NotFound { code } => (
            "Not found in Katapult",
            format!(
                "Katapult found nothing matching the request ({code}) that this API key can see."
            ),
        ),
        E::InTrash {
            keep_until,
            object_type,
        } => {
            let what = object_type.as_deref().unwrap_or("Object");
            return Diagnostic::error(
                format!("{what} is in the trash"),
                format!(
                    "The {} is in Katapult's trash{}, so the API will not return it. Restore it \
                     from the trash in the Katapult console to read it, or remove this data \
                     source.",
                    what.to_lowercase(),
                    keep_until
                        .as_ref()
                        .map(|t| format!(" and is kept there until {}", trash_time(t)))
                        .unwrap_or_default()
                ),
            );
        }
        E::RateLimited { permitted } => (
            "Katapult rate limit reached",
            format!(
                "Katapult refused the request because the API key has made too many requests{}. \
                 Wait a minute and try again, or lower Terraform's -parallelism.",
                permitted
                    .map(|n| format!(" (it may make {n} per minute)"))
                    .unwrap_or_default()
            ),
        ),
        E::ServiceUnavailable => (
            "Katapult is unavailable",
            "Katapult answered that the service is unavailable. Try again later; \
             https://status.katapult.io/ reports outages."
                .to_owned(),
        ),
        E::Other {
            status,
            code,
            description,
        } => (
            "Katapult API error",
            format!("Katapult answered HTTP {status} with error {code:?}: {description}"),
        ),
        E::UnexpectedResponse { status, problem } => (
            "Unexpected response from Katapult",
            format!(
                "Katapult (or something between it and you) answered HTTP {status} with {problem}. \
                 Check api_url and any proxy in between, then try again."
            ),
        ),
        E::Timeout(after) => (
            "Katapult did not answer in time",
            format!(
                "No answer from Katapult within {after:?}. Check the network path to api_url, or \
                 raise request_timeout in the provider block."
            ),
        ),
        E::Connect { url, reason } => (
            "Cannot connect to Katapult",
            format!(
                "Could not connect to {url}: {reason}. Check api_url (or KATAPULT_API_URL) and \
                 the network."
            ),
        ),
        E::Transport(reason) => (
            "Request to Katapult failed",
            format!("The request to Katapult failed: {reason}. Try again."),
        ),
        E::Resolve { host, reason } => (
            "Cannot find Katapult's host",
            format!(
                "The host name {host} does not resolve ({reason}). Check api_url (or \
                 KATAPULT_API_URL) for a typo, and this machine's DNS."
            ),
        ),
        // The provider names where the value came from (see provider.rs).
        E::InvalidApiUrl { url, reason } => (
            "Invalid Katapult API URL",
            format!("The API URL \"{url}\" {reason}."),
        ),
        E::InvalidApiKey(problem) => ("Invalid Katapult API key", format!("The API key {problem}")),
        E::InvalidConfig(reason) => ("Invalid provider configuration", reason.clone()),
    };
    Diagnostic::error(summary, detail)
}

/// A 403 `scope_not_granted` on a read of `what` ("disk templates"; `None`
/// when not known): the scopes to grant, as the API or the endpoint's
/// documentation names them.
pub(crate) fn scope_not_granted(what: Option<&str>, scopes: &[String]) -> Diagnostic {
    let grant = match scopes {
        [] => "the scope Katapult's API reference names for it".to_owned(),
        [one] => format!("{one:?}"),
        many => format!("one of: {}", quoted_list(many)),
    };
    Diagnostic::error(
        match what {
            Some(what) => format!("API key lacks the scope to read {what}"),
            None => "API key lacks a scope this request needs".to_owned(),
        },
        format!(
            "The API key has not been granted the scope this lookup needs. Grant {grant} to the \
             token in the Katapult console."
        ),
    )
}

/// A trash purge time for people: a date, or the API's own text for it.
fn trash_time(t: &katapult::TrashTime) -> String {
    match t {
        katapult::TrashTime::Unix(t) => crate::timefmt::utc_date_time(*t),
        katapult::TrashTime::Raw(text) => format!("{text} (as Katapult wrote it)"),
    }
}

fn quoted_list(items: &[String]) -> String {
    items
        .iter()
        .map(|s| format!("{s:?}"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn diag(err: katapult::Error) -> Diagnostic {
        Diagnostic::from(&err)
    }

    #[test]
    fn each_api_error_says_what_to_do() {
        use katapult::Error as E;
        let cases: Vec<(E, &str, &str, Option<&str>)> = vec![
            (
                E::MissingApiToken,
                "Missing Katapult API key",
                "KATAPULT_API_KEY",
                None,
            ),
            (
                E::InvalidApiToken {
                    details: Some("expired".into()),
                },
                "Invalid Katapult API key",
                "(expired)",
                None,
            ),
            (
                E::InvalidCapabilitiesToken,
                "Invalid Katapult capabilities token",
                "Issue a new one",
                None,
            ),
            (
                E::UnauthorizedNetwork {
                    ip_address: Some("203.0.113.9".into()),
                },
                "Network not allowed for this API key",
                "may not be used from 203.0.113.9",
                None,
            ),
            (
                E::ScopeNotGranted {
                    scopes: vec!["disks".into(), "disks:read".into()],
                },
                "API key lacks a scope this request needs",
                "one of: \"disks\", \"disks:read\"",
                None,
            ),
            (
                E::NotFound {
                    code: "disk_not_found".into(),
                },
                "Not found in Katapult",
                "(disk_not_found)",
                None,
            ),
            (
                E::InTrash {
                    keep_until: Some(katapult::TrashTime::Unix(1_790_000_000)),
                    object_type: Some("Disk".into()),
                },
                "Disk is in the trash",
                "kept there until 2026-09-21 14:13:20 UTC, so the API will not return it. Restore it",
                None,
            ),
            (
                E::RateLimited {
                    permitted: Some(1000),
                },
                "Katapult rate limit reached",
                "1000 per minute",
                None,
            ),
            (
                E::ServiceUnavailable,
                "Katapult is unavailable",
                "Try again later",
                None,
            ),
            (
                E::UnexpectedResponse {
                    status: 502,
                    problem: "an empty body (text/html)".into(),
                },
                "Unexpected response from Katapult",
                "HTTP 502 with an empty body",
                None,
            ),
            (
                E::Timeout(Duration::from_secs(2)),
                "Katapult did not answer in time",
                "within 2s",
                None,
            ),
            (
                E::Connect {
                    url: "http://127.0.0.1:9/core/v1/".into(),
                    reason: "Connection refused".into(),
                },
                "Cannot connect to Katapult",
                "127.0.0.1:9/core/v1/: Connection refused",
                None,
            ),
        ];
        for (err, summary, detail, path) in cases {
            let d = diag(err);
            assert!(d.is_error());
            assert_eq!(d.summary, summary);
            assert!(d.detail.contains(detail), "{summary}: {}", d.detail);
            assert_eq!(d.path.map(|p| p.to_string()).as_deref(), path, "{summary}");
        }
    }
}
