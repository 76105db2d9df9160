//! The demo's sample organization holds together: everything the fake API
//! lists for `acme` (its disks, every page; its IO profiles; its templates),
//! the sample disks the demo shows, and every virtual machine those name
//! (and the known ones) read back through their own endpoints and agree
//! with what listed them; its machine list is exactly the machines its
//! disks name and `vms::WEB`, each reading back with its network
//! interfaces. Plain HTTP against the fake API the demo runs: no
//! Terraform, so it is quick.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use katapult_testkit::fake_api::{self, organizations, orgs, vms};
use katapult_testkit::terraform::OwnApi;
use serde_json::{Value, json};

const DISK: &str = "disks/disk";
const ORG_DISKS: &str = "organizations/organization/disks";
const PROFILES: &str = "organizations/organization/disk_io_profiles";
const TEMPLATES: &str = "organizations/_/disk_templates";
const TEMPLATE: &str = "disk_templates/_";
const VM_DISKS: &str = "virtual_machines/virtual_machine/disks";
const ORG_MACHINES: &str = "organizations/organization/virtual_machines";
const MACHINE: &str = "virtual_machines/virtual_machine";
const INTERFACES: &str = "virtual_machines/virtual_machine/network_interfaces";
const INTERFACE: &str = "virtual_machine_network_interfaces/virtual_machine_network_interface";

/// A walk over the fake API, noting every disagreement rather than
/// stopping at the first.
pub(crate) struct Walk {
    host: String,
    requests: usize,
    pub(crate) problems: Vec<String>,
}

impl Walk {
    /// A walk over `api`.
    pub(crate) fn over(api: &fake_api::FakeApi) -> Self {
        Walk {
            host: api.url().trim_start_matches("http://").to_owned(),
            requests: 0,
            problems: Vec::new(),
        }
    }

    /// `GET /core/v1/{path}?{query}` over HTTP/1.1, one connection a
    /// request: the status and the JSON body (null when not JSON).
    pub(crate) fn get(&mut self, path: &str, query: &[(&str, &str)]) -> (u16, Value) {
        self.requests += 1;
        let query = url::form_urlencoded::Serializer::new(String::new())
            .extend_pairs(query)
            .finish();
        let mut stream = TcpStream::connect(&self.host).expect("the fake API accepts");
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .unwrap();
        write!(
            stream,
            "GET /core/v1/{path}?{query} HTTP/1.1\r\nHost: {}\r\n\
             Authorization: Bearer kp_test\r\nConnection: close\r\n\r\n",
            self.host
        )
        .unwrap();
        let mut answer = Vec::new();
        stream.read_to_end(&mut answer).expect("an answer");
        let answer = String::from_utf8(answer).expect("UTF-8");
        let (head, body) = answer.split_once("\r\n\r\n").expect("a head and a body");
        let status = head
            .split(' ')
            .nth(1)
            .and_then(|s| s.parse().ok())
            .expect("a status line");
        (status, serde_json::from_str(body).unwrap_or(Value::Null))
    }

    fn problem(&mut self, problem: String) {
        self.problems.push(problem);
    }

    /// The answer to a read, or a problem noted when it is not a 200.
    pub(crate) fn read(&mut self, path: &str, query: &[(&str, &str)]) -> Option<Value> {
        let (status, body) = self.get(path, query);
        if status == 200 {
            return Some(body);
        }
        self.problem(format!(
            "{path} {query:?}: {status} {}",
            body.pointer("/error/code").unwrap_or(&body)
        ));
        None
    }

    /// Every page of the list under `key`, its `pagination.total` checked.
    pub(crate) fn list(&mut self, path: &str, query: &[(&str, &str)], key: &str) -> Vec<Value> {
        let mut items = Vec::new();
        for page in 1u64.. {
            let page_text = page.to_string();
            let mut query = query.to_vec();
            query.push(("page", &page_text));
            let Some(body) = self.read(path, &query) else {
                return items;
            };
            items.extend(body[key].as_array().cloned().unwrap_or_default());
            let pages = body["pagination"]["total_pages"].as_u64().unwrap_or(0);
            if page >= pages {
                let total = &body["pagination"]["total"];
                if *total != items.len() {
                    self.problem(format!(
                        "{path} {query:?}: {} listed, pagination.total {total}",
                        items.len()
                    ));
                }
                return items;
            }
        }
        unreachable!()
    }

