//! Every example under `examples/`, and the Katapult Go provider's docs
//! examples, applied unchanged under every Terraform: one table, a row an
//! example, saying what its outputs hold. Each example is a module of one
//! configuration (with its own provider block, as written), so every
//! Terraform validates, plans and applies them all in one run.

use std::path::Path;

use katapult_testkit::fake_api::{
    self, BADGE_URL, account, countries, data_centers, dns, groups, lbs, networks,
    operating_systems, organizations, packages, security_groups as sg, templates, vms, zones,
};
use katapult_testkit::terraform::{REQUIRED_PROVIDERS, Terraform, Workspace, terraforms};
use serde_json::{Value, json};

use crate::certificates::secret_pieces;
use crate::load_balancers::key_pieces;
use crate::vm_groups_packages::{group, listed_groups, package, recorded_packages};

/// One example: a module of the configuration.
struct Example {
    /// The module's name: the example's folder name, or `go_FAMILY` for
    /// the Go provider's docs examples of a family.
    name: &'static str,
    config: Config,
    /// Whether it needs Terraform 1.10 or later (an ephemeral resource).
    ephemeral: bool,
    /// What its outputs hold (the module's outputs, by name).
    check: fn(&Value),
}

enum Config {
    /// A file under `examples/`.
    File(&'static str),
    /// The Go provider's docs examples, as text.
    Go(fn() -> String),
}

const fn file(name: &'static str, path: &'static str, check: fn(&Value)) -> Example {
    Example {
        name,
        config: Config::File(path),
        ephemeral: false,
        check,
    }
}

const fn go(name: &'static str, text: fn() -> String, check: fn(&Value)) -> Example {
    Example {
        name,
        config: Config::Go(text),
        ephemeral: false,
        check,
    }
}

/// The examples the table leaves to a test of their own, and that test:
/// their checks are of another shape (a plan per disk, a saved plan, a
/// second provider).
const TESTED_ELSEWHERE: &[(&str, &str)] = &[
    (
        "ephemeral-resources/katapult_disk",
        "ephemeral::the_documented_example_applies_without_storing_the_secret",
    ),
    (
        "ephemeral-resources/katapult_virtual_machine",
        "virtual_machines::the_password_is_handed_on_and_stored_nowhere",
    ),
];

/// Examples no test applies yet, and why: the fake API serves nothing for
/// them (no recorded answers, no route).
const NOT_APPLIED: &[(&str, &str)] = &[];

/// The table: the data sources' examples by family, each family's Go docs
/// examples after them.
fn examples() -> Vec<Example> {
    let mut all = Vec::new();
    all.extend(data_center_examples());
    all.extend(dns_examples());
    all.extend(country_examples());
    all.extend(reference_examples());
    all.extend(disk_examples());
    all.extend(disk_template_version_examples());
    all.extend(load_balancer_examples());
    all.extend(network_examples());
    all.extend(network_speed_profile_and_virtual_network_examples());
    all.extend(security_group_examples());
    all.extend(address_list_examples());
    all.extend(volume_and_object_storage_examples());
    all.extend(tag_and_machine_examples());
    all.extend(network_interface_examples());
    all.extend(group_and_package_examples());
    all.extend(certificate_examples());
    all.extend(account_examples());
    all
}

/// Every data source's and ephemeral resource's example under `examples/`
/// is in the table or named in `TESTED_ELSEWHERE` or `NOT_APPLIED`, and
/// no row names a folder that is not there. (The provider block,
/// `examples/provider/`, goes into the provider's docs page, which
/// `docs.rs` checks; `examples/fake_katapult/` is a Rust example, which
/// Cargo builds.)
#[test]
fn the_table_holds_every_example() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut found = Vec::new();
    for kind in ["data-sources", "ephemeral-resources"] {
        for entry in std::fs::read_dir(root.join(kind)).unwrap() {
            let name = entry.unwrap().file_name().into_string().unwrap();
            found.push(format!("{kind}/{name}"));
        }
    }
    found.sort();
    let mut listed: Vec<String> = examples()
        .iter()
        .filter_map(|e| match e.config {
            Config::File(path) => Some(path.rsplit_once('/').unwrap().0.to_owned()),
            Config::Go(_) => None,
        })
        .chain(TESTED_ELSEWHERE.iter().map(|(path, _)| (*path).to_owned()))
        .chain(NOT_APPLIED.iter().map(|(path, _)| (*path).to_owned()))
        .collect();
    listed.sort();
    assert_eq!(listed, found);
}

/// Every example, and the Go provider's docs examples, as modules of one
/// configuration with the organization (`acme`) and the data center
/// (`uk-lon-01`) from the environment: `get`, `validate`, `plan` and
/// `apply` succeed under every Terraform (the ephemeral ones under 1.10 and
/// later), and each example's outputs hold what its row says.
#[test]
fn the_examples_and_the_go_providers_docs_examples_apply() {
    let examples = examples();
    for tf in terraforms() {
        let taken: Vec<&Example> = examples
            .iter()
            .filter(|e| !(e.ephemeral && tf.older_than(1, 10)))
            .collect();
        let (ws, outputs) = applied_together(tf, &taken);
        for example in &taken {
            eprintln!("Terraform {}: {}", tf.version, example.name);
            (example.check)(&outputs[example.name]["value"]);
        }
        if taken.iter().any(|e| e.ephemeral) {
            // The ephemeral load balancer's and certificate's keys reach
            // no state.
            let state = ws.state_text();
            for piece in key_pieces().into_iter().chain(secret_pieces()) {
                assert!(!state.contains(&piece), "Terraform {}", tf.version);
            }
        }
    }
}

