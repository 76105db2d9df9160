//! The network family end to end: `katapult_ip(s)`, `katapult_network(s)`,
//! `katapult_network_speed_profile(s)` and `katapult_virtual_network(s)`
//! against the fake API's replay of the recorded answers (the Go provider's
//! DataSourceIP*, DataSourceNetwork*, DataSourceNetworkSpeedProfile* and
//! DataSourceVirtualNetwork* cassettes): all eight in one configuration
//! under every Terraform found, lists over several pages included; the
//! errors at their attributes under the last one. (The examples and the
//! Go provider's docs examples: `examples.rs`.)

use katapult_testkit::fake_api::{data_centers, networks, orgs, recorded};
use katapult_testkit::terraform::{OwnApi, REQUIRED_PROVIDERS, Workspace, terraforms};
use serde_json::{Value, json};

use crate::harness::{applied, failed_plan};

/// The providers every configuration here uses: the sample organization
/// and London by default, `bigco` (lists over two pages of 200) by alias.
const PROVIDERS: &str = r#"
provider "katapult" {
  organization = "acme"
  data_center  = "uk-lon-01"
}

provider "katapult" {
  alias        = "bigco"
  organization = "bigco"
}
"#;

const CONFIG: &str = r#"
data "katapult_ip" "by_id" {
  id = "ip_fCfQUW9TVj9mjpDu"
}

data "katapult_ip" "by_address" {
  address = "185.44.253.51"
}

data "katapult_ip" "both" {
  id      = "ip_PpIei9oNrYhpfQmZ"
  address = "77.72.7.177"
}

data "katapult_ips" "all" {}

data "katapult_ips" "allocated" {
  allocated = true
}

data "katapult_ips" "bigco" {
  provider = katapult.bigco
}

data "katapult_network" "by_id" {
  id = "netw_gnlxBcgtF7xyMslK"
}

data "katapult_network" "by_permalink" {
  permalink = "uk-lon-01-public"
}

data "katapult_network" "default" {}

data "katapult_network" "ams_default" {
  data_center_id = "dc_Wm37yAq0BHhKXsPa"
}

data "katapult_networks" "all" {}

data "katapult_network_speed_profile" "by_id" {
  id = "nsp_Y8YS65yTivlCAjIY"
}

data "katapult_network_speed_profile" "by_permalink" {
  permalink = "unrestricted"
}

data "katapult_network_speed_profile" "last_page" {
  provider  = katapult.bigco
  permalink = "bigco-204"
}

data "katapult_network_speed_profiles" "all" {}

data "katapult_network_speed_profiles" "bigco" {
  provider = katapult.bigco
}

data "katapult_virtual_network" "one" {
  id = "vnet_Pm2Tokrw4bwUlKHV"
}

data "katapult_virtual_networks" "all" {}

data "katapult_virtual_networks" "bigco" {
  provider = katapult.bigco
}
"#;

/// The recorded answer `dir/name`, as JSON.
fn answer(dir: &str, name: &str) -> Value {
    serde_json::from_str(&recorded(dir, name)).unwrap()
}

/// `object` with `data_center_id`, the flat copy of its data center's id
/// that the Go provider has, and, for a data source, no `timeouts` block.
fn with_flat_id(object: &Value, timeouts: bool) -> Value {
    let mut object = object.clone();
    object["data_center_id"] = object["data_center"]["id"].clone();
    if timeouts {
        object["timeouts"] = Value::Null;
    }
    object
}

/// An IP address's state: the recorded answer's fields, the version
/// computed from its address, and the Go provider's `network_id`.
fn ip_state(id: &str) -> Value {
    let answer = answer("ip_addresses/ip_address", id);
    let mut state = answer["ip_address"].clone();
    state["version"] = json!(4);
    state["network_id"] = state["network"]["id"].clone();
    state["allocation"] = answer["allocation"].clone();
    state["timeouts"] = Value::Null;
    // Every field of the schema: the ones the answer leaves out are null.
    for field in ["subnet", "label"] {
        if state.get(field).is_none() {
            state[field] = Value::Null;
        }
    }
    state
}

fn items<'a>(list: &'a Value, key: &str) -> &'a Vec<Value> {
    list[key]
        .as_array()
        .unwrap_or_else(|| panic!("no {key}: {list}"))
}

