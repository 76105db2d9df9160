//! `katapult_virtual_machine`, `katapult_virtual_machines` and the
//! annotations filter (theirs and `katapult_disks`') end to end against the
//! fake API: the recorded machines of the Go provider's
//! DataSourceVirtualMachine_by_id, _by_fqdn and DataSourceVirtualMachines_all
//! answers, the sample organization's machines and disks filtered by their
//! annotations, 2,500 machines over thirteen pages and a list that moves,
//! with the Go provider's docs examples, in one configuration under every
//! Terraform found; the errors at their attributes; and the ephemeral
//! resource's password, handed on and stored nowhere. (The data sources'
//! examples: `examples.rs`.)

use std::collections::BTreeSet;

use katapult_testkit::fake_api::{self, organizations, vms};
use katapult_testkit::terraform::{OwnApi, REQUIRED_PROVIDERS, Terraform, Workspace, terraforms};
use serde_json::{Value, json};

use crate::harness::{applied, failed_plan};
use crate::sample_organization::Walk;

const MACHINE: &str = "virtual_machines/virtual_machine";
const INTERFACES: &str = "virtual_machines/virtual_machine/network_interfaces";
const INTERFACE: &str = "virtual_machine_network_interfaces/virtual_machine_network_interface";
const ORG_MACHINES: &str = "organizations/organization/virtual_machines";

/// The Go provider's docs examples for `katapult_virtual_machine` and
/// `katapult_virtual_machines`, as published; but the example's second
/// block, which repeats the first's name `web-1` (no Terraform accepts
/// that), is `web-1_by_fqdn`.
const GO_EXAMPLES: &str = r#"# Get virtual machine by ID
data "katapult_virtual_machine" "web-1" {
  id = "vm_Ek42KaL1OrE7tkav"
}

# Get virtual machine by FQDN
data "katapult_virtual_machine" "web-1_by_fqdn" {
  fqdn = "web-1.acme-labs.katapult.cloud"
}

# List every Virtual Machine in the provider organization.
data "katapult_virtual_machines" "all" {}

# Build an ID-keyed inventory without relying on list positions.
locals {
  virtual_machines_by_id = {
    for virtual_machine in data.katapult_virtual_machines.all.virtual_machines :
    virtual_machine.id => virtual_machine
  }
}
"#;

/// The sample organization's provider, and one for each organization of
/// the recorded list, the fleet and the list that settles.
fn providers() -> String {
    format!(
        r#"provider "katapult" {{
  organization = "{acme}"
}}

provider "katapult" {{
  alias        = "recorded"
  organization = "{recorded_org}"
}}

provider "katapult" {{
  alias        = "fleet"
  organization = "{fleet}"
}}

provider "katapult" {{
  alias        = "settling"
  organization = "{settling}"
}}
"#,
        acme = organizations::ACME,
        recorded_org = vms::RECORDED_ORGANIZATION,
        fleet = organizations::FLEET,
        settling = organizations::SETTLING,
    )
}

/// Both data sources, the filters, every recorded and generated case that
/// reads, and the Go examples, under the sample organization.
fn config() -> String {
    format!(
        r#"{REQUIRED_PROVIDERS}
{providers}
data "katapult_virtual_machine" "recorded" {{
  id = "{by_id}"
}}

data "katapult_virtual_machine" "by_fqdn" {{
  fqdn = "{fqdn}"
}}

data "katapult_virtual_machine" "web" {{
  id   = "{web}"
  fqdn = "{web_fqdn}"
}}

data "katapult_virtual_machines" "web" {{
  annotations = {{ role = "web" }}
}}

data "katapult_virtual_machines" "web_production" {{
  annotations = {{
    role = "web"
    env  = "production"
  }}
}}

data "katapult_virtual_machines" "recorded" {{
  provider = katapult.recorded
}}

data "katapult_virtual_machines" "fleet" {{
  provider = katapult.fleet
}}

data "katapult_virtual_machines" "settling" {{
  provider = katapult.settling
}}

data "katapult_disks" "database" {{
  annotations = {{ role = "database" }}
}}

data "katapult_disks" "nightly_database" {{
  annotations = {{
    role   = "database"
    backup = "nightly"
  }}
}}

{GO_EXAMPLES}
output "inventory_size" {{
  value = length(local.virtual_machines_by_id)
}}
"#,
        providers = providers(),
        by_id = vms::RECORDED_BY_ID,
        fqdn = vms::RECORDED_FQDN,
        web = vms::WEB,
        web_fqdn = vms::WEB_FQDN,
    )
}

