//! The fake API's route machinery: a route says, for one endpoint, which
//! query parameter names what it asks for and where its answer comes from,
//! and answers a request by it. Every family's route table is built of
//! these; which routes there are is theirs to say (`families.rs`).
//!
//! A route answers from, in this order: the recorded answer
//! `testkit/answers/PATH/VALUE.json`, where PATH is the route's path under
//! `/core/v1/` and VALUE the lookup value (an error envelope there is
//! served as that error); a handler whose pattern matches the value (the
//! generated and hostile cases); else `{object}_not_found`. A paged route
//! cuts pages from the recorded list, or from the items its handler makes.

use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use super::answers;
use super::call::{
    Answer, Call, DropConnection, Filter, Handler, ListHandler, Pattern, Refusal, Reply, arg,
    matching,
};
use super::stats::Stats;

use Key::{Alias, Field, Name};

/// The query parameter naming an organization, which most lists take.
pub(super) const ORG: &[Key] = &[Name("organization[sub_domain]")];

/// The answer's name for a route that takes no lookup value:
/// `data_centers/all.json`, unless a test names another list
/// (`FakeApi::answer_list_as`); with a key without scopes
/// (`SCOPELESS_TOKEN`), `scope-missing`.
const ALL: &str = "all";
const SCOPE_MISSING: &str = "scope-missing";

/// The route in `tables` for a request, if any.
pub(super) fn find(
    tables: &[&'static [Route]],
    method: &str,
    path: &str,
) -> Option<&'static Route> {
    let path = path.strip_prefix("/core/v1/")?;
    tables
        .iter()
        .flat_map(|table| table.iter())
        .find(|route| route.method == method && route.path == path)
}

pub(super) struct Route {
    method: &'static str,
    /// Under `/core/v1/`.
    path: &'static str,
    /// The query parameters naming what is asked for: a request must give
    /// exactly one.
    keys: &'static [Key],
    /// Whether giving none is refused (400), or looks up "".
    required: bool,
    serve: Serve,
    note: Note,
    /// A query parameter whose value is a folder of the route's answers
    /// (`object_storage_cluster[region]`): required; a folder with no
    /// answers is that object's `_not_found`.
    within: Option<&'static str>,
    /// What a "not found" names, when not the first key's object
    /// (`object_storage_bucket` for `bucket[name]`).
    missing: Option<&'static str>,
}