#[test]
fn every_network_data_source_reads_in_one_configuration() {
    for tf in terraforms() {
        let own = OwnApi::start();
        let ws = Workspace::with_api(
            tf,
            &format!("{REQUIRED_PROVIDERS}{PROVIDERS}{CONFIG}"),
            &own.api,
        );
        let read = applied(
            &ws,
            &[
                ("katapult_ip", "by_id"),
                ("katapult_ip", "by_address"),
                ("katapult_ip", "both"),
                ("katapult_ips", "all"),
                ("katapult_ips", "allocated"),
                ("katapult_ips", "bigco"),
                ("katapult_network", "by_id"),
                ("katapult_network", "by_permalink"),
                ("katapult_network", "default"),
                ("katapult_network", "ams_default"),
                ("katapult_networks", "all"),
                ("katapult_network_speed_profile", "by_id"),
                ("katapult_network_speed_profile", "by_permalink"),
                ("katapult_network_speed_profile", "last_page"),
                ("katapult_network_speed_profiles", "all"),
                ("katapult_network_speed_profiles", "bigco"),
                ("katapult_virtual_network", "one"),
                ("katapult_virtual_networks", "all"),
                ("katapult_virtual_networks", "bigco"),
            ],
        );
        let version = &tf.version;
        check_ips(&read[..6], version);
        check_networks(&read[6..11], version);
        check_speed_profiles(&read[11..16], version);
        check_virtual_networks(&read[16..], version);
        // Every bigco list read whole: both pages of 200, as many times
        // each, by each data source that lists it (the profile lookup and
        // the profile list; identical requests in the air at once are made
        // once), where the Go provider stops before the last page
        // (profiles) or after the first (virtual networks).
        for (list, readers) in [("ips", 1), ("speed_profiles", 2), ("virtual_networks", 1)] {
            let pages = own.api.pages(&format!("{list}:{}", orgs::BIGCO));
            let count = |page| pages.iter().filter(|p| **p == page).count();
            let (first, last) = (count((1, 200)), count((2, 200)));
            assert!(
                first == last && (1..=readers).contains(&first) && first + last == pages.len(),
                "Terraform {version}: {list}: {pages:?}"
            );
        }
    }
}

fn check_ips(read: &[Value], version: &str) {
    let [by_id, by_address, both, all, allocated, bigco] = read else {
        unreachable!()
    };
    assert_eq!(by_id, &ip_state(networks::IP), "Terraform {version}");
    assert!(by_id["subnet"].is_object() && by_id["label"].is_null());
    // The recording without a subnet: null, not made up.
    assert_eq!(by_address, &ip_state("ip_RAghNXc74eluiRm7"));
    assert!(by_address["subnet"].is_null());
    // Both keys, as a Go configuration may set them, agreeing.
    assert_eq!(both, &ip_state(networks::ALLOCATED_IP));
    assert_eq!(both["allocation"]["value"]["id"], "vm_EKQvoKqqunx84ruK");
    assert_eq!(both["allocation_type"], "VirtualMachine");
    // The sample organization's list, each with its version.
    let listed = answer("organizations/organization/ip_addresses", "acme");
    let want: Vec<Value> = items(&listed, "ip_addresses")
        .iter()
        .map(|ip| {
            let mut ip = ip.clone();
            let six = ip["address"].as_str().unwrap().contains(':');
            ip["version"] = json!(if six { 6 } else { 4 });
            ip
        })
        .collect();
    assert_eq!(items(all, "ips"), &want, "Terraform {version}");
    assert!(all["allocated"].is_null());
    let ids: Vec<&Value> = items(allocated, "ips").iter().map(|ip| &ip["id"]).collect();
    assert_eq!(ids, [networks::ALLOCATED_IP]);
    assert_eq!(allocated["allocated"], true);
    let bigco = items(bigco, "ips");
    assert_eq!(
        bigco.len(),
        orgs::BIGCO_NETWORK_ITEMS,
        "Terraform {version}"
    );
    assert_eq!(bigco[204]["id"], "ip_Bigco00000000204");
    assert_eq!(bigco[9]["version"], 6);
}

fn check_networks(read: &[Value], version: &str) {
    let [by_id, by_permalink, default, ams_default, all] = read else {
        unreachable!()
    };
    let network = |dir: &str, name: &str| answer(dir, name)["network"].clone();
    let amsterdam = network("networks/network", networks::AMSTERDAM);
    assert_eq!(
        by_id,
        &with_flat_id(&amsterdam, true),
        "Terraform {version}"
    );
    assert_eq!(by_id["data_center"]["country"]["eu"], true);
    let london = network("networks/network", networks::LONDON);
    assert_eq!(by_permalink, &with_flat_id(&london, true));
    // The provider's data center's default network: its answer names the
    // data center without a country.
    let mut want = network(
        "data_centers/data_center/default_network",
        data_centers::LONDON,
    );
    want["data_center"]["country"] = Value::Null;
    assert_eq!(default, &with_flat_id(&want, true), "Terraform {version}");
    // The older answer leaves `default` out: a default network is one.
    let mut want = network(
        "data_centers/data_center/default_network",
        data_centers::AMSTERDAM,
    );
    assert!(want.get("default").is_none(), "{want}");
    want["default"] = json!(true);
    want["data_center"]["country"] = Value::Null;
    assert_eq!(ams_default, &with_flat_id(&want, true));
    let listed = answer("organizations/organization/available_networks", "acme");
    let flat = |key: &str| -> Vec<Value> {
        items(&listed, key)
            .iter()
            .map(|n| with_flat_id(n, false))
            .collect()
    };
    assert_eq!(
        items(all, "networks"),
        &flat("networks"),
        "Terraform {version}"
    );
    assert_eq!(items(all, "virtual_networks"), &flat("virtual_networks"));
}

