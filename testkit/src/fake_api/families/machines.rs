//! The virtual machine family: its routes, and virtual machines beyond
//! their recordings: the sample organization's machines (those its disks
//! are attached to, and `vms::WEB`), the Go provider's docs example,
//! machines with many network interfaces or interfaces that go away,
//! answers with every field null, missing or of the wrong type; their
//! network interfaces; and the organizations' machine lists (the sample's,
//! thousands over many pages, lists that change while read), filtered by
//! annotations as the API filters them.
//!
//! Every generated machine is the recorded machine of
//! DataSourceVirtualMachine_by_id in another name; its list entry and its
//! interfaces are made from its own answer, so list, read and interfaces
//! agree.

use serde_json::{Value, json};

use super::disk_lists;
use crate::fake_api::answers::{self, json};
use crate::fake_api::call::Pattern::{Is, Prefix};
use crate::fake_api::call::{Call, Handler, ListHandler, Pattern, Refusal, Reply};
use crate::fake_api::cases::{organizations, vms};
use crate::fake_api::route::Key::{self, Alias, Name};
use crate::fake_api::route::{Note, ORG, Route};

/// The virtual machine family's endpoints.
#[rustfmt::skip]
pub(super) const ROUTES: &[Route] = &[
    // One virtual machine, by id or FQDN: recorded, or generated.
    Route::get("virtual_machines/virtual_machine", VM).recorded(BY_ID),
    // A virtual machine's network interfaces, by id or FQDN, and one interface.
    Route::get("virtual_machines/virtual_machine/network_interfaces", VM)
        .pages("virtual_machine_network_interfaces", INTERFACE_LISTS).note(Note::Pages("interfaces")),
    Route::get("virtual_machine_network_interfaces/virtual_machine_network_interface", INTERFACE_KEY)
        .recorded(INTERFACES),
    // An organization's virtual machines: recorded or generated, paged, only
    // those with the annotations asked for.
    Route::get("organizations/organization/virtual_machines", ORG).optional()
        .pages("virtual_machines", ORGANIZATIONS).filter(annotated).note(Note::Pages("vms")),
];

/// A virtual machine, by id or by FQDN (the disk family's machine disk
/// list takes it too).
pub(super) const VM: &[Key] = &[
    Name("virtual_machine[id]"),
    Alias("virtual_machine[fqdn]", by_fqdn),
];
const INTERFACE_KEY: &[Key] = &[Name("virtual_machine_network_interface[id]")];

/// The recorded machine every generated one is made from, and its
/// recorded interface.
const TEMPLATE: &str = "vm_1MoFv1ecLEy8LLMI";
const TEMPLATE_INTERFACE: &str = "vmnet_uyv2nx1sNptIjw5e";

const MACHINE: &str = "virtual_machines/virtual_machine";
const INTERFACE: &str = "virtual_machine_network_interfaces/virtual_machine_network_interface";

/// `GET /virtual_machines/virtual_machine` beyond the recorded machines.
pub(super) const BY_ID: &[(Pattern, Handler)] = &[(Prefix("vm_"), machine_read)];

/// A machine's interface list beyond the recorded ones.
pub(super) const INTERFACE_LISTS: &[(Pattern, ListHandler)] = &[
    (Is(vms::MOVING_INTERFACES), moving_interfaces),
    (Is(vms::ALWAYS_MOVING_INTERFACES), always_moving_interfaces),
    (Is(vms::INTERFACE_SCOPE_MISSING), scope_missing_interface),
    (Prefix("vm_"), interface_list),
];

/// One interface beyond the recorded ones.
pub(super) const INTERFACES: &[(Pattern, Handler)] = &[(Prefix("vmnet_"), interface_read)];

/// The organizations whose machine lists are generated.
pub(super) const ORGANIZATIONS: &[(Pattern, ListHandler)] = &[
    (Is(organizations::ACME), acme_list),
    (Is(organizations::FLEET), fleet_list),
    (Is(organizations::EMPTY), empty_list),
    (Is(organizations::SETTLING), settling_list),
    (Is(organizations::CHURNING), churning_list),
];

/// The interface the list of `vms::INTERFACE_SCOPE_MISSING` names, which
/// answers 403 (recorded).
const SCOPE_MISSING_INTERFACE: &str = "vmnet_ScopeMissing001";

/// The machine `id` names, by any of its names: the recorded ones, then
/// the generated ones; the recorded answers first.
fn answer(id: &str) -> Option<Value> {
    match answers::get(MACHINE, id) {
        Some(recorded) if recorded.json.get("error").is_none() => Some(recorded.json.clone()),
        Some(_) => None,
        None => generated(id),
    }
}

