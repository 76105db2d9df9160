//! `katapult_virtual_machine_network_interface` and
//! `katapult_virtual_machine_network_interfaces` end to end against the
//! fake API's answers (recorded with the Go provider's virtual machine
//! tests): both, every way in, under every Terraform found, compared field
//! by field with the answers; every page of a machine's 250 interfaces;
//! the errors at their attributes.

use katapult_testkit::fake_api::{self, orgs, vms};
use katapult_testkit::terraform::{OwnApi, REQUIRED_PROVIDERS, Terraform, Workspace, terraforms};
use serde_json::{Value, json};

use crate::harness::{applied, failed_plan};

const INTERFACE: &str = "virtual_machine_network_interfaces/virtual_machine_network_interface";
const LIST: &str = "virtual_machines/virtual_machine/network_interfaces";
const RECORDED_INTERFACE: &str = "vmnet_uyv2nx1sNptIjw5e";

/// The object under `key` of the answer `file` in the folder `path`.
fn answer(path: &str, file: &str, key: &str) -> Value {
    let text = fake_api::recorded(path, file);
    serde_json::from_str::<Value>(&text).unwrap()[key].clone()
}

fn config(body: &str) -> String {
    format!(
        "{REQUIRED_PROVIDERS}\nprovider \"katapult\" {{\n  organization = \"{}\"\n}}\n{body}",
        orgs::ACME
    )
}

/// The API's addresses, as `ip_addresses` (their addresses) and
/// `ip_address_details` (each with `fields`, null where left out).
fn addresses(want: &Value, fields: &[&str]) -> (Value, Value) {
    let list = want["ip_addresses"].as_array().unwrap();
    let set: Vec<Value> = list.iter().map(|ip| ip["address"].clone()).collect();
    let details: Vec<Value> = list
        .iter()
        .map(|ip| {
            let pairs = fields.iter().map(|f| ((*f).to_owned(), ip[*f].clone()));
            Value::Object(pairs.collect())
        })
        .collect();
    (Value::Array(set), Value::Array(details))
}

/// The fields an interface shows, in both data sources, equal.
fn assert_common(got: &Value, want: &Value, version: &str) {
    for field in ["id", "name", "network", "virtual_network"] {
        assert_eq!(got[field], want[field], "{field}, Terraform {version}");
    }
    assert_eq!(got["network_id"], want["network"]["id"], "{version}");
    assert_eq!(
        got["virtual_network_id"], want["virtual_network"]["id"],
        "{version}"
    );
    let fields = ["id", "address", "reverse_dns", "address_with_mask"];
    let (set, details) = addresses(want, &fields);
    assert_eq!(got["ip_addresses"], set, "Terraform {version}");
    assert_eq!(got["ip_address_details"], details, "Terraform {version}");
}

#[test]
fn interfaces_are_read_every_way() {
    let config = config(&format!(
        "data \"katapult_virtual_machine_network_interface\" \"one\" {{\n  id = \"{RECORDED_INTERFACE}\"\n}}\n\
         data \"katapult_virtual_machine_network_interfaces\" \"by_id\" {{\n  virtual_machine_id = \"{}\"\n}}\n\
         data \"katapult_virtual_machine_network_interfaces\" \"by_fqdn\" {{\n  virtual_machine_fqdn = \"{}\"\n}}\n",
        vms::RECORDED_BY_ID,
        vms::RECORDED_FQDN,
    ));
    let one_want = answer(
        INTERFACE,
        RECORDED_INTERFACE,
        "virtual_machine_network_interface",
    );
    let by_id_want = answer(
        LIST,
        vms::RECORDED_BY_ID,
        "virtual_machine_network_interfaces",
    );
    let by_fqdn_want = answer(
        LIST,
        vms::RECORDED_BY_FQDN,
        "virtual_machine_network_interfaces",
    );
    for tf in terraforms() {
        let ws = Workspace::new(tf, &config);
        let [one, by_id, by_fqdn] = &applied(
            &ws,
            &[
                ("katapult_virtual_machine_network_interface", "one"),
                ("katapult_virtual_machine_network_interfaces", "by_id"),
                ("katapult_virtual_machine_network_interfaces", "by_fqdn"),
            ],
        );
        let version = &tf.version;
        assert_common(one, &one_want, version);
        for field in ["mac_address", "state", "speed_profile", "virtual_machine"] {
            assert_eq!(one[field], one_want[field], "{field}, Terraform {version}");
        }
        assert!(one["ip_address_details"][0]["reverse_dns"].is_null());
        assert!(one["timeouts"].is_null(), "{one}");
        for (listed, list_want) in [(by_id, &by_id_want), (by_fqdn, &by_fqdn_want)] {
            let got = listed["virtual_machine_network_interfaces"]
                .as_array()
                .unwrap();
            let want = list_want.as_array().unwrap();
            assert_eq!(got.len(), want.len(), "Terraform {version}");
            for (got, want) in got.iter().zip(want) {
                assert_common(got, want, version);
                assert!(got.get("mac_address").is_none(), "{got}");
            }
        }
        assert_eq!(by_id["virtual_machine_id"], vms::RECORDED_BY_ID);
        assert_eq!(by_fqdn["virtual_machine_fqdn"], vms::RECORDED_FQDN);
    }
}

