//! The API's errors in words for people, by group: access (the key and its
//! scopes), time (budgets, limits, outages), reach (the network and what
//! answered), unsent (what no retry mends: certificates, requests that
//! cannot be built), settings (a URL or key that cannot be used), lookups (not
//! found, in the trash). Data sources add their own words where only they
//! know them (what "not found" means, the scopes they need).

use std::time::Duration;

use crate::katapult::{self, Error};

use super::diagnostic::Diagnostic;

impl From<&katapult::Error> for Diagnostic {
    fn from(err: &katapult::Error) -> Self {
        diagnostic(err)
    }
}

/// The diagnostic for an API error, in general words.
pub(super) fn diagnostic(err: &Error) -> Diagnostic {
    match err {
        Error::GaveUp {
            attempts,
            elapsed,
            last,
        } => {
            let mut diag = diagnostic(last);
            diag.detail = format!(
                "{} (Gave up after {attempts} attempts over {:.1}s; max_retries and read_timeout in \
                 the provider block set how hard it tries.)",
                diag.detail,
                elapsed.as_secs_f64()
            );
            diag
        }
        Error::ScopeNotGranted { scopes } => scope_not_granted(None, scopes),
        Error::NoAnswer {
            limit,
            waited,
            attempts,
            last,
        } => no_answer(*limit, *waited, *attempts, last),
        Error::InTrash {
            keep_until,
            object_type,
        } => in_trash(keep_until.as_ref(), object_type.as_deref()),
        err => {
            let (summary, detail) = access(err)
                .or_else(|| time(err))
                .or_else(|| reach(err))
                .or_else(|| unsent(err))
                .or_else(|| settings(err))
                .or_else(|| lookup(err))
                .unwrap_or_else(|| ("Katapult API error", err.to_string()));
            Diagnostic::error(summary, detail)
        }
    }
}

