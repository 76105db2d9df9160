//! A certificate (Let's Encrypt, custom or self-signed), whole as
//! `GET /certificates/certificate` answers it, and as the organization's
//! list names it; with the read both `katapult_certificate` and its
//! ephemeral twin make, and the times they show as RFC 3339 strings (as
//! Katapult's Go provider shows them, for these data sources only).

use serde_json::{Map, Value as Json};
use time::OffsetDateTime;

use crate::schema::{Attribute, Kind};
use crate::tftypes::{AttributePath, Value};

use super::super::core::answer;
use super::super::core::error::ReadError;
use super::super::core::lookup::{Key, Lookup, Rule};
use super::super::core::mapping::{MappingError, map_object};
use super::super::core::object::Object;
use super::super::core::pager::ListEndpoint;
use super::super::core::source::{Computed, ReadContext, ReadFuture};

/// A certificate, read by its ID: `GET /certificates/certificate`.
pub static CERTIFICATE_OBJECT: Object = Object {
    noun: "certificate",
    plural: "certificates",
    path: "certificates/certificate",
    key: "certificate",
    scopes: &["certificates", "certificates:read"],
    not_found: "certificate_not_found",
    keys: &[Key::new(
        "id",
        "certificate[id]",
        "ID",
        "cert_ZwVlQtZNyIBbOxuM",
    )],
};

/// What a "not found" adds.
pub const HINT: &str = "`katapult_certificates` lists the organization's certificates.";

/// The key argument: a certificate is read by its ID alone.
pub const ID_ARGUMENT: Attribute = Attribute::required(
    "id",
    Kind::String,
    "The certificate's ID, e.g. `cert_ZwVlQtZNyIBbOxuM`.",
);

pub const ID: Attribute = Attribute::computed(
    "id",
    Kind::String,
    "The certificate's ID, e.g. `cert_ZwVlQtZNyIBbOxuM`.",
);
pub const NAME: Attribute = Attribute::computed(
    "name",
    Kind::String,
    "The certificate's primary hostname, e.g. `www.example.com`.",
);
pub const ADDITIONAL_NAMES: Attribute = Attribute::computed(
    "additional_names",
    Kind::StringSet,
    "The other hostnames the certificate covers (a set, as in Katapult's Go provider).",
);
pub const AUTHORIZATION_METHOD: Attribute = Attribute::computed(
    "authorization_method",
    Kind::String,
    "How Let's Encrypt checks the names are yours: `dns` or `http`. Null for other issuers.",
);
pub const ISSUER: Attribute = Attribute::computed(
    "issuer",
    Kind::String,
    "Who issues the certificate: `lets_encrypt`, `custom` or `self_signed`.",
);
pub const STATE: Attribute = Attribute::computed(
    "state",
    Kind::String,
    "The certificate's state: `pending`, `issuing`, `issued` or `issue_failed`.",
);
pub const ISSUE_ERROR: Attribute = Attribute::computed(
    "issue_error",
    Kind::String,
    "Why the last attempt to issue the certificate failed; null unless its state is \
     `issue_failed`.",
);
pub const CERTIFICATE: Attribute = Attribute::computed(
    "certificate",
    Kind::String,
    "The certificate, PEM encoded; null until issued.",
);
pub const CHAIN: Attribute = Attribute::computed(
    "chain",
    Kind::String,
    "The chain of intermediate certificates, PEM encoded; null when there is none.",
);
pub const PRIVATE_KEY: Attribute = Attribute::computed(
    "private_key",
    Kind::String,
    "The certificate's private key, PEM encoded: sensitive. Null until issued, or when the API \
     token may not see private certificate material.",
)
.sensitive();
pub const CERTIFICATE_API_URL: Attribute = Attribute::computed(
    "certificate_api_url",
    Kind::String,
    "The URL of Katapult's certificate API serving this certificate's material. It embeds a \
     bearer token, so it is sensitive: treat it as a secret. Null when the API token may not \
     see private certificate material.",
)
.sensitive();
pub const CREATED_AT: Attribute = Attribute::computed(
    "created_at",
    Kind::String,
    "When the certificate was created, as an RFC 3339 UTC timestamp (as in Katapult's Go \
     provider), e.g. `2026-09-04T14:50:44Z`.",
);
pub const EXPIRES_AT: Attribute = Attribute::computed(
    "expires_at",
    Kind::String,
    "When the certificate expires, as an RFC 3339 UTC timestamp; null until issued.",
);
pub const LAST_ISSUED_AT: Attribute = Attribute::computed(
    "last_issued_at",
    Kind::String,
    "When the certificate was last issued, as an RFC 3339 UTC timestamp; null until issued.",
);

/// A certificate whole, beside its ID.
pub const FIELDS: &[Attribute] = &[
    NAME,
    ADDITIONAL_NAMES,
    AUTHORIZATION_METHOD,
    ISSUER,
    STATE,
    ISSUE_ERROR,
    CERTIFICATE,
    CHAIN,
    PRIVATE_KEY,
    CERTIFICATE_API_URL,
    CREATED_AT,
    EXPIRES_AT,
    LAST_ISSUED_AT,
];

