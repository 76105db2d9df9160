//! The fake API's routes, as data: for each endpoint, the query parameter
//! that names what it asks for, and where the answer comes from.
//!
//! A route answers from, in this order: the recorded answer
//! `testkit/answers/PATH/VALUE.json`, where PATH is the route's path under
//! `/core/v1/` and VALUE the lookup value (an error envelope there is
//! served as that error); a handler whose pattern matches the value (the
//! generated and hostile cases); else `{object}_not_found`. A paged route
//! cuts pages from the recorded list, or from the items its handler makes.
//! Adding an endpoint's recorded answers: their files, and one route here
//! (see `answers/README.md`).

use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use http_body_util::Full;
use hyper::Response;
use hyper::body::Bytes;
use serde_json::Value;

use super::{
    Answer, DropConnection, Stats, answers, balancers, disks, listings, machines, network_lists,
    package_lists, security, storage_lists,
};

use Key::{Alias, Field, Name};

/// Every endpoint the fake API serves, by its path under `/core/v1/`, which
/// is also its recorded answers' folder under `testkit/answers/`.
#[rustfmt::skip]
const ROUTES: &[Route] = &[
    // One disk: the recorded disks, then the generated and hostile ones.
    Route::get("disks/disk", DISK).recorded(disks::BY_ID).note(Note::Arrivals),
    // An organization's disks: generated (450 of them, or a list that moves).
    Route::get("organizations/organization/disks", ORG).optional().handler(listings::organization_disks),
    // An organization's IO profiles: the recorded list, paged.
    Route::get("organizations/organization/disk_io_profiles", ORG).optional().pages("disk_io_profiles", &[])
        .note(Note::Pages("profiles")),
    // The templates an organization may use: its recorded list (the universal
    // ones only with include_universal=true), or a generated one.
    Route::get("organizations/_/disk_templates", ORG).optional().pages("disk_templates", listings::TEMPLATES)
        .filter(listings::include_universal).note(Note::Pages("templates")),
    // One template, by id or by permalink.
    Route::get("disk_templates/_", TEMPLATE).recorded(&[]),
    // One data center, by id or by permalink.
    Route::get("data_centers/data_center", DATA_CENTER).recorded(&[]),
    // Every data center: one recorded answer, not paged.
    Route::get("data_centers", &[]).optional().recorded(&[]),
    // One tag, and an organization's tags: recorded.
    Route::get("tags/tag", &[Name("tag[id]")]).recorded(&[]),
    Route::get("organizations/organization/tags", ORG).optional().pages("tags", &[]),
    // Security groups, a group's rules and one rule: recorded, or generated;
    // an organization's groups filtered by annotations as the API does.
    Route::get("security_groups/security_group", &[Name("security_group[id]")]).recorded(security::GROUPS),
    Route::get("security_groups/security_group/rules", &[Name("security_group[id]")])
        .pages("security_group_rules", security::RULES).note(Note::Pages("rules")),
    Route::get("security_groups/rules/security_group_rule", &[Name("security_group_rule[id]")]).recorded(&[]),
    Route::get("organizations/organization/security_groups", ORG).optional()
        .pages("security_groups", security::ORGANIZATIONS).filter(security::by_annotations)
        .note(Note::Pages("security_groups")),
    // A virtual machine's disks, by id or FQDN: recorded, or generated.
    Route::get("virtual_machines/virtual_machine/disks", VM).pages("disks", listings::VMS).note(Note::Pages("vm")),
    // One IP address, by id or by address; an organization's, paged, all or
    // only the (un)allocated ones.
    Route::get("ip_addresses/ip_address", IP_ADDRESS).recorded(&[]),
    Route::get("organizations/organization/ip_addresses", ORG).optional().pages("ip_addresses", network_lists::IPS)
        .filter(network_lists::allocated).note(Note::Pages("ips")),
    // One network, by id or by permalink; a data center's default network,
    // by the data center's id or permalink.
    Route::get("networks/network", NETWORK).recorded(&[]),
    Route::get("data_centers/data_center/default_network", DEFAULT_NETWORK).recorded(&[]),
    // The networks an organization can use: one recorded answer, not paged.
    Route::get("organizations/organization/available_networks", ORG).optional().recorded(&[]),
    // An organization's network speed profiles and virtual networks: recorded
    // or generated, paged.
    Route::get("organizations/organization/network_speed_profiles", ORG).optional()
        .pages("network_speed_profiles", network_lists::SPEED_PROFILES).note(Note::Pages("speed_profiles")),
    Route::get("organizations/organization/virtual_networks", ORG).optional()
        .pages("virtual_networks", network_lists::VIRTUAL_NETWORKS).note(Note::Pages("virtual_networks")),
    // One virtual network, by id.
    Route::get("virtual_networks/virtual_network", &[Name("virtual_network[id]")]).recorded(&[]),
    // One virtual machine group, and an organization's groups (one answer,
    // not paged): recorded.
    Route::get("virtual_machine_groups/virtual_machine_group", &[Name("virtual_machine_group[id]")]).recorded(&[]),
    Route::get("organizations/organization/virtual_machine_groups", ORG).optional().recorded(&[]),
    // One package, by id or permalink (else `package_not_found`); every
    // package: the recorded list, paged, or a generated one.
    Route::get("virtual_machine_packages/virtual_machine_package", PACKAGE).recorded(package_lists::NOT_FOUND),
    Route::get("virtual_machine_packages", &[]).pages("virtual_machine_packages", package_lists::LISTS)
        .note(Note::Pages("packages")),
    // Address lists: one (recorded, or one of bigco's), its entries (recorded,
    // else the list's own), an entry, an organization's (recorded, or bigco's
    // 450), the global ones (recorded, or more: FakeApi::set_global_address_lists).
    Route::get("address_lists/address_list", &[Name("address_list[id]")]).recorded(storage_lists::ADDRESS_LISTS),
    Route::get("address_lists/address_list/entries", &[Name("address_list[id]")])
        .pages("address_list_entries", storage_lists::ENTRIES).note(Note::Pages("entries")),
    Route::get("address_list_entries/address_list_entry", &[Name("address_list_entry[id]")]).recorded(&[]),
    Route::get("organizations/organization/address_lists", ORG).optional()
        .pages("address_lists", storage_lists::ORGANIZATION_ADDRESS_LISTS).filter(storage_lists::address_lists_annotated)
        .note(Note::Pages("address_lists")),
    Route::get("address_lists", &[]).pages("address_lists", &[]).filter(storage_lists::more_global_address_lists)
        .note(Note::Pages("global_address_lists")),
    // File storage volumes: one, and an organization's (recorded, or bigco's).
    Route::get("file_storage_volumes/file_storage_volume", &[Name("file_storage_volume[id]")])
        .recorded(storage_lists::VOLUMES),
    Route::get("organizations/organization/file_storage_volumes", ORG).optional()
        .pages("file_storage_volumes", storage_lists::ORGANIZATION_VOLUMES).filter(storage_lists::volumes_annotated)
        .note(Note::Pages("file_storage_volumes")),
    // Object storage, per region (`answers/PATH/REGION/`): an organization's
    // account, and a bucket by name.
    Route::get("organizations/organization/object_storage/object_storage_cluster", ORG)
        .within(REGION).missing("object_storage_account").recorded(&[]),
    Route::get("object_storage/object_storage_cluster/buckets/bucket", &[Name("bucket[name]")])
        .within(REGION).missing("object_storage_bucket").recorded(&[]),
    // One load balancer, by id or API reference: recorded, or generated.
    Route::get("load_balancers/load_balancer", LOAD_BALANCER).recorded(balancers::BY_ID).note(Note::Arrivals),
    // An organization's load balancers: recorded, or generated; by annotations.
    Route::get("organizations/organization/load_balancers", ORG).optional().pages("load_balancers", balancers::ORGS)
        .filter(balancers::annotated).note(Note::Pages("load_balancers")),
    // A load balancer's rules: recorded, else the recorded rules that name it.
    Route::get("load_balancers/load_balancer/rules", &[Name("load_balancer[id]")])
        .pages("load_balancer_rules", balancers::RULE_LISTS).note(Note::Pages("rules")),
    // One load balancer rule: recorded, or generated.
    Route::get("load_balancers/rules/load_balancer_rule", &[Name("load_balancer_rule[id]")])
        .recorded(balancers::RULES).note(Note::Arrivals),
    // One virtual machine, by id or FQDN: recorded, or generated.
    Route::get("virtual_machines/virtual_machine", VM).recorded(machines::BY_ID),
    // A virtual machine's network interfaces, by id or FQDN, and one interface.
    Route::get("virtual_machines/virtual_machine/network_interfaces", VM)
        .pages("virtual_machine_network_interfaces", machines::INTERFACE_LISTS).note(Note::Pages("interfaces")),
    Route::get("virtual_machine_network_interfaces/virtual_machine_network_interface", INTERFACE)
        .recorded(machines::INTERFACES),
    // An organization's virtual machines: recorded or generated, paged, only
    // those with the annotations asked for.
    Route::get("organizations/organization/virtual_machines", ORG).optional()
        .pages("virtual_machines", machines::ORGANIZATIONS).filter(machines::annotated).note(Note::Pages("vms")),
];