    /// `field` (a JSON pointer) is the same in what listed an object and in
    /// its own read.
    fn agree(&mut self, what: &str, field: &str, listed: &Value, read: &Value) {
        let (l, r) = (listed.pointer(field), read.pointer(field));
        if l != r {
            self.problem(format!(
                "{what}: {field} listed {}, read {}",
                l.unwrap_or(&Value::Null),
                r.unwrap_or(&Value::Null)
            ));
        }
    }
}

/// The IO profiles and templates of `acme`, by id.
struct Catalogue {
    profiles: BTreeMap<String, Value>,
    templates: BTreeMap<String, Value>,
}

/// A disk's IO profile is one `acme` lists, as listed; its installation's
/// template is served, and its version agrees with the template list.
fn check_references(walk: &mut Walk, catalogue: &Catalogue, disk: &Value) {
    let id = disk["id"].as_str().unwrap_or("?").to_owned();
    let profile = &disk["io_profile"];
    if !profile.is_null() {
        let profile_id = profile["id"].as_str().unwrap_or("?");
        match catalogue.profiles.get(profile_id) {
            None => walk.problem(format!(
                "disk {id}: IO profile {profile_id} is not in {}'s profiles",
                orgs::ACME
            )),
            Some(listed) if listed != profile => walk.problem(format!(
                "disk {id}: IO profile {profile} differs from the listed {listed}"
            )),
            Some(_) => {}
        }
    }
    let version = &disk["installation"]["disk_template_version"];
    if version.is_null() {
        return;
    }
    let template = &version["disk_template"];
    let template_id = template["id"].as_str().unwrap_or("?");
    let Some(served) = walk.read(TEMPLATE, &[("disk_template[id]", template_id)]) else {
        walk.problem(format!(
            "disk {id}: its template {template_id} is not served"
        ));
        return;
    };
    let what = format!("disk {id}'s template {template_id}");
    let served = &served["disk_template"];
    for field in [
        "/id",
        "/name",
        "/description",
        "/permalink",
        "/universal",
        "/operating_system/id",
        "/operating_system/name",
        "/operating_system/badge/url",
    ] {
        walk.agree(&what, field, served, template);
    }
    if let Some(listed) = catalogue.templates.get(template_id) {
        walk.agree(&what, "/id", &listed["latest_version"], version);
        walk.agree(&what, "/number", &listed["latest_version"], version);
    }
}

/// A disk as a machine's disk list names it and as its own read has it.
fn check_vm_disk(walk: &mut Walk, vm: &str, entry: &Value, read: &Value) {
    let id = entry["disk"]["id"].as_str().unwrap_or("?");
    let what = format!("machine {vm}'s disk {id}");
    for field in [
        "/id",
        "/name",
        "/size_in_gb",
        "/wwn",
        "/state",
        "/created_at",
    ] {
        walk.agree(&what, field, &entry["disk"], read);
    }
    let attachment = &read["virtual_machine_disk"];
    if attachment["virtual_machine"]["id"] != vm {
        walk.problem(format!(
            "{what}: its read is attached to {}",
            attachment["virtual_machine"]["id"]
        ));
    }
    for field in ["/boot", "/attach_on_boot", "/state"] {
        walk.agree(&what, field, entry, attachment);
    }
}

/// What a machine should hold: its FQDN, when something named it, and the
/// disks that say they are attached to it.
#[derive(Default)]
struct Machine {
    fqdn: Option<String>,
    disks: BTreeSet<String>,
    /// Whether those are all its disks (the sample organization's machines).
    all: bool,
}

