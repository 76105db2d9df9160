//! Reading an answer: its body (within a size limit), the headers the
//! client acts on, its JSON, and, when it is not a success, the documented
//! error it carries or words for what came instead. Each wording once.

use reqwest::header;

use crate::text::server_text;

use super::error::{Error, TrashTime};
use super::json::{self, ParseError};

/// The largest answer read; a page of 200 disks is about 200 KiB.
pub(crate) const MAX_BODY_BYTES: usize = 8 * 1024 * 1024;

/// One answer of the API, read whole.
pub(crate) struct Answer {
    pub status: u16,
    pub content_type: Option<String>,
    /// The API's id for the request, for logs.
    pub request_id: Option<String>,
    pub retry_after: Option<String>,
    /// `X-Ratelimit-Remaining` and `-Permitted`: the rate-limit budget.
    pub remaining: Option<u64>,
    pub permitted: Option<u64>,
    pub body: Vec<u8>,
}

/// Why an answer's body could not be read.
pub(crate) enum BodyError {
    /// Past `MAX_BODY_BYTES`: the problem to report.
    TooLarge(String),
    Http(reqwest::Error),
}

impl Answer {
    /// Reads `response` whole, refusing a body past `MAX_BODY_BYTES` before
    /// it is buffered.
    pub async fn read(mut response: reqwest::Response) -> Result<Self, BodyError> {
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned)
        };
        let number = |value: Option<String>| value.and_then(|v| v.trim().parse().ok());
        let mut answer = Answer {
            status: response.status().as_u16(),
            content_type: header(header::CONTENT_TYPE.as_str()),
            request_id: header("x-request-id"),
            retry_after: header(header::RETRY_AFTER.as_str()),
            remaining: number(header("x-ratelimit-remaining")),
            permitted: number(header("x-ratelimit-permitted")),
            body: Vec::new(),
        };
        let too_large =
            || BodyError::TooLarge(format!("a body larger than {} MiB", MAX_BODY_BYTES >> 20));
        if response
            .content_length()
            .is_some_and(|n| n > MAX_BODY_BYTES as u64)
        {
            return Err(too_large());
        }
        while let Some(chunk) = response.chunk().await.map_err(BodyError::Http)? {
            if answer.body.len() + chunk.len() > MAX_BODY_BYTES {
                return Err(too_large());
            }
            answer.body.extend_from_slice(&chunk);
        }
        Ok(answer)
    }

    /// A success's JSON, or what came instead.
    pub fn json(&self) -> Result<serde_json::Value, Error> {
        json::parse(&self.body).map_err(|e| Error::UnexpectedResponse {
            status: self.status,
            problem: match e {
                too_large @ ParseError::TooLarge { .. } => too_much_json(&too_large, None),
                ParseError::Json(_) => describe_body(self.content_type.as_deref(), &self.body),
            },
        })
    }

    /// A failure's error: see `Error::from_response`.
    pub fn error(&self) -> Error {
        Error::from_response(self.status, self.content_type.as_deref(), &self.body)
    }
}

/// The one wording for an answer past what `json` reads.
fn too_much_json(too_large: &ParseError, kind: Option<&str>) -> String {
    match kind {
        Some(kind) => format!("more JSON than this provider reads ({too_large}; {kind})"),
        None => format!("more JSON than this provider reads ({too_large})"),
    }
}