/// The API key: missing, refused, or not allowed from here.
fn access(err: &Error) -> Option<(&'static str, String)> {
    Some(match err {
        Error::MissingApiToken => (
            "Missing Katapult API key",
            "Katapult received no API token. Set api_key in the provider \"katapult\" block or \
         the KATAPULT_API_KEY environment variable."
                .to_owned(),
        ),
        Error::InvalidApiToken { details } => (
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
        Error::InvalidCapabilitiesToken => (
            "Invalid Katapult capabilities token",
            "Katapult did not accept the capabilities token sent with the request: it is \
         invalid, expired or not signed by the right key. Issue a new one."
                .to_owned(),
        ),
        Error::OrganizationSuspended => (
            "Katapult organization suspended",
            "Katapult refused the request because the organization is suspended, so none of its \
             objects can be read. Check the organization's status and billing in the Katapult \
             console, or contact Katapult's support to have it reinstated; if it is the wrong \
             organization, check organization (or KATAPULT_ORGANIZATION)."
                .to_owned(),
        ),
        Error::OrganizationNotActivated => (
            "Katapult organization not activated",
            "Katapult refused the request because the organization has not been activated yet, \
             so none of its objects can be read. Finish its activation in the Katapult console \
             (usually verification and billing details), then run Terraform again; if it is the \
             wrong organization, check organization (or KATAPULT_ORGANIZATION)."
                .to_owned(),
        ),
        Error::PermissionDenied { description } => (
            "Permission denied by Katapult",
            format!(
                "Katapult refused to show this object to the API key's user{}: the token is \
                 valid and has the scope, but its user (or the token's own restrictions) may \
                 not see this object. Grant that user access to it in the Katapult console, or \
                 use an API key of a user who has it.",
                description
                    .as_deref()
                    .map(|d| format!(" ({d})"))
                    .unwrap_or_default()
            ),
        ),
        Error::ObjectStorageNotProvisioned => (
            "No object storage account provisioned",
            "Katapult answered that the organization has no object storage account in this \
             region yet. Set up object storage for the organization in the Katapult console, or \
             check the region you asked for, then run Terraform again."
                .to_owned(),
        ),
        Error::ObjectStorageSuspended => (
            "Object storage account suspended",
            "Katapult refused the request because the organization's object storage account in \
             this region is suspended. Check it in the Katapult console, or contact Katapult's \
             support to have it reinstated."
                .to_owned(),
        ),
        Error::UnauthorizedNetwork { ip_address } => (
            "Network not allowed for this API key",
            format!(
                "The API key may not be used from {}. Add that address to the token's allowed \
             networks in the Katapult console, or run Terraform from an allowed network.",
                ip_address.as_deref().unwrap_or("this network's address")
            ),
        ),
        _ => return None,
    })
}

/// Budgets, rate limits and outages: what time and load allow.
fn time(err: &Error) -> Option<(&'static str, String)> {
    Some(match err {
        Error::DeadlineExceeded { budget, own: true } => (
            "Read timed out",
            format!(
                "The read did not finish within its time budget of {budget:?}, set by \
             timeouts {{ read = \"...\" }} on this data source. Raise it there."
            ),
        ),
        Error::DeadlineExceeded { budget, own: false } => (
            "Read timed out",
            format!(
                "The read did not finish within its time budget of {budget:?}, the provider's \
             read_timeout. Raise read_timeout in the provider block, or set \
             timeouts {{ read = \"...\" }} on the data source."
            ),
        ),
        Error::RateLimited { permitted } => (
            "Katapult rate limit reached",
            format!(
                "Katapult refused the request because the API key has made too many requests{}. \
             Wait a minute and try again, or lower Terraform's -parallelism.",
                permitted
                    .map(|n| format!(" (it may make {n} per minute)"))
                    .unwrap_or_default()
            ),
        ),
        Error::ServiceUnavailable => (
            "Katapult is unavailable",
            "Katapult answered that the service is unavailable. Try again later; \
         https://status.katapult.io/ reports outages."
                .to_owned(),
        ),
        Error::Timeout(after) => (
            "Katapult did not answer in time",
            format!(
                "No answer from Katapult within {after:?}. Check the network path to api_url, or \
             raise request_timeout in the provider block."
            ),
        ),
        _ => return None,
    })
}

/// The network, and what answered there.
fn reach(err: &Error) -> Option<(&'static str, String)> {
    Some(match err {
        Error::NotTls { url, reason } => (
            "Katapult's server did not answer TLS",
            format!(
                "api_url is https://, but the server at {url} answered in something other than \
                 TLS ({reason}). Is it a plain-HTTP server, meant as http://? (Plain http:// is \
                 allowed only to this machine's loopback address.) Check api_url (or \
                 KATAPULT_API_URL)."
            ),
        ),
        Error::NoEndpoint { status, problem } => (
            "No Katapult API at api_url",
            format!(
                "The server at api_url answered HTTP {status} ({problem}): no Katapult API \
                 endpoint answers there, so nothing was looked up. Check api_url (or \
                 KATAPULT_API_URL): it is the API's base URL, such as https://api.katapult.io, \
                 with no path of its own."
            ),
        ),
        Error::Other {
            status,
            code,
            description,
        } => (
            "Katapult API error",
            format!("Katapult answered HTTP {status} with error {code:?}: {description}"),
        ),
        Error::UnexpectedResponse { status, problem } => (
            "Unexpected response from Katapult",
            format!(
                "Katapult (or something between it and you) answered HTTP {status} with {problem}. \
             Check api_url and any proxy in between, then try again."
            ),
        ),
        Error::Connect { url, reason } => (
            "Cannot connect to Katapult",
            format!(
                "Could not connect to {url}: {reason}. Check api_url (or KATAPULT_API_URL) and \
             the network."
            ),
        ),
        Error::Transport(reason) => (
            "Request to Katapult failed",
            format!("The request to Katapult failed: {reason}. Try again."),
        ),
        Error::Resolve { host, reason } => (
            "Cannot find Katapult's host",
            format!(
                "The host name {host} does not resolve ({reason}). Check api_url (or \
             KATAPULT_API_URL) for a typo, and this machine's DNS."
            ),
        ),
        // The provider names where the value came from (see provider.rs).
        _ => return None,
    })
}

/// What no retry mends, found before a request could be sent: a server
/// certificate that does not verify, a request that cannot be built.
fn unsent(err: &Error) -> Option<(&'static str, String)> {
    Some(match err {
        Error::Certificate { host, problem } => (
            "Katapult's TLS certificate did not verify",
            format!(
                "The TLS certificate of {host} {problem}, so no request was sent (nor retried: a \
                 certificate does not mend itself). {}",
                certificate_advice(problem)
            ),
        ),
        Error::RequestNotBuilt {
            reason,
            url_length,
            argument,
        } => (
            "Request to Katapult could not be built",
            format!(
                "The request could not be built ({reason}); its URL would be {url_length} \
                 characters long{}. Nothing was sent, and it was not retried: no retry mends it. \
                 Shorten the values this data source sends{}.",
                argument
                    .as_deref()
                    .map(|a| format!(", most of them from the argument {a:?}"))
                    .unwrap_or_default(),
                argument
                    .as_deref()
                    .map(|a| format!(" (fewer or shorter {a})"))
                    .unwrap_or_default(),
            ),
        ),
        _ => return None,
    })
}

/// What to do about a certificate that did not verify.
fn certificate_advice(problem: &katapult::CertificateProblem) -> &'static str {
    use katapult::CertificateProblem as P;
    match problem {
        P::WrongName { .. } => {
            "Check the host in api_url (or KATAPULT_API_URL): it must be a name the certificate \
             is for, such as api.katapult.io."
        }
        P::UnknownIssuer => {
            "A proxy that inspects TLS, or a server with a private or self-signed certificate, \
             causes this: point SSL_CERT_FILE at a PEM file holding the certificate authority \
             to trust (or add it to this machine's trust store), or check that api_url (or \
             KATAPULT_API_URL) names the right host."
        }
        P::Expired { .. } | P::NotYetValid { .. } => {
            "Check this machine's clock; if it is right, the server's certificate is out of date: \
             check that api_url (or KATAPULT_API_URL) names the right host."
        }
        P::Revoked | P::Other(_) => {
            "Check that api_url (or KATAPULT_API_URL) names the right host, and any proxy in \
             between; SSL_CERT_FILE names a PEM file of certificate authorities to trust."
        }
    }
}