/// An object storage region: the folder of its answers.
const REGION: &str = "object_storage_cluster[region]";

/// The query parameters that name what an endpoint asks for: the first
/// names the object, as the API's errors do (`disk[id]`: `disk_not_found`).
const DISK: &[Key] = &[Name("disk[id]")];
const ORG: &[Key] = &[Name("organization[sub_domain]")];
const DATA_CENTER: &[Key] = &[
    Name("data_center[id]"),
    Field("data_center[permalink]", "/data_center/permalink"),
];

const LOAD_BALANCER: &[Key] = &[
    Name("load_balancer[id]"),
    Field(
        "load_balancer[api_reference]",
        "/load_balancer/api_reference",
    ),
];

/// The answer's name for a route that takes no lookup value:
/// `data_centers/all.json` (unless a test names another list:
/// `FakeApi::answer_list_as`).
/// `data_centers/all.json`; with `super::SCOPELESS_TOKEN`, `scope-missing`.
const ALL: &str = "all";
const SCOPE_MISSING: &str = "scope-missing";
const TEMPLATE: &[Key] = &[
    Name("disk_template[id]"),
    Field("disk_template[permalink]", "/disk_template/permalink"),
];
const IP_ADDRESS: &[Key] = &[
    Name("ip_address[id]"),
    Field("ip_address[address]", "/ip_address/address"),
];
const NETWORK: &[Key] = &[
    Name("network[id]"),
    Field("network[permalink]", "/network/permalink"),
];
const DEFAULT_NETWORK: &[Key] = &[
    Name("data_center[id]"),
    Field("data_center[permalink]", "/network/data_center/permalink"),
];
const PACKAGE: &[Key] = &[
    Name("virtual_machine_package[id]"),
    Field(
        "virtual_machine_package[permalink]",
        "/virtual_machine_package/permalink",
    ),
];
const VM: &[Key] = &[
    Name("virtual_machine[id]"),
    Alias("virtual_machine[fqdn]", machines::by_fqdn),
];
const INTERFACE: &[Key] = &[Name("virtual_machine_network_interface[id]")];

