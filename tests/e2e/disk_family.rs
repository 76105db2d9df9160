//! The disk family end to end: `katapult_disk_io_profile(s)`,
//! `katapult_disk_template(s)` and `katapult_virtual_machine_disks` against
//! the fake API's replay of the recorded answers, under every Terraform
//! found: the values equal the answers, errors land at their attributes.
//! (The examples and the Go provider's docs examples: `examples.rs`.)

use katapult_testkit::fake_api::{self, BADGE_URL, orgs, vms};
use katapult_testkit::terraform::{OwnApi, REQUIRED_PROVIDERS, Workspace, terraforms};

use crate::harness::{applied, failed_plan};

/// `config` under the provider block `provider`, for `organization`.
fn with_org(organization: &str, config: &str) -> String {
    format!(
        "{REQUIRED_PROVIDERS}\nprovider \"katapult\" {{\n  organization = \"{organization}\"\n}}\n{config}"
    )
}

#[test]
fn io_profiles_are_read_whole_and_ordered_by_id() {
    for tf in terraforms() {
        let own = OwnApi::start();
        let config = with_org(
            orgs::ACME,
            "data \"katapult_disk_io_profile\" \"fast\" {\n  permalink = \"unrestricted\"\n}\n\
             data \"katapult_disk_io_profile\" \"capped\" {\n  id = \"diop_slvkma43oVxjJcRk\"\n}\n\
             data \"katapult_disk_io_profiles\" \"all\" {}\n",
        );
        let ws = Workspace::with_api(tf, &config, &own.api);
        let [fast, capped, all] = &applied(
            &ws,
            &[
                ("katapult_disk_io_profile", "fast"),
                ("katapult_disk_io_profile", "capped"),
                ("katapult_disk_io_profiles", "all"),
            ],
        );
        assert_eq!(
            fast["id"], "diop_i39iT7k0RYAdQP48",
            "Terraform {}",
            tf.version
        );
        assert_eq!(fast["name"], "Unrestricted");
        assert!(fast["speed_in_mb"].is_null() && fast["iops"].is_null());
        assert_eq!(capped["permalink"], "100k");
        assert_eq!(capped["speed_in_mb"], 2000);
        assert_eq!(capped["iops"], 100000);
        // By id: the API lists 100k first.
        let profiles = all["profiles"].as_array().unwrap();
        let ids: Vec<&str> = profiles.iter().map(|p| p["id"].as_str().unwrap()).collect();
        assert_eq!(ids, ["diop_i39iT7k0RYAdQP48", "diop_slvkma43oVxjJcRk"]);
        let mut fast_profile = fast.as_object().unwrap().clone();
        fast_profile.remove("timeouts");
        assert_eq!(profiles[0], serde_json::Value::Object(fast_profile));
        // Every page asked for with per_page 200, as the Go provider does.
        assert!(
            own.api
                .pages("profiles:acme")
                .iter()
                .all(|p| *p == (1, 200)),
            "{:?}",
            own.api.pages("profiles:acme")
        );
    }
}

#[test]
fn io_profile_lookups_fail_at_the_attribute_they_name() {
    let tf = terraforms().last().unwrap();
    let text = failed_plan(
        tf,
        &with_org(
            orgs::ACME,
            "data \"katapult_disk_io_profile\" \"x\" {\n  id = \"iop_missing\"\n}\n",
        ),
    );
    assert!(text.contains("Disk I/O profile not found"), "{text}");
    assert!(
        text.contains(
            "No disk I/O profile with ID \"iop_missing\" exists in organization \"acme\""
        ),
        "{text}"
    );
    assert!(
        text.contains("permalinks are: unrestricted, 100k."),
        "{text}"
    );
    assert!(
        text.contains("id = \"iop_missing\""),
        "at the attribute: {text}"
    );
    let text = failed_plan(
        tf,
        &with_org(
            orgs::ACME,
            "data \"katapult_disk_io_profile\" \"x\" {\n  id = \"diop_slvkma43oVxjJcRk\"\n  permalink = \"100k\"\n}\n",
        ),
    );
    assert!(text.contains("Both id and permalink set"), "{text}");
    assert!(
        text.contains("permalink = \"100k\""),
        "at the attribute: {text}"
    );
    let text = failed_plan(
        tf,
        &with_org(orgs::ACME, "data \"katapult_disk_io_profile\" \"x\" {}\n"),
    );
    assert!(text.contains("Missing id or permalink"), "{text}");
    // No organization: the error says where to set one.
    let text = failed_plan(
        tf,
        &format!("{REQUIRED_PROVIDERS}\ndata \"katapult_disk_io_profiles\" \"x\" {{}}\n"),
    );
    assert!(
        text.contains("No organization to list disk I/O profiles of"),
        "{text}"
    );
    assert!(text.contains("KATAPULT_ORGANIZATION"), "{text}");
}

