//! The bounds of what a data source sends in a query: every lookup key
//! (`Lookup::given`) and every filter (`Filter::validate`, `Filter::query`)
//! is checked here, at validate and again before any request, so a value
//! no request could carry is an error at its attribute, never a URL the
//! client cannot build nor a request the API refuses.

use crate::diag::Diagnostic;
use crate::text::{quoted, shown};
use crate::tftypes::AttributePath;

/// The most characters one value sent in a query may have: a key (ID,
/// permalink, name, FQDN), a filter's value, an annotation's key or value.
/// Katapult's are far shorter (an FQDN is at most 253).
pub const MAX_VALUE: usize = 255;

/// The most pairs an `annotations` filter may hold: each is two query
/// parameters of the request's URL.
pub const MAX_ANNOTATIONS: usize = 100;

/// The most characters an `annotations` filter's keys and values may have
/// together: with `MAX_ANNOTATIONS` pairs, the URL stays well within what
/// a request can carry (65,534 characters), whatever the characters.
pub const MAX_ANNOTATION_TEXT: usize = 4_000;

/// An error at `at` when `value`, sent as `what` ("ID", "annotation
/// value"), is longer than `MAX_VALUE`.
pub fn value(value: &str, what: &str, at: AttributePath) -> Option<Diagnostic> {
    let length = value.chars().count();
    if length <= MAX_VALUE {
        return None;
    }
    Some(
        Diagnostic::error(
            format!("{} too long", crate::text::capitalized(what)),
            format!(
                "The {what} at `{at}` is {length} characters long ({}); a value sent to \
                 Katapult may have at most {MAX_VALUE}, and none of Katapult's IDs, permalinks, \
                 names or FQDNs is longer. Nothing was sent. Check the value: it may hold more \
                 than one {what} (a list, a file's contents), or come from the wrong attribute.",
                quoted(&shown(value, 40))
            ),
        )
        .at(at),
    )
}

/// An error at `annotations` when a filter of `pairs` (their keys and
/// values) holds more than `MAX_ANNOTATIONS`, or more than
/// `MAX_ANNOTATION_TEXT` characters.
pub fn annotations<'a>(
    pairs: impl ExactSizeIterator<Item = (&'a str, &'a str)>,
    at: AttributePath,
) -> Option<Diagnostic> {
    let count = pairs.len();
    let text: usize = pairs
        .map(|(k, v)| k.chars().count() + v.chars().count())
        .sum();
    if count <= MAX_ANNOTATIONS && text <= MAX_ANNOTATION_TEXT {
        return None;
    }
    Some(
        Diagnostic::error(
            "Too many annotations to filter by",
            format!(
                "`annotations` holds {count} pair{} of {text} characters in all; a filter may \
                 hold at most {MAX_ANNOTATIONS} pairs of {MAX_ANNOTATION_TEXT} characters, since \
                 each pair is sent in the request's URL. Nothing was sent. Filter by fewer \
                 annotations (the ones that narrow the list most), and narrow the rest in \
                 Terraform with a `for` expression over the list.",
                if count == 1 { "" } else { "s" }
            ),
        )
        .at(at),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_past_the_bound_is_an_error_at_it_saying_the_limit() {
        let at = || AttributePath::root("id");
        assert!(value(&"a".repeat(MAX_VALUE), "ID", at()).is_none());
        // Characters, not bytes: 255 four-byte characters pass.
        assert!(value(&"🦀".repeat(MAX_VALUE), "ID", at()).is_none());
        let diag = value(&"a".repeat(MAX_VALUE + 1), "ID", at()).unwrap();
        assert!(diag.is_error());
        assert_eq!(diag.summary, "ID too long");
        assert_eq!(diag.path.map(|p| p.to_string()).as_deref(), Some("id"));
        for want in [
            "The ID at `id` is 256 characters long",
            "at most 255",
            "Nothing was sent. Check the value",
            "(216 more characters cut)",
        ] {
            assert!(diag.detail.contains(want), "{want:?}: {}", diag.detail);
        }
        assert!(diag.detail.len() < 600, "the value is cut: {}", diag.detail);
    }

    #[test]
    fn an_annotations_filter_is_bounded_in_pairs_and_in_characters() {
        let at = || AttributePath::root("annotations");
        let pairs = |n: usize, length: usize| -> Vec<(String, String)> {
            (0..n)
                .map(|i| (format!("k{i}"), "v".repeat(length)))
                .collect()
        };
        let check = |pairs: &[(String, String)]| {
            annotations(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())), at())
        };
        assert!(check(&pairs(MAX_ANNOTATIONS, 10)).is_none());
        let diag = check(&pairs(1000, 40)).unwrap();
        assert_eq!(diag.summary, "Too many annotations to filter by");
        assert_eq!(
            diag.path.map(|p| p.to_string()).as_deref(),
            Some("annotations")
        );
        assert!(
            diag.detail.starts_with("`annotations` holds 1000 pairs of"),
            "{}",
            diag.detail
        );
        assert!(diag.detail.contains("at most 100 pairs of 4000 characters"));
        // Few pairs, but long ones.
        assert!(check(&pairs(20, 250)).is_some());
        assert!(check(&pairs(1, 250)).is_none());
    }

    /// Every string argument of every data source and ephemeral resource
    /// (the keys and filters that go into queries) is bounded: a value past
    /// `MAX_VALUE` is an error at it at validate, and the read refuses it
    /// before any request; so is an `annotations` filter of 1,000 pairs.
    #[tokio::test]
    async fn every_argument_is_bounded_before_any_request() {
        use crate::schema::{Kind, Mode};
        use crate::tftypes::Value;
        let api = katapult_testkit::fake_api::FakeApi::start().await.unwrap();
        let long = Value::String("x".repeat(MAX_VALUE + 45));
        let many = Value::Object(
            (0..1000)
                .map(|n| (format!("key{n:04}"), Value::from("v")))
                .collect(),
        );
        let mut checked = 0;
        let all = crate::datasource::all()
            .iter()
            .chain(crate::datasource::ephemeral());
        for ds in all {
            for a in ds.schema().attributes {
                let value = match (a.kind, a.mode) {
                    (_, Mode::Computed) => continue,
                    (Kind::String, _) => long.clone(),
                    (Kind::StringMap, _) if a.name == "annotations" => many.clone(),
                    _ => continue,
                };
                let config = super::super::testing::config(&[(a.name, value)]);
                let name = format!("{} {}", ds.type_name(), a.name);
                let found = ds.validate(&config);
                assert!(
                    found.iter().any(|d| d.is_error()
                        && d.path.as_ref().map(ToString::to_string).as_deref() == Some(a.name)),
                    "{name}: {found:?}"
                );
                let read = super::super::testing::read(&api.url(), "acme", *ds, &config).await;
                assert!(read.is_err(), "{name}: read");
                assert_eq!(api.requests(), 0, "{name}: a request was sent");
                checked += 1;
            }
        }
        assert!(checked > 50, "only {checked} arguments");
    }
}