/// A machine's 250 interfaces over two pages of 200: both read, in order.
#[test]
fn every_page_of_the_interfaces_is_read() {
    let tf = terraforms().last().unwrap();
    let own = OwnApi::start();
    let ws = Workspace::with_api(
        tf,
        &config(&format!(
            "data \"katapult_virtual_machine_network_interfaces\" \"all\" {{\n  virtual_machine_id = \"{}\"\n}}\n",
            vms::MANY_INTERFACES
        )),
        &own.api,
    );
    let [all] = &applied(
        &ws,
        &[("katapult_virtual_machine_network_interfaces", "all")],
    );
    let interfaces = all["virtual_machine_network_interfaces"]
        .as_array()
        .unwrap();
    assert_eq!(interfaces.len(), vms::MANY_INTERFACES_COUNT);
    assert_eq!(interfaces[0]["id"], "vmnet_ManyInterfaces001000");
    assert_eq!(interfaces[249]["id"], "vmnet_ManyInterfaces001249");
    assert!(interfaces[249]["network"].is_null());
    assert_eq!(interfaces[249]["ip_addresses"], json!([]));
    let pages = own
        .api
        .pages(&format!("interfaces:{}", vms::MANY_INTERFACES));
    assert!(
        pages.contains(&(1, 200)) && pages.contains(&(2, 200)),
        "{pages:?}"
    );
}

#[test]
fn interface_errors_land_where_they_belong() {
    let tf = terraforms().last().unwrap();
    not_found_errors(tf);
    key_errors(tf);
    scope_errors(tf);
    trash_error(tf);
}

/// A machine in the trash: the API's 406, at the attribute, saying how to
/// restore it.
fn trash_error(tf: &Terraform) {
    let text = failed_plan(
        tf,
        &config(
            "data \"katapult_virtual_machine_network_interfaces\" \"x\" {\n  virtual_machine_id = \"vm_InTheTrash0000001\"\n}\n",
        ),
    );
    assert!(text.contains("Virtual machine is in the trash"), "{text}");
    assert!(text.contains("Restore it from the trash"), "{text}");
    assert!(
        text.contains("virtual_machine_id = \"vm_InTheTrash0000001\""),
        "{text}"
    );
}

/// No such interface, no such machine: not found, at the attribute,
/// naming the value and the list that shows the real ones.
fn not_found_errors(tf: &Terraform) {
    let text = failed_plan(
        tf,
        &config(
            "data \"katapult_virtual_machine_network_interface\" \"x\" {\n  id = \"vmnet_Nope\"\n}\n",
        ),
    );
    assert!(text.contains("Network interface not found"), "{text}");
    assert!(
        text.contains("no network interface with ID \"vmnet_Nope\""),
        "{text}"
    );
    assert!(
        text.contains("`katapult_virtual_machine_network_interfaces` lists a virtual machine's"),
        "{text}"
    );
    assert!(text.contains("id = \"vmnet_Nope\""), "{text}");
    for (key, value) in [
        ("virtual_machine_id", "vm_Nope"),
        ("virtual_machine_fqdn", "nope.example.katapult.cloud"),
    ] {
        let text = failed_plan(
            tf,
            &config(&format!(
                "data \"katapult_virtual_machine_network_interfaces\" \"x\" {{\n  {key} = \"{value}\"\n}}\n"
            )),
        );
        assert!(text.contains("Virtual machine not found"), "{text}");
        assert!(text.contains(value), "{text}");
        assert!(
            text.contains("`katapult_virtual_machines` lists the organization's virtual machines"),
            "{text}"
        );
        assert!(text.contains(&format!("{key} = \"{value}\"")), "{text}");
    }
}

/// Both keys, and neither.
fn key_errors(tf: &Terraform) {
    let text = failed_plan(
        tf,
        &config(&format!(
            "data \"katapult_virtual_machine_network_interfaces\" \"x\" {{\n  virtual_machine_id = \"{}\"\n  virtual_machine_fqdn = \"{}\"\n}}\n",
            vms::RECORDED_BY_ID,
            vms::RECORDED_FQDN
        )),
    );
    assert!(
        text.contains("Both virtual_machine_id and virtual_machine_fqdn set"),
        "{text}"
    );
    let text = failed_plan(
        tf,
        &config("data \"katapult_virtual_machine_network_interfaces\" \"x\" {}\n"),
    );
    assert!(
        text.contains("Missing virtual_machine_id or virtual_machine_fqdn"),
        "{text}"
    );
}

/// A key without the scope: the API's 403, naming `virtual_machines` and
/// `virtual_machines:read`, for both endpoints.
fn scope_errors(tf: &Terraform) {
    for body in [
        "data \"katapult_virtual_machine_network_interface\" \"x\" {\n  id = \"vmnet_ScopeMissing001\"\n}\n"
            .to_owned(),
        format!(
            "data \"katapult_virtual_machine_network_interfaces\" \"x\" {{\n  virtual_machine_id = \"{}\"\n}}\n",
            "vm_ScopeMissing00001"
        ),
    ] {
        let text = failed_plan(tf, &config(&body));
        assert!(
            text.contains("API key lacks the scope to read network interfaces"),
            "{text}"
        );
        assert!(
            text.contains("\"virtual_machines\", \"virtual_machines:read\""),
            "{text}"
        );
    }
}