impl Error {
    /// The error for a non-success response: the documented error when the
    /// body is one, else a description of what came instead.
    ///
    /// The envelope is read field by field, never as a typed whole: the
    /// `detail` of an error may hold anything (a number beyond 64 bits, a
    /// shape the API adds later), and none of it may stop the code from being
    /// read.
    pub(crate) fn from_response(status: u16, content_type: Option<&str>, body: &[u8]) -> Self {
        let Some(error) = envelope(body) else {
            let problem = describe_body(content_type, body);
            return match status {
                404 => Error::NoEndpoint { status, problem },
                _ => Error::UnexpectedResponse { status, problem },
            };
        };
        let detail = error.detail;
        let detail_str = |key: &str| detail.get(key).and_then(|v| v.as_str()).map(server_text);
        match error.code.as_str() {
            "missing_api_token" => Error::MissingApiToken,
            "invalid_api_token" => Error::InvalidApiToken {
                details: detail_str("details"),
            },
            "invalid_capabilities_token" => Error::InvalidCapabilitiesToken,
            "unauthorized_network_for_api_token" => Error::UnauthorizedNetwork {
                ip_address: detail_str("ip_address"),
            },
            "scope_not_granted" => Error::ScopeNotGranted {
                scopes: detail
                    .get("scopes")
                    .and_then(|v| v.as_array())
                    .map(|items| {
                        // A real answer names two or three.
                        items
                            .iter()
                            .filter_map(|s| s.as_str().map(server_text))
                            .take(10)
                            .collect()
                    })
                    .unwrap_or_default(),
            },
            "route_not_found" => Error::NoEndpoint {
                status,
                problem: "route_not_found".to_owned(),
            },
            code if code.ends_with("_not_found") => Error::NotFound {
                code: server_text(code),
            },
            code if status == 404 => Error::NoEndpoint {
                status,
                problem: format!("error {}", server_text(code)),
            },
            "object_in_trash" => Error::InTrash {
                keep_until: detail
                    .pointer("/trash_object/keep_until")
                    .and_then(TrashTime::from_json),
                object_type: detail
                    .pointer("/trash_object/object_type")
                    .and_then(|v| v.as_str())
                    .map(server_text),
            },
            "rate_limit_reached" => Error::RateLimited {
                permitted: detail
                    .get("total_permitted")
                    .and_then(serde_json::Value::as_u64),
            },
            "service_unavailable" => Error::ServiceUnavailable,
            "organization_suspended" => Error::OrganizationSuspended,
            "organization_not_activated" => Error::OrganizationNotActivated,
            "permission_denied" => Error::PermissionDenied {
                description: Some(server_text(&error.description)).filter(|d| !d.is_empty()),
            },
            "object_storage_account_not_provisioned" => Error::ObjectStorageNotProvisioned,
            "object_storage_account_suspended" => Error::ObjectStorageSuspended,
            _ => Error::Other {
                status,
                code: server_text(&error.code),
                description: server_text(&error.description),
            },
        }
    }
}

/// The error object the API sends, inside `{"error": ...}` on the wire or on
/// its own as the published reference shows it.
struct ErrorBody {
    code: String,
    description: String,
    detail: serde_json::Value,
}

/// The error object of `body`, if it is one: a string `code` is all it
/// must have.
fn envelope(body: &[u8]) -> Option<ErrorBody> {
    let mut json = json::parse(body).ok()?;
    let object = json.as_object_mut()?;
    let mut inner = match object.remove("error") {
        Some(serde_json::Value::Object(inner)) => inner,
        Some(_) => return None,
        None => std::mem::take(object),
    };
    let code = match inner.remove("code") {
        Some(serde_json::Value::String(code)) => code,
        _ => return None,
    };
    let description = match inner.remove("description") {
        Some(serde_json::Value::String(description)) => description,
        _ => String::new(),
    };
    Some(ErrorBody {
        code,
        description,
        detail: inner.remove("detail").unwrap_or_default(),
    })
}

impl TrashTime {
    fn from_json(value: &serde_json::Value) -> Option<Self> {
        match value {
            serde_json::Value::Number(n) => Some(
                n.as_i64()
                    .map(TrashTime::Unix)
                    .unwrap_or_else(|| TrashTime::Raw(server_text(&n.to_string()))),
            ),
            serde_json::Value::String(s) => Some(TrashTime::Raw(server_text(s))),
            _ => None,
        }
    }
}

/// Says what a body that is not the API's JSON looks like, without echoing
/// it whole: a proxy's HTML page is named by its title.
pub(crate) fn describe_body(content_type: Option<&str>, body: &[u8]) -> String {
    let kind = content_type.map_or_else(|| "no content type".to_owned(), server_text);
    if body.is_empty() {
        return format!("an empty body ({kind})");
    }
    let text = String::from_utf8_lossy(&body[..body.len().min(4096)]);
    if let Some(title) = html_title(&text) {
        return format!(
            "an HTML page titled \"{}\" ({kind}), likely from a proxy or load balancer",
            server_text(title)
        );
    }
    match json::parse(body) {
        Ok(_) => return format!("JSON of an unexpected shape ({kind}, {} bytes)", body.len()),
        Err(too_large @ ParseError::TooLarge { .. }) => {
            return too_much_json(&too_large, Some(&kind));
        }
        Err(ParseError::Json(_)) => {}
    }
    format!("{} bytes that are not JSON ({kind})", body.len())
}