/// An API that gave no answer for as long as a read waits for one.
fn no_answer(limit: Duration, waited: Duration, attempts: u32, last: &Error) -> Diagnostic {
    Diagnostic::error(
        "Katapult did not answer",
        format!(
            "Katapult gave no answer to {attempts} attempt{} over {:.1}s (the last: {last}), so the \
             read stopped: a read waits at most {limit:?} for an API that does not answer, unless given \
             more. Check the network path to api_url (or KATAPULT_API_URL): a firewall or proxy \
             that accepts connections but passes nothing on looks like this. To wait longer, set \
             timeouts {{ read = \"5m\" }} on the data source, or read_timeout (or a longer \
             request_timeout) in the provider block.",
            if attempts == 1 { "" } else { "s" },
            waited.as_secs_f64(),
        ),
    )
}

/// A URL, key or setting that cannot be used (the provider names where it came from).
fn settings(err: &Error) -> Option<(&'static str, String)> {
    Some(match err {
        Error::InvalidApiUrl { url, reason } => (
            "Invalid Katapult API URL",
            format!("The API URL \"{url}\" {reason}."),
        ),
        Error::InvalidApiKey(problem) => {
            ("Invalid Katapult API key", format!("The API key {problem}"))
        }
        Error::InvalidConfig(reason) => ("Invalid provider configuration", reason.clone()),
        _ => return None,
    })
}

/// Data sources say what "not found" means for their lookups; this is the
/// wording for a lookup that did not.
fn lookup(err: &Error) -> Option<(&'static str, String)> {
    Some(match err {
        Error::NotFound { code } => (
            "Not found in Katapult",
            format!(
                "Katapult found nothing matching the request ({code}) that this API key can \
                 see. That is not what this data source looks up: check that api_url \
                 (or KATAPULT_API_URL) points at Katapult's API."
            ),
        ),
        _ => return None,
    })
}