/// `examples` as modules of one configuration, applied; then its outputs,
/// one an example (sensitive: a module's may be).
fn applied_together(tf: &Terraform, examples: &[&Example]) -> (Workspace, Value) {
    let mut main = String::from(REQUIRED_PROVIDERS);
    for Example { name, .. } in examples {
        main.push_str(&format!(
            "module \"{name}\" {{\n  source = \"./{name}\"\n}}\n\
             output \"{name}\" {{\n  value     = module.{name}\n  sensitive = true\n}}\n"
        ));
    }
    let ws = Workspace::new(tf, &main)
        .env("KATAPULT_ORGANIZATION", Some("acme"))
        .env("KATAPULT_DATA_CENTER", Some("uk-lon-01"));
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    for example in examples {
        let text = match example.config {
            Config::File(path) => std::fs::read_to_string(root.join(path)).unwrap(),
            Config::Go(text) => text(),
        };
        let dir = ws.path().join(example.name);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("main.tf"), text).unwrap();
    }
    let get = ws.run(&["get", "-no-color"]);
    assert!(get.success, "{}", get.text());
    let outputs = crate::harness::applied_outputs(&ws, tf, "the examples");
    (ws, outputs)
}

/// `expected`'s fields, each as `got` holds it (a map may hold more).
fn assert_holds(got: &Value, expected: &Value, what: &str) {
    match (got.as_object(), expected.as_object()) {
        (Some(got), Some(expected)) => {
            for (k, v) in expected {
                assert_eq!(&got[k], v, "{what}.{k}");
            }
        }
        _ => assert_eq!(got, expected, "{what}"),
    }
}

fn country_examples() -> Vec<Example> {
    vec![
        file(
            "katapult_country",
            "data-sources/katapult_country/data-source.tf",
            |o| {
                assert_eq!(
                    o["uk"],
                    json!({"name": "United Kingdom", "time_zone": "Europe/London", "eu": false})
                );
            },
        ),
        file(
            "katapult_countries",
            "data-sources/katapult_countries/data-source.tf",
            |o| {
                assert_eq!(
                    o["country_ids"]["United Kingdom"],
                    countries::UNITED_KINGDOM
                );
                assert_eq!(o["country_ids"]["Netherlands"], countries::NETHERLANDS);
                assert_eq!(o["country_ids"].as_object().unwrap().len(), 3);
            },
        ),
        file(
            "katapult_country_states",
            "data-sources/katapult_country_states/data-source.tf",
            |o| {
                assert_eq!(
                    o["uk_states"],
                    json!(["England", "Northern Ireland", "Scotland", "Wales"])
                );
            },
        ),
    ]
}

fn reference_examples() -> Vec<Example> {
    vec![
        file(
            "katapult_zone",
            "data-sources/katapult_zone/data-source.tf",
            |o| {
                assert_eq!(
                    o["lon"],
                    json!({"id": zones::LONDON, "name": "LON-1", "data_center": "uk-lon-01"})
                );
            },
        ),
        file(
            "katapult_zones",
            "data-sources/katapult_zones/data-source.tf",
            |o| {
                assert_eq!(
                    o["zone_data_centers"],
                    json!({"LON-1": "uk-lon-01", "AMS-1": "nl-ams-01"})
                );
            },
        ),
        file(
            "katapult_gpu_type",
            "data-sources/katapult_gpu_type/data-source.tf",
            |o| {
                assert_eq!(
                    o["l40s"],
                    json!({"name": "NVIDIA L40S", "memory_in_gb": 48,
                           "data_centers": ["uk-lon-01", "nl-ams-01"]})
                );
            },
        ),
        file(
            "katapult_gpu_types",
            "data-sources/katapult_gpu_types/data-source.tf",
            |o| {
                assert_eq!(
                    o["gpu_types"],
                    json!({"all": ["nvidia-l40s", "nvidia-a100"], "amsterdam": ["nvidia-l40s"]})
                );
            },
        ),
        file(
            "katapult_operating_system",
            "data-sources/katapult_operating_system/data-source.tf",
            |o| {
                assert_eq!(o["ubuntu"], json!({"name": "Ubuntu", "badge": BADGE_URL}));
            },
        ),
        file(
            "katapult_operating_systems",
            "data-sources/katapult_operating_systems/data-source.tf",
            |o| {
                assert_eq!(
                    o["operating_system_ids"]["Ubuntu"],
                    operating_systems::UBUNTU
                );
                assert_eq!(o["operating_system_ids"].as_object().unwrap().len(), 5);
            },
        ),
        file(
            "katapult_currencies",
            "data-sources/katapult_currencies/data-source.tf",
            |o| {
                assert_eq!(
                    o["currency_names"],
                    json!(["British Pound", "Euro", "US Dollar"])
                );
            },
        ),
    ]
}

fn dns_examples() -> Vec<Example> {
    vec![
        file(
            "katapult_dns_zone",
            "data-sources/katapult_dns_zone/data-source.tf",
            |o| {
                assert_eq!(
                    o["zone"],
                    json!({"id": dns::ZONE, "default_ttl": 3600, "verified": true})
                );
            },
        ),
        file(
            "katapult_dns_zones",
            "data-sources/katapult_dns_zones/data-source.tf",
            |o| {
                assert_eq!(o["zone_ids"][dns::ZONE_NAME], dns::ZONE);
                assert_eq!(o["zone_ids"].as_object().unwrap().len(), 3);
                assert_eq!(o["unverified"], json!([dns::EMPTY_ZONE_NAME]));
            },
        ),
        file(
            "katapult_dns_record",
            "data-sources/katapult_dns_record/data-source.tf",
            |o| {
                assert_eq!(
                    o["www"],
                    json!({"name": "www.test1.example.com", "type": "A", "ip_address": "192.0.2.10"})
                );
            },
        ),
        file(
            "katapult_dns_records",
            "data-sources/katapult_dns_records/data-source.tf",
            |o| {
                assert_eq!(o["records"]["www.test1.example.com A"], "192.0.2.10");
                assert_eq!(
                    o["records"]["test1.example.com MX"],
                    "mail.test1.example.com"
                );
                assert_eq!(o["records"].as_object().unwrap().len(), 5);
                assert_eq!(
                    o["redirects"],
                    json!({"go.test1.example.com": "https://example.org/"})
                );
            },
        ),
        file(
            "katapult_dns_nameservers",
            "data-sources/katapult_dns_nameservers/data-source.tf",
            |o| {
                assert_eq!(o["nameservers"], json!(["ns1.foo.bar", "ns2.foo.bar"]));
            },
        ),
    ]
}

