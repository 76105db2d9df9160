//! `katapult_virtual_machine`: one virtual machine, by its ID or its FQDN,
//! with its network interfaces as Katapult's Go provider shows them: the
//! machine's list (`GET /virtual_machines/virtual_machine/network_interfaces`,
//! every page) and each interface's own read, which alone has its MAC
//! address, state and speed profile.
//!
//! The machine and its interface list are asked for at once, both by the
//! key given; the interfaces are then read many at once within the
//! rate-limit budget, everything within the read's one deadline. An
//! interface gone between the list and its read means the list moved: the
//! interfaces are read again, as any listing that changes.
//!
//! The answer holds the machine's initial root password: it is no
//! attribute here (the ephemeral resource `katapult_virtual_machine` hands
//! it over, never to state).

use std::pin::pin;

use futures_util::future::{self, Either};
use serde_json::{Map, Value as Json};

use crate::diag::Diagnostic;
use crate::katapult;
use crate::schema::{Attribute, Kind};
use crate::text::quoted;
use crate::tftypes::{AttributePath, Value};

use crate::datasource::core::answer::{self, Fields};
use crate::datasource::core::error::ReadError;
use crate::datasource::core::lookup::Given;
use crate::datasource::core::mapping::map_object;
use crate::datasource::core::pager::{self, Listing, Pass};
use crate::datasource::core::reads::OrganizationUse;
use crate::datasource::core::shapes::custom::Custom;
use crate::datasource::core::source::{Computed, DataSource, ReadContext, ReadFuture};
use crate::datasource::objects::annotation::ANNOTATION;
use crate::datasource::objects::network_interface::NETWORK_INTERFACE;
use crate::datasource::objects::virtual_machine::{
    ATTACHED_ISO, CPU_CORES, CREATED_AT, DESCRIPTION, GPU_TYPE, GPUS, GROUP, GROUP_ID, HOSTNAME,
    HYPERVISOR_DETAILS, IP_ADDRESS_DETAILS, IP_ADDRESS_IDS, IP_ADDRESSES, LOOKUP, MEMORY_IN_GB,
    NAME, ORGANIZATION, PACKAGE, PACKAGE_DETAILS, STATE, SUSPENDED, SUSPENDED_AT, TAG_DETAILS,
    TAGS, USE_DEDICATED_CPUS, VIRTUAL_MACHINE_OBJECT, ZONE,
};

/// The machine's interfaces, and one interface: documented with the
/// machine's scopes.
const INTERFACES: &str = "virtual_machines/virtual_machine/network_interfaces";
const INTERFACE: &str = "virtual_machine_network_interfaces/virtual_machine_network_interface";
const INTERFACE_NOT_FOUND: &str = "virtual_machine_network_interface_not_found";

/// The fields the read adds to the machine's answer before it is mapped:
/// what Katapult's Go provider makes of the interfaces.
const NETWORK_INTERFACES: &str = "network_interfaces";
const VIRTUAL_NETWORK_IDS: &str = "virtual_network_ids";
const NETWORK_SPEED_PROFILE: &str = "network_speed_profile";