/// The machine whose FQDN is `fqdn`: a recorded one, a generated one, or
/// one a disk names (`disk_lists::machine_by_fqdn`).
pub(super) fn by_fqdn(fqdn: &str) -> Option<String> {
    if let Some(name) = answers::find(MACHINE, "/virtual_machine/fqdn", fqdn) {
        return Some(name.to_owned());
    }
    let special = [(vms::GO_EXAMPLE_FQDN, vms::GO_EXAMPLE)];
    if let Some((_, id)) = special.iter().find(|(known, _)| *known == fqdn) {
        return Some((*id).to_owned());
    }
    disk_lists::machine_by_fqdn(fqdn)
}

/// A generated machine's answer.
fn generated(id: &str) -> Option<Value> {
    if let Some(n) = acme_number(id) {
        return Some(acme_machine(n));
    }
    let shape = match id {
        vms::WEB => Shape {
            name: "web-1",
            fqdn: vms::WEB_FQDN.to_owned(),
            description: Some("The acme web server."),
            annotations: &[("role", "web"), ("env", "production")],
            password: vms::ROOT_PASSWORD.to_owned(),
            ..Shape::new(id, 1)
        },
        vms::GO_EXAMPLE => Shape {
            name: "web-1",
            fqdn: vms::GO_EXAMPLE_FQDN.to_owned(),
            ..Shape::new(id, 2)
        },
        vms::MANY_INTERFACES
        | vms::MOVING_INTERFACES
        | vms::ALWAYS_MOVING_INTERFACES
        | vms::INTERFACE_SCOPE_MISSING
        | vms::INTERFACE_WRONG_TYPES => Shape::new(id, 3),
        vms::EVERY_FIELD_NULL => return Some(every_field_null(id)),
        vms::MISSING_FIELDS => return Some(json!({"virtual_machine": {"id": id}})),
        vms::WRONG_TYPES => {
            let mut answer = shaped(&Shape::new(id, 4));
            answer["virtual_machine"]["memory_in_gb"] = json!("3");
            return Some(answer);
        }
        vms::WRONG_NESTED_TYPE => {
            let mut answer = shaped(&Shape::new(id, 5));
            answer["virtual_machine"]["zone"]["data_center"]["country"]["eu"] = json!("no");
            return Some(answer);
        }
        _ => return None,
    };
    Some(shaped(&shape))
}

/// What makes a generated machine its own.
struct Shape {
    id: String,
    name: &'static str,
    fqdn: String,
    /// Picks its address and creation time.
    n: u64,
    state: &'static str,
    description: Option<&'static str>,
    annotations: &'static [(&'static str, &'static str)],
    password: String,
}

impl Shape {
    fn new(id: &str, n: u64) -> Self {
        Self {
            id: id.to_owned(),
            name: "machine",
            fqdn: format!("{}.terraform-acc-test.katapult.cloud", id.to_lowercase()),
            n,
            state: "started",
            description: None,
            annotations: &[],
            password: password_of(id),
        }
    }
}

/// A real-looking initial root password for the machine `id`: letters,
/// digits and punctuation, from a hash of the id.
fn password_of(id: &str) -> String {
    let hash = id.bytes().fold(0xcbf29ce484222325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100000001b3)
    });
    format!("Kt{:x}#{:X}!q", hash & 0xffff_ffff, hash >> 40)
}

/// The template machine under `shape`'s names.
fn shaped(shape: &Shape) -> Value {
    let mut answer = answers::get(MACHINE, TEMPLATE)
        .expect("the recorded template machine")
        .json
        .clone();
    let vm = &mut answer["virtual_machine"];
    let hostname = shape.fqdn.split('.').next().unwrap_or_default();
    vm["id"] = json!(shape.id);
    vm["name"] = json!(shape.name);
    vm["hostname"] = json!(hostname);
    vm["fqdn"] = json!(shape.fqdn);
    vm["description"] = json!(shape.description);
    vm["state"] = json!(shape.state);
    vm["created_at"] = json!(1_786_000_000 + shape.n * 60);
    vm["initial_root_password"] = json!(shape.password);
    let address = format!("185.199.{}.{}", 220 + shape.n / 250, shape.n % 250 + 2);
    let ip = &mut vm["ip_addresses"][0];
    ip["id"] = json!(format!("ip_Gen{:012}", shape.n));
    ip["address"] = json!(address);
    ip["address_with_mask"] = json!(format!("{address}/24"));
    ip["allocation_id"] = json!(shape.id);
    ip["reverse_dns"] = json!(shape.fqdn);
    answer["annotations"] = shape
        .annotations
        .iter()
        .map(|(key, value)| json!({"key": key, "value": value}))
        .collect();
    answer
}