/// A query parameter that names the object.
pub(super) enum Key {
    /// Its value is the answer's name.
    Name(&'static str),
    /// Its value is found at this JSON pointer of one recorded answer.
    Field(&'static str, &'static str),
    /// Its value stands for an answer's name, the one this function gives;
    /// a value it gives none for names nothing.
    Alias(&'static str, fn(&str) -> Option<String>),
}

/// Where the answer comes from, after the recorded answers.
enum Serve {
    /// One answer.
    One(&'static [(Pattern, Handler)]),
    /// A list under the key `list`, paged, made by a handler when there is
    /// no recording, then passed through `filter`.
    Pages {
        list: &'static str,
        handlers: &'static [(Pattern, ListHandler)],
        filter: Option<Filter>,
    },
    /// Everything from the handler.
    Handler(Handler),
}

/// What the fake API notes of a request, for the tests to check.
#[derive(Clone, Copy)]
pub(super) enum Note {
    Nothing,
    /// When it came, by lookup value: `FakeApi::arrivals`.
    Arrivals,
    /// The (page, per_page) asked for, under `NAME:VALUE`: `FakeApi::pages`.
    Pages(&'static str),
}

impl Route {
    pub(super) const fn get(path: &'static str, keys: &'static [Key]) -> Self {
        Self {
            method: "GET",
            path,
            keys,
            required: true,
            serve: Serve::One(&[]),
            note: Note::Nothing,
            within: None,
            missing: None,
        }
    }

    /// Its answers are in folders named by `param`'s value (see `within`).
    pub(super) const fn within(self, param: &'static str) -> Self {
        Self {
            within: Some(param),
            ..self
        }
    }

    /// A "not found" names `object`.
    pub(super) const fn missing(self, object: &'static str) -> Self {
        Self {
            missing: Some(object),
            ..self
        }
    }

    /// The recorded answers, then `handlers`.
    pub(super) const fn recorded(self, handlers: &'static [(Pattern, Handler)]) -> Self {
        Self {
            serve: Serve::One(handlers),
            ..self
        }
    }

    /// The recorded lists (their items under `list`), else the items
    /// `handlers` make; paged.
    pub(super) const fn pages(
        self,
        list: &'static str,
        handlers: &'static [(Pattern, ListHandler)],
    ) -> Self {
        Self {
            serve: Serve::Pages {
                list,
                handlers,
                filter: None,
            },
            ..self
        }
    }

    /// Only `handler`, no recorded answers.
    pub(super) const fn handler(self, handler: Handler) -> Self {
        Self {
            serve: Serve::Handler(handler),
            ..self
        }
    }

    pub(super) const fn filter(self, filter: Filter) -> Self {
        let Serve::Pages { list, handlers, .. } = self.serve else {
            panic!("a filter is for a paged route");
        };
        Self {
            serve: Serve::Pages {
                list,
                handlers,
                filter: Some(filter),
            },
            ..self
        }
    }

    pub(super) const fn optional(self) -> Self {
        Self {
            required: false,
            ..self
        }
    }

    pub(super) const fn note(self, note: Note) -> Self {
        Self { note, ..self }
    }

    /// Its method and path, which no other route has.
    #[cfg(test)]
    pub(super) fn endpoint(&self) -> (&'static str, &'static str) {
        (self.method, self.path)
    }

    /// What the request names, as the API's errors name it: `disk` gives
    /// `disk_not_found` and "The 'disk' argument ...".
    fn object(&self) -> &'static str {
        if let Some(object) = self.missing {
            return object;
        }
        let param = self.keys.first().map_or("", Key::param);
        param.split('[').next().unwrap_or(param)
    }

    /// The answer to a request with `query`, its key already checked;
    /// `scopeless`: the request's key has no scopes.
    pub(super) async fn answer(&self, query: &str, stats: &Stats, scopeless: bool) -> Answer {
        let dir = match self.dir(query) {
            Ok(dir) => dir,
            Err(refusal) => return Ok(*refusal),
        };
        let value = match self.lookup(query, stats, scopeless) {
            Ok(value) => value,
            Err(refusal) => return Ok(*refusal),
        };
        let (mut attempt, mut listings) = (0, 0);
        match self.note {
            Note::Nothing => {}
            Note::Arrivals => {
                let mut arrivals = stats.arrivals.lock().unwrap();
                let seen = arrivals.entry(value.clone()).or_default();
                seen.push(Instant::now());
                attempt = seen.len();
            }
            Note::Pages(name) => {
                let page = arg(query, "page").and_then(|p| p.parse().ok()).unwrap_or(1);
                let per_page = arg(query, "per_page")
                    .and_then(|p| p.parse().ok())
                    .unwrap_or(0);
                let mut pages = stats.pages.lock().unwrap();
                let seen = pages.entry(format!("{name}:{value}")).or_default();
                seen.push((page, per_page));
                listings = seen.iter().filter(|(p, _)| *p == 1).count() as u64;
            }
        }
        let latency = stats.latency_us.load(Ordering::SeqCst);
        if latency > 0 {
            tokio::time::sleep(Duration::from_micros(latency)).await;
        }
        let mut call = Call {
            value: &value,
            suffix: "",
            query,
            stats,
            attempt,
            listings,
            dir: &dir,
        };
        match self.reply(&mut call) {
            Reply::Now(response) => Ok(response),
            Reply::After(wait, response) => {
                tokio::time::sleep(wait).await;
                Ok(response)
            }
            Reply::Drop => Err(DropConnection),
        }
    }

    /// The folder of the answers to `query`: the route's path, or under it
    /// the `within` parameter's value; a refusal when that is missing or
    /// names no folder.
    fn dir(&self, query: &str) -> Result<String, Refusal> {
        let Some(param) = self.within else {
            return Ok(self.path.to_owned());
        };
        let object = param.split('[').next().unwrap_or(param);
        let Some(value) = arg(query, param) else {
            return Err(Box::new(answers::error(
                "missing_required_argument",
                &format!("The '{object}' argument is required but was not provided"),
                "{}",
            )));
        };
        let dir = format!("{}/{value}", self.path);
        if answers::has_dir(&dir) && !value.contains('/') {
            Ok(dir)
        } else {
            Err(Box::new(answers::not_found(object)))
        }
    }

    /// The lookup value: the answer's name, or a refusal.
    fn lookup(&self, query: &str, stats: &Stats, scopeless: bool) -> Result<String, Refusal> {
        if self.keys.is_empty() {
            if scopeless {
                return Ok(SCOPE_MISSING.to_owned());
            }
            let lists_as = stats.lists_as.lock().unwrap();
            return Ok(lists_as
                .get(self.path)
                .map_or_else(|| ALL.to_owned(), Clone::clone));
        }
        let given: Vec<(&Key, String)> = self
            .keys
            .iter()
            .filter_map(|key| Some((key, arg(query, key.param())?)))
            .collect();
        let [(key, value)] = &given[..] else {
            if given.is_empty() && !self.required {
                return Ok(String::new());
            }
            return Err(Box::new(answers::error(
                "missing_required_argument",
                &format!(
                    "The '{}' argument is required but was not provided",
                    self.object()
                ),
                "{}",
            )));
        };
        Ok(match key {
            Name(_) => value.clone(),
            Field(_, pointer) => answers::find(self.path, pointer, value)
                .unwrap_or_default()
                .to_owned(),
            Alias(_, resolve) => resolve(value).unwrap_or_default(),
        })
    }

    fn reply(&self, call: &mut Call) -> Reply {
        let recorded = answers::get(call.dir, call.value);
        match &self.serve {
            Serve::Handler(handler) => handler(call),
            Serve::One(handlers) => match recorded {
                Some(answer) => answers::serve(answer).into(),
                None => match matching(handlers, call) {
                    Some(handler) => handler(call),
                    None => answers::not_found(self.object()).into(),
                },
            },
            Serve::Pages {
                list,
                handlers,
                filter,
            } => {
                let items = match recorded {
                    Some(answer) if answer.json.get("error").is_some() => {
                        return answers::serve(answer).into();
                    }
                    Some(answer) => answer.json[*list].as_array().cloned().unwrap_or_default(),
                    None => match matching(handlers, call).and_then(|handler| handler(call)) {
                        Some(items) => items,
                        None => return answers::not_found(self.object()).into(),
                    },
                };
                let items = match filter {
                    Some(filter) => filter(call, items),
                    None => Ok(items),
                };
                match items {
                    Ok(items) => answers::page(call.paging(), items, list).into(),
                    Err(refusal) => (*refusal).into(),
                }
            }
        }
    }
}

impl Key {
    fn param(&self) -> &'static str {
        match self {
            Name(param) | Field(param, _) | Alias(param, _) => param,
        }
    }
}