fn html_title(text: &str) -> Option<&str> {
    let lower = text.to_ascii_lowercase();
    let start = lower.find("<title>")? + "<title>".len();
    let end = start + lower[start..].find("</title>")?;
    Some(text[start..end].trim()).filter(|t| !t.is_empty() && t.len() <= 200)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(status: u16, body: &str) -> Error {
        Error::from_response(status, Some("application/json"), body.as_bytes())
    }

    #[test]
    fn reads_both_envelopes() {
        let wrapped =
            r#"{"error":{"code":"disk_not_found","description":"No disk was found","detail":{}}}"#;
        let bare = r#"{"code":"disk_not_found","description":"No disk was found","detail":{}}"#;
        for body in [wrapped, bare] {
            assert!(
                matches!(parse(404, body), Error::NotFound { ref code } if code == "disk_not_found"),
                "{body}"
            );
        }
    }

    #[test]
    fn maps_each_documented_code_with_its_detail() {
        let e = parse(
            403,
            r#"{"error":{"code":"unauthorized_network_for_api_token","description":"","detail":{"ip_address":"203.0.113.9"}}}"#,
        );
        assert!(
            matches!(e, Error::UnauthorizedNetwork { ip_address: Some(ref ip) } if ip == "203.0.113.9")
        );

        let e = parse(
            403,
            r#"{"error":{"code":"scope_not_granted","description":"","detail":{"scopes":["disks","disks:read"]}}}"#,
        );
        assert!(
            matches!(e, Error::ScopeNotGranted { ref scopes } if scopes == &["disks", "disks:read"])
        );

        let e = parse(
            403,
            r#"{"error":{"code":"invalid_api_token","description":"","detail":{"details":"expired"}}}"#,
        );
        assert_eq!(
            e.to_string(),
            "the API token is not valid (invalid_api_token): expired"
        );

        let e = parse(
            406,
            r#"{"error":{"code":"object_in_trash","description":"","detail":{"trash_object":{"id":"trsh_1","keep_until":1790000000,"object_id":"disk_x","object_type":"Disk"}}}}"#,
        );
        assert!(matches!(
            e,
            Error::InTrash {
                keep_until: Some(TrashTime::Unix(1_790_000_000)),
                object_type: Some(ref t),
            } if t == "Disk"
        ));

        let e = parse(
            429,
            r#"{"error":{"code":"rate_limit_reached","description":"","detail":{"total_permitted":1000}}}"#,
        );
        assert!(matches!(
            e,
            Error::RateLimited {
                permitted: Some(1000)
            }
        ));

        let cases = [
            (400, "missing_api_token", "MissingApiToken"),
            (
                403,
                "invalid_capabilities_token",
                "InvalidCapabilitiesToken",
            ),
            (503, "service_unavailable", "ServiceUnavailable"),
            (400, "invalid_argument", "Other"),
        ];
        for (status, code, variant) in cases {
            let body =
                format!(r#"{{"error":{{"code":"{code}","description":"d","detail":{{}}}}}}"#);
            let got = format!("{:?}", parse(status, &body));
            assert!(got.starts_with(variant), "{code}: {got}");
        }
    }

    /// Issue 33: the 403s of an organization or object are typed, never
    /// `Other`.
    #[test]
    fn maps_the_refusals_of_an_organization_or_object() {
        for (code, variant) in [
            ("organization_suspended", "OrganizationSuspended"),
            ("organization_not_activated", "OrganizationNotActivated"),
            ("permission_denied", "PermissionDenied"),
            (
                "object_storage_account_not_provisioned",
                "ObjectStorageNotProvisioned",
            ),
            ("object_storage_account_suspended", "ObjectStorageSuspended"),
        ] {
            let body =
                format!(r#"{{"error":{{"code":"{code}","description":"d","detail":{{}}}}}}"#);
            let got = format!("{:?}", parse(403, &body));
            assert!(got.starts_with(variant), "{code}: {got}");
        }
    }

    /// A `permission_denied` keeps the API's words (which say what was
    /// refused), as server text; an empty description is none.
    #[test]
    fn permission_denied_keeps_the_apis_words() {
        let e = parse(
            403,
            r#"{"error":{"code":"permission_denied","description":"Additional permissions are required\u001b[2J","detail":{}}}"#,
        );
        assert!(
            matches!(&e, Error::PermissionDenied { description: Some(d) }
                if d.starts_with("Additional permissions are required") && !d.contains('\u{1b}')),
            "{e:?}"
        );
        let e = parse(
            403,
            r#"{"error":{"code":"permission_denied","description":"","detail":{}}}"#,
        );
        assert!(
            matches!(e, Error::PermissionDenied { description: None }),
            "{e:?}"
        );
    }

    #[test]
    fn only_a_not_found_code_means_not_found() {
        let route =
            r#"{"error":{"code":"route_not_found","description":"No route matches","detail":{}}}"#;
        for (status, body, want) in [
            (404, route, "route_not_found"),
            (
                404,
                "<html><title>404 Not Found</title></html>",
                "HTML page",
            ),
            (404, "", "an empty body"),
            (
                404,
                r#"{"error":{"code":"teapot","description":"","detail":{}}}"#,
                "error teapot",
            ),
        ] {
            let e = Error::from_response(status, Some("text/html"), body.as_bytes());
            assert!(
                matches!(e, Error::NoEndpoint { status: 404, ref problem } if problem.contains(want)),
                "{body}: {e:?}"
            );
        }
        assert!(matches!(
            parse(404, r#"{"code":"disk_template_not_found","description":"","detail":{}}"#),
            Error::NotFound { ref code } if code == "disk_template_not_found"
        ));
        // Not a 404: what came instead is described, not blamed on the URL.
        assert!(matches!(
            Error::from_response(502, None, b""),
            Error::UnexpectedResponse { status: 502, .. }
        ));
    }

    #[test]
    fn no_value_in_detail_hides_the_code() {
        let big = "18446744073709551616";
        let e = parse(
            404,
            &format!(
                r#"{{"error":{{"code":"disk_not_found","description":"x","detail":{{"n":{big}}}}}}}"#
            ),
        );
        assert!(
            matches!(e, Error::NotFound { ref code } if code == "disk_not_found"),
            "{e:?}"
        );
        let e = parse(
            406,
            &format!(
                r#"{{"error":{{"code":"object_in_trash","description":"","detail":{{"trash_object":{{"keep_until":{big},"object_type":"Disk"}}}}}}}}"#
            ),
        );
        assert!(
            matches!(e, Error::InTrash { keep_until: Some(TrashTime::Raw(ref t)), .. } if t == big),
            "{e:?}"
        );
        for permitted in [big, "-18446744073709551616", "1e999", "\"lots\""] {
            let e = parse(
                429,
                &format!(
                    r#"{{"error":{{"code":"rate_limit_reached","description":"","detail":{{"total_permitted":{permitted}}}}}}}"#
                ),
            );
            assert!(
                matches!(e, Error::RateLimited { permitted: None }),
                "{permitted}: {e:?}"
            );
        }
        // Whatever shape detail or description takes, the code is read.
        for detail in [
            "[1,2]",
            "\"text\"",
            "null",
            "1e999999999",
            r#"{"a":{"b":[{"c":-0.0}]}}"#,
        ] {
            let e = parse(
                403,
                &format!(
                    r#"{{"error":{{"code":"scope_not_granted","description":7,"detail":{detail}}}}}"#
                ),
            );
            assert!(
                matches!(e, Error::ScopeNotGranted { .. }),
                "{detail}: {e:?}"
            );
        }
        // Without a string code it is no API error.
        for body in [
            r#"{"error":{"code":1}}"#,
            r#"{"error":"x"}"#,
            r#"{"disk":{}}"#,
        ] {
            assert!(
                matches!(parse(500, body), Error::UnexpectedResponse { .. }),
                "{body}"
            );
        }
    }

    #[test]
    fn error_messages_never_carry_raw_escapes_or_megabytes() {
        let huge = "A".repeat(4 << 20);
        let bodies = [
            format!(
                r#"{{"error":{{"code":"forbidden","description":"\u001b[2J{huge}","detail":{{}}}}}}"#
            ),
            r#"{"error":{"code":"unauthorized_network_for_api_token","description":"","detail":{"ip_address":"\u001b[2J1.2.3.4"}}}"#.to_owned(),
            r#"{"error":{"code":"scope_not_granted","description":"","detail":{"scopes":["\u001b]0;owned\u0007"]}}}"#.to_owned(),
            r#"{"error":{"code":"invalid_api_token","description":"","detail":{"details":"\u001b[31mred"}}}"#.to_owned(),
            "<html><title>\u{1b}[2Jproxy</title></html>".to_owned(),
        ];
        for body in &bodies {
            let e = Error::from_response(403, Some("text/html\u{1b}"), body.as_bytes());
            let text = format!("{e} {e:?}");
            assert!(!text.contains('\u{1b}'), "{}", &text[..text.len().min(300)]);
            assert!(text.len() < 2000, "{} bytes", text.len());
        }
    }

    #[test]
    fn describes_bodies_that_are_not_api_errors() {
        let cases = [
            (
                Some("text/html"),
                "<html><head><title>502 Bad Gateway</title></head></html>",
                "HTML page titled \"502 Bad Gateway\"",
            ),
            (None, "", "an empty body (no content type)"),
            (
                Some("text/plain"),
                "upstream connect error",
                "22 bytes that are not JSON (text/plain)",
            ),
            (
                Some("application/json"),
                r#"{"unexpected":true}"#,
                "JSON of an unexpected shape",
            ),
        ];
        for (ct, body, want) in cases {
            let e = Error::from_response(502, ct, body.as_bytes());
            assert!(e.to_string().contains(want), "{body:?}: {e}");
        }
    }
}