/// The number of a sample organization machine (`vm_{n:04}`, the machine
/// `acme`'s disk `n` is attached to), if there is one.
fn acme_number(id: &str) -> Option<u64> {
    let n: u64 = id.strip_prefix("vm_")?.parse().ok()?;
    let named = disk_lists::machine_by_fqdn(&format!("vm-{n}.example.katapult.cloud"));
    (named.as_deref() == Some(id)).then_some(n)
}

/// The sample organization's machine `n`: every sixth (the even ones of
/// every third) `role=web`, every ninth `env=production`; a stopped one now
/// and then; no group, tags or description.
fn acme_machine(n: u64) -> Value {
    let id = format!("vm_{n:04}");
    let web: &[(&str, &str)] = &[("role", "web")];
    let prod: &[(&str, &str)] = &[("env", "production")];
    let both: &[(&str, &str)] = &[("role", "web"), ("env", "production")];
    let annotations = match (n.is_multiple_of(6), n.is_multiple_of(9)) {
        (true, true) => both,
        (true, false) => web,
        (false, true) => prod,
        (false, false) => &[],
    };
    let mut answer = shaped(&Shape {
        name: "vm",
        fqdn: format!("vm-{n}.example.katapult.cloud"),
        state: if n % 5 == 1 { "stopped" } else { "started" },
        annotations,
        ..Shape::new(&id, 10 + n)
    });
    let vm = &mut answer["virtual_machine"];
    vm["name"] = json!(format!("vm-{n}"));
    vm["group"] = Value::Null;
    vm["tags"] = json!([]);
    vm["tag_names"] = json!([]);
    answer
}

/// Every field of the template machine null, but its id.
fn every_field_null(id: &str) -> Value {
    let mut answer = shaped(&Shape::new(id, 6));
    let vm = answer["virtual_machine"]
        .as_object_mut()
        .expect("a machine");
    for (field, value) in vm.iter_mut() {
        if field != "id" {
            *value = Value::Null;
        }
    }
    answer["annotations"] = Value::Null;
    answer
}

fn machine_read(call: &Call) -> Reply {
    match answer(call.value) {
        Some(answer) => json(&answer.to_string()).into(),
        None => answers::not_found("virtual_machine").into(),
    }
}

/// The annotations `GET /virtual_machines/virtual_machine` gives the
/// machine `id` (none for one it does not know).
pub(super) fn annotations_of(id: &str) -> Value {
    answer(id).map_or(Value::Null, |a| a["annotations"].clone())
}

// Network interfaces. A generated machine's interface `i` has the id
// `vmnet_{the machine's id less "vm_"}{i:03}`.

/// A generated machine's interfaces, as their own reads answer them:
/// one on the public network with the machine's address (detached while
/// it is stopped, as Katapult reports it); `vms::WEB` also one on a
/// virtual network; `vms::MANY_INTERFACES` 250, all but the first on
/// virtual networks, every other one detached.
fn interfaces(id: &str) -> Vec<Value> {
    let Some(answer) = answer(id) else {
        return Vec::new();
    };
    let vm = &answer["virtual_machine"];
    let count = match id {
        vms::MANY_INTERFACES => vms::MANY_INTERFACES_COUNT,
        vms::WEB => 2,
        _ => 1,
    };
    (0..count)
        .map(|i| {
            let mut interface = template_interface();
            let suffix = id.strip_prefix("vm_").unwrap_or(id);
            interface["id"] = json!(format!("vmnet_{suffix}{i:03}"));
            interface["virtual_machine"] = json!({"id": id, "name": vm["name"]});
            interface["mac_address"] =
                json!(format!("3a:{:02x}:{:02x}:00:00:01", i % 256, id.len()));
            let attached = vm["state"] == "started" && (i == 0 || i % 2 == 1);
            interface["state"] = json!(if attached { "attached" } else { "detached" });
            if i == 0 {
                interface["name"] = json!(format!(
                    "Public Network on {}",
                    vm["name"].as_str().unwrap_or("")
                ));
                interface["ip_addresses"] = vm["ip_addresses"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|ip| json!({"id": ip["id"], "address": ip["address"]}))
                    .collect();
            } else {
                let network = virtual_network(id, suffix, i);
                interface["name"] = json!(format!(
                    "{} on {}",
                    network["name"].as_str().unwrap_or(""),
                    vm["name"].as_str().unwrap_or("")
                ));
                interface["network"] = Value::Null;
                interface["virtual_network"] = network;
                interface["ip_addresses"] = json!([]);
            }
            match id {
                vms::EVERY_FIELD_NULL => {
                    let fields = interface.as_object_mut().expect("an interface");
                    for (field, value) in fields.iter_mut() {
                        if field != "id" {
                            *value = Value::Null;
                        }
                    }
                }
                vms::INTERFACE_WRONG_TYPES => interface["mac_address"] = json!(58),
                _ => {}
            }
            interface
        })
        .collect()
}