/// What the sample organization holds, read over HTTP object by object:
/// its machines in the API's order, and which machines and disks carry
/// which annotations, as their own reads show them.
struct Sample {
    machines: Vec<String>,
    web: BTreeSet<String>,
    web_production: BTreeSet<String>,
    database: BTreeSet<String>,
    nightly_database: BTreeSet<String>,
    web_annotations: Value,
}

fn carries(annotations: &Value, pairs: &[(&str, &str)]) -> bool {
    let held = annotations.as_array().cloned().unwrap_or_default();
    pairs
        .iter()
        .all(|(k, v)| held.iter().any(|a| a["key"] == *k && a["value"] == *v))
}

impl Sample {
    fn read() -> Self {
        let own = OwnApi::start();
        let mut walk = Walk::over(&own.api);
        let org = [
            ("organization[sub_domain]", organizations::ACME),
            ("per_page", "200"),
        ];
        let mut sample = Sample {
            machines: Vec::new(),
            web: BTreeSet::new(),
            web_production: BTreeSet::new(),
            database: BTreeSet::new(),
            nightly_database: BTreeSet::new(),
            web_annotations: Value::Null,
        };
        for machine in walk.list(ORG_MACHINES, &org, "virtual_machines") {
            let id = machine["id"].as_str().unwrap().to_owned();
            let read = walk.read(MACHINE, &[("virtual_machine[id]", &id)]).unwrap();
            let annotations = &read["annotations"];
            if carries(annotations, &[("role", "web")]) {
                sample.web.insert(id.clone());
            }
            if carries(annotations, &[("role", "web"), ("env", "production")]) {
                sample.web_production.insert(id.clone());
            }
            if id == vms::WEB {
                sample.web_annotations = annotations.clone();
            }
            sample.machines.push(id);
        }
        for disk in walk.list("organizations/organization/disks", &org, "disk") {
            let id = disk["id"].as_str().unwrap().to_owned();
            let read = walk.read("disks/disk", &[("disk[id]", &id)]).unwrap();
            if carries(&read["annotations"], &[("role", "database")]) {
                sample.database.insert(id.clone());
            }
            if carries(
                &read["annotations"],
                &[("role", "database"), ("backup", "nightly")],
            ) {
                sample.nightly_database.insert(id);
            }
        }
        assert!(walk.problems.is_empty(), "{:?}", walk.problems);
        // Filters that narrow: each a strict part of the whole, not empty.
        assert!(!sample.web_production.is_empty());
        assert!(sample.web_production.len() < sample.web.len());
        assert!(sample.web.len() < sample.machines.len());
        assert!(!sample.nightly_database.is_empty());
        assert!(sample.nightly_database.len() < sample.database.len());
        assert!(sample.database.len() < organizations::ACME_DISKS);
        sample
    }
}

fn ids(list: &Value) -> Vec<String> {
    list.as_array()
        .unwrap_or_else(|| panic!("not a list: {list}"))
        .iter()
        .map(|item| item["id"].as_str().unwrap().to_owned())
        .collect()
}

fn sorted(mut ids: Vec<String>) -> Vec<String> {
    ids.sort();
    ids
}

fn recorded_answer(dir: &str, name: &str) -> Value {
    serde_json::from_str(&fake_api::recorded(dir, name)).unwrap()
}