fn data_center_examples() -> Vec<Example> {
    vec![
        file(
            "katapult_data_center",
            "data-sources/katapult_data_center/data-source.tf",
            |o| {
                assert_eq!(o["default_data_center_id"], data_centers::LONDON);
                assert_eq!(o["lon_country"], "United Kingdom");
            },
        ),
        file(
            "katapult_data_centers",
            "data-sources/katapult_data_centers/data-source.tf",
            |o| {
                assert_eq!(
                    o["data_centers"],
                    json!({"uk-lon-01": "London", "nl-ams-01": "Amsterdam"})
                );
            },
        ),
        // The Go example for `katapult_data_center` names two blocks `lon`,
        // which no Terraform accepts: the second is `lon_by_id` here.
        go("go_data_center", go_data_center, |o| {
            let london = data_centers::LONDON;
            assert_eq!(o["ids"], json!([london, london, "United Kingdom"]));
        }),
    ]
}

fn go_data_center() -> String {
    format!(
        "{REQUIRED_PROVIDERS}\n\
         # Get data center specified in provider configuration\n\
         data \"katapult_data_center\" \"default\" {{}}\n\n\
         # Get specific data center by permalink\n\
         data \"katapult_data_center\" \"lon\" {{\n  permalink = \"uk-lon-01\"\n}}\n\n\
         # Get specific data center by ID\n\
         data \"katapult_data_center\" \"lon_by_id\" {{\n  id = \"{}\"\n}}\n\
         output \"ids\" {{\n  value = [data.katapult_data_center.default.id, data.katapult_data_center.lon.id, data.katapult_data_center.lon_by_id.country_name]\n}}\n",
        data_centers::LONDON
    )
}

fn disk_template_version_examples() -> Vec<Example> {
    vec![
        file(
            "katapult_disk_template_version",
            "data-sources/katapult_disk_template_version/data-source.tf",
            |o| {
                assert_eq!(
                    o["version"],
                    json!({"template": "Ubuntu 20.04", "number": 7, "stable": true})
                );
                assert_eq!(o["required_fields"], json!(["hostname"]));
            },
        ),
        file(
            "katapult_disk_template_versions",
            "data-sources/katapult_disk_template_versions/data-source.tf",
            |o| {
                assert_eq!(o["stable_numbers"], json!([1, 2, 3, 4, 5, 7]));
                assert_eq!(o["newest_stable_id"], templates::UBUNTU_2004_LATEST);
            },
        ),
    ]
}

fn disk_examples() -> Vec<Example> {
    vec![
        file(
            "katapult_disk",
            "data-sources/katapult_disk/data-source.tf",
            |o| {
                assert_eq!(o["disk"]["id"], fake_api::REAL_DISK_ID);
                assert_eq!(o["disk"]["name"], "tf-acc-test-data-source-mKu5JbeLhav3");
            },
        ),
        file(
            "katapult_disks",
            "data-sources/katapult_disks/data-source.tf",
            |o| {
                assert_eq!(o["disk_count"], organizations::ACME_DISKS);
                assert_eq!(o["database_disk_id"], "disk_Acme0042");
                assert_eq!(
                    o["attached"].as_array().unwrap().len(),
                    organizations::ACME_DISKS.div_ceil(3)
                );
            },
        ),
        file(
            "katapult_disk_io_profile",
            "data-sources/katapult_disk_io_profile/data-source.tf",
            |o| assert_eq!(o["fast_profile_unlimited"], true),
        ),
        file(
            "katapult_disk_io_profiles",
            "data-sources/katapult_disk_io_profiles/data-source.tf",
            |o| assert!(!o.as_object().unwrap().is_empty(), "{o}"),
        ),
        file(
            "katapult_disk_template",
            "data-sources/katapult_disk_template/data-source.tf",
            |o| {
                assert_eq!(o["ubuntu_20_04"]["template_version"], 7);
                assert_eq!(o["ubuntu_20_04"]["badge"], BADGE_URL);
            },
        ),
        file(
            "katapult_disk_templates",
            "data-sources/katapult_disk_templates/data-source.tf",
            |o| {
                assert_eq!(o["own_template_count"], 0);
                assert_eq!(o["template_permalinks"][10], "templates/ubuntu-20-04");
            },
        ),
        file(
            "katapult_virtual_machine_disks",
            "data-sources/katapult_virtual_machine_disks/data-source.tf",
            |o| {
                assert_eq!(o["boot_disk"], vms::WEB_SYSTEM_DISK);
                assert_eq!(o["disks"]["System Disk"]["io_profile"], "unrestricted");
            },
        ),
        // The family's Go docs examples, less their managed resources.
        go("go_disks", go_disks, |o| {
            assert_eq!(o["io_profile_id"], "diop_i39iT7k0RYAdQP48");
            assert_eq!(o["template_version"], 1);
            assert_eq!(o["boot"], json!([vms::WEB_SYSTEM_DISK]));
            assert_eq!(o["disk_io_profiles"]["100k"]["iops"], 100000);
        }),
    ]
}