/// Notes the machine `disk` is attached to (if any), from its read.
fn note_machine(
    walk: &mut Walk,
    machines: &mut BTreeMap<String, Machine>,
    disk: &Value,
    all: bool,
) {
    let vm = &disk["virtual_machine_disk"]["virtual_machine"];
    let (Some(vm_id), Some(fqdn)) = (vm["id"].as_str(), vm["fqdn"].as_str()) else {
        return;
    };
    let machine = machines.entry(vm_id.to_owned()).or_default();
    match &machine.fqdn {
        Some(known) if known != fqdn => {
            let problem = format!(
                "disk {}: its machine {vm_id} is {fqdn}, elsewhere {known}",
                disk["id"]
            );
            walk.problem(problem);
        }
        Some(_) => {}
        None => machine.fqdn = Some(fqdn.to_owned()),
    }
    machine.all |= all;
    machine
        .disks
        .insert(disk["id"].as_str().unwrap_or("?").to_owned());
}

/// `acme`'s machine list is exactly the machines `named`; each reads back
/// as listed by its ID and by its FQDN, and its interfaces as its interface
/// list names them, each its own.
fn check_machines(walk: &mut Walk, named: &BTreeSet<String>) {
    let query = [
        ("organization[sub_domain]", organizations::ACME),
        ("per_page", "200"),
    ];
    let listed = walk.list(ORG_MACHINES, &query, "virtual_machines");
    let ids: BTreeSet<String> = listed
        .iter()
        .filter_map(|m| m["id"].as_str())
        .map(str::to_owned)
        .collect();
    if ids != *named || ids.len() != listed.len() {
        walk.problem(format!(
            "{} lists {} machines, its disks and vms::WEB name {}: {:?}",
            organizations::ACME,
            listed.len(),
            named.len(),
            ids.symmetric_difference(named).take(5).collect::<Vec<_>>()
        ));
    }
    for machine in &listed {
        check_machine(walk, machine);
    }
}

/// The listed `machine` reads back as listed, by its ID and by its FQDN,
/// with its interfaces.
fn check_machine(walk: &mut Walk, machine: &Value) {
    let id = machine["id"].as_str().unwrap_or("?");
    let Some(read) = walk.read(MACHINE, &[("virtual_machine[id]", id)]) else {
        return;
    };
    let read = &read["virtual_machine"];
    let what = format!("machine {id}");
    for field in [
        "/id",
        "/name",
        "/hostname",
        "/fqdn",
        "/created_at",
        "/zone/id",
        "/zone/permalink",
        "/zone/data_center/id",
        "/zone/data_center/permalink",
        "/package/name",
    ] {
        walk.agree(&what, field, machine, read);
    }
    let addresses = |m: &Value| -> Vec<Value> {
        m["ip_addresses"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|ip| ip["address"].clone())
            .collect()
    };
    if addresses(machine) != addresses(read) {
        walk.problem(format!(
            "{what}: its addresses differ between list and read"
        ));
    }
    let fqdn = read["fqdn"].as_str().unwrap_or("?");
    if let Some(by_fqdn) = walk.read(MACHINE, &[("virtual_machine[fqdn]", fqdn)]) {
        walk.agree(
            &what,
            "/virtual_machine/id",
            &json!({"virtual_machine": read}),
            &by_fqdn,
        );
    }
    check_interfaces(walk, &what, id);
}

/// The interfaces of the machine `id` (`what`): listed, each reading back
/// as listed and belonging to it.
fn check_interfaces(walk: &mut Walk, what: &str, id: &str) {
    let interfaces = walk.list(
        INTERFACES,
        &[("virtual_machine[id]", id)],
        "virtual_machine_network_interfaces",
    );
    if interfaces.is_empty() {
        walk.problem(format!("{what}: no network interfaces"));
    }
    for listed in &interfaces {
        let interface_id = listed["id"].as_str().unwrap_or("?");
        let Some(interface) = walk.read(
            INTERFACE,
            &[("virtual_machine_network_interface[id]", interface_id)],
        ) else {
            continue;
        };
        let interface = &interface["virtual_machine_network_interface"];
        let what = format!("{what}'s interface {interface_id}");
        for field in ["/id", "/name", "/network", "/virtual_network"] {
            walk.agree(&what, field, listed, interface);
        }
        if interface["virtual_machine"]["id"] != id {
            walk.problem(format!(
                "{what}: belongs to {}",
                interface["virtual_machine"]["id"]
            ));
        }
    }
}