/// Several reads (the machine, its interface list, each interface): a
/// `Custom`.
pub static VIRTUAL_MACHINE: Custom = Custom {
    type_name: "katapult_virtual_machine",
    of: &VIRTUAL_MACHINE_OBJECT,
    paths: &[VIRTUAL_MACHINE_OBJECT.path, INTERFACES, INTERFACE],
    arguments: &[
        Attribute::optional_computed(
            "id",
            Kind::String,
            "The virtual machine's ID, e.g. `vm_1MoFv1ecLEy8LLMI`. Set this, `fqdn`, or both \
             (the machine is then found by its ID and must have that FQDN).",
        ),
        Attribute::optional_computed(
            "fqdn",
            Kind::String,
            "The virtual machine's fully qualified domain name, e.g. \
             `web-1.acme.katapult.cloud`. Set this, `id`, or both.",
        ),
    ],
    fields: &[
        NAME,
        HOSTNAME,
        DESCRIPTION,
        STATE,
        PACKAGE,
        // Never read: Katapult's Go provider has them, always null.
        Attribute::computed(
            "disk_template",
            Kind::String,
            "Always null: the API does not say which disk template a machine was built from \
             (Katapult's Go provider has this attribute, always null; the machine's disks' \
             `installation` in `katapult_disk` names it).",
        )
        .from(&[]),
        Attribute::computed(
            "disk_template_options",
            Kind::StringMap,
            "Always null: the API does not give the options a machine was built with (as in \
             Katapult's Go provider).",
        )
        .from(&[]),
        IP_ADDRESS_IDS,
        IP_ADDRESSES,
        Attribute::computed(
            VIRTUAL_NETWORK_IDS,
            Kind::StringSet,
            "The IDs of the virtual networks the machine's interfaces are attached to: those \
             of `network_interfaces` whose `state` is `attached`, as in Katapult's Go provider \
             (Katapult reports a stopped machine's interfaces `detached`, so a stopped \
             machine lists none here; `network_interfaces[*].virtual_network_id` has them all).",
        ),
        Attribute::computed(
            NETWORK_SPEED_PROFILE,
            Kind::String,
            "The permalink of the network speed profile of the machine's first interface (by \
             ID), e.g. `1gbps`; null when it has none. As in Katapult's Go provider.",
        ),
        Attribute::computed(
            NETWORK_INTERFACES,
            Kind::ObjectList(NETWORK_INTERFACE),
            "The machine's network interfaces, ordered by ID, each as its own read answers it. \
             Should an interface be removed while they are read, they are read again, up to \
             twice, so the result is one consistent listing.",
        ),
        TAGS,
        GROUP_ID,
        CREATED_AT,
        ZONE,
        ORGANIZATION,
        GROUP,
        PACKAGE_DETAILS,
        ATTACHED_ISO,
        MEMORY_IN_GB,
        CPU_CORES,
        USE_DEDICATED_CPUS,
        GPU_TYPE,
        GPUS,
        TAG_DETAILS,
        IP_ADDRESS_DETAILS,
        HYPERVISOR_DETAILS,
        SUSPENDED,
        SUSPENDED_AT,
        Attribute::computed(
            "annotations",
            Kind::ObjectList(ANNOTATION),
            "Key/value annotations on the virtual machine.",
        ),
    ],
    summary: "Looks up one Katapult virtual machine by its `id` or its `fqdn` (with both, by \
              `id`, and its FQDN must match), and its network interfaces (their list, every \
              page, and each interface's own read): Katapult's Go provider's attributes, and \
              everything else the API says of the machine (zone, organization, group, package, \
              IP addresses, tags, annotations...), nested as it nests it. The machine's initial \
              root password is not shown: the ephemeral resource `katapult_virtual_machine` \
              hands it over without storing it.",
    organization: OrganizationUse::Unused,
    data_center: None,
    validate,
    read,
    ephemeral: false,
};

fn validate(config: &Value) -> Vec<Diagnostic> {
    LOOKUP.validate(config)
}

fn read<'a>(ctx: &'a ReadContext<'a>, config: &'a Value) -> ReadFuture<'a> {
    Box::pin(async move {
        let given = LOOKUP.read(config)?;
        let Some(&key) = given.first() else {
            return Err(ReadError::Config {
                attribute: LOOKUP.keys[0].attribute,
                problem: "not set",
            });
        };
        let machine = async move {
            ctx.client
                .get(VIRTUAL_MACHINE_OBJECT.path, &key.query(), &ctx.budget)
                .await
                .map_err(|e| LOOKUP.error(e, &key))
        };
        let (answer, interfaces) = machine_first(machine, interfaces(ctx, key)).await?;
        let (machine, beside) = answer::object(answer, VIRTUAL_MACHINE_OBJECT.key)?;
        LOOKUP.agrees(&machine, &given)?;
        machine_state(machine, beside, interfaces)
    })
}

/// Both reads at once; the machine's error first when both fail (its "not
/// found" is the one to show), and the rest dropped as soon as it fails.
async fn machine_first<A, B>(
    machine: impl Future<Output = Result<A, ReadError>>,
    rest: impl Future<Output = Result<B, ReadError>>,
) -> Result<(A, B), ReadError> {
    match future::select(pin!(machine), pin!(rest)).await {
        Either::Left((machine, rest)) => {
            let machine = machine?;
            Ok((machine, rest.await?))
        }
        Either::Right((rest, machine)) => {
            let machine = machine.await?;
            Ok((machine, rest?))
        }
    }
}

/// The machine's interfaces, by ID, each as its own read answers it: one
/// consistent listing, read again when an interface went away meanwhile.
async fn interfaces(ctx: &ReadContext<'_>, key: Given<'_>) -> Result<Vec<Fields>, ReadError> {
    let listing = Listing {
        path: INTERFACES,
        query: key.query().to_vec(),
        per_page: Some("200"),
        items: "virtual_machine_network_interfaces",
        id: &["id"],
        noun: "Network interface",
        owner: format!("virtual machine {}", quoted(key.value)),
    };
    let (listing, budget, client) = (&listing, &ctx.budget, ctx.client);
    let on_error = move |e| LOOKUP.error(e, &key);
    pager::consistent(listing, move || async move {
        let Pass::Complete(entries) = pager::read_pages(client, listing, budget, &on_error).await?
        else {
            return Ok(Pass::Changed);
        };
        each_interface(client, entries, budget).await
    })
    .await
}