fn go_disks() -> String {
    format!(
        "{REQUIRED_PROVIDERS}\nprovider \"katapult\" {{\n  organization = \"acme\"\n}}\n\
         data \"katapult_disk_template\" \"ubuntu\" {{ permalink = \"templates/ubuntu-22-04\" }}\n\
         data \"katapult_disk_io_profile\" \"fast\" {{ permalink = \"unrestricted\" }}\n\
         data \"katapult_virtual_machine_disks\" \"web\" {{ virtual_machine_id = \"{}\" }}\n\
         data \"katapult_disk_io_profiles\" \"available\" {{}}\n\
         data \"katapult_disk_templates\" \"all\" {{}}\n\
         data \"katapult_disk_template\" \"ubuntu-20-04\" {{\n  permalink = \"templates/ubuntu-20-04\"\n}}\n\
         data \"katapult_disk_template\" \"ubuntu-18-04\" {{\n  id = \"dtpl_dHTYevsvwvsL0Hea\"\n}}\n\
         output \"disk_io_profiles\" {{\n  value = {{\n    for profile in data.katapult_disk_io_profiles.available.profiles :\n    profile.permalink => {{\n      speed_in_mb = profile.speed_in_mb\n      iops        = profile.iops\n    }}\n  }}\n}}\n\
         output \"io_profile_id\" {{ value = data.katapult_disk_io_profile.fast.id }}\n\
         output \"template_version\" {{ value = data.katapult_disk_template.ubuntu.template_version }}\n\
         output \"boot\" {{ value = [for d in data.katapult_virtual_machine_disks.web.disks : d.id if d.boot] }}\n",
        vms::WEB
    )
}

fn load_balancer_examples() -> Vec<Example> {
    vec![
        file(
            "katapult_load_balancer",
            "data-sources/katapult_load_balancer/data-source.tf",
            |o| {
                assert_eq!(o["address"], "185.53.57.200");
                assert_eq!(o["targets"], json!(["Tag web"]));
            },
        ),
        file(
            "katapult_load_balancers",
            "data-sources/katapult_load_balancers/data-source.tf",
            |o| {
                assert_eq!(o["addresses"]["web-frontend"], "185.53.57.200");
                assert_eq!(o["addresses"].as_object().unwrap().len(), 3);
                assert_eq!(o["web"], json!([lbs::FULL]));
            },
        ),
        file(
            "katapult_load_balancer_rule",
            "data-sources/katapult_load_balancer_rule/data-source.tf",
            |o| {
                assert_eq!(o["forwards"], "HTTPS :443 -> :8443");
                assert_eq!(o["health_check"], "HTTP /healthz");
            },
        ),
        file(
            "katapult_load_balancer_rules",
            "data-sources/katapult_load_balancer_rules/data-source.tf",
            |o| {
                assert_eq!(o["ports"], json!({"443": 8443, "5432": 5432}));
                assert_eq!(o["checked"], json!([lbs::FULL_RULE]));
            },
        ),
        // Unchanged but for their outputs. (The Go provider's
        // `katapult_load_balancer_rule` example sets `load_balancer_id` to a
        // rule's ID, which its own schema refuses: not taken.)
        go("go_load_balancers", go_load_balancers, |o| {
            assert_eq!(o["name"], "db-replicas");
            assert_eq!(o["rules"], 0);
        }),
        // Its key reaches no state: checked after the apply.
        Example {
            ephemeral: true,
            ..file(
                "ephemeral_load_balancer",
                "ephemeral-resources/katapult_load_balancer/ephemeral-resource.tf",
                |o| assert_eq!(o["load_balancer"], "web-frontend"),
            )
        },
    ]
}

fn go_load_balancers() -> String {
    format!(
        "{REQUIRED_PROVIDERS}\n\
         # Get load balancer by ID\n\
         data \"katapult_load_balancer\" \"db-replicas\" {{\n  id = \"lb_tBDxLKy1r0OR4Wjl\"\n}}\n\n\
         # Get load balancer rules by ID\n\
         data \"katapult_load_balancer_rules\" \"db-replicas\" {{\n  load_balancer_id = \"lb_tBDxLKy1r0OR4Wjl\"\n}}\n\
         output \"name\" {{\n  value = data.katapult_load_balancer.db-replicas.name\n}}\n\
         output \"rules\" {{\n  value = length(data.katapult_load_balancer_rules.db-replicas.rules)\n}}\n"
    )
}

fn network_examples() -> Vec<Example> {
    vec![
        file(
            "katapult_ip",
            "data-sources/katapult_ip/data-source.tf",
            |o| {
                assert_eq!(
                    *o,
                    json!({
                        "web_address": "185.199.222.115/24 (IPv4)",
                        "web_location": "Public Network, London",
                    })
                );
            },
        ),
        file(
            "katapult_ips",
            "data-sources/katapult_ips/data-source.tf",
            |o| {
                assert_eq!(
                    o["free_ipv4_addresses"],
                    json!([
                        "185.199.222.115",
                        "185.44.253.51",
                        "185.44.255.168",
                        "185.199.222.126",
                        "185.199.222.184",
                        "142.197.71.31",
                        "142.197.71.30",
                    ])
                );
            },
        ),
        file(
            "katapult_network",
            "data-sources/katapult_network/data-source.tf",
            |o| {
                assert_eq!(
                    *o,
                    json!({
                        "default_network_id": networks::LONDON,
                        "ams_network": "Public Network - AMS (Netherlands)",
                    })
                );
            },
        ),
        file(
            "katapult_networks",
            "data-sources/katapult_networks/data-source.tf",
            |o| {
                assert_eq!(
                    *o,
                    json!({
                        "default_networks": {
                            "uk-lon-01": networks::LONDON, "us-nyc-01": "netw_q0lBvtutvOjujgyO",
                            "us-azp-01": "netw_NONCdbcLHfrIeloe", "nl-ams-01": networks::AMSTERDAM,
                        },
                        "virtual_networks": ["Backbone"],
                    })
                );
            },
        ),
    ]
}