/// Its IO profiles (no endpoint reads one, so the list is what the disks'
/// profiles are checked against; ids and permalinks name one each) and
/// its templates, universal ones included, each read by id and by
/// permalink.
fn read_catalogue(walk: &mut Walk, org: &[(&str, &str)]) -> Catalogue {
    let mut catalogue = Catalogue {
        profiles: BTreeMap::new(),
        templates: BTreeMap::new(),
    };
    let profiles = walk.list(PROFILES, org, "disk_io_profiles");
    assert!(!profiles.is_empty(), "acme lists no IO profiles");
    let permalinks: BTreeSet<&str> = profiles
        .iter()
        .filter_map(|p| p["permalink"].as_str())
        .collect();
    assert_eq!(permalinks.len(), profiles.len(), "permalinks repeat");
    for profile in &profiles {
        let id = profile["id"].as_str().expect("a profile id").to_owned();
        assert!(
            catalogue.profiles.insert(id, profile.clone()).is_none(),
            "ids repeat"
        );
    }

    // Its templates, universal ones included: each read by id and by
    // permalink.
    let mut query = org.to_vec();
    query.push(("include_universal", "true"));
    let templates = walk.list(TEMPLATES, &query, "disk_templates");
    assert!(!templates.is_empty(), "acme lists no templates");
    for listed in &templates {
        let id = listed["id"].as_str().expect("a template id");
        let permalink = listed["permalink"].as_str().expect("a permalink");
        let what = format!("template {id}");
        if let Some(read) = walk.read(TEMPLATE, &[("disk_template[id]", id)]) {
            let read = &read["disk_template"];
            for field in [
                "/id",
                "/name",
                "/description",
                "/permalink",
                "/universal",
                "/latest_version/id",
                "/operating_system/id",
                "/operating_system/name",
            ] {
                walk.agree(&what, field, listed, read);
            }
        }
        if let Some(read) = walk.read(TEMPLATE, &[("disk_template[permalink]", permalink)]) {
            walk.agree(&what, "/id", listed, &read["disk_template"]);
        }
        catalogue.templates.insert(id.to_owned(), listed.clone());
    }
    catalogue
}

/// Its disks, every page: each read back, agreeing with the listing; and
/// the sample disks the demo shows; the machines they name noted in
/// `machines`.
fn check_disks(
    walk: &mut Walk,
    catalogue: &Catalogue,
    org: &[(&str, &str)],
    machines: &mut BTreeMap<String, Machine>,
) -> Vec<Value> {
    let mut query = org.to_vec();
    query.push(("per_page", "200"));
    let disks = walk.list(ORG_DISKS, &query, "disk");
    assert_eq!(disks.len(), organizations::ACME_DISKS);
    for listed in &disks {
        let id = listed["id"].as_str().expect("a disk id");
        let Some(read) = walk.read(DISK, &[("disk[id]", id)]) else {
            continue;
        };
        let read = &read["disk"];
        let what = format!("{}'s disk {id}", organizations::ACME);
        for field in [
            "/id",
            "/name",
            "/size_in_gb",
            "/wwn",
            "/state",
            "/virtual_machine_disk/virtual_machine/id",
            "/virtual_machine_disk/virtual_machine/fqdn",
            "/virtual_machine_disk/boot",
            "/virtual_machine_disk/attach_on_boot",
            "/virtual_machine_disk/state",
        ] {
            walk.agree(&what, field, listed, read);
        }
        if listed["virtual_machine_disk"].is_null() != read["virtual_machine_disk"].is_null() {
            walk.problem(format!("{what}: attached in one answer only"));
        }
        check_references(walk, catalogue, read);
        note_machine(walk, machines, read, true);
    }

    // The sample disks the demo shows.
    for id in [fake_api::REAL_DISK_ID, fake_api::FULL_DISK_ID] {
        if let Some(read) = walk.read(DISK, &[("disk[id]", id)]) {
            check_references(walk, catalogue, &read["disk"]);
            note_machine(walk, machines, &read["disk"], false);
        }
    }
    disks
}