/// An object in the trash, its type (`VirtualMachine`) in words.
fn in_trash(keep_until: Option<&katapult::TrashTime>, object_type: Option<&str>) -> Diagnostic {
    let what = object_type
        .map(crate::text::noun)
        .filter(|w| !w.is_empty())
        .unwrap_or_else(|| "object".to_owned());
    Diagnostic::error(
        format!("{} is in the trash", crate::text::capitalized(&what)),
        format!(
            "The {what} is in Katapult's trash{}, so the API will not return it. Restore it from \
             the trash in the Katapult console to read it, or remove this data source.",
            keep_until
                .map(|t| format!(" and is kept there until {}", trash_time(t)))
                .unwrap_or_default()
        ),
    )
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

    type Case = (Error, &'static str, &'static str);

    /// Each error's summary, and a piece of its detail that says what to do.
    fn check(cases: Vec<Case>) {
        for (err, summary, detail) in cases {
            let d = diagnostic(&err);
            assert!(d.is_error());
            assert_eq!(d.summary, summary);
            assert!(d.detail.contains(detail), "{summary}: {}", d.detail);
            assert_eq!(d.path, None, "{summary}");
        }
    }

    #[test]
    fn access_errors_say_what_to_do() {
        check(vec![
            (
                Error::MissingApiToken,
                "Missing Katapult API key",
                "KATAPULT_API_KEY",
            ),
            (
                Error::InvalidApiToken {
                    details: Some("expired".into()),
                },
                "Invalid Katapult API key",
                "(expired)",
            ),
            (
                Error::InvalidCapabilitiesToken,
                "Invalid Katapult capabilities token",
                "Issue a new one",
            ),
            (
                Error::UnauthorizedNetwork {
                    ip_address: Some("203.0.113.9".into()),
                },
                "Network not allowed for this API key",
                "may not be used from 203.0.113.9",
            ),
            (
                Error::ScopeNotGranted {
                    scopes: vec!["disks".into(), "disks:read".into()],
                },
                "API key lacks a scope this request needs",
                "one of: \"disks\", \"disks:read\"",
            ),
        ]);
    }

    /// Issue 33: each 403 the API reference lists says what is wrong and
    /// what to do, never a generic "Katapult API error".
    #[test]
    fn refusals_of_an_organization_or_object_say_what_to_do() {
        check(vec![
            (
                Error::OrganizationSuspended,
                "Katapult organization suspended",
                "is suspended, so none of its objects can be read. Check the organization's \
                 status and billing in the Katapult console",
            ),
            (
                Error::OrganizationNotActivated,
                "Katapult organization not activated",
                "has not been activated yet, so none of its objects can be read. Finish its \
                 activation in the Katapult console",
            ),
            (
                Error::PermissionDenied {
                    description: Some("Additional permissions are required".into()),
                },
                "Permission denied by Katapult",
                "user (Additional permissions are required): the token is valid and has the \
                 scope, but its user",
            ),
            (
                Error::PermissionDenied { description: None },
                "Permission denied by Katapult",
                "Grant that user access to it in the Katapult console",
            ),
            (
                Error::ObjectStorageNotProvisioned,
                "No object storage account provisioned",
                "Set up object storage for the organization in the Katapult console",
            ),
            (
                Error::ObjectStorageSuspended,
                "Object storage account suspended",
                "object storage account in this region is suspended",
            ),
        ]);
    }

    /// Issue 33: a stalled API says what it waited for, how long, and how
    /// to give it more.
    #[test]
    fn no_answer_says_how_long_and_how_to_wait_longer() {
        let d = diagnostic(&Error::NoAnswer {
            limit: Duration::from_secs(60),
            waited: Duration::from_millis(60_020),
            attempts: 2,
            last: Box::new(Error::Timeout(Duration::from_millis(29_480))),
        });
        assert_eq!(d.summary, "Katapult did not answer");
        for want in [
            "no answer to 2 attempts over 60.0s (the last: no answer within 29.48s)",
            "waits at most 60s for an API that does not answer",
            "timeouts { read = \"5m\" } on the data source, or read_timeout",
            "api_url (or KATAPULT_API_URL)",
        ] {
            assert!(d.detail.contains(want), "{want:?} not in {}", d.detail);
        }
    }

    /// Issue 33: a certificate's problem is named, with what to do about
    /// that problem; a request that could not be built names its argument.
    #[test]
    fn certificate_and_request_errors_say_what_to_do() {
        use katapult::CertificateProblem as P;
        let cases = [
            (
                P::UnknownIssuer,
                "was not issued by a certificate authority this machine trusts",
                "point SSL_CERT_FILE at a PEM file",
            ),
            (
                P::WrongName {
                    presented: vec!["proxy.corp.example".into()],
                },
                "is not valid for that host name (it names \"proxy.corp.example\")",
                "Check the host in api_url (or KATAPULT_API_URL)",
            ),
            (
                P::Expired {
                    not_after: Some(1_700_000_000),
                },
                "has expired on 2023-11-14 22:13:20 UTC",
                "Check this machine's clock",
            ),
        ];
        for (problem, what, todo) in cases {
            let d = diagnostic(&Error::Certificate {
                host: "api.katapult.io".into(),
                problem,
            });
            assert_eq!(d.summary, "Katapult's TLS certificate did not verify");
            assert!(
                d.detail
                    .contains(&format!("The TLS certificate of api.katapult.io {what}")),
                "{}",
                d.detail
            );
            assert!(d.detail.contains("nor retried"), "{}", d.detail);
            assert!(d.detail.contains(todo), "{}", d.detail);
        }
        check(vec![(
            Error::RequestNotBuilt {
                reason: "Parsed Url is not a valid Uri".into(),
                url_length: 92_113,
                argument: Some("annotations".into()),
            },
            "Request to Katapult could not be built",
            "its URL would be 92113 characters long, most of them from the argument \
             \"annotations\". Nothing was sent, and it was not retried",
        )]);
    }

    #[test]
    fn a_type_in_the_trash_is_named_in_words() {
        let d = diagnostic(&Error::InTrash {
            keep_until: None,
            object_type: Some("VirtualMachine".into()),
        });
        assert_eq!(d.summary, "Virtual machine is in the trash");
        assert!(
            d.detail
                .starts_with("The virtual machine is in Katapult's trash, so"),
            "{}",
            d.detail
        );
    }

    #[test]
    fn lookup_errors_say_what_to_do() {
        check(vec![
            (
                Error::NotFound {
                    code: "disk_not_found".into(),
                },
                "Not found in Katapult",
                "(disk_not_found)",
            ),
            (
                Error::InTrash {
                    keep_until: Some(katapult::TrashTime::Unix(1_790_000_000)),
                    object_type: Some("Disk".into()),
                },
                "Disk is in the trash",
                "kept there until 2026-09-21 14:13:20 UTC, so the API will not return it. Restore it",
            ),
        ]);
    }

    #[test]
    fn time_errors_say_what_to_do() {
        check(vec![
            (
                Error::RateLimited {
                    permitted: Some(1000),
                },
                "Katapult rate limit reached",
                "1000 per minute",
            ),
            (
                Error::ServiceUnavailable,
                "Katapult is unavailable",
                "Try again later",
            ),
            (
                Error::Timeout(Duration::from_secs(2)),
                "Katapult did not answer in time",
                "within 2s",
            ),
        ]);
    }

    #[test]
    fn reach_errors_say_what_to_do() {
        check(vec![
            (
                Error::UnexpectedResponse {
                    status: 502,
                    problem: "an empty body (text/html)".into(),
                },
                "Unexpected response from Katapult",
                "HTTP 502 with an empty body",
            ),
            (
                Error::Connect {
                    url: "http://127.0.0.1:9/core/v1/".into(),
                    reason: "Connection refused".into(),
                },
                "Cannot connect to Katapult",
                "127.0.0.1:9/core/v1/: Connection refused",
            ),
        ]);
    }
}