/// The virtual network of a generated machine's interface `i`: for
/// `vms::WEB`, the first of `acme`'s recorded virtual networks; else one of
/// its own.
fn virtual_network(machine: &str, suffix: &str, i: usize) -> Value {
    let recorded = answers::get(
        "organizations/organization/virtual_networks",
        organizations::ACME,
    )
    .map(|a| &a.json["virtual_networks"][0]);
    match recorded {
        Some(network) if machine == vms::WEB && network.is_object() => {
            json!({"id": network["id"], "name": network["name"]})
        }
        _ => json!({"id": format!("vnet_{suffix:.8}{i:08}"), "name": format!("backbone-{i}")}),
    }
}

fn template_interface() -> Value {
    answers::get(INTERFACE, TEMPLATE_INTERFACE)
        .expect("the recorded template interface")
        .json["virtual_machine_network_interface"]
        .clone()
}

/// An interface as its machine's list names it: its own read's fields
/// less its MAC address, state and speed profile, its addresses with their
/// reverse DNS name and mask (from the machine's answer).
fn list_entry(interface: &Value, machine: &Value) -> Value {
    let details = machine["virtual_machine"]["ip_addresses"].as_array();
    let addresses: Vec<Value> = interface["ip_addresses"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|ip| {
            let full = details
                .into_iter()
                .flatten()
                .find(|d| d["id"] == ip["id"])
                .unwrap_or(&Value::Null);
            json!({"id": ip["id"], "address": ip["address"], "reverse_dns": full["reverse_dns"],
                "address_with_mask": full["address_with_mask"]})
        })
        .collect();
    json!({"id": interface["id"], "name": interface["name"], "network": interface["network"],
        "virtual_network": interface["virtual_network"], "ip_addresses": addresses})
}

fn interface_list(call: &Call) -> Option<Vec<Value>> {
    let machine = answer(call.value)?;
    Some(
        interfaces(call.value)
            .iter()
            .map(|i| list_entry(i, &machine))
            .collect(),
    )
}

/// The first listing also names an interface removed before it is read;
/// from the second on, it is gone from the list.
fn moving_interfaces(call: &Call) -> Option<Vec<Value>> {
    let mut list = interface_list(call)?;
    if call.listings <= 1 {
        list.push(
            json!({"id": "vmnet_RemovedMeanwhile", "name": "gone", "network": null,
            "virtual_network": null, "ip_addresses": []}),
        );
    }
    Some(list)
}

/// Every listing names another interface that is gone by its read.
fn always_moving_interfaces(call: &Call) -> Option<Vec<Value>> {
    let mut list = interface_list(call)?;
    list.push(
        json!({"id": format!("vmnet_AlwaysGone{:04}", call.listings), "name": "gone",
        "network": null, "virtual_network": null, "ip_addresses": []}),
    );
    Some(list)
}

/// Names the interface whose read is refused for want of a scope.
fn scope_missing_interface(call: &Call) -> Option<Vec<Value>> {
    answer(call.value)?;
    Some(vec![
        json!({"id": SCOPE_MISSING_INTERFACE, "name": "refused",
        "network": null, "virtual_network": null, "ip_addresses": []}),
    ])
}

/// A generated machine's interface `id`.
fn interface_read(call: &Call) -> Reply {
    let found = interface_machine(call.value)
        .and_then(|vm| interfaces(&vm).into_iter().find(|i| i["id"] == call.value));
    match found {
        Some(interface) => {
            json(&json!({"virtual_machine_network_interface": interface}).to_string()).into()
        }
        None => answers::not_found("virtual_machine_network_interface").into(),
    }
}