/// The machines the examples and tests name, with the disks they have.
fn name_machines(machines: &mut BTreeMap<String, Machine>) {
    let web = machines.entry(vms::WEB.to_owned()).or_default();
    web.fqdn = Some(vms::WEB_FQDN.to_owned());
    web.disks = BTreeSet::from([vms::WEB_DATA_DISK.into(), vms::WEB_SYSTEM_DISK.into()]);
    web.all = true;
    let detached = machines.entry(vms::DETACHED_BOOT.to_owned()).or_default();
    detached.disks = BTreeSet::from([vms::DETACHED_BOOT_DISK.into()]);
    detached.all = true;
    machines.entry(vms::MANY.to_owned()).or_default();
    machines.entry(vms::TEN.to_owned()).or_default();
}

/// Every machine: its disk list, by id and by FQDN, each disk read back
/// and attached to it.
fn check_machine_disks(
    walk: &mut Walk,
    catalogue: &Catalogue,
    machines: &mut BTreeMap<String, Machine>,
) {
    for (vm, machine) in machines {
        let listed = walk.list(VM_DISKS, &[("virtual_machine[id]", vm)], "disks");
        if listed.is_empty() {
            walk.problem(format!("machine {vm}: no disks listed"));
            continue;
        }
        let mut ids = BTreeSet::new();
        for entry in &listed {
            let id = entry["disk"]["id"].as_str().unwrap_or("?").to_owned();
            let Some(read) = walk.read(DISK, &[("disk[id]", &id)]) else {
                continue;
            };
            let read = &read["disk"];
            check_vm_disk(walk, vm, entry, read);
            check_references(walk, catalogue, read);
            let fqdn = &read["virtual_machine_disk"]["virtual_machine"]["fqdn"];
            match (&machine.fqdn, fqdn.as_str()) {
                (Some(known), Some(fqdn)) if known != fqdn => walk.problem(format!(
                    "machine {vm} ({known}): its disk {id} says it is {fqdn}"
                )),
                (None, Some(fqdn)) => machine.fqdn = Some(fqdn.to_owned()),
                _ => {}
            }
            ids.insert(id);
        }
        let missing: Vec<_> = machine.disks.difference(&ids).collect();
        if !missing.is_empty() {
            walk.problem(format!("machine {vm}: {missing:?} not in its disk list"));
        }
        if machine.all && ids != machine.disks {
            walk.problem(format!(
                "machine {vm}: lists {ids:?}, its disks are {:?}",
                machine.disks
            ));
        }
        let Some(fqdn) = machine.fqdn.clone() else {
            walk.problem(format!("machine {vm}: no FQDN"));
            continue;
        };
        let by_fqdn = walk.list(VM_DISKS, &[("virtual_machine[fqdn]", &fqdn)], "disks");
        if by_fqdn != listed {
            walk.problem(format!(
                "machine {vm}: its list by FQDN {fqdn} differs ({} disks, {} by id)",
                by_fqdn.len(),
                listed.len()
            ));
        }
    }
}

#[test]
fn everything_the_sample_organization_lists_reads_back() {
    let started = Instant::now();
    let own = OwnApi::start();
    let mut walk = Walk::over(&own.api);
    let org = [("organization[sub_domain]", organizations::ACME)];
    assert_eq!(organizations::ACME, orgs::ACME, "one sample organization");

    let catalogue = read_catalogue(&mut walk, &org);
    let mut machines: BTreeMap<String, Machine> = BTreeMap::new();
    let disks = check_disks(&mut walk, &catalogue, &org, &mut machines);
    name_machines(&mut machines);
    check_machine_disks(&mut walk, &catalogue, &mut machines);

    // Its virtual machines: those its disks name and `vms::WEB`, each
    // reading back as listed, by ID and by FQDN, with its interfaces.
    let mut named: BTreeSet<String> = disks
        .iter()
        .filter_map(|d| d["virtual_machine_disk"]["virtual_machine"]["id"].as_str())
        .map(str::to_owned)
        .collect();
    named.insert(vms::WEB.to_owned());
    check_machines(&mut walk, &named);

    let took = started.elapsed();
    eprintln!(
        "{} requests, {} machines, in {took:?}",
        walk.requests,
        machines.len()
    );
    assert!(
        walk.problems.is_empty(),
        "{} disagreements in the sample organization; the first 40:\n{}",
        walk.problems.len(),
        walk.problems
            .iter()
            .take(40)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}