/// The route for a request, if any.
pub(super) fn find(method: &str, path: &str) -> Option<&'static Route> {
    let path = path.strip_prefix("/core/v1/")?;
    ROUTES
        .iter()
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
enum Key {
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
enum Note {
    Nothing,
    /// When it came, by lookup value: `FakeApi::arrivals`.
    Arrivals,
    /// The (page, per_page) asked for, under `NAME:VALUE`: `FakeApi::pages`.
    Pages(&'static str),
}

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
    query: &'a str,
    pub stats: &'a Stats,
    /// The number of this request among those for `value`, from 1
    /// (`Note::Arrivals`).
    pub attempt: usize,
    /// How many times this list has been asked for from page 1
    /// (`Note::Pages`).
    pub listings: u64,
    /// The folder of the answers: the route's path, or under it the
    /// `within` parameter's value.
    dir: &'a str,
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

fn arg(query: &str, name: &str) -> Option<String> {
    url::form_urlencoded::parse(query.as_bytes())
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.into_owned())
}

impl Route {
    const fn get(path: &'static str, keys: &'static [Key]) -> Self {
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
    const fn within(self, param: &'static str) -> Self {
        Self {
            within: Some(param),
            ..self
        }
    }

    /// A "not found" names `object`.
    const fn missing(self, object: &'static str) -> Self {
        Self {
            missing: Some(object),
            ..self
        }
    }

    /// The recorded answers, then `handlers`.
    const fn recorded(self, handlers: &'static [(Pattern, Handler)]) -> Self {
        Self {
            serve: Serve::One(handlers),
            ..self
        }
    }

    /// The recorded lists (their items under `list`), else the items
    /// `handlers` make; paged.
    const fn pages(self, list: &'static str, handlers: &'static [(Pattern, ListHandler)]) -> Self {
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
    const fn handler(self, handler: Handler) -> Self {
        Self {
            serve: Serve::Handler(handler),
            ..self
        }
    }

    const fn filter(self, filter: Filter) -> Self {
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

    const fn optional(self) -> Self {
        Self {
            required: false,
            ..self
        }
    }

    const fn note(self, note: Note) -> Self {
        Self { note, ..self }
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
                    Ok(items) => answers::page(call, items, list).into(),
                    Err(refusal) => (*refusal).into(),
                }
            }
        }
    }
}

/// The first handler whose pattern takes `call.value`, with `call.suffix`
/// set to what follows its prefix.
fn matching<H: Copy>(handlers: &[(Pattern, H)], call: &mut Call) -> Option<H> {
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

impl Key {
    fn param(&self) -> &'static str {
        match self {
            Name(param) | Field(param, _) | Alias(param, _) => param,
        }
    }
}