/// A certificate as the organization's list names it (summary fields only).
pub const LISTED: &[Attribute] = &[ID, NAME, ISSUER, STATE, EXPIRES_AT, LAST_ISSUED_AT];

/// The organization's certificates: `GET /organizations/organization/certificates`,
/// 100 a page as Katapult's Go provider asks.
pub const LIST: ListEndpoint = ListEndpoint {
    path: "organizations/organization/certificates",
    items: "certificates",
    per_page: Some("100"),
    noun: "Certificate",
    plural: "certificates",
    by_id: false,
    paged: true,
};

/// The fields the API sends as Unix seconds that these data sources show
/// as RFC 3339 strings.
const TIMES: &[&str] = &["created_at", "expires_at", "last_issued_at"];

/// `2026-09-04T14:50:44Z`: Go's `time.RFC3339` of a UTC time, as Katapult's
/// Go provider writes these times; None out of range.
pub fn rfc3339(unix_seconds: i64) -> Option<String> {
    let t = OffsetDateTime::from_unix_timestamp(unix_seconds).ok()?;
    if !(0..=9999).contains(&t.year()) {
        return None;
    }
    Some(format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute(),
        t.second()
    ))
}

/// `fields`' times, whole Unix seconds, as RFC 3339 strings in place; null
/// stays null. Anything else is an error at `path`'s field, the value
/// unsaid.
pub fn with_rfc3339_times(
    fields: &mut Map<String, Json>,
    path: &AttributePath,
) -> Result<(), MappingError> {
    for name in TIMES {
        let Some(value) = fields.get_mut(*name) else {
            continue;
        };
        let got = match value {
            Json::Null => continue,
            Json::Number(n) => match n.as_i64().and_then(rfc3339) {
                Some(text) => {
                    *value = Json::String(text);
                    continue;
                }
                None => "a number that is no time",
            },
            Json::Bool(_) => "a boolean",
            Json::String(_) => "a string",
            Json::Array(_) => "a list",
            Json::Object(_) => "an object",
        };
        return Err(MappingError::Mismatch {
            path: path.clone().attribute(name),
            expected: "a time in whole Unix seconds",
            got,
        });
    }
    Ok(())
}

/// How a certificate's `id` is read and its "not found" worded.
pub static LOOKUP: Lookup = Lookup::of(
    &CERTIFICATE_OBJECT,
    CERTIFICATE_OBJECT.keys,
    Rule::ExactlyOne,
    HINT,
);

/// The state for an answer of `GET /certificates/certificate`: its ID and
/// `FIELDS`, the times as RFC 3339 strings.
pub fn state(answer: Json) -> Result<Computed, ReadError> {
    let (mut certificate, _) = answer::object(answer, CERTIFICATE_OBJECT.key)?;
    with_rfc3339_times(&mut certificate, &AttributePath::default())?;
    let mut state = map_object(&certificate, &[ID], &AttributePath::default())?;
    state.extend(map_object(&certificate, FIELDS, &AttributePath::default())?);
    Ok(state)
}

/// The certificate the configuration's `id` names. Logs nothing of the
/// answer: it holds the private key and the URL's token.
pub fn read<'a>(ctx: &'a ReadContext<'a>, config: &'a Value) -> ReadFuture<'a> {
    Box::pin(async move {
        let given = LOOKUP.read(config)?[0];
        let answer = ctx
            .client
            .get(CERTIFICATE_OBJECT.path, &given.query(), &ctx.budget)
            .await
            .map_err(|e| LOOKUP.error(e, &given))?;
        state(answer)
    })
}

/// Checks a configuration: its `id` and `timeouts`.
pub fn validate(config: &Value) -> Vec<crate::diag::Diagnostic> {
    LOOKUP.validate(config)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_go_rfc3339() {
        assert_eq!(rfc3339(1_788_533_444).unwrap(), "2026-09-04T14:50:44Z");
        assert_eq!(rfc3339(0).unwrap(), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(i64::MAX), None);
        assert_eq!(rfc3339(-62_167_219_201), None, "before year 0");
        let mut fields = serde_json::json!({"created_at": 1_820_069_445, "expires_at": null})
            .as_object()
            .unwrap()
            .clone();
        with_rfc3339_times(&mut fields, &AttributePath::default()).unwrap();
        assert_eq!(fields["created_at"], "2027-09-04T14:50:45Z");
        assert!(fields["expires_at"].is_null());
        for wrong in [
            serde_json::json!("2026-09-04"),
            serde_json::json!(1.5),
            serde_json::json!(true),
        ] {
            let mut fields = serde_json::Map::from_iter([("last_issued_at".to_owned(), wrong)]);
            let err =
                with_rfc3339_times(&mut fields, &AttributePath::root("certificates").index(2))
                    .unwrap_err()
                    .to_string();
            assert!(
                err.starts_with(
                    "certificates[2].last_issued_at should be a time in whole Unix seconds"
                ),
                "{err}"
            );
            assert!(!err.contains("2026-09-04"), "{err}");
        }
    }
}