fn network_speed_profile_and_virtual_network_examples() -> Vec<Example> {
    vec![
        file(
            "katapult_network_speed_profile",
            "data-sources/katapult_network_speed_profile/data-source.tf",
            |o| {
                assert_eq!(
                    o["gigabit_speeds"],
                    json!({"upload": "1000 Mbit/s", "download": "unrestricted"})
                );
            },
        ),
        file(
            "katapult_network_speed_profiles",
            "data-sources/katapult_network_speed_profiles/data-source.tf",
            |o| assert_eq!(o["speed_profile_ids"]["1gbps"], "nsp_Y8YS65yTivlCAjIY"),
        ),
        file(
            "katapult_virtual_network",
            "data-sources/katapult_virtual_network/data-source.tf",
            |o| {
                assert_eq!(
                    o["backbone"],
                    "tf-acc-test-data-source-by-id-6htZX41dxzwt in London"
                );
            },
        ),
        file(
            "katapult_virtual_networks",
            "data-sources/katapult_virtual_networks/data-source.tf",
            |o| {
                assert_eq!(
                    o["virtual_networks"]["tf-acc-test-data-source-all-QGZg9LXzjI4u-backbone-ams"],
                    "vnet_IJntdp8LuwcJfc0v (nl-ams-01)"
                );
            },
        ),
        // Unchanged, but for two labels no Terraform accepts (`1gbps` and
        // `10gbps` start with a digit; here `gbps_1`, `gbps_10`).
        go(
            "go_networks",
            || format!("{REQUIRED_PROVIDERS}{GO_NETWORKS}"),
            |o| {
                assert_eq!(
                    o["go"],
                    json!({
                        "ips": ["ip_GoDocsExample001", "142.197.71.31"],
                        "networks": ["Public Network", "netw_q0lBvtutvOjujgyO", networks::LONDON, "us-azp-01"],
                        "speeds": [1000, 0, 4],
                        "lists": [4, data_centers::LONDON, 3],
                    })
                );
            },
        ),
    ]
}

/// The Go provider's docs examples for the network family, with the
/// organization and data center from the environment.
const GO_NETWORKS: &str = r#"
# Get IP address by address
data "katapult_ip" "web-1" {
  address = "142.197.71.30"
}

# Get IP address by ID
data "katapult_ip" "web-2" {
  id = "ip_aQx7zQW7P2yBgjpw"
}

# Get network by ID.
data "katapult_network" "lon" {
  id = "netw_gVRkZdSKczfNg34P"
}

# Get network by permalink.
data "katapult_network" "nyc" {
  permalink = "us-nyc-01"
}

# Get default network for data center configured in provider.
data "katapult_network" "default" {}

# Get default network for specific data center.
data "katapult_network" "default-azp" {
  data_center_id = "dc_U3UVcwL8GKXJdsgw"
}

# Get network speed profile by permalink
data "katapult_network_speed_profile" "gbps_1" {
  permalink = "1gbps"
}

# Get network speed profile by ID
data "katapult_network_speed_profile" "gbps_10" {
  id = "nsp_FKZSFo5xhn9Pfr79"
}

# Get all network speed profiles
data "katapult_network_speed_profiles" "all" {}

# Get all networks.
data "katapult_networks" "all" {}

# Get specific virtual network by ID
data "katapult_virtual_network" "backbone" {
  id = "vnet_I5eWzfuUIdgXJTXi"
}

# Get all virtual networks.
data "katapult_virtual_networks" "all" {}

output "go" {
  value = {
    ips      = [data.katapult_ip.web-1.id, data.katapult_ip.web-2.address]
    networks = [data.katapult_network.lon.name, data.katapult_network.nyc.id, data.katapult_network.default.id, data.katapult_network.default-azp.permalink]
    speeds   = [data.katapult_network_speed_profile.gbps_1.upload_speed, data.katapult_network_speed_profile.gbps_10.download_speed, length(data.katapult_network_speed_profiles.all.profiles)]
    lists    = [length(data.katapult_networks.all.networks), data.katapult_virtual_network.backbone.data_center_id, length(data.katapult_virtual_networks.all.virtual_networks)]
  }
}
"#;

fn security_group_examples() -> Vec<Example> {
    vec![
        file(
            "katapult_security_group",
            "data-sources/katapult_security_group/data-source.tf",
            |o| {
                assert_eq!(o["inbound_ports"], json!(["22", "80", "443", "any"]));
                assert_eq!(o["allows_all_outbound"], true);
            },
        ),
        file(
            "katapult_security_groups",
            "data-sources/katapult_security_groups/data-source.tf",
            |o| {
                assert_eq!(o["security_group_ids"]["web-servers"], sg::ANNOTATED);
                assert_eq!(
                    o["web_inbound_rules"],
                    json!(["web-servers: TCP 443", "web-servers: ICMP any"])
                );
            },
        ),
        file(
            "katapult_security_group_rule",
            "data-sources/katapult_security_group_rule/data-source.tf",
            |o| {
                assert_eq!(
                    o["rule"],
                    "inbound TCP 22 from 93.89.203.0/24 (Trusted SSH)"
                );
            },
        ),
        file(
            "katapult_security_group_rules",
            "data-sources/katapult_security_group_rules/data-source.tf",
            |o| {
                assert_eq!(o["inbound"], json!(["TCP/22 SSH", "TCP/80 HTTP"]));
                assert_eq!(
                    o["outbound_targets"],
                    json!(["all:ipv4", "all:ipv6", "vmgrp_zRhFtcoiuECoc4Ah"])
                );
            },
        ),
        // The four's Go docs examples, less their comments.
        go("go_security_groups", go_security_groups, |o| {
            assert_eq!(o["ssh"], sg::GO_EXAMPLE);
            assert_eq!(o["first"], sg::GO_EXAMPLE_RULE);
        }),
    ]
}