#[test]
fn templates_list_in_the_apis_order_over_every_page() {
    for tf in terraforms() {
        let own = OwnApi::start();
        let config = "data \"katapult_disk_templates\" \"all\" {}\n\
                      data \"katapult_disk_templates\" \"own\" {\n  include_universal = false\n}\n";
        let ws = Workspace::with_api(tf, &with_org(orgs::ACME, config), &own.api);
        let [all, own_only] = &applied(
            &ws,
            &[
                ("katapult_disk_templates", "all"),
                ("katapult_disk_templates", "own"),
            ],
        );
        let templates = all["templates"].as_array().unwrap();
        let names: Vec<&str> = templates
            .iter()
            .map(|t| t["name"].as_str().unwrap())
            .collect();
        let recorded: serde_json::Value = serde_json::from_str(&fake_api::recorded(
            "organizations/_/disk_templates",
            orgs::ACME,
        ))
        .unwrap();
        let recorded: Vec<&str> = recorded["disk_templates"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["name"].as_str().unwrap())
            .collect();
        assert_eq!(names, recorded, "Terraform {}", tf.version);
        let ubuntu = &templates[10];
        assert_eq!(ubuntu["id"], "dtpl_GS03NCmS1Z17rXHq");
        assert_eq!(ubuntu["permalink"], "templates/ubuntu-20-04");
        assert_eq!(ubuntu["template_version"], 7);
        assert_eq!(ubuntu["latest_version"]["number"], 7);
        assert_eq!(ubuntu["latest_version"]["id"], "dtv_Ha4LXNfpQddNlUcT");
        assert_eq!(ubuntu["os_family"], "Ubuntu");
        assert_eq!(ubuntu["universal"], true);
        assert!(
            ubuntu["operating_system"]["badge"].is_null(),
            "the list carries no badge"
        );
        assert_eq!(all["include_universal"], true);
        assert_eq!(all["id"], "acme");
        // include_universal = false sends no such parameter (the fake
        // refuses any other value) and gets the recorded empty list.
        assert_eq!(own_only["templates"], serde_json::json!([]));
        assert_eq!(own_only["include_universal"], false);

        let ws = Workspace::with_api(tf, &with_org(orgs::BIGCO, config), &own.api);
        let [all, own_only] = &applied(
            &ws,
            &[
                ("katapult_disk_templates", "all"),
                ("katapult_disk_templates", "own"),
            ],
        );
        assert_eq!(
            all["templates"].as_array().unwrap().len(),
            12 + orgs::BIGCO_TEMPLATES
        );
        let own_templates = own_only["templates"].as_array().unwrap();
        assert_eq!(own_templates.len(), orgs::BIGCO_TEMPLATES);
        assert_eq!(own_templates[64]["permalink"], "bigco/image-64");
        assert_eq!(own_templates[64]["template_version"], 65);
        // Three pages of 30 for each list, no per_page sent.
        let pages = own.api.pages("templates:bigco");
        assert_eq!(
            pages.iter().filter(|p| **p == (3, 0)).count(),
            2,
            "{pages:?}"
        );
    }
}