/// The recorded machine as the state holds it: the Go provider's values,
/// and every field of the answer, nested as the API nests it, but the
/// password.
fn check_recorded_machine(state: &Value) {
    let answer = recorded_answer(MACHINE, vms::RECORDED_BY_ID);
    let vm = answer["virtual_machine"].as_object().unwrap();
    for (field, value) in vm {
        let (attribute, want) = match field.as_str() {
            "initial_root_password" => {
                assert!(state.get(field).is_none());
                continue;
            }
            "package" => ("package_details", value.clone()),
            "ip_addresses" => ("ip_address_details", value.clone()),
            "tags" => ("tag_details", value.clone()),
            // A set: Terraform orders it.
            "tag_names" => {
                let mut names = value.as_array().unwrap().clone();
                names.sort_by_key(|n| n.as_str().map(str::to_owned));
                ("tags", Value::Array(names))
            }
            _ => (field.as_str(), value.clone()),
        };
        assert_eq!(state[attribute], want, "{attribute}");
    }
    assert_eq!(state["annotations"], answer["annotations"]);
    assert_eq!(state["package"], vm["package"]["permalink"]);
    assert_eq!(state["group_id"], vm["group"]["id"]);
    assert_eq!(
        state["ip_addresses"],
        json!([vm["ip_addresses"][0]["address"]])
    );
    assert_eq!(
        state["ip_address_ids"],
        json!([vm["ip_addresses"][0]["id"]])
    );
    assert_eq!(state["disk_template"], Value::Null);
    assert_eq!(state["disk_template_options"], Value::Null);
    let listed =
        &recorded_answer(INTERFACES, vms::RECORDED_BY_ID)["virtual_machine_network_interfaces"][0];
    let id = listed["id"].as_str().unwrap();
    let read = &recorded_answer(INTERFACE, id)["virtual_machine_network_interface"];
    let interface = &state["network_interfaces"][0];
    for field in [
        "id",
        "name",
        "mac_address",
        "state",
        "network",
        "virtual_network",
        "speed_profile",
    ] {
        assert_eq!(interface[field], read[field], "{field}");
    }
    assert_eq!(interface["network_id"], read["network"]["id"]);
    assert_eq!(
        interface["ip_addresses"],
        json!([read["ip_addresses"][0]["address"]])
    );
    // The list's details of the address with the read's.
    assert_eq!(interface["ip_address_details"], listed["ip_addresses"]);
    assert_eq!(
        state["network_speed_profile"],
        read["speed_profile"]["permalink"]
    );
    assert_eq!(state["virtual_network_ids"], json!([]));
}