fn go_security_groups() -> String {
    format!(
        "{REQUIRED_PROVIDERS}\nprovider \"katapult\" {{\n  organization = \"acme\"\n}}\n\
         data \"katapult_security_group\" \"web\" {{\n  id = \"{go}\"\n}}\n\
         data \"katapult_security_group\" \"web-plain\" {{\n  id            = \"{go}\"\n  include_rules = false\n}}\n\
         data \"katapult_security_group_rule\" \"ssh\" {{\n  id = \"{go_rule}\"\n}}\n\
         data \"katapult_security_group_rules\" \"web\" {{\n  security_group_id = \"{go}\"\n}}\n\
         data \"katapult_security_groups\" \"all\" {{}}\n\
         output \"ssh\" {{ value = data.katapult_security_group_rule.ssh.security_group_id }}\n\
         output \"first\" {{ value = data.katapult_security_group.web.inbound_rules[0].id }}\n",
        go = sg::GO_EXAMPLE,
        go_rule = sg::GO_EXAMPLE_RULE,
    )
}

fn address_list_examples() -> Vec<Example> {
    vec![
        file(
            "katapult_address_list",
            "data-sources/katapult_address_list/data-source.tf",
            |o| assert_eq!(o["addresses"], json!(["1.1.1.1", "8.8.8.8"])),
        ),
        file(
            "katapult_address_lists",
            "data-sources/katapult_address_lists/data-source.tf",
            |o| {
                assert_holds(
                    &o["address_list_ids"],
                    &json!({"tf-acc-test-data-source-minimal-c6sXoxLed8OU": "adlst_ktPah63o8ztcjeyW"}),
                    "address_list_ids",
                );
                assert_eq!(o["production_lists"], 0);
            },
        ),
        file(
            "katapult_global_address_lists",
            "data-sources/katapult_global_address_lists/data-source.tf",
            |o| assert_eq!(o["cloudflare"], "adlst_TxEoD90spV3KJxvP"),
        ),
        file(
            "katapult_address_list_entry",
            "data-sources/katapult_address_list_entry/data-source.tf",
            |o| {
                assert_eq!(
                    o["entry"],
                    "1.1.1.1 (tf-acc-test-data-source-minimal-6piGErOZbOmZ-entry-one)"
                );
            },
        ),
        file(
            "katapult_address_list_entries",
            "data-sources/katapult_address_list_entries/data-source.tf",
            |o| {
                assert_eq!(o["addresses"], json!(["1.1.1.1", "8.8.8.8"]));
                assert_holds(
                    &o["entry_ids"],
                    &json!({"1.1.1.1": "adlste_J2SXHEDiybWnySLL", "8.8.8.8": "adlste_lr7cUxOX9bNupous"}),
                    "entry_ids",
                );
            },
        ),
    ]
}

fn volume_and_object_storage_examples() -> Vec<Example> {
    vec![
        file(
            "katapult_file_storage_volume",
            "data-sources/katapult_file_storage_volume/data-source.tf",
            |o| {
                assert_eq!(
                    o["fstab"],
                    "nfs2.nlc.storage.katapult.io:/katapult/fsv_rXfunTdscpF1BvxL /mnt/shared nfs defaults 0 0"
                );
                assert_eq!(
                    o["machines"],
                    json!(["vm_11JRpj3NMA10Xqay", "vm_nZKmHf7V8tpIclE5"])
                );
                assert_eq!(o["data_center"], "uk-lon-01");
            },
        ),
        file(
            "katapult_file_storage_volumes",
            "data-sources/katapult_file_storage_volumes/data-source.tf",
            |o| assert_eq!(o["not_ready"], json!([])),
        ),
        file(
            "katapult_object_storage_account",
            "data-sources/katapult_object_storage_account/data-source.tf",
            |o| {
                assert_eq!(o["ready"], true);
                assert_eq!(o["buckets"], 1);
                assert_eq!(o["data_center"], "London");
            },
        ),
        file(
            "katapult_object_storage_bucket",
            "data-sources/katapult_object_storage_bucket/data-source.tf",
            |o| {
                assert_eq!(
                    o["index_page"],
                    "https://tf-acc-test-static-site-duypazh8xfgz.uk-lon-1.katapultobjects.com/index.html"
                );
                assert_eq!(o["public"], true);
            },
        ),
        go(
            "go_storage",
            || {
                format!(
                    "{REQUIRED_PROVIDERS}\nprovider \"katapult\" {{\n  organization = \"acme\"\n}}\n{GO_STORAGE}"
                )
            },
            |o| {
                assert_holds(
                    &o["go"],
                    &json!({
                        "list": "Google DNS", "entry": "173.245.48.0/20", "lists": 5, "global": 9,
                        "volume": "nfs2.nlc.storage.katapult.io:/katapult/fsv_hAdg5XQFDGv6jBeq",
                        "volumes": 2, "bucket": "https://my-org-assets.uk-lon-1.katapultobjects.com/",
                        "public": true, "keys": [],
                    }),
                    "go",
                );
            },
        ),
    ]
}

/// The Go provider's docs examples of the storage data sources, as it has
/// them, in one configuration: all but `katapult_address_list_entries`'s,
/// which is no valid configuration there either (it sets
/// `address_list_id` on `katapult_address_lists`), and
/// `katapult_object_storage_account`'s, which manages a bucket (its data
/// source is in the bucket's example).
const GO_STORAGE: &str = r#"
# Get specific address list by ID
data "katapult_address_list" "goog" {
  id = "adlst_wUevj8cYSRBfjYTA"
}

# Get specific address list entry by ID
data "katapult_address_list_entry" "cf" {
  id = "adlste_GYc6OXPbGYrtWXIX"
}