fn check_speed_profiles(read: &[Value], version: &str) {
    let [by_id, by_permalink, last_page, all, bigco] = read else {
        unreachable!()
    };
    assert_eq!(
        by_id,
        &json!({
            "id": "nsp_Y8YS65yTivlCAjIY", "name": "1Gbps", "permalink": "1gbps",
            "upload_speed": 1000, "download_speed": 0,
            "upload_speed_in_mbit": 1000, "download_speed_in_mbit": null, "timeouts": null,
        }),
        "Terraform {version}"
    );
    assert_eq!(by_permalink["id"], "nsp_81Ah8cbAbaA9zGzX");
    assert_eq!(
        (
            &by_permalink["upload_speed"],
            &by_permalink["upload_speed_in_mbit"]
        ),
        (&json!(0), &Value::Null)
    );
    // On the last page, which the Go provider never reads.
    assert_eq!(
        last_page["id"], "nsp_Bigco00000000204",
        "Terraform {version}"
    );
    assert_eq!(last_page["upload_speed"], 2050);
    assert_eq!(all["id"], "acme");
    let profiles = items(all, "profiles");
    let permalinks: Vec<&Value> = profiles.iter().map(|p| &p["permalink"]).collect();
    assert_eq!(permalinks, ["500mbps", "1gbps", "10gbps", "unrestricted"]);
    let mut one = by_id.clone();
    one.as_object_mut().unwrap().remove("timeouts");
    assert_eq!(profiles[1], one);
    assert_eq!(bigco["id"], "bigco");
    assert_eq!(items(bigco, "profiles").len(), orgs::BIGCO_NETWORK_ITEMS);
}

fn check_virtual_networks(read: &[Value], version: &str) {
    let [one, all, bigco] = read else {
        unreachable!()
    };
    let recorded = answer(
        "virtual_networks/virtual_network",
        networks::VIRTUAL_NETWORK,
    );
    assert_eq!(
        one,
        &with_flat_id(&recorded["virtual_network"], true),
        "Terraform {version}"
    );
    let listed = answer("organizations/organization/virtual_networks", "acme");
    let want: Vec<Value> = items(&listed, "virtual_networks")
        .iter()
        .map(|n| with_flat_id(n, false))
        .collect();
    assert_eq!(items(all, "virtual_networks"), &want, "Terraform {version}");
    let bigco = items(bigco, "virtual_networks");
    assert_eq!(
        bigco.len(),
        orgs::BIGCO_NETWORK_ITEMS,
        "Terraform {version}"
    );
    assert_eq!(bigco[204]["id"], "vnet_Bigco00000000204");
}

/// The diagnostic of a failed run about the data source `address`
/// (`data.katapult_ip.x`): its text from its `Error:` to the next.
fn diagnostic<'a>(text: &'a str, address: &str) -> &'a str {
    text.split("Error: ")
        .find(|d| d.contains(&format!("with {address},")))
        .unwrap_or_else(|| panic!("no error about {address}: {text}"))
}