/// The Go provider's rule: the virtual networks of attached interfaces.
fn check_virtual_networks(state: &Value) {
    let attached: BTreeSet<&str> = state["network_interfaces"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["state"] == "attached")
        .filter_map(|i| i["virtual_network_id"].as_str())
        .collect();
    let listed: BTreeSet<&str> = state["virtual_network_ids"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert!(!listed.is_empty(), "{state}");
    assert_eq!(listed, attached);
}

#[test]
fn machines_lists_and_filters_in_one_configuration() {
    let sample = Sample::read();
    assert_ne!(
        sample.machines,
        sorted(sample.machines.clone()),
        "the API's order is not by ID"
    );
    for tf in terraforms() {
        let own = OwnApi::start();
        let ws = Workspace::with_api(tf, &config(), &own.api);
        let names = [
            ("katapult_virtual_machine", "recorded"),
            ("katapult_virtual_machine", "by_fqdn"),
            ("katapult_virtual_machine", "web"),
            ("katapult_virtual_machines", "all"),
            ("katapult_virtual_machines", "web"),
            ("katapult_virtual_machines", "web_production"),
            ("katapult_virtual_machines", "recorded"),
            ("katapult_virtual_machines", "fleet"),
            ("katapult_virtual_machines", "settling"),
            ("katapult_disks", "database"),
            ("katapult_disks", "nightly_database"),
            ("katapult_virtual_machine", "web-1"),
            ("katapult_virtual_machine", "web-1_by_fqdn"),
        ];
        let [
            recorded,
            by_fqdn,
            web,
            all,
            web_list,
            web_production,
            recorded_list,
            fleet,
            settling,
            database,
            nightly,
            go_by_id,
            go_by_fqdn,
        ] = &applied(&ws, &names);
        let on = format!("Terraform {}", tf.version);
        check_recorded_machine(recorded);
        assert_eq!(by_fqdn["id"], vms::RECORDED_BY_FQDN, "{on}");
        assert_eq!(by_fqdn["fqdn"], vms::RECORDED_FQDN, "{on}");
        check_virtual_networks(web);
        assert_eq!(web["annotations"], sample.web_annotations, "{on}");
        assert_eq!(go_by_id["fqdn"], vms::GO_EXAMPLE_FQDN, "{on}");
        assert_eq!(go_by_fqdn["id"], vms::GO_EXAMPLE, "{on}");

        check_lists(
            &on,
            &own,
            &sample,
            [all, web_list, web_production, database, nightly],
        );
        check_recorded_list(recorded_list);
        check_fleet_and_settling(&on, &own, fleet, settling);
        check_no_password(&on, &ws, &sample);
    }
}

/// Every machine, ordered by ID; the filtered ones exactly those whose own
/// reads carry the annotations.
fn check_lists(on: &str, own: &OwnApi, sample: &Sample, lists: [&Value; 5]) {
    let [all, web_list, web_production, database, nightly] = lists;
    assert_eq!(
        ids(&all["virtual_machines"]),
        sorted(sample.machines.clone()),
        "{on}"
    );
    assert_eq!(
        ids(&web_list["virtual_machines"]),
        sorted(sample.web.iter().cloned().collect()),
        "{on}"
    );
    assert_eq!(
        ids(&web_production["virtual_machines"]),
        sorted(sample.web_production.iter().cloned().collect()),
        "{on}"
    );
    assert_eq!(
        ids(&database["disks"]),
        sorted(sample.database.iter().cloned().collect()),
        "{on}"
    );
    assert_eq!(
        ids(&nightly["disks"]),
        sorted(sample.nightly_database.iter().cloned().collect()),
        "{on}"
    );
    assert_eq!(
        own.api.pages(&format!("vms:{}", organizations::ACME)),
        [(1, 200); 3],
        "{on}: the whole list and two filtered ones, one page each"
    );
}

/// The recorded list, by ID (the API listed it the other way).
fn check_recorded_list(recorded_list: &Value) {
    let machines = recorded_list["virtual_machines"].as_array().unwrap();
    assert_eq!(
        ids(&recorded_list["virtual_machines"]),
        [vms::RECORDED_SECOND, vms::RECORDED_FIRST]
    );
    let answer = recorded_answer(ORG_MACHINES, vms::RECORDED_ORGANIZATION);
    for listed in answer["virtual_machines"].as_array().unwrap() {
        let machine = machines.iter().find(|m| m["id"] == listed["id"]).unwrap();
        for field in ["name", "hostname", "fqdn", "created_at", "zone", "gpu_type"] {
            let mut want = listed[field].clone();
            if field == "zone" {
                // The list names the data center without its country.
                want["data_center"]["country"] = Value::Null;
            }
            assert_eq!(machine[field], want, "{field}");
        }
        assert_eq!(machine["package_name"], listed["package"]["name"]);
        assert_eq!(machine["package"], listed["package"]);
        assert_eq!(machine["ip_address_details"], listed["ip_addresses"]);
        assert_eq!(
            machine["ip_addresses"],
            json!([listed["ip_addresses"][0]["address"]])
        );
        assert_eq!(machine["hypervisor"], Value::Null, "not listed");
    }
}

/// Thousands of machines, every page once; a list that moved while read,
/// read again and whole.
fn check_fleet_and_settling(on: &str, own: &OwnApi, fleet: &Value, settling: &Value) {
    let fleet_ids = ids(&fleet["virtual_machines"]);
    assert_eq!(fleet_ids.len(), organizations::FLEET_MACHINES, "{on}");
    assert_eq!(fleet_ids, sorted(fleet_ids.clone()));
    assert_eq!(
        fleet_ids.iter().collect::<BTreeSet<_>>().len(),
        fleet_ids.len()
    );
    let pages: Vec<(u64, u64)> = (1..=13).map(|p| (p, 200)).collect();
    assert_eq!(
        own.api.pages(&format!("vms:{}", organizations::FLEET)),
        pages,
        "{on}"
    );
    let settled = ids(&settling["virtual_machines"]);
    assert_eq!(settled.iter().collect::<BTreeSet<_>>().len(), 400, "{on}");
    assert_eq!(
        own.api.pages(&format!("vms:{}", organizations::SETTLING)),
        [(1, 200), (2, 200), (1, 200), (2, 200)],
        "{on}"
    );
}

/// The machines' answers hold their passwords: the state holds none.
fn check_no_password(on: &str, ws: &Workspace, sample: &Sample) {
    let state = ws.state_text();
    assert!(
        !state.contains(vms::ROOT_PASSWORD),
        "{on}: a password in the state"
    );
    assert!(!state.contains("initial_root_password"), "{on}");
    let output = ws.run(&["output", "-json"]);
    let outputs: Value = serde_json::from_str(&output.stdout).unwrap();
    assert_eq!(
        outputs["inventory_size"]["value"],
        sample.machines.len(),
        "{on}"
    );
}

/// Every error the read can meet, in two configurations: what validate
/// refuses, and what the reads find.
#[test]
fn errors_name_what_and_where() {
    let tf = terraforms().last().unwrap();
    let text = failed_plan(
        tf,
        &format!(
            "{REQUIRED_PROVIDERS}\nprovider \"katapult\" {{\n  organization = \"acme\"\n}}\n\
             data \"katapult_virtual_machine\" \"neither\" {{}}\n\
             data \"katapult_virtual_machine\" \"empty\" {{\n  fqdn = \"\"\n}}\n\
             data \"katapult_virtual_machines\" \"empty_key\" {{\n  annotations = {{ \"\" = \"web\" }}\n}}\n\
             data \"katapult_virtual_machines\" \"null_value\" {{\n  annotations = {{ role = null }}\n}}\n"
        ),
    );
    for want in [
        "Missing id or fqdn",
        "Empty fqdn",
        "Empty annotation key",
        "The annotation \"role\" has no value",
    ] {
        assert!(text.contains(want), "{want}: {text}");
    }
    let text = failed_plan(tf, &read_errors());
    for want in [
        "Virtual machine not found",
        "no virtual machine with ID \"vm_DoesNotExist000001\"",
        "id = \"vm_DoesNotExist000001\"",
        "no virtual machine with FQDN \"nowhere.acme.katapult.cloud\"",
        "Virtual machine fqdn does not match",
        "Virtual machine is in the trash",
        "zone.data_center.country.eu should be true or false but the API sent a string",
        "Network interface list kept changing",
        "Virtual machine list kept changing",
        "Organization not found",
        "No organization to list virtual machines of",
    ] {
        assert!(text.contains(want), "{want}: {text}");
    }
    // The machine's read and the list's, each refused for its scope.
    assert_eq!(
        text.matches("API key lacks the scope to read virtual machines")
            .count(),
        2,
        "{text}"
    );
    assert!(text.contains("\"virtual_machines:read\""), "{text}");
}

fn read_errors() -> String {
    let machine = |name: &str, key: &str, value: &str| {
        format!("data \"katapult_virtual_machine\" \"{name}\" {{\n  {key} = \"{value}\"\n}}\n")
    };
    let list = |name: &str, provider: &str| {
        format!(
            "data \"katapult_virtual_machines\" \"{name}\" {{\n  provider = katapult.{provider}\n}}\n"
        )
    };
    let mut config = format!(
        "{REQUIRED_PROVIDERS}\nprovider \"katapult\" {{}}\n\
         provider \"katapult\" {{\n  alias = \"refused\"\n  organization = \"scope-missing\"\n}}\n\
         provider \"katapult\" {{\n  alias = \"churning\"\n  organization = \"{}\"\n}}\n\
         provider \"katapult\" {{\n  alias = \"nobody\"\n  organization = \"nobody\"\n}}\n\
         provider \"katapult\" {{\n  alias = \"unset\"\n}}\n\
         data \"katapult_virtual_machine\" \"two_machines\" {{\n  id   = \"{}\"\n  fqdn = \"{}\"\n}}\n",
        organizations::CHURNING,
        vms::RECORDED_BY_ID,
        vms::RECORDED_FQDN
    );
    for (name, key, value) in [
        ("gone", "id", "vm_DoesNotExist000001"),
        ("gone_fqdn", "fqdn", "nowhere.acme.katapult.cloud"),
        ("refused", "id", vms::SCOPE_MISSING),
        ("trashed", "id", vms::IN_TRASH),
        ("wrong", "id", vms::WRONG_NESTED_TYPE),
        ("moving", "id", vms::ALWAYS_MOVING_INTERFACES),
    ] {
        config.push_str(&machine(name, key, value));
    }
    for name in ["refused", "churning", "nobody", "unset"] {
        config.push_str(&list(name, name));
    }
    config
}

fn ephemeral_terraforms() -> Vec<&'static Terraform> {
    terraforms()
        .iter()
        .filter(|tf| !tf.older_than(1, 10))
        .collect()
}

