//! An API object described once: where Katapult serves it (its endpoint and
//! the answer's key), the scopes that allow reading it, its own "not found"
//! code, and the keys it is looked up by. Each object's description sits
//! beside its attributes in `objects/`; the shapes read the endpoint, the
//! errors and the docs' "Reads `GET ...`, needs scope ..." sentences off it.

/// One argument an object can be looked up by.
#[derive(Debug)]
pub struct Key {
    /// The attribute: `id`.
    pub attribute: &'static str,
    /// The query parameter the API takes it as: `disk[id]`. For an object
    /// found by matching a list, the field of the list's items.
    pub parameter: &'static str,
    /// Its name in a message: "ID", "permalink", "FQDN".
    pub noun: &'static str,
    /// A value it may have, for its description and the message when it
    /// is empty (`disk_I4Bu3elhTjuAg16W`); empty when none is worth showing.
    pub example: &'static str,
}

impl Key {
    pub const fn new(
        attribute: &'static str,
        parameter: &'static str,
        noun: &'static str,
        example: &'static str,
    ) -> Self {
        Self {
            attribute,
            parameter,
            noun,
            example,
        }
    }
}

/// One kind of Katapult object, as its API serves it one at a time.
#[derive(Debug)]
pub struct Object {
    /// One, for messages: "tag", "disk template".
    pub noun: &'static str,
    /// Many, for messages: "tags", "disk templates".
    pub plural: &'static str,
    /// Its endpoint under `/core/v1/`: `tags/tag`.
    pub path: &'static str,
    /// The answer's key for the object: `tag`.
    pub key: &'static str,
    /// The API token scopes that allow reading it (any one of them), as the
    /// API reference lists them; empty when it lists none.
    pub scopes: &'static [&'static str],
    /// The API's code for "no such object" (`tag_not_found`).
    pub not_found: &'static str,
    /// The arguments it can be looked up by, in the order a read prefers.
    pub keys: &'static [Key],
}

impl Object {
    /// The key whose attribute is `attribute`: a definition error when it
    /// has none, caught by the tests of every data source using it.
    pub const fn key(&'static self, attribute: &str) -> &'static Key {
        let mut i = 0;
        while i < self.keys.len() {
            if eq(self.keys[i].attribute, attribute) {
                return &self.keys[i];
            }
            i += 1;
        }
        panic!("an object has no key of that attribute")
    }

    /// The docs' sentence on what a read of `path` needs: "Reads
    /// `GET /core/v1/tags/tag`. Needs an API token with the `tags` or
    /// `tags:read` scope."
    pub fn reads_sentence(&self, path: &str, pages: bool) -> String {
        format!(
            "Reads `GET /core/v1/{path}`{}. {}",
            if pages { ", following every page" } else { "" },
            scopes_sentence(self.scopes)
        )
    }
}

/// "Needs an API token with the `a` or `b` scope.", or that the API
/// reference names none.
pub fn scopes_sentence(scopes: &[&str]) -> String {
    match scopes {
        [] => "The API reference names no scope for it.".to_owned(),
        [one] => format!("Needs an API token with the `{one}` scope."),
        [rest @ .., last] => format!(
            "Needs an API token with the {} or `{last}` scope.",
            rest.iter()
                .map(|s| format!("`{s}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// `a == b` for a `const fn`.
const fn eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    static THING: Object = Object {
        noun: "thing",
        plural: "things",
        path: "things/thing",
        key: "thing",
        scopes: &["things", "things:read"],
        not_found: "thing_not_found",
        keys: &[
            Key::new("id", "thing[id]", "ID", "thing_1"),
            Key::new("permalink", "thing[permalink]", "permalink", "a-thing"),
        ],
    };

    #[test]
    fn its_sentences_name_the_endpoint_and_the_scopes() {
        assert_eq!(
            THING.reads_sentence(THING.path, false),
            "Reads `GET /core/v1/things/thing`. Needs an API token with the `things` or \
             `things:read` scope."
        );
        assert_eq!(
            scopes_sentence(&["a", "b", "c"]),
            "Needs an API token with the `a`, `b` or `c` scope."
        );
        assert_eq!(
            scopes_sentence(&[]),
            "The API reference names no scope for it."
        );
        assert_eq!(THING.key("permalink").parameter, "thing[permalink]");
    }
}