#[test]
fn one_template_has_its_badge_and_its_real_version_number() {
    for tf in terraforms() {
        let config = "data \"katapult_disk_template\" \"by_permalink\" {\n  permalink = \"templates/ubuntu-20-04\"\n}\n\
                      data \"katapult_disk_template\" \"by_id\" {\n  id = \"dtpl_dHTYevsvwvsL0Hea\"\n}\n\
                      data \"katapult_disk_template\" \"both\" {\n  id = \"dtpl_NUDgA9T8IQMfDdSc\"\n  permalink = \"templates/ubuntu-22-04\"\n}\n";
        let ws = Workspace::new(tf, &with_org(orgs::ACME, config));
        let [by_permalink, by_id, both] = &applied(
            &ws,
            &[
                ("katapult_disk_template", "by_permalink"),
                ("katapult_disk_template", "by_id"),
                ("katapult_disk_template", "both"),
            ],
        );
        assert_eq!(
            by_permalink["id"], "dtpl_GS03NCmS1Z17rXHq",
            "Terraform {}",
            tf.version
        );
        assert_eq!(
            by_permalink["description"],
            "A clean installation of Ubuntu 20.04 server"
        );
        // The single answer has no number; the list's is the real one.
        assert_eq!(by_permalink["template_version"], 7);
        assert_eq!(by_permalink["latest_version"]["number"], 7);
        assert_eq!(by_permalink["os_family"], "Ubuntu");
        assert_eq!(by_permalink["operating_system"]["badge"]["url"], BADGE_URL);
        assert_eq!(by_id["permalink"], "templates/ubuntu-18-04");
        assert_eq!(by_id["template_version"], 1);
        assert_eq!(both["name"], "Ubuntu 22.04");
    }
    // Without an organization the number cannot be read: null, never 0,
    // and a warning at the attribute says how to have it.
    for tf in terraforms() {
        let ws = Workspace::new(
            tf,
            &format!(
                "{REQUIRED_PROVIDERS}\ndata \"katapult_disk_template\" \"t\" {{\n  permalink = \"templates/ubuntu-20-04\"\n}}\n"
            ),
        );
        let run = ws.run(&["apply", "-auto-approve", "-no-color"]);
        let text = run.text();
        assert!(run.success, "Terraform {}: {text}", tf.version);
        assert_eq!(
            text.matches("Warning: template_version not read").count(),
            1,
            "Terraform {}: {text}",
            tf.version
        );
        assert!(text.contains("Set `organization`"), "{text}");
        let state = ws.state();
        let t = &state["resources"][0]["instances"][0]["attributes"];
        assert!(t["template_version"].is_null(), "{t}");
        assert!(t["latest_version"]["number"].is_null(), "{t}");
        assert_eq!(t["latest_version"]["id"], "dtv_Ha4LXNfpQddNlUcT");
    }
}

#[test]
fn template_lookups_fail_at_the_attribute_they_name() {
    let tf = terraforms().last().unwrap();
    let text = failed_plan(
        tf,
        &with_org(
            orgs::ACME,
            "data \"katapult_disk_template\" \"t\" {\n  id = \"dtpl_NUDgA9T8IQMfDdSc\"\n  permalink = \"templates/ubuntu-20-04\"\n}\n",
        ),
    );
    assert!(
        text.contains("Disk template permalink does not match"),
        "{text}"
    );
    assert!(
        text.contains(
            "has the permalink \"templates/ubuntu-22-04\", not \"templates/ubuntu-20-04\""
        ),
        "{text}"
    );
    assert!(
        text.contains("permalink = \"templates/ubuntu-20-04\""),
        "at the attribute: {text}"
    );
    let text = failed_plan(
        tf,
        &with_org(
            orgs::ACME,
            "data \"katapult_disk_template\" \"t\" {\n  permalink = \"templates/nope\"\n}\n",
        ),
    );
    assert!(text.contains("Disk template not found"), "{text}");
    assert!(
        text.contains("permalink = \"templates/nope\""),
        "at the attribute: {text}"
    );
    let text = failed_plan(
        tf,
        &with_org(orgs::ACME, "data \"katapult_disk_template\" \"t\" {}\n"),
    );
    assert!(text.contains("Missing id or permalink"), "{text}");
}

