//! Which way a schema puts objects to this client: nested attribute types
//! (described fields) or plain object types (any Terraform), from the gRPC
//! user agent unless `KATAPULT_SCHEMA_OBJECTS` chooses. Decided per
//! GetProviderSchema, inside its handler; `convert` writes the schema in
//! the style chosen.

use tonic::metadata::MetadataMap;

use crate::diag::Diagnostic;

/// How an attribute holding an object (or a list of them) is put to
/// Terraform. Both give the value the same type, so state written under one
/// reads under the other.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum ObjectStyle {
    /// Nested attribute types: every field inside carries its description
    /// (editors show it on hover). Terraform before 1.2.7 cannot check a
    /// reference into one (`data.katapult_disk.boot.data_center.permalink`
    /// fails with "This value does not have any attributes":
    /// hashicorp/terraform#31527).
    Nested,
    /// Plain object types, which every Terraform can reference into; the
    /// fields inside have no description.
    Plain,
}

/// The environment variable that chooses the object style by hand:
/// `nested`, `plain` or `auto` (the default).
const OBJECT_STYLE_VARIABLE: &str = "KATAPULT_SCHEMA_OBJECTS";

/// The first grpc-go release made after the last Terraform that lacks the
/// fix for references into nested attributes: 1.50.0 came out in October
/// 2022, after Terraform 1.2.9 (September 2022), so a client built with it
/// is Terraform 1.3 or later (or OpenTofu, forked from 1.6). Terraform
/// 1.0.3 sends `grpc-go/1.27.1`, 1.6.6 and 1.11.4 `grpc-go/1.59.0`, 1.15.5
/// `grpc-go/1.80.0`.
const FIRST_FIXED_GRPC_GO: (u64, u64) = (1, 50);

impl ObjectStyle {
    /// The style for the client that sent `metadata`, logged; an invalid
    /// `KATAPULT_SCHEMA_OBJECTS` is the diagnostic to answer with.
    pub(super) fn for_client(metadata: &MetadataMap) -> Result<Self, Diagnostic> {
        let user_agent = metadata.get("user-agent").and_then(|v| v.to_str().ok());
        // Not Unicode is a wrong value too (shown with replacement
        // characters), never quietly the default.
        let chosen =
            std::env::var_os(OBJECT_STYLE_VARIABLE).map(|v| v.to_string_lossy().into_owned());
        let style = Self::choose(user_agent, chosen.as_deref())?;
        tracing::debug!(
            objects = if style == Self::Nested {
                "nested"
            } else {
                "plain"
            },
            "Schema objects chosen for this Terraform"
        );
        Ok(style)
    }

    /// The style for a client: the variable's choice when set, else nested
    /// for a Terraform known to take it (from the gRPC user agent), plain
    /// for every other client. Plain is the safe guess: it costs
    /// descriptions, never a working configuration.
    fn choose(user_agent: Option<&str>, chosen: Option<&str>) -> Result<Self, Diagnostic> {
        match chosen.map(str::trim) {
            Some(v) if v.eq_ignore_ascii_case("nested") => return Ok(Self::Nested),
            Some(v) if v.eq_ignore_ascii_case("plain") => return Ok(Self::Plain),
            Some(v) if v.is_empty() || v.eq_ignore_ascii_case("auto") => {}
            None => {}
            Some(v) => {
                return Err(Diagnostic::error(
                    format!("Invalid {OBJECT_STYLE_VARIABLE}"),
                    format!(
                        "{OBJECT_STYLE_VARIABLE} is {}; it takes \"nested\" (descriptions on \
                         nested fields; Terraform 1.2.7 or later), \"plain\" (any Terraform) \
                         or \"auto\" (the default: nested when Terraform is known to take it). \
                         Unset it to let the provider choose.",
                        crate::text::quoted(v)
                    ),
                ));
            }
        }
        Ok(match user_agent.and_then(grpc_go_version) {
            Some(version) if version >= FIRST_FIXED_GRPC_GO => Self::Nested,
            _ => Self::Plain,
        })
    }
}

/// `(major, minor)` of a `grpc-go/1.59.0` user agent (the product token may
/// be followed by others, and the version by a suffix such as `-dev`).
fn grpc_go_version(user_agent: &str) -> Option<(u64, u64)> {
    let rest = user_agent
        .split_whitespace()
        .find_map(|token| token.strip_prefix("grpc-go/"))?;
    let mut numbers = rest.split('.');
    let major = numbers.next()?.parse().ok()?;
    let minor: String = numbers
        .next()?
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    Some((major, minor.parse().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn object_style_follows_the_client_unless_chosen() {
        let choose = |agent, chosen| ObjectStyle::choose(agent, chosen).unwrap();
        use ObjectStyle::{Nested, Plain};
        // Terraform 1.0.3, 1.6.6 / 1.11.4, 1.15.5 as measured.
        assert_eq!(choose(Some("grpc-go/1.27.1"), None), Plain);
        assert_eq!(choose(Some("grpc-go/1.59.0"), None), Nested);
        assert_eq!(choose(Some("grpc-go/1.80.0"), None), Nested);
        // The boundary, suffixes, other tokens, a later major.
        assert_eq!(choose(Some("grpc-go/1.49.9"), None), Plain);
        assert_eq!(choose(Some("grpc-go/1.50.0"), None), Nested);
        assert_eq!(choose(Some("grpc-go/1.81.0-dev"), None), Nested);
        assert_eq!(choose(Some("opentofu grpc-go/1.66.2"), None), Nested);
        assert_eq!(choose(Some("grpc-go/2.0.0"), None), Nested);
        // Anything else is not known to take nested types.
        for agent in [
            None,
            Some(""),
            Some("grpc-python/1.62.0 grpc-c/39.0.0 (linux; chttp2)"),
            Some("grpc-go/"),
            Some("grpc-go/1"),
            Some("grpc-go/x.y"),
            Some("grpc-go/1.99999999999999999999999"),
            Some("my-grpc-go/1.80.0"),
        ] {
            assert_eq!(choose(agent, None), Plain, "{agent:?}");
        }
        // The variable wins, any case; empty or auto is the default.
        assert_eq!(choose(Some("grpc-go/1.27.1"), Some("nested")), Nested);
        assert_eq!(choose(Some("grpc-go/1.80.0"), Some(" PLAIN ")), Plain);
        assert_eq!(choose(Some("grpc-go/1.80.0"), Some("auto")), Nested);
        assert_eq!(choose(Some("grpc-go/1.27.1"), Some("")), Plain);
        let err = ObjectStyle::choose(None, Some("yes\nplease")).unwrap_err();
        assert!(
            err.summary.contains(OBJECT_STYLE_VARIABLE),
            "{}",
            err.summary
        );
        assert!(
            err.detail.contains("yes") && !err.detail.contains('\n'),
            "{}",
            err.detail
        );
        assert!(err.detail.contains("\"nested\""), "{}", err.detail);
        // What a non-Unicode value becomes (`for_client` reads it lossily).
        let lossy = String::from_utf8_lossy(b"nest\xffed").into_owned();
        assert!(ObjectStyle::choose(None, Some(&lossy)).is_err());
        let long = "x".repeat(10_000);
        let err = ObjectStyle::choose(None, Some(&long)).unwrap_err();
        assert!(err.detail.len() < 1_000, "{}", err.detail.len());
    }
}