# Get all address lists in the organization
data "katapult_address_lists" "all" {}

# Get katapult global address lists
data "katapult_global_address_lists" "global" {}

# Get file storage volume by ID.
data "katapult_file_storage_volume" "web" {
  id = "fsv_hAdg5XQFDGv6jBeq"
}

# Get list of all file storage volumes.
data "katapult_file_storage_volumes" "all" {}

data "katapult_object_storage_account" "main" {
  region = "uk-lon-1"
}

data "katapult_object_storage_bucket" "assets" {
  name   = "my-org-assets"
  region = data.katapult_object_storage_account.main.region
}

output "go" {
  value = {
    list    = data.katapult_address_list.goog.name
    entry   = data.katapult_address_list_entry.cf.address
    lists   = length(data.katapult_address_lists.all.address_lists)
    global  = length(data.katapult_global_address_lists.global.address_lists)
    volume  = data.katapult_file_storage_volume.web.nfs_location
    volumes = length(data.katapult_file_storage_volumes.all.file_storage_volumes)
    bucket  = data.katapult_object_storage_bucket.assets.public_url
    public  = data.katapult_object_storage_bucket.assets.public_read
    keys    = data.katapult_object_storage_bucket.assets.read_key_ids
  }
}
"#;

fn tag_and_machine_examples() -> Vec<Example> {
    vec![
        file(
            "katapult_tag",
            "data-sources/katapult_tag/data-source.tf",
            |o| {
                assert_eq!(
                    o["tag"],
                    "tf-acc-test-data-source-minimal-zlfp5xg1hizb (green)"
                );
            },
        ),
        file(
            "katapult_tags",
            "data-sources/katapult_tags/data-source.tf",
            |o| assert_eq!(o["tag_ids"]["web"], "tag_NqAjIfOyzSMyuFPS"),
        ),
        file(
            "katapult_virtual_machine",
            "data-sources/katapult_virtual_machine/data-source.tf",
            |o| {
                assert_eq!(o["web"]["id"], vms::WEB);
                assert_eq!(o["web"]["package"], "rock-3");
                assert_eq!(o["web"]["data_center"], "uk-lon-01");
                assert_eq!(o["annotations"]["role"], "web");
                assert_eq!(o["mac_addresses"].as_array().unwrap().len(), 2);
                assert_eq!(o["virtual_networks"].as_array().unwrap().len(), 1);
                let reverse = o["ipv4_reverse_dns"].as_object().unwrap();
                assert_eq!(
                    reverse.values().cloned().collect::<Vec<_>>(),
                    [json!(vms::WEB_FQDN)]
                );
            },
        ),
        file(
            "katapult_virtual_machines",
            "data-sources/katapult_virtual_machines/data-source.tf",
            |o| {
                assert_eq!(o["machine_count"], organizations::ACME_MACHINES);
                assert_eq!(
                    o["machines_per_data_center"]["uk-lon-01"],
                    organizations::ACME_MACHINES
                );
                let web = o["production_web_servers"].as_array().unwrap();
                assert!(web.contains(&json!(vms::WEB_FQDN)), "{web:?}");
                assert_eq!(o["web_1_addresses"].as_array().unwrap().len(), 1);
            },
        ),
    ]
}

fn group_and_package_examples() -> Vec<Example> {
    vec![
        file(
            "katapult_virtual_machine_group",
            "data-sources/katapult_virtual_machine_group/data-source.tf",
            |o| {
                let g = group(groups::DEFAULT_FIRST);
                let name = g["name"].as_str().unwrap();
                assert_eq!(
                    o["group"],
                    format!("{name} (segregated: {})", g["segregate"])
                );
            },
        ),
        file(
            "katapult_virtual_machine_groups",
            "data-sources/katapult_virtual_machine_groups/data-source.tf",
            check_group_list,
        ),
        file(
            "katapult_virtual_machine_package",
            "data-sources/katapult_virtual_machine_package/data-source.tf",
            |o| {
                let p = package(packages::ROCK_3);
                assert_eq!(o["rock_3_id"], packages::ROCK_3);
                assert_eq!(
                    o["rock_3"],
                    format!(
                        "{}: {} CPU cores, {} GB memory, {} GB storage, {} IPv4 address(es)",
                        p["name"].as_str().unwrap(),
                        p["cpu_cores"],
                        p["memory_in_gb"],
                        p["storage_in_gb"],
                        p["ipv4_addresses"]
                    )
                );
            },
        ),
        file(
            "katapult_virtual_machine_packages",
            "data-sources/katapult_virtual_machine_packages/data-source.tf",
            check_package_list,
        ),
        // All four's Go docs examples, the package's as its issue quotes it
        // (its docs name two blocks `rock3`, which no Terraform accepts).
        go("go_groups_packages", go_groups_packages, |o| {
            assert_eq!(
                o["read"],
                json!([
                    "group-1",
                    listed_groups(groups::ACME).as_array().unwrap().len(),
                    packages::ROCK_3,
                    recorded_packages().as_array().unwrap().len()
                ])
            );
        }),
    ]
}

fn check_group_list(o: &Value) {
    let listed = listed_groups(groups::ACME);
    let listed = listed.as_array().unwrap();
    let web: Vec<&Value> = listed
        .iter()
        .filter(|g| g["name"] == "web")
        .map(|g| &g["id"])
        .collect();
    assert!(web.len() > 1, "names repeat in the recording");
    assert_eq!(o["group_ids"]["web"], json!(web));
    let segregated: Vec<&Value> = listed
        .iter()
        .filter(|g| g["segregate"] == true)
        .map(|g| &g["name"])
        .collect();
    assert_eq!(o["segregated"], json!(segregated));
}