/// Each listed interface's own read, by ID; the list's details of each
/// address (reverse DNS, mask) added to the read's.
async fn each_interface(
    client: &katapult::Client,
    mut entries: Vec<Fields>,
    budget: &katapult::Budget,
) -> Result<Pass<Vec<Fields>>, ReadError> {
    pager::sort_by_id(&mut entries, &["id"]);
    let ids: Vec<String> = entries
        .iter()
        .filter_map(|e| pager::item_id(e, &["id"]))
        .collect();
    let answers = pager::get_each(
        client,
        INTERFACE,
        "virtual_machine_network_interface[id]",
        &ids,
        budget,
    )
    .await;
    let mut interfaces = Vec::with_capacity(ids.len());
    for ((entry, answer), id) in entries.iter().zip(answers).zip(&ids) {
        let answer = match answer {
            Ok(answer) => answer,
            // Removed since the list was read: the list moved.
            Err(katapult::Error::NotFound { code }) if code == INTERFACE_NOT_FOUND => {
                tracing::debug!(interface = %id, "A listed interface is gone; reading the list again");
                return Ok(Pass::Changed);
            }
            Err(error) => return Err(ReadError::Api(error)),
        };
        let (mut interface, _) = answer::object(answer, "virtual_machine_network_interface")
            .map_err(|e| for_interface(e, id))?;
        add_address_details(&mut interface, entry);
        interfaces.push(interface);
    }
    Ok(Pass::Complete(interfaces))
}

/// The interface's addresses with what the list says of each besides
/// (matched by ID); an address the list does not name is left as read.
fn add_address_details(interface: &mut Fields, entry: &Fields) {
    let Some(Json::Array(listed)) = entry.get("ip_addresses") else {
        return;
    };
    let Some(Json::Array(addresses)) = interface.get_mut("ip_addresses") else {
        return;
    };
    for address in addresses.iter_mut().filter_map(Json::as_object_mut) {
        let Some(id) = address.get("id").and_then(Json::as_str) else {
            continue;
        };
        let same = listed
            .iter()
            .filter_map(Json::as_object)
            .find(|l| l.get("id").and_then(Json::as_str) == Some(id));
        for (field, value) in same.into_iter().flatten() {
            address
                .entry(field.clone())
                .or_insert_with(|| value.clone());
        }
    }
}

/// An unreadable answer for one interface says which.
fn for_interface(error: ReadError, interface: &str) -> ReadError {
    match error {
        ReadError::Api(katapult::Error::UnexpectedResponse { status, problem }) => {
            ReadError::Api(katapult::Error::UnexpectedResponse {
                status,
                problem: format!("{problem} for the network interface {}", quoted(interface)),
            })
        }
        other => other,
    }
}

/// The state for the machine's answer (`machine`, and what sits beside
/// it) and its interfaces (each as its own read answers it, by ID): every
/// attribute but what the configuration holds.
fn machine_state(
    mut machine: Fields,
    mut beside: Fields,
    interfaces: Vec<Fields>,
) -> Result<Computed, ReadError> {
    if let Some(annotations) = beside.remove("annotations") {
        machine.entry("annotations").or_insert(annotations);
    }
    machine.insert(
        VIRTUAL_NETWORK_IDS.to_owned(),
        Json::Array(attached_virtual_networks(&interfaces)),
    );
    let speed = interfaces
        .first()
        .and_then(|i| i.get("speed_profile"))
        .and_then(|p| p.get("permalink"))
        .cloned()
        .unwrap_or(Json::Null);
    machine.insert(NETWORK_SPEED_PROFILE.to_owned(), speed);
    machine.insert(
        NETWORK_INTERFACES.to_owned(),
        Json::Array(interfaces.into_iter().map(Json::Object).collect()),
    );
    let attributes = VIRTUAL_MACHINE.schema().attributes;
    let mut state = map_object(&machine, attributes, &AttributePath::default())?;
    if matches!(state.get(PACKAGE.name), None | Some(Value::Null))
        || state.get(PACKAGE.name) == Some(&Value::from(""))
    {
        let id = machine.get("package").and_then(|p| p.get("id"));
        let id = id.and_then(Json::as_str).map_or(Value::Null, Value::from);
        state.insert(PACKAGE.name.to_owned(), id);
    }
    Ok(state)
}