#[test]
fn a_machines_disks_are_read_whole_and_ordered_by_id() {
    for tf in terraforms() {
        let own = OwnApi::start();
        let config = format!(
            "{REQUIRED_PROVIDERS}\n\
             data \"katapult_virtual_machine_disks\" \"web\" {{\n  virtual_machine_id = \"{}\"\n}}\n\
             data \"katapult_virtual_machine_disks\" \"by_fqdn\" {{\n  virtual_machine_fqdn = \"{}\"\n}}\n\
             data \"katapult_virtual_machine_disks\" \"detached\" {{\n  virtual_machine_id = \"{}\"\n}}\n\
             data \"katapult_virtual_machine_disks\" \"many\" {{\n  virtual_machine_id = \"{}\"\n}}\n",
            vms::WEB,
            vms::WEB_FQDN,
            vms::DETACHED_BOOT,
            vms::MANY
        );
        let ws = Workspace::with_api(tf, &config, &own.api);
        let [web, by_fqdn, detached, many] = &applied(
            &ws,
            &[
                ("katapult_virtual_machine_disks", "web"),
                ("katapult_virtual_machine_disks", "by_fqdn"),
                ("katapult_virtual_machine_disks", "detached"),
                ("katapult_virtual_machine_disks", "many"),
            ],
        );
        let disks = web["disks"].as_array().unwrap();
        assert_eq!(disks.len(), 2, "Terraform {}", tf.version);
        let (data, system) = (&disks[0], &disks[1]);
        assert_eq!(data["id"], vms::WEB_DATA_DISK, "ordered by id");
        assert_eq!(data["boot"], false);
        assert_eq!(data["attach_on_boot"], true);
        assert_eq!(data["attachment_state"], "attached");
        assert_eq!(data["size_in_gb"], 20);
        assert_eq!(data["storage_speed"], "nvme");
        assert_eq!(data["bus_type"], "scsi");
        assert_eq!(data["state"], "built");
        assert_eq!(data["created_at"], 1786810364);
        assert_eq!(data["io_profile_id"], "diop_slvkma43oVxjJcRk");
        assert_eq!(data["io_profile"]["iops"], 100000);
        assert_eq!(data["data_center"]["permalink"], "uk-lon-01");
        assert_eq!(data["wwn"].as_str().unwrap().len(), 16);
        assert_eq!(system["id"], vms::WEB_SYSTEM_DISK);
        assert_eq!(system["boot"], true);
        assert_eq!(system["name"], "System Disk");
        assert!(system["io_profile"]["speed_in_mb"].is_null());
        assert_eq!(web["virtual_machine_id"], vms::WEB);
        assert!(web["virtual_machine_fqdn"].is_null());
        assert_eq!(by_fqdn["disks"], web["disks"]);
        assert_eq!(by_fqdn["virtual_machine_fqdn"], vms::WEB_FQDN);
        // The recorded single-disk machine with its boot disk detached.
        let boot = &detached["disks"][0];
        assert_eq!(boot["boot"], true);
        assert_eq!(boot["attachment_state"], "detached");
        assert_eq!(boot["bus_type"], "virtio");
        // Two pages, in id order, each disk read.
        let many = many["disks"].as_array().unwrap();
        assert_eq!(many.len(), vms::MANY_DISKS);
        let ids: Vec<&str> = many.iter().map(|d| d["id"].as_str().unwrap()).collect();
        let mut sorted = ids.clone();
        sorted.sort();
        assert_eq!(ids, sorted);
        assert!(many.iter().all(|d| d["storage_speed"] == "nvme"));
        assert_eq!(many.iter().filter(|d| d["boot"] == true).count(), 1);
        assert_eq!(many[3]["attach_on_boot"], false);
        assert_eq!(
            own.api.pages(&format!("vm:{}", vms::MANY)),
            [(1, 0), (2, 0)]
        );
    }
}