/// The ephemeral resource hands a real-looking password to a provider,
/// which uses it as its key, and the password reaches no state, saved
/// plan, output or log (the provider's at its most verbose too), though
/// every read of the machine's answer held it.
#[test]
fn the_password_is_handed_on_and_stored_nowhere() {
    let example = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("examples/ephemeral-resources/katapult_virtual_machine/ephemeral-resource.tf"),
    )
    .unwrap();
    let newer = ephemeral_terraforms();
    assert!(!newer.is_empty(), "no Terraform 1.10 or newer to test with");
    for tf in newer {
        let own = OwnApi::start();
        let ws = Workspace::with_api(tf, &example, &own.api);
        let plan = ws.run(&["plan", "-no-color", "-out=saved.tfplan"]);
        assert!(plan.success, "Terraform {}: {}", tf.version, plan.text());
        let apply = ws.run(&["apply", "-auto-approve", "-no-color"]);
        assert!(apply.success, "Terraform {}: {}", tf.version, apply.text());
        assert!(
            apply.text().contains("name = \"web-1\""),
            "{}",
            apply.text()
        );
        assert!(
            own.api.keys_seen().iter().any(|k| k == vms::ROOT_PASSWORD),
            "Terraform {}: the password never reached the API as a key",
            tf.version
        );
        let output = ws.run(&["output", "-no-color"]);
        let ws = ws.env("TF_LOG_PROVIDER", Some("trace"));
        let traced = ws.run(&["plan", "-no-color"]);
        assert!(traced.success, "{}", traced.text());
        assert!(
            traced.stderr.contains("OpenEphemeralResource"),
            "no provider trace lines"
        );
        for (what, bytes) in [
            ("plan output", plan.text().into_bytes()),
            ("apply output", apply.text().into_bytes()),
            ("outputs", output.text().into_bytes()),
            ("trace log", traced.text().into_bytes()),
            ("state", ws.state_text().into_bytes()),
            (
                "saved plan",
                crate::harness::unzipped(&ws.path().join("saved.tfplan")),
            ),
        ] {
            assert!(
                !bytes
                    .windows(vms::ROOT_PASSWORD.len())
                    .any(|w| w == vms::ROOT_PASSWORD.as_bytes()),
                "Terraform {}: the password is in the {what}",
                tf.version
            );
        }
        let state = ws.state_text();
        assert!(
            !state.contains("\"ephemeral\""),
            "ephemeral resource in state"
        );
    }
}