/// The virtual networks of the interfaces Katapult reports `attached`, as
/// Katapult's Go provider lists them.
fn attached_virtual_networks(interfaces: &[Map<String, Json>]) -> Vec<Json> {
    interfaces
        .iter()
        .filter(|i| i.get("state").and_then(Json::as_str) == Some("attached"))
        .filter_map(|i| i.get("virtual_network")?.get("id")?.as_str())
        .map(Json::from)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;
    use std::time::Duration;

    use katapult_testkit::fake_api::{self, FakeApi, vms};

    fn recorded(dir: &str, name: &str) -> Json {
        serde_json::from_str(&fake_api::recorded(dir, name)).unwrap()
    }

    /// The state for a recorded machine and its recorded interfaces, as
    /// the read makes it.
    fn recorded_state(id: &str) -> Computed {
        let (machine, beside) =
            answer::object(recorded(VIRTUAL_MACHINE_OBJECT.path, id), "virtual_machine").unwrap();
        let list = recorded(INTERFACES, id);
        let entries = list["virtual_machine_network_interfaces"]
            .as_array()
            .unwrap();
        let interfaces = entries
            .iter()
            .map(|entry| {
                let entry = entry.as_object().unwrap();
                let id = entry["id"].as_str().unwrap();
                let (mut interface, _) =
                    answer::object(recorded(INTERFACE, id), "virtual_machine_network_interface")
                        .unwrap();
                add_address_details(&mut interface, entry);
                interface
            })
            .collect();
        machine_state(machine, beside, interfaces).unwrap()
    }

    fn strings(values: &[&str]) -> Value {
        Value::List(values.iter().map(|s| Value::from(*s)).collect())
    }

    fn at<'v>(value: &'v Value, path: &[&str]) -> &'v Value {
        path.iter()
            .fold(value, |v, step| match (v, step.parse::<usize>()) {
                (Value::List(items), Ok(i)) => items.get(i).unwrap_or(&Value::Null),
                _ => v.attribute(step),
            })
    }

    #[test]
    fn a_recorded_machine_maps_as_the_go_provider_shows_it_and_in_full() {
        let json = recorded(VIRTUAL_MACHINE_OBJECT.path, vms::RECORDED_BY_ID);
        let vm = &json["virtual_machine"];
        let state = Value::Object(recorded_state(vms::RECORDED_BY_ID));
        for (attribute, field) in [
            ("id", "id"),
            ("name", "name"),
            ("hostname", "hostname"),
            ("fqdn", "fqdn"),
            ("description", "description"),
            ("state", "state"),
            ("created_at", "created_at"),
            ("memory_in_gb", "memory_in_gb"),
            ("suspended", "suspended"),
        ] {
            let want = match &vm[field] {
                Json::String(s) => Value::from(s.as_str()),
                Json::Bool(b) => Value::Bool(*b),
                Json::Number(n) => Value::Number(crate::tftypes::Number::from_json(n)),
                other => panic!("{field}: {other}"),
            };
            assert_eq!(state.attribute(attribute), &want, "{attribute}");
        }
        // The Go provider's flattened names: its values.
        assert_eq!(state.attribute("package"), &Value::from("rock-3"));
        assert_eq!(
            state.attribute("group_id"),
            &Value::from("vmgrp_DpC6N7LKvFYQiVVd")
        );
        assert_eq!(state.attribute("tags"), &strings(&["web", "public"]));
        assert_eq!(
            state.attribute("ip_addresses"),
            &strings(&["185.199.221.195"])
        );
        assert_eq!(
            state.attribute("ip_address_ids"),
            &strings(&["ip_1mm1JmmMV8dU6Cnb"])
        );
        assert_eq!(
            state.attribute("network_speed_profile"),
            &Value::from("1gbps")
        );
        assert_eq!(state.attribute("virtual_network_ids"), &strings(&[]));
        assert_eq!(state.attribute("disk_template"), &Value::Null);
        assert_eq!(state.attribute("disk_template_options"), &Value::Null);
        let interface = at(&state, &["network_interfaces", "0"]);
        assert_eq!(
            interface.attribute("id"),
            &Value::from("vmnet_uyv2nx1sNptIjw5e")
        );
        assert_eq!(
            interface.attribute("network_id"),
            &Value::from("netw_gVRkZdSKczfNg34P")
        );
        assert_eq!(interface.attribute("virtual_network_id"), &Value::Null);
        assert_eq!(
            interface.attribute("mac_address"),
            &Value::from("3a:ab:32:d8:b9:73")
        );
        assert_eq!(
            interface.attribute("ip_addresses"),
            &strings(&["185.199.221.195"])
        );
        assert_eq!(interface.attribute("state"), &Value::from("attached"));
        // The list's details of the address, added to the interface's read.
        assert_eq!(
            at(interface, &["ip_address_details", "0", "address_with_mask"]),
            &Value::from("185.199.221.195/24")
        );
    }

    #[test]
    fn the_rest_of_a_recorded_machine_is_nested_as_the_api_nests_it() {
        let json = recorded(VIRTUAL_MACHINE_OBJECT.path, vms::RECORDED_BY_ID);
        let vm = &json["virtual_machine"];
        let state = Value::Object(recorded_state(vms::RECORDED_BY_ID));
        for (path, want) in [
            (
                &["package_details", "monthly_bandwidth_allowance_in_gb"][..],
                json_value(&vm["package"]["monthly_bandwidth_allowance_in_gb"]),
            ),
            (
                &["package_details", "group", "name"],
                Value::from("Standard vCPU"),
            ),
            (
                &["zone", "data_center", "country", "iso_code2"],
                Value::from("GB"),
            ),
            (&["organization", "currency", "symbol"], Value::from("£")),
            (&["organization", "country_state"], Value::Null),
            (&["group", "segregate"], Value::Bool(true)),
            (&["tag_details", "1", "color"], Value::from("pink")),
            (
                &["ip_address_details", "0", "subnet", "mask"],
                json_value(&vm["ip_addresses"][0]["subnet"]["mask"]),
            ),
            (
                &[
                    "ip_address_details",
                    "0",
                    "network",
                    "data_center",
                    "permalink",
                ],
                Value::from("uk-lon-01"),
            ),
            (&["hypervisor"], Value::Null),
            (&["attached_iso"], Value::Null),
            (&["annotations"], Value::List(vec![])),
        ] {
            assert_eq!(at(&state, path), &want, "{path:?}");
        }
    }

    fn json_value(json: &Json) -> Value {
        match json {
            Json::Number(n) => Value::Number(crate::tftypes::Number::from_json(n)),
            Json::String(s) => Value::from(s.as_str()),
            other => panic!("{other}"),
        }
    }

    /// The answer holds the initial root password; no attribute does, and
    /// no part of the state names it.
    #[test]
    fn the_initial_root_password_is_in_no_attribute() {
        for id in [vms::RECORDED_BY_ID, vms::RECORDED_FIRST, vms::TWO_ADDRESSES] {
            let mut machine = recorded(VIRTUAL_MACHINE_OBJECT.path, id);
            machine["virtual_machine"]["initial_root_password"] = "pw-Zq81!kR".into();
            let (machine, beside) = answer::object(machine, "virtual_machine").unwrap();
            let state = machine_state(machine, beside, Vec::new()).unwrap();
            let shown = format!("{state:?}");
            assert!(!shown.contains("pw-Zq81!kR"), "{id}");
            assert!(!state.keys().any(|k| k.contains("password")));
        }
        fn walk(attributes: &[Attribute]) {
            for a in attributes {
                assert!(!a.name.contains("password"), "{}", a.name);
                if let Kind::Object(inner) | Kind::ObjectList(inner) = a.kind {
                    walk(inner);
                }
            }
        }
        walk(VIRTUAL_MACHINE.schema().attributes);
    }

    #[test]
    fn every_recorded_machine_maps() {
        // DataSourceVirtualMachines_all's: no description, group or tags.
        let first = recorded_state(vms::RECORDED_FIRST);
        assert_eq!(
            first["description"],
            Value::Null,
            "null, not the Go provider's \"\""
        );
        assert_eq!(first["group"], Value::Null);
        assert_eq!(first["group_id"], Value::Null);
        assert_eq!(first["tags"], strings(&[]));
        assert_eq!(first["package"], Value::from("rock-1"));
        let second = recorded_state(vms::RECORDED_SECOND);
        assert_eq!(second["ip_addresses"], strings(&["185.44.252.67"]));
        let by_fqdn = recorded_state(vms::RECORDED_BY_FQDN);
        assert_eq!(by_fqdn["fqdn"], Value::from(vms::RECORDED_FQDN));
        // Two addresses on one interface.
        let two = Value::Object(recorded_state(vms::TWO_ADDRESSES));
        assert_eq!(
            two.attribute("ip_addresses"),
            &strings(&["185.199.221.195", "77.72.7.177"])
        );
        assert_eq!(
            at(&two, &["network_interfaces", "0", "ip_addresses"]),
            &strings(&["185.199.221.195", "77.72.7.177"])
        );
        // Stopped: its interface detached, as Katapult reports it.
        let stopped = Value::Object(recorded_state(vms::STOPPED));
        assert_eq!(stopped.attribute("state"), &Value::from("stopped"));
        assert_eq!(
            at(&stopped, &["network_interfaces", "0", "state"]),
            &Value::from("detached")
        );
    }

    fn machine(fields: Json) -> (Fields, Fields) {
        answer::object(
            serde_json::json!({"virtual_machine": fields}),
            "virtual_machine",
        )
        .unwrap()
    }

    fn interface(fields: Json) -> Fields {
        fields.as_object().unwrap().clone()
    }

    #[test]
    fn absent_and_null_fields_are_null() {
        let (vm, beside) = machine(serde_json::json!({"id": "vm_1"}));
        let state = machine_state(vm, beside, Vec::new()).unwrap();
        for (name, value) in &state {
            let want = match name.as_str() {
                "id" => Value::from("vm_1"),
                // Read, and none: empty.
                NETWORK_INTERFACES | VIRTUAL_NETWORK_IDS => Value::List(vec![]),
                _ => Value::Null,
            };
            assert_eq!(value, &want, "{name}");
        }
        assert_eq!(state.len(), VIRTUAL_MACHINE.schema().attributes.len());
        let mut nulls = serde_json::Map::new();
        for a in VIRTUAL_MACHINE.schema().attributes {
            nulls.insert(a.name.to_owned(), Json::Null);
        }
        nulls.insert("tags".to_owned(), Json::Null);
        nulls.insert("tag_names".to_owned(), Json::Null);
        let (vm, beside) = machine(Json::Object(nulls));
        let null_interface = interface(serde_json::json!({"id": "vmnet_1", "state": null,
            "speed_profile": null, "ip_addresses": null, "network": null}));
        let state = machine_state(vm, beside, vec![null_interface]).unwrap();
        assert_eq!(state["tags"], Value::Null);
        assert_eq!(state["package"], Value::Null);
        assert_eq!(state["network_speed_profile"], Value::Null);
        let first = at(&state[NETWORK_INTERFACES], &["0"]).clone();
        assert_eq!(first.attribute("ip_addresses"), &Value::Null);
        assert_eq!(first.attribute("network_id"), &Value::Null);
    }

    #[test]
    fn a_wrong_type_is_an_error_naming_its_path() {
        for (fields, interfaces, path) in [
            (
                serde_json::json!({"memory_in_gb": "3"}),
                vec![],
                "memory_in_gb",
            ),
            (
                serde_json::json!({"zone": {"data_center": {"country": {"eu": "no"}}}}),
                vec![],
                "zone.data_center.country.eu",
            ),
            (
                serde_json::json!({"tag_names": ["web", 1]}),
                vec![],
                "tags[1]",
            ),
            // The API's `package` shows as `package_details`.
            (
                serde_json::json!({"package": "rock-3"}),
                vec![],
                "package_details",
            ),
            (
                serde_json::json!({}),
                vec![interface(
                    serde_json::json!({"id": "vmnet_1", "mac_address": 58}),
                )],
                "network_interfaces[0].mac_address",
            ),
            (
                serde_json::json!({}),
                vec![interface(
                    serde_json::json!({"id": "vmnet_1", "ip_addresses": [{"address": false}]}),
                )],
                "network_interfaces[0].ip_addresses[0]",
            ),
        ] {
            let (vm, beside) = machine(fields.clone());
            let err = machine_state(vm, beside, interfaces).unwrap_err();
            let ReadError::Mapping(e) = &err else {
                panic!("{fields}: {err}")
            };
            assert_eq!(e.path().to_string(), path, "{fields}: {err}");
        }
        // Not an object at all.
        let err = answer::object(
            serde_json::json!({"virtual_machine": []}),
            "virtual_machine",
        )
        .unwrap_err()
        .to_string();
        assert!(
            err.contains("without a \"virtual_machine\" object"),
            "{err}"
        );
    }

    #[test]
    fn the_package_is_its_permalink_else_its_id() {
        for (package, want) in [
            (
                serde_json::json!({"id": "vmpkg_1", "permalink": "rock-3"}),
                Value::from("rock-3"),
            ),
            (
                serde_json::json!({"id": "vmpkg_1", "permalink": ""}),
                Value::from("vmpkg_1"),
            ),
            (
                serde_json::json!({"id": "vmpkg_1", "permalink": null}),
                Value::from("vmpkg_1"),
            ),
            (serde_json::json!({"id": "vmpkg_1"}), Value::from("vmpkg_1")),
            (serde_json::json!({}), Value::Null),
            (Json::Null, Value::Null),
        ] {
            let (vm, beside) = machine(serde_json::json!({"package": package}));
            let state = machine_state(vm, beside, Vec::new()).unwrap();
            assert_eq!(state["package"], want, "{package}");
        }
    }

    #[test]
    fn virtual_networks_are_the_attached_interfaces_and_the_speed_the_firsts() {
        let on = |id: &str, vnet: Option<&str>, state: &str, speed: &str| {
            interface(serde_json::json!({"id": id, "state": state,
                "virtual_network": vnet.map(|v| serde_json::json!({"id": v, "name": v})),
                "speed_profile": {"permalink": speed}}))
        };
        let (vm, beside) = machine(serde_json::json!({"id": "vm_1"}));
        let state = machine_state(
            vm,
            beside,
            vec![
                on("vmnet_a", None, "attached", "10gbps"),
                on("vmnet_b", Some("vnet_b"), "attached", "1gbps"),
                on("vmnet_c", Some("vnet_c"), "detached", "1gbps"),
                on("vmnet_d", Some("vnet_d"), "_none", "1gbps"),
            ],
        )
        .unwrap();
        assert_eq!(state[VIRTUAL_NETWORK_IDS], strings(&["vnet_b"]));
        assert_eq!(state[NETWORK_SPEED_PROFILE], Value::from("10gbps"));
        assert_eq!(
            at(&state[NETWORK_INTERFACES], &["2", "virtual_network_id"]),
            &Value::from("vnet_c")
        );
    }

    #[test]
    fn the_lists_address_details_join_the_interfaces_by_id() {
        let mut read = interface(serde_json::json!({"ip_addresses": [
            {"id": "ip_a", "address": "1.1.1.1"}, {"id": "ip_b", "address": "2.2.2.2"}, {"address": "3.3.3.3"}, 7]}));
        let entry = interface(serde_json::json!({"ip_addresses": [
            {"id": "ip_b", "address": "9.9.9.9", "reverse_dns": "b.example"}, "junk"]}));
        add_address_details(&mut read, &entry);
        assert_eq!(
            Json::Object(read),
            serde_json::json!({"ip_addresses": [
                {"id": "ip_a", "address": "1.1.1.1"},
                {"id": "ip_b", "address": "2.2.2.2", "reverse_dns": "b.example"},
                {"address": "3.3.3.3"}, 7]})
        );
        // Nothing to join: left as read.
        let mut read = interface(serde_json::json!({"ip_addresses": "x"}));
        add_address_details(
            &mut read,
            &interface(serde_json::json!({"ip_addresses": [{"id": "x"}]})),
        );
        assert_eq!(read["ip_addresses"], "x");
    }

    #[test]
    fn id_fqdn_or_both() {
        let config = |id: Value, fqdn: Value| {
            Value::Object(BTreeMap::from([
                ("id".to_owned(), id),
                ("fqdn".to_owned(), fqdn),
            ]))
        };
        assert!(
            VIRTUAL_MACHINE
                .validate(&config(Value::from("vm_1"), Value::Null))
                .is_empty()
        );
        assert!(
            VIRTUAL_MACHINE
                .validate(&config(Value::Null, Value::from("a.b")))
                .is_empty()
        );
        assert!(
            VIRTUAL_MACHINE
                .validate(&config(Value::from("vm_1"), Value::from("a.b")))
                .is_empty()
        );
        let neither = VIRTUAL_MACHINE.validate(&config(Value::Null, Value::Null));
        assert_eq!(neither[0].summary, "Missing id or fqdn");
        let empty = VIRTUAL_MACHINE.validate(&config(Value::Null, Value::from(" ")));
        assert_eq!(empty[0].summary, "Empty fqdn");
    }

    /// A read of `ds` against `api`, by `config`: the state, or the
    /// diagnostic's summary and detail.
    pub(super) async fn read(
        ds: &dyn DataSource,
        api: &FakeApi,
        config: &[(&str, &str)],
    ) -> Result<Value, crate::diag::Diagnostic> {
        let config = Value::Object(
            config
                .iter()
                .map(|(k, v)| ((*k).to_owned(), Value::from(*v)))
                .collect(),
        );
        crate::datasource::core::testing::read(&api.url(), "", ds, &config)
            .await
            .map_err(|e| e.diagnostic(&ds.reads()))
    }

    #[tokio::test]
    async fn the_machine_and_its_interfaces_are_read_at_once_by_either_key() {
        let api = FakeApi::start().await.unwrap();
        api.set_latency(Duration::from_millis(200));
        let by_fqdn = read(&VIRTUAL_MACHINE, &api, &[("fqdn", vms::RECORDED_FQDN)])
            .await
            .unwrap();
        assert_eq!(by_fqdn.attribute("id"), &Value::from(vms::RECORDED_BY_FQDN));
        assert_eq!(
            at(&by_fqdn, &["network_interfaces", "0", "id"]),
            &Value::from("vmnet_wPK8OqOoxVUpAZ36")
        );
        // The machine's read and its interface list were in the air at once.
        assert!(api.peak_in_flight() >= 2, "{}", api.peak_in_flight());
        assert_eq!(
            api.pages(&format!("interfaces:{}", vms::RECORDED_BY_FQDN)),
            [(1, 200)]
        );
        // Both keys of one machine: found by its ID.
        let both = read(
            &VIRTUAL_MACHINE,
            &api,
            &[("id", vms::RECORDED_BY_FQDN), ("fqdn", vms::RECORDED_FQDN)],
        )
        .await
        .unwrap();
        assert_eq!(both.attribute("name"), by_fqdn.attribute("name"));
    }

    #[tokio::test]
    async fn every_page_of_interfaces_is_read_once_and_a_moving_list_again() {
        let api = FakeApi::start().await.unwrap();
        let many = read(&VIRTUAL_MACHINE, &api, &[("id", vms::MANY_INTERFACES)])
            .await
            .unwrap();
        let Value::List(interfaces) = many.attribute(NETWORK_INTERFACES) else {
            panic!("{many:?}")
        };
        assert_eq!(interfaces.len(), vms::MANY_INTERFACES_COUNT);
        assert_eq!(
            api.pages(&format!("interfaces:{}", vms::MANY_INTERFACES)),
            [(1, 200), (2, 200)]
        );
        let ids: Vec<&Value> = interfaces.iter().map(|i| i.attribute("id")).collect();
        let mut sorted = ids.clone();
        sorted.sort_by_key(|v| format!("{v:?}"));
        assert_eq!(ids, sorted, "ordered by ID");
        let attached: Vec<&Value> = interfaces
            .iter()
            .filter(|i| i.attribute("state") == &Value::from("attached"))
            .map(|i| i.attribute("virtual_network_id"))
            .filter(|v| **v != Value::Null)
            .collect();
        let Value::List(listed) = many.attribute(VIRTUAL_NETWORK_IDS) else {
            panic!()
        };
        assert!(!attached.is_empty() && attached.len() < interfaces.len() - 1);
        assert_eq!(listed.iter().collect::<Vec<_>>(), attached);

        let moving = read(&VIRTUAL_MACHINE, &api, &[("id", vms::MOVING_INTERFACES)])
            .await
            .unwrap();
        let Value::List(interfaces) = moving.attribute(NETWORK_INTERFACES) else {
            panic!()
        };
        assert_eq!(interfaces.len(), 1);
        assert_eq!(
            api.pages(&format!("interfaces:{}", vms::MOVING_INTERFACES)),
            [(1, 200), (1, 200)]
        );
        let always = read(
            &VIRTUAL_MACHINE,
            &api,
            &[("id", vms::ALWAYS_MOVING_INTERFACES)],
        )
        .await
        .unwrap_err();
        assert_eq!(always.summary, "Network interface list kept changing");
        assert!(
            always.detail.contains(vms::ALWAYS_MOVING_INTERFACES),
            "{}",
            always.detail
        );
    }

    #[tokio::test]
    async fn errors_say_what_and_where() {
        let api = FakeApi::start().await.unwrap();
        let gone = read(&VIRTUAL_MACHINE, &api, &[("fqdn", "nope.example.com")])
            .await
            .unwrap_err();
        assert_eq!(gone.summary, "Virtual machine not found");
        assert!(
            gone.detail.contains("FQDN \"nope.example.com\""),
            "{}",
            gone.detail
        );
        assert_eq!(gone.path.map(|p| p.to_string()).as_deref(), Some("fqdn"));
        // Two keys naming two machines: at the second.
        let other = read(
            &VIRTUAL_MACHINE,
            &api,
            &[("id", vms::RECORDED_BY_ID), ("fqdn", vms::RECORDED_FQDN)],
        )
        .await
        .unwrap_err();
        assert_eq!(other.summary, "Virtual machine fqdn does not match");
        assert_eq!(other.path.map(|p| p.to_string()).as_deref(), Some("fqdn"));
        for id in [vms::SCOPE_MISSING, vms::INTERFACE_SCOPE_MISSING] {
            let refused = read(&VIRTUAL_MACHINE, &api, &[("id", id)])
                .await
                .unwrap_err();
            assert_eq!(
                refused.summary, "API key lacks the scope to read virtual machines",
                "{id}"
            );
            assert!(
                refused.detail.contains("\"virtual_machines:read\""),
                "{}",
                refused.detail
            );
        }
        let trashed = read(&VIRTUAL_MACHINE, &api, &[("id", vms::IN_TRASH)])
            .await
            .unwrap_err();
        assert!(trashed.summary.contains("trash"), "{}", trashed.summary);
        assert_eq!(trashed.path.map(|p| p.to_string()).as_deref(), Some("id"));
        for (id, path) in [
            (vms::WRONG_TYPES, "memory_in_gb"),
            (vms::WRONG_NESTED_TYPE, "zone.data_center.country.eu"),
            (
                vms::INTERFACE_WRONG_TYPES,
                "network_interfaces[0].mac_address",
            ),
        ] {
            let wrong = read(&VIRTUAL_MACHINE, &api, &[("id", id)])
                .await
                .unwrap_err();
            assert_eq!(
                wrong.path.map(|p| p.to_string()).as_deref(),
                Some(path),
                "{id}"
            );
        }
        for id in [vms::EVERY_FIELD_NULL, vms::MISSING_FIELDS] {
            let state = read(&VIRTUAL_MACHINE, &api, &[("id", id)]).await.unwrap();
            assert_eq!(state.attribute("name"), &Value::Null, "{id}");
        }
    }
}
