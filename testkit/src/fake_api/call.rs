//! What a handler is: the request as it sees it (`Call`), what it answers
//! (`Reply`), which lookup values it takes (`Pattern`), and the types of
//! the three kinds of handler every family's routes name. The bottom of the
//! fake API's routes: it knows no route and no family.

use std::time::Duration;

use http_body_util::Full;
use hyper::Response;
use hyper::body::Bytes;
use serde_json::Value;

use super::answers;
use super::stats::Stats;

pub(super) type Answer = Result<Response<Full<Bytes>>, DropConnection>;

/// Returned by a handler to close the connection without answering, as a
/// crashing proxy would.
#[derive(Debug)]
pub struct DropConnection;

impl std::fmt::Display for DropConnection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("connection dropped on purpose")
    }
}

impl std::error::Error for DropConnection {}

/// Which lookup values a handler takes.
pub(super) enum Pattern {
    Is(&'static str),
    Prefix(&'static str),
}

pub(super) type Handler = fn(&Call) -> Reply;
/// A list handler's `None`: what the request names does not exist.
pub(super) type ListHandler = fn(&Call) -> Option<Vec<Value>>;
/// Makes the list asked for out of the one found, or refuses the request.
pub(super) type Filter = fn(&Call, Vec<Value>) -> Result<Vec<Value>, Refusal>;
/// The error a request gets instead of what it asked for (boxed: a
/// response is large).
pub(super) type Refusal = Box<Response<Full<Bytes>>>;

/// What a handler answers.
pub(super) enum Reply {
    Now(Response<Full<Bytes>>),
    /// The answer, after a wait.
    After(Duration, Response<Full<Bytes>>),
    /// No answer: the connection closes.
    Drop,
}

impl From<Response<Full<Bytes>>> for Reply {
    fn from(response: Response<Full<Bytes>>) -> Self {
        Self::Now(response)
    }
}

/// One request, as a handler sees it.
pub(super) struct Call<'a> {
    /// What the request names: a disk id, an organization, ...
    pub value: &'a str,
    /// The part of `value` after the pattern's prefix (the `7` of `disk_Many7`).
    pub suffix: &'a str,
    pub(super) query: &'a str,
    pub stats: &'a Stats,
    /// The number of this request among those for `value`, from 1
    /// (`Note::Arrivals`).
    pub attempt: usize,
    /// How many times this list has been asked for from page 1
    /// (`Note::Pages`).
    pub listings: u64,
    /// The folder of the answers: the route's path, or under it the
    /// `within` parameter's value.
    pub(super) dir: &'a str,
}

impl Call<'_> {
    /// The query parameter `name`.
    pub fn arg(&self, name: &str) -> Option<String> {
        arg(self.query, name)
    }

    /// Every value of the query parameter `name`, in order
    /// (`annotations[][key]`).
    pub fn args(&self, name: &str) -> Vec<String> {
        url::form_urlencoded::parse(self.query.as_bytes())
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.into_owned())
            .collect()
    }

    /// The annotations a list is filtered by: the `annotations[][key]` and
    /// `annotations[][value]` parameters, pair by pair; refused when they
    /// do not pair up, as the API's reference says they must.
    pub fn annotation_filter(&self) -> Result<Vec<(String, String)>, Refusal> {
        let (keys, values) = (
            self.args("annotations[][key]"),
            self.args("annotations[][value]"),
        );
        if keys.len() != values.len() {
            return Err(Box::new(answers::error(
                "invalid_argument",
                "The 'annotations' argument is invalid",
                "{}",
            )));
        }
        Ok(keys.into_iter().zip(values).collect())
    }

    /// The page asked for (from 1) and its size: `per_page` as asked, else
    /// the API's 30, at most 200.
    pub fn paging(&self) -> (u64, u64) {
        let number = |name: &str| self.arg(name).and_then(|p| p.parse::<u64>().ok());
        (
            number("page").unwrap_or(1).max(1),
            number("per_page").unwrap_or(30).clamp(1, 200),
        )
    }
}

pub(super) fn arg(query: &str, name: &str) -> Option<String> {
    url::form_urlencoded::parse(query.as_bytes())
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.into_owned())
}

/// The first handler whose pattern takes `call.value`, with `call.suffix`
/// set to what follows its prefix.
pub(super) fn matching<H: Copy>(handlers: &[(Pattern, H)], call: &mut Call) -> Option<H> {
    let value = call.value;
    let (suffix, handler) = handlers.iter().find_map(|(pattern, handler)| {
        let suffix = match pattern {
            Pattern::Is(is) => (value == *is).then_some(""),
            Pattern::Prefix(prefix) => value.strip_prefix(prefix),
        }?;
        Some((suffix, *handler))
    })?;
    call.suffix = suffix;
    Some(handler)
}