/// Configuration errors, all in one plan: each at its attribute, before
/// any request (the Go provider's DataSourceVirtualNetwork_empty_id sent
/// its empty id).
#[test]
fn lookups_are_checked_before_any_read() {
    let tf = terraforms().last().unwrap();
    let own = OwnApi::start();
    let config = format!(
        "{REQUIRED_PROVIDERS}{PROVIDERS}\
         data \"katapult_network\" \"id_and_permalink\" {{\n  id = \"{}\"\n  permalink = \"uk-lon-01-public\"\n}}\n\
         data \"katapult_network\" \"permalink_and_data_center\" {{\n  permalink = \"uk-lon-01-public\"\n  data_center_id = \"{}\"\n}}\n\
         data \"katapult_ip\" \"neither\" {{}}\n\
         data \"katapult_ip\" \"not_an_ip\" {{\n  address = \"web-1.acme.katapult.cloud\"\n}}\n\
         data \"katapult_virtual_network\" \"empty\" {{\n  id = \"\"\n}}\n\
         data \"katapult_network_speed_profile\" \"neither\" {{}}\n",
        networks::LONDON,
        data_centers::LONDON
    );
    let run = Workspace::with_api(tf, &config, &own.api).run(&["plan", "-no-color"]);
    let text = run.text();
    assert!(!run.success, "{text}");
    let cases = [
        (
            "data.katapult_network.id_and_permalink",
            "Both id and permalink set",
            "permalink = \"uk-lon-01-public\"",
        ),
        (
            "data.katapult_network.permalink_and_data_center",
            "Both permalink and data_center_id set",
            "data_center_id = \"loc_UUhPmoCbpic6UX0Y\"",
        ),
        ("data.katapult_ip.neither", "Missing id or address", ""),
        (
            "data.katapult_ip.not_an_ip",
            "Not an IP address",
            "address = \"web-1.acme.katapult.cloud\"",
        ),
        (
            "data.katapult_virtual_network.empty",
            "Empty virtual network ID",
            "id = \"\"",
        ),
        (
            "data.katapult_network_speed_profile.neither",
            "Missing id or permalink",
            "",
        ),
    ];
    for (address, summary, at) in cases {
        let diagnostic = diagnostic(&text, address);
        assert!(diagnostic.starts_with(summary), "{diagnostic}");
        assert!(diagnostic.contains(at), "at the attribute: {diagnostic}");
    }
    assert_eq!(own.api.requests(), 0, "{text}");
}

/// `data.TYPE.NAME` with `body`.
fn data(ty: &str, name: &str, body: &str) -> String {
    format!("data \"{ty}\" \"{name}\" {{\n{body}\n}}\n")
}

/// Lookups of what is not there, a wrong type, a list that never holds
/// still.
fn failing_lookups() -> Vec<String> {
    vec![
        data(
            "katapult_ip",
            "deleted",
            &format!("  id = \"{}\"", networks::DELETED_IP),
        ),
        data(
            "katapult_ip",
            "mismatch",
            &format!("  id = \"{}\"\n  address = \"185.44.253.51\"", networks::IP),
        ),
        data(
            "katapult_network",
            "missing",
            "  permalink = \"xx-nowhere-public\"",
        ),
        data(
            "katapult_network",
            "no_data_center",
            "  data_center_id = \"dc_Nowhere000000001\"",
        ),
        data(
            "katapult_network",
            "setting",
            "  provider = katapult.nowhere",
        ),
        data(
            "katapult_network_speed_profile",
            "missing",
            "  permalink = \"100gbps\"",
        ),
        data(
            "katapult_virtual_network",
            "missing",
            "  id = \"nosuchthing\"",
        ),
        data(
            "katapult_virtual_network",
            "wrong",
            &format!("  id = \"{}\"", networks::WRONG_TYPES_VIRTUAL_NETWORK),
        ),
        data(
            "katapult_virtual_networks",
            "churning",
            "  provider = katapult.churning",
        ),
        data("katapult_ips", "nobody", "  provider = katapult.nowhere"),
    ]
}

/// A lookup of every endpoint a 403 `scope_not_granted` answers.
fn refused_lookups() -> Vec<String> {
    let scope = "  provider = katapult.scope";
    vec![
        data(
            "katapult_ip",
            "scope",
            &format!("  id = \"{}\"", networks::SCOPE_MISSING_IP),
        ),
        data("katapult_ips", "scope", scope),
        data(
            "katapult_network",
            "scope",
            &format!("  id = \"{}\"", networks::SCOPE_MISSING_NETWORK),
        ),
        data(
            "katapult_network",
            "scope_default",
            &format!(
                "  data_center_id = \"{}\"",
                networks::SCOPE_MISSING_DATA_CENTER
            ),
        ),
        data("katapult_networks", "scope", scope),
        data(
            "katapult_network_speed_profile",
            "scope",
            &format!("{scope}\n  id = \"nsp_1\""),
        ),
        data("katapult_network_speed_profiles", "scope", scope),
        data(
            "katapult_virtual_network",
            "scope",
            &format!("  id = \"{}\"", networks::SCOPE_MISSING_VIRTUAL_NETWORK),
        ),
        data("katapult_virtual_networks", "scope", scope),
    ]
}