/// The fake API answers as the live one did: an unknown machine with the
/// recorded 404; each of the four endpoints, refused, with the scopes the
/// reference names; annotations that do not pair up with a 400.
#[test]
fn the_fake_api_answers_as_recorded() {
    let own = OwnApi::start();
    let mut walk = Walk::over(&own.api);
    let (status, body) = walk.get(MACHINE, &[("virtual_machine[id]", "vm_DoesNotExist000001")]);
    assert_eq!(status, 404);
    // As DataSourceVirtualMachine_by_id recorded it once the machine was gone.
    assert_eq!(
        body,
        json!({"error": {"code": "virtual_machine_not_found",
            "description": "No virtual machine was found matching any of the criteria provided in the arguments",
            "detail": {}}})
    );
    for (path, key, value) in [
        (MACHINE, "virtual_machine[id]", vms::SCOPE_MISSING),
        (INTERFACES, "virtual_machine[id]", vms::SCOPE_MISSING),
        (
            INTERFACE,
            "virtual_machine_network_interface[id]",
            "vmnet_ScopeMissing001",
        ),
        (ORG_MACHINES, "organization[sub_domain]", "scope-missing"),
    ] {
        let (status, body) = walk.get(path, &[(key, value)]);
        assert_eq!(status, 403, "{path}");
        assert_eq!(body["error"]["code"], "scope_not_granted", "{path}");
        assert_eq!(
            body["error"]["detail"]["scopes"],
            json!(["virtual_machines", "virtual_machines:read"]),
            "{path}"
        );
    }
    for path in [ORG_MACHINES, "organizations/organization/disks"] {
        let (status, body) = walk.get(
            path,
            &[
                ("organization[sub_domain]", organizations::ACME),
                ("annotations[][key]", "role"),
            ],
        );
        assert_eq!(status, 400, "{path}");
        assert_eq!(body["error"]["code"], "invalid_argument", "{path}");
    }
}