fn check_package_list(o: &Value) {
    let listed = recorded_packages();
    let listed = listed.as_array().unwrap();
    let smallest = listed
        .iter()
        .filter(|p| p["cpu_cores"].as_u64() >= Some(4))
        .filter(|p| p["memory_in_gb"].as_u64() >= Some(16))
        .min_by_key(|p| p["memory_in_gb"].as_u64())
        .unwrap();
    assert_eq!(o["smallest_fitting"], smallest["permalink"]);
    let sizes = o["packages"].as_object().unwrap();
    assert_eq!(sizes.len(), listed.len());
    let rock_3 = package(packages::ROCK_3);
    assert_eq!(
        sizes["rock-3"],
        format!(
            "{} CPU cores, {} GB memory",
            rock_3["cpu_cores"], rock_3["memory_in_gb"]
        )
    );
}

fn go_groups_packages() -> String {
    format!(
        "{REQUIRED_PROVIDERS}\n\
         # Get specific virtual machine group by id\n\
         data \"katapult_virtual_machine_group\" \"group-1\" {{\n  id = \"vmgrp_Eh5LYVKScVHpj7sM\"\n}}\n\n\
         # Get all virtual machine groups\n\
         data \"katapult_virtual_machine_groups\" \"all\" {{}}\n\n\
         data \"katapult_virtual_machine_package\" \"small\" {{\n  permalink = \"rock-3\"\n}}\n\n\
         # Get all virtual machine packages\n\
         data \"katapult_virtual_machine_packages\" \"all\" {{}}\n\n\
         output \"read\" {{\n  value = [\n    data.katapult_virtual_machine_group.group-1.name,\n    \
         length(data.katapult_virtual_machine_groups.all.groups),\n    \
         data.katapult_virtual_machine_package.small.id,\n    \
         length(data.katapult_virtual_machine_packages.all.packages),\n  ]\n}}\n"
    )
}

fn certificate_examples() -> Vec<Example> {
    vec![
        file(
            "katapult_certificate",
            "data-sources/katapult_certificate/data-source.tf",
            |o| {
                assert_eq!(
                    o["names"],
                    json!(["tf-acc-test-data-source-minimal-kttq1zjqhm2z.example.com"])
                );
                assert_eq!(o["expires_at"], "2027-09-04T14:50:45Z");
            },
        ),
        file(
            "katapult_certificates",
            "data-sources/katapult_certificates/data-source.tf",
            |o| {
                assert_eq!(o["expiry"]["test2.k.bah.io"], "2027-04-18T15:28:20Z");
                assert_eq!(o["expiry"].as_object().unwrap().len(), 2);
            },
        ),
        file(
            "katapult_ssh_keys",
            "data-sources/katapult_ssh_keys/data-source.tf",
            |o| {
                assert_eq!(o["fingerprints"].as_object().unwrap().len(), 3);
                assert!(
                    o["fingerprints"]["deploy"]
                        .as_str()
                        .unwrap()
                        .starts_with("SHA256:")
                );
            },
        ),
        // Its key reaches no state: checked after the apply.
        Example {
            ephemeral: true,
            ..file(
                "ephemeral_certificate",
                "ephemeral-resources/katapult_certificate/ephemeral-resource.tf",
                |o| assert_eq!(o["deployed"], "cert_FullSecret000001"),
            )
        },
    ]
}

fn network_interface_examples() -> Vec<Example> {
    vec![
        file(
            "katapult_virtual_machine_network_interface",
            "data-sources/katapult_virtual_machine_network_interface/data-source.tf",
            |o| {
                assert_eq!(
                    o["interface"],
                    json!({"machine": vms::RECORDED_BY_ID, "mac_address": "3a:ab:32:d8:b9:73",
                        "state": "attached", "speed": "1gbps",
                        "addresses": ["185.199.221.195"]})
                );
            },
        ),
        file(
            "katapult_virtual_machine_network_interfaces",
            "data-sources/katapult_virtual_machine_network_interfaces/data-source.tf",
            |o| {
                assert_eq!(
                    o["addresses"],
                    json!({"Public Network on tf-acc-test-data-source-by-id-FduTu4i7QWQ6":
                        ["185.199.221.195/24"]})
                );
                assert_eq!(o["public"], json!(["vmnet_uyv2nx1sNptIjw5e"]));
            },
        ),
    ]
}

fn account_examples() -> Vec<Example> {
    vec![
        file(
            "katapult_organization",
            "data-sources/katapult_organization/data-source.tf",
            |o| {
                assert_eq!(
                    o["current"],
                    json!({"id": account::TERRAFORM_ACC_TEST_ID,
                        "infrastructure_domain": "terraform-acc-test.katapult.cloud",
                        "currency": "GBP"})
                );
                assert_eq!(o["acme_id"], account::ACME_ID);
            },
        ),
        file(
            "katapult_organizations",
            "data-sources/katapult_organizations/data-source.tf",
            |o| {
                assert_eq!(
                    o["organization_ids"],
                    json!({(account::ACME): account::ACME_ID, (account::NERV): account::NERV_ID,
                        (account::TERRAFORM_ACC_TEST): account::TERRAFORM_ACC_TEST_ID})
                );
                assert_eq!(o["managed"], json!([account::NERV]));
            },
        ),
        file(
            "katapult_trash_object",
            "data-sources/katapult_trash_object/data-source.tf",
            |o| {
                assert_eq!(
                    o["vm_trash"],
                    json!({"id": account::TRASHED_VM, "keep_until": 1_610_039_056})
                );
            },
        ),
        file(
            "katapult_trash_objects",
            "data-sources/katapult_trash_objects/data-source.tf",
            |o| {
                assert_eq!(
                    o["trashed_by_type"],
                    json!({"VirtualMachine": [account::TRASHED_VM_OBJECT],
                        "Disk": ["disk_reWHTQagpihFhSuh"]})
                );
            },
        ),
    ]
}