/// Read errors, all in one plan: what was not found, named at the
/// attribute that named it; the scopes each endpoint needs; a wrong type;
/// a list that never holds still.
#[test]
fn read_errors_land_where_they_belong() {
    let tf = terraforms().last().unwrap();
    let providers = format!(
        "{PROVIDERS}\
         provider \"katapult\" {{\n  alias = \"scope\"\n  organization = \"{}\"\n}}\n\
         provider \"katapult\" {{\n  alias = \"churning\"\n  organization = \"churning\"\n}}\n\
         provider \"katapult\" {{\n  alias = \"nowhere\"\n  organization = \"nobody\"\n  data_center = \"xx-nowhere-01\"\n}}\n",
        orgs::SCOPE_MISSING
    );
    let mut config = vec![REQUIRED_PROVIDERS.to_owned(), providers];
    config.extend(failing_lookups());
    config.extend(refused_lookups());
    let text = failed_plan(tf, &config.concat());
    each_lands_at_its_attribute(&text);
    each_refusal_names_its_scopes(&text);
}

/// The failing lookups' errors, each at its block and attribute.
fn each_lands_at_its_attribute(text: &str) {
    let cases = [
        (
            "data.katapult_ip.deleted",
            "IP address not found",
            "no IP address with ID \"ip_Deleted000000001\" that this API key can see. \
             `katapult_ips` lists",
            "id = \"ip_Deleted000000001\"",
        ),
        (
            "data.katapult_ip.mismatch",
            "IP address address does not match",
            "has the address \"185.199.222.115\", not \"185.44.253.51\"",
            "address = \"185.44.253.51\"",
        ),
        (
            "data.katapult_network.missing",
            "Network not found",
            "no network with permalink \"xx-nowhere-public\"",
            "permalink = \"xx-nowhere-public\"",
        ),
        (
            "data.katapult_network.no_data_center",
            "Data center not found",
            "no data center with ID \"dc_Nowhere000000001\"",
            "data_center_id = \"dc_Nowhere000000001\"",
        ),
        (
            "data.katapult_network.setting",
            "Data center not found",
            "permalink \"xx-nowhere-01\", the provider's `data_center`",
            "",
        ),
        (
            "data.katapult_network_speed_profile.missing",
            "Network speed profile not found",
            "with permalink \"100gbps\" exists in organization \"acme\"",
            "permalink = \"100gbps\"",
        ),
        (
            "data.katapult_virtual_network.missing",
            "Virtual network not found",
            "no virtual network with ID \"nosuchthing\"",
            "id = \"nosuchthing\"",
        ),
        (
            "data.katapult_virtual_network.wrong",
            "Unexpected response from Katapult",
            "data_center.name should be a string but the API sent a number",
            "",
        ),
        (
            "data.katapult_virtual_networks.churning",
            "Virtual network list kept changing",
            "organization \"churning\" changed while it was being read, 3 times running",
            "",
        ),
        (
            "data.katapult_ips.nobody",
            "Organization not found",
            "sub-domain \"nobody\"",
            "",
        ),
    ];
    for (address, summary, detail, at) in cases {
        let diagnostic = diagnostic(text, address);
        assert!(diagnostic.starts_with(summary), "{diagnostic}");
        assert!(diagnostic.contains(detail), "{diagnostic}");
        assert!(diagnostic.contains(at), "at the attribute: {diagnostic}");
    }
}

/// The refusals' errors, each naming the scopes that would do.
fn each_refusal_names_its_scopes(text: &str) {
    let ip_scopes = "one of: \"ip_addresses\", \"ip_addresses:read\"";
    let vnet_scopes = "one of: \"virtual_networks\", \"virtual_networks:read\"";
    // The API reference names no scope for the network endpoints.
    let none = "the scope Katapult's API reference names for it";
    for (address, what, grant) in [
        ("data.katapult_ip.scope", "IP addresses", ip_scopes),
        ("data.katapult_ips.scope", "IP addresses", ip_scopes),
        ("data.katapult_network.scope", "networks", none),
        ("data.katapult_network.scope_default", "networks", none),
        ("data.katapult_networks.scope", "networks", none),
        (
            "data.katapult_network_speed_profile.scope",
            "network speed profiles",
            none,
        ),
        (
            "data.katapult_network_speed_profiles.scope",
            "network speed profiles",
            none,
        ),
        (
            "data.katapult_virtual_network.scope",
            "virtual networks",
            vnet_scopes,
        ),
        (
            "data.katapult_virtual_networks.scope",
            "virtual networks",
            vnet_scopes,
        ),
    ] {
        let diagnostic = diagnostic(text, address);
        assert!(
            diagnostic.starts_with(&format!("API key lacks the scope to read {what} ")),
            "{diagnostic}"
        );
        assert!(diagnostic.contains(grant), "{diagnostic}");
    }
}