/// The machine a generated interface id names.
fn interface_machine(id: &str) -> Option<String> {
    let rest = id.strip_prefix("vmnet_")?;
    let cut = rest.len().checked_sub(3)?;
    rest.is_char_boundary(cut)
        .then(|| format!("vm_{}", &rest[..cut]))
}

// The organizations' machine lists.

/// A machine as its organization's list names it, from its own answer.
fn listed(answer: &Value) -> Value {
    let vm = &answer["virtual_machine"];
    let zone = &vm["zone"];
    let data_center = &zone["data_center"];
    json!({
        "id": vm["id"], "name": vm["name"], "hostname": vm["hostname"], "fqdn": vm["fqdn"],
        "created_at": vm["created_at"],
        "zone": {"id": zone["id"], "name": zone["name"], "permalink": zone["permalink"],
            "data_center": {"id": data_center["id"], "name": data_center["name"],
                "permalink": data_center["permalink"]}},
        "package": vm["package"].get("name").map(|name| json!({"name": name})),
        "gpu_type": null,
        "ip_addresses": vm["ip_addresses"].as_array().into_iter().flatten()
            .map(|ip| json!({"address": ip["address"]})).collect::<Vec<_>>(),
    })
}

/// The sample organization's machines, oldest first as the API lists
/// them: `vms::WEB`, then those its disks are attached to.
fn acme_list(_: &Call) -> Option<Vec<Value>> {
    let numbers = (0..organizations::ACME_DISKS as u64)
        .filter(|n| acme_number(&format!("vm_{n:04}")).is_some());
    let ids = std::iter::once(vms::WEB.to_owned()).chain(numbers.map(|n| format!("vm_{n:04}")));
    Some(
        ids.filter_map(|id| answer(&id))
            .map(|a| listed(&a))
            .collect(),
    )
}

/// A fleet machine, as the list names it (no machine reads back).
fn fleet_machine(organization: &str, n: u64) -> Value {
    json!({
        "id": format!("vm_{}{n:08}", &organization[..1].to_uppercase()),
        "name": format!("{organization}-{n}"),
        "hostname": format!("{organization}-{n}"),
        "fqdn": format!("{organization}-{n}.{organization}.katapult.cloud"),
        "created_at": 1_700_000_000 + n,
        "zone": {"id": "zone_7Uuz6wzE17ZShh8f", "name": "LON-1", "permalink": "lon-zone-1",
            "data_center": {"id": "loc_UUhPmoCbpic6UX0Y", "name": "London", "permalink": "uk-lon-01"}},
        "package": {"name": "ROCK-1"},
        "gpu_type": null,
        "ip_addresses": [{"address": format!("10.{}.{}.{}", n >> 16, (n >> 8) & 255, n & 255)}],
    })
}

/// `count` machines of `organization`, newest first.
fn fleet(organization: &str, count: u64) -> Vec<Value> {
    (0..count)
        .rev()
        .map(|n| fleet_machine(organization, n))
        .collect()
}

fn fleet_list(_: &Call) -> Option<Vec<Value>> {
    Some(fleet(
        organizations::FLEET,
        organizations::FLEET_MACHINES as u64,
    ))
}

fn empty_list(_: &Call) -> Option<Vec<Value>> {
    Some(Vec::new())
}

/// The pages served so far for this organization's machine list.
fn served(call: &Call) -> u64 {
    let pages = call.stats.pages.lock().unwrap();
    pages
        .get(&format!("vms:{}", call.value))
        .map_or(0, |seen| seen.len() as u64)
}

/// A machine is created during the first listing only (between its pages
/// one and two): 399 machines, then 400.
fn settling_list(call: &Call) -> Option<Vec<Value>> {
    let count = if served(call) <= 1 { 399 } else { 400 };
    Some(fleet(call.value, count))
}

/// One more machine with every page asked for: the list never holds still.
fn churning_list(call: &Call) -> Option<Vec<Value>> {
    Some(fleet(call.value, 300 + served(call)))
}

/// Only the machines carrying every annotation the request names
/// (`annotations[][key]` and `annotations[][value]`, pair by pair), as
/// their own reads show them.
pub(super) fn annotated(call: &Call, machines: Vec<Value>) -> Result<Vec<Value>, Refusal> {
    let wanted = call.annotation_filter()?;
    if wanted.is_empty() {
        return Ok(machines);
    }
    Ok(machines
        .into_iter()
        .filter(|m| {
            let id = m["id"].as_str().unwrap_or_default();
            answers::carries(&annotations_of(id), &wanted)
        })
        .collect())
}