#[test]
fn a_disk_gone_between_the_list_and_its_read_means_the_list_moved() {
    for tf in terraforms() {
        let own = OwnApi::start();
        let config = format!(
            "{REQUIRED_PROVIDERS}\ndata \"katapult_virtual_machine_disks\" \"m\" {{\n  virtual_machine_id = \"{}\"\n}}\n",
            vms::MOVING
        );
        let ws = Workspace::with_api(tf, &config, &own.api);
        let [moving] = &applied(&ws, &[("katapult_virtual_machine_disks", "m")]);
        let disks = moving["disks"].as_array().unwrap();
        assert_eq!(disks.len(), 1, "Terraform {}: {moving}", tf.version);
        assert_eq!(disks[0]["id"], "disk_VmMoving0000001");
        assert_eq!(
            own.api.pages(&format!("vm:{}", vms::MOVING)).len(),
            2,
            "read again once"
        );
    }
    let tf = terraforms().last().unwrap();
    let text = failed_plan(
        tf,
        &format!(
            "{REQUIRED_PROVIDERS}\ndata \"katapult_virtual_machine_disks\" \"m\" {{\n  virtual_machine_id = \"{}\"\n}}\n",
            vms::ALWAYS_MOVING
        ),
    );
    assert!(
        text.contains("Virtual machine disk list kept changing"),
        "{text}"
    );
    assert!(text.contains("3 times running"), "{text}");
}

#[test]
fn machine_lookups_fail_at_the_attribute_they_name() {
    let tf = terraforms().last().unwrap();
    let text = failed_plan(
        tf,
        &format!(
            "{REQUIRED_PROVIDERS}\ndata \"katapult_virtual_machine_disks\" \"m\" {{\n  virtual_machine_fqdn = \"nope.example\"\n}}\n"
        ),
    );
    assert!(text.contains("Virtual machine not found"), "{text}");
    assert!(text.contains("with FQDN \"nope.example\""), "{text}");
    assert!(
        text.contains("virtual_machine_fqdn = \"nope.example\""),
        "at the attribute: {text}"
    );
    let text = failed_plan(
        tf,
        &format!(
            "{REQUIRED_PROVIDERS}\ndata \"katapult_virtual_machine_disks\" \"m\" {{\n  virtual_machine_id = \"{}\"\n}}\n",
            vms::IN_TRASH
        ),
    );
    // The API's object_type, VirtualMachine, in words.
    assert!(
        text.contains("Error: Virtual machine is in the trash"),
        "{text}"
    );
    assert!(
        text.contains("The virtual machine is in Katapult's trash"),
        "{text}"
    );
    assert!(
        text.contains(&format!("virtual_machine_id = \"{}\"", vms::IN_TRASH)),
        "{text}"
    );
    let text = failed_plan(
        tf,
        &format!(
            "{REQUIRED_PROVIDERS}\ndata \"katapult_virtual_machine_disks\" \"m\" {{\n  virtual_machine_id = \"{}\"\n  virtual_machine_fqdn = \"{}\"\n}}\n",
            vms::WEB,
            vms::WEB_FQDN
        ),
    );
    assert!(
        text.contains("Both virtual_machine_id and virtual_machine_fqdn set"),
        "{text}"
    );
}

/// Ten `katapult_disk` blocks for one disk in one plan, with the API slow:
/// one request goes out, and every block gets its answer.
#[test]
fn identical_reads_in_flight_are_made_once() {
    let own = OwnApi::start();
    own.api.set_latency(std::time::Duration::from_millis(500));
    let tf = terraforms().last().unwrap();
    let mut config = String::from(REQUIRED_PROVIDERS);
    for n in 0..10 {
        config.push_str(&format!(
            "data \"katapult_disk\" \"same{n}\" {{\n  id = \"disk_Many7\"\n}}\n\
             output \"name{n}\" {{\n  value = data.katapult_disk.same{n}.name\n}}\n"
        ));
    }
    let ws = Workspace::with_api(tf, &config, &own.api);
    let run = ws.run(&["apply", "-auto-approve", "-no-color"]);
    assert!(run.success, "{}", run.text());
    assert_eq!(
        own.api.arrivals("disk_Many7").len(),
        1,
        "ten blocks, one request"
    );
    let output = ws.run(&["output", "-json"]);
    let outputs: serde_json::Value = serde_json::from_str(&output.stdout).unwrap();
    for n in 0..10 {
        assert_eq!(outputs[format!("name{n}")]["value"], "disk-7");
    }
    // A later plan asks again: nothing is kept beyond the moment.
    let plan = ws.run(&["plan", "-no-color"]);
    assert!(plan.success, "{}", plan.text());
    assert_eq!(own.api.arrivals("disk_Many7").len(), 2);
}
