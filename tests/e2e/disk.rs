//! `katapult_disk` end to end: the real Terraform CLI (every version found)
//! reads the recorded disks through the built provider, nested values,
//! protected values, the documented example and the Go provider's
//! configurations.

use katapult_testkit::fake_api;
use katapult_testkit::terraform::{
    REQUIRED_PROVIDERS, TEST_API_KEY, Terraform, Workspace, terraforms,
};

use crate::harness::disk_config;

/// What the state must hold for a recorded answer: the API's disk object,
/// field for field, with the annotations from beside it and nothing the
/// schema lacks; the Go provider's flat names, each equal to the nested
/// value it copies; protected installation values moved to
/// `protected_attributes`.
fn expected_state(answer: &str) -> serde_json::Value {
    use serde_json::Value as J;
    let body: J = serde_json::from_str(answer).unwrap();
    let mut disk = body["disk"].as_object().unwrap().clone();
    disk.remove("future_field_the_api_added");
    disk.insert("annotations".into(), body["annotations"].clone());
    // The `timeouts` block, not written in these configurations.
    disk.insert("timeouts".into(), J::Null);
    let nested = |path: &[&str]| {
        path.iter()
            .try_fold(&body["disk"], |node, name| node.get(name))
            .cloned()
            .unwrap_or(J::Null)
    };
    for (flat, path) in [
        ("io_profile_id", &["io_profile", "id"][..]),
        ("data_center_id", &["data_center", "id"]),
        ("data_center_name", &["data_center", "name"]),
        ("data_center_permalink", &["data_center", "permalink"]),
        (
            "virtual_machine_id",
            &["virtual_machine_disk", "virtual_machine", "id"],
        ),
        (
            "virtual_machine_fqdn",
            &["virtual_machine_disk", "virtual_machine", "fqdn"],
        ),
        ("boot", &["virtual_machine_disk", "boot"]),
        (
            "attach_on_boot",
            &["virtual_machine_disk", "attach_on_boot"],
        ),
        ("attachment_state", &["virtual_machine_disk", "state"]),
    ] {
        disk.insert(flat.into(), nested(path));
    }
    let protected = match disk.get_mut("installation") {
        Some(J::Object(installation)) => {
            let mut protected = serde_json::Map::new();
            if let Some(J::Array(attributes)) = installation.get_mut("attributes") {
                for attribute in attributes.iter_mut().filter(|a| a["protect"] == true) {
                    let value = attribute["value"].take();
                    if let Some(key) = attribute["key"].as_str() {
                        protected.insert(key.to_owned(), value);
                    }
                }
            }
            J::Object(protected)
        }
        _ => J::Null,
    };
    disk.insert("protected_attributes".into(), protected);
    J::Object(disk)
}

/// The disk `id` read under every Terraform, each time its state the
/// recorded answer's, mapped; each Terraform's state.
fn reads_as_recorded(id: &str) -> Vec<serde_json::Value> {
    let expected = expected_state(&fake_api::recorded("disks/disk", id));
    terraforms()
        .iter()
        .map(|tf| {
            let state = Workspace::new(tf, &disk_config(id, "")).read_disk_state("this");
            assert_eq!(state, expected, "Terraform {}", tf.version);
            state
        })
        .collect()
}

#[test]
fn reads_the_real_disk_with_nulls_kept_null() {
    for state in reads_as_recorded(fake_api::REAL_DISK_ID) {
        assert!(state["installation"].is_null() && state["virtual_machine_disk"].is_null());
    }
}

#[test]
fn reads_every_field_of_a_fully_populated_disk() {
    reads_as_recorded(fake_api::FULL_DISK_ID);
}

#[test]
fn passes_enum_values_the_provider_does_not_know_yet() {
    for tf in terraforms() {
        let ws = Workspace::new(tf, &disk_config(fake_api::NEW_ENUM_DISK_ID, ""));
        let state = ws.read_disk_state("this");
        assert_eq!(
            state,
            expected_state(&fake_api::recorded(
                "disks/disk",
                fake_api::NEW_ENUM_DISK_ID
            ))
        );
        assert_eq!(state["state"], "snapshotting");
        assert_eq!(state["virtual_machine_disk"]["state"], "migrating");
    }
}

#[test]
fn plan_shows_nested_values_through_references() {
    let config = format!(
        "{REQUIRED_PROVIDERS}
data \"katapult_disk\" \"boot\" {{
  id = \"{}\"
}}
data \"katapult_disk\" \"web\" {{
  id = \"{}\"
}}
output \"boot\" {{
  value = {{ for k, v in data.katapult_disk.boot : k => v if k != \"protected_attributes\" }}
}}
output \"data_center\" {{
  value = data.katapult_disk.boot.data_center.permalink
}}
output \"vm_fqdn\" {{
  value = data.katapult_disk.web.virtual_machine_disk.virtual_machine.fqdn
}}
output \"first_annotation\" {{
  value = \"${{data.katapult_disk.web.annotations[0].key}}=${{data.katapult_disk.web.annotations[0].value}}\"
}}
output \"iops\" {{
  value = data.katapult_disk.web.io_profile.iops
}}
",
        fake_api::REAL_DISK_ID,
        fake_api::FULL_DISK_ID
    );
    for tf in terraforms() {
        let ws = Workspace::new(tf, &config);
        let validate = ws.run(&["validate", "-no-color"]);
        assert!(
            validate.success,
            "Terraform {}: {}",
            tf.version,
            validate.text()
        );
        let plan = ws.run(&["plan", "-no-color"]);
        assert!(plan.success, "Terraform {}: {}", tf.version, plan.text());
        let text = plan.text();
        for want in [
            "data_center = \"uk-lon-01\"",
            "vm_fqdn = \"web-01.example.katapult.cloud\"",
            "first_annotation = \"env=production\"",
            "iops = 100000",
            "name = \"tf-acc-test-data-source-mKu5JbeLhav3\"",
            "wwn = \"080643a44c133d4c\"",
        ] {
            assert!(
                text.contains(want),
                "Terraform {}: no {want:?} in:\n{text}",
                tf.version
            );
        }
        assert!(!text.contains(TEST_API_KEY));
    }
}

#[test]
fn protected_values_are_never_shown_and_still_usable_on_every_terraform() {
    let mut ran = 0;
    for tf in terraforms() {
        for id in [fake_api::FULL_DISK_ID, fake_api::REAL_DISK_ID] {
            the_protected_value_is_shown_only_when_asked_for(tf, id);
            ran += 1;
        }
        a_whole_disk_output_must_be_sensitive(tf);
    }
    assert!(ran >= 2, "no Terraform ran this test");
}

/// The disk `id` read, its installation, the whole disk (sensitive) and its
/// root password (sensitive) as outputs; the full disk's password's
/// length too.
fn protected_config(id: &str) -> String {
    format!(
        "{REQUIRED_PROVIDERS}
data \"katapult_disk\" \"web\" {{
  id = \"{id}\"
}}
output \"template\" {{
  value = try(data.katapult_disk.web.installation.disk_template_version.disk_template.name, null)
}}
output \"installation\" {{
  value = data.katapult_disk.web.installation
}}
output \"whole\" {{
  value     = data.katapult_disk.web
  sensitive = true
}}
output \"password\" {{
  value     = try(data.katapult_disk.web.protected_attributes[\"root_password\"], null)
  sensitive = true
}}
{}",
        if id == fake_api::FULL_DISK_ID {
            "output \"password_length\" {
  value = nonsensitive(length(data.katapult_disk.web.protected_attributes[\"root_password\"]))
}
"
        } else {
            ""
        }
    )
}

/// Plan, apply and outputs of `protected_config(id)` under `tf`: no
/// protected value shown, but usable where asked for explicitly.
fn the_protected_value_is_shown_only_when_asked_for(tf: &Terraform, id: &str) {
    let ws = Workspace::new(tf, &protected_config(id));
    for args in [
        &["plan", "-no-color"][..],
        &["apply", "-auto-approve", "-no-color"],
    ] {
        let run = ws.run(args);
        assert!(
            run.success,
            "Terraform {} {args:?} for {id}: {}",
            tf.version,
            run.text()
        );
        assert!(
            !run.text().contains(fake_api::PROTECTED_VALUE),
            "Terraform {} {args:?} printed the protected value",
            tf.version
        );
    }
    let output = ws.run(&["output", "-no-color"]);
    assert!(
        !output.text().contains(fake_api::PROTECTED_VALUE),
        "{}",
        output.text()
    );
    if id == fake_api::FULL_DISK_ID {
        // nonsensitive() reveals what the user asks for, here a length.
        let length = ws.run(&["output", "-raw", "password_length"]);
        assert_eq!(
            length.stdout.trim(),
            fake_api::PROTECTED_VALUE.len().to_string(),
            "Terraform {}",
            tf.version
        );
        // Usable where a script asks for it explicitly.
        let password = ws.run(&["output", "-raw", "password"]);
        assert_eq!(
            password.stdout,
            fake_api::PROTECTED_VALUE,
            "Terraform {}",
            tf.version
        );
        let template = ws.run(&["output", "-raw", "template"]);
        assert!(
            template.success && !template.stdout.is_empty(),
            "{}",
            template.text()
        );
    }
}

/// A whole-disk output without `sensitive = true` is refused the same way
/// for every disk, with or without protected values.
fn a_whole_disk_output_must_be_sensitive(tf: &Terraform) {
    for id in [fake_api::FULL_DISK_ID, fake_api::REAL_DISK_ID] {
        let bare = format!(
            "{REQUIRED_PROVIDERS}\ndata \"katapult_disk\" \"web\" {{\n  id = \"{id}\"\n}}\n\
             output \"whole\" {{\n  value = data.katapult_disk.web\n}}\n"
        );
        let plan = Workspace::new(tf, &bare).run(&["plan", "-no-color"]);
        assert!(
            !plan.success,
            "Terraform {} for {id}: {}",
            tf.version,
            plan.text()
        );
        assert!(
            plan.text().contains("Output refers to sensitive values"),
            "{}",
            plan.text()
        );
        assert!(!plan.text().contains(fake_api::PROTECTED_VALUE));
    }
}

#[test]
fn validate_rejects_an_empty_id_at_the_attribute() {
    let config =
        format!("{REQUIRED_PROVIDERS}\ndata \"katapult_disk\" \"this\" {{\n  id = \"\"\n}}\n");
    for tf in terraforms() {
        let ws = Workspace::new(tf, &config);
        let run = ws.run(&["validate", "-no-color"]);
        assert!(!run.success, "Terraform {}", tf.version);
        let text = run.text();
        assert!(text.contains("Error: Empty disk ID"), "{text}");
        assert!(
            text.contains("with data.katapult_disk.this") || text.contains("on main.tf line"),
            "{text}"
        );
        assert!(
            text.contains("id = \"\""),
            "diagnostic points at the attribute: {text}"
        );
    }
}

#[test]
fn an_id_known_only_at_apply_is_read_at_apply() {
    // timestamp() is unknown while planning, so the id is too.
    let config = format!(
        "{REQUIRED_PROVIDERS}\ndata \"katapult_disk\" \"later\" {{\n  id = \"{}${{substr(timestamp(), 0, 0)}}\"\n}}\n",
        fake_api::REAL_DISK_ID
    );
    for tf in terraforms() {
        let ws = Workspace::new(tf, &config);
        let plan = ws.run(&["plan", "-no-color"]);
        assert!(plan.success, "Terraform {}: {}", tf.version, plan.text());
        assert!(
            plan.text().contains("will be read during apply"),
            "{}",
            plan.text()
        );
        let state = ws.read_disk_state("later");
        assert_eq!(state["name"], "tf-acc-test-data-source-mKu5JbeLhav3");
    }
}

#[test]
fn the_documented_example_plans_under_every_terraform() {
    let example = include_str!("../../examples/data-sources/katapult_disk/data-source.tf");
    for tf in terraforms() {
        for (id, name) in [
            (
                fake_api::REAL_DISK_ID,
                "tf-acc-test-data-source-mKu5JbeLhav3",
            ),
            (fake_api::FULL_DISK_ID, "web-01-boot"),
        ] {
            let ws = Workspace::new(tf, example).env("TF_VAR_disk_id", Some(id));
            let plan = ws.run(&["plan", "-no-color"]);
            assert!(
                plan.success,
                "Terraform {} with {id}: {}",
                tf.version,
                plan.text()
            );
            assert!(
                plan.text().contains(&format!("name = \"{name}\"")),
                "{}",
                plan.text()
            );
            assert!(
                !plan.text().contains(fake_api::PROTECTED_VALUE),
                "a protected value was shown"
            );
        }
    }
}

/// The example from the `katapult_disk` page of Katapult's Go provider,
/// word for word.
const GO_PROVIDER_EXAMPLE: &str = r#"data "katapult_disk" "database" {
  id = "disk_2YvW3Z8kQm5nL7pR"
}

output "database_disk_assignment" {
  value = {
    virtual_machine_id = data.katapult_disk.database.virtual_machine_id
    attach_on_boot     = data.katapult_disk.database.attach_on_boot
    attachment_state   = data.katapult_disk.database.attachment_state
  }
}
"#;

/// Every attribute the Go provider's `katapult_disk` exports.
const GO_PROVIDER_ATTRIBUTES: [&str; 14] = [
    "id",
    "name",
    "size_in_gb",
    "wwn",
    "state",
    "io_profile_id",
    "data_center_id",
    "data_center_name",
    "data_center_permalink",
    "virtual_machine_id",
    "virtual_machine_fqdn",
    "boot",
    "attach_on_boot",
    "attachment_state",
];

#[test]
fn a_configuration_written_for_the_go_provider_works_unchanged() {
    let every = GO_PROVIDER_ATTRIBUTES
        .iter()
        .map(|a| format!("    {a} = data.katapult_disk.database.{a}\n"))
        .collect::<String>();
    for tf in terraforms() {
        // Attached (the example's own id), then unattached (the only change).
        for (id, attached) in [
            (fake_api::GO_EXAMPLE_DISK_ID, true),
            (fake_api::REAL_DISK_ID, false),
        ] {
            let config = format!(
                "{REQUIRED_PROVIDERS}\n{}output \"every\" {{\n  value = {{\n{every}  }}\n}}\n",
                GO_PROVIDER_EXAMPLE.replace(fake_api::GO_EXAMPLE_DISK_ID, id)
            );
            let ws = Workspace::new(tf, &config);
            let validate = ws.run(&["validate", "-no-color"]);
            assert!(
                validate.success,
                "Terraform {}: {}",
                tf.version,
                validate.text()
            );
            let state = ws.read_disk_state("database");
            let output = ws.run(&["output", "-json"]);
            let outputs: serde_json::Value = serde_json::from_str(&output.stdout).unwrap();
            let assignment = &outputs["database_disk_assignment"]["value"];
            let nested = &state["virtual_machine_disk"];
            if attached {
                assert_eq!(
                    assignment["virtual_machine_id"],
                    nested["virtual_machine"]["id"]
                );
                assert_eq!(assignment["attach_on_boot"], nested["attach_on_boot"]);
                assert_eq!(assignment["attachment_state"], nested["state"]);
                assert_eq!(assignment["attachment_state"], "attached");
                assert_eq!(
                    state["virtual_machine_fqdn"],
                    nested["virtual_machine"]["fqdn"]
                );
                assert_eq!(state["boot"], nested["boot"]);
            } else {
                assert!(nested.is_null());
                for flat in ["virtual_machine_id", "attach_on_boot", "attachment_state"] {
                    assert!(assignment[flat].is_null(), "{flat}: {assignment}");
                }
            }
            let every = &outputs["every"]["value"];
            for a in GO_PROVIDER_ATTRIBUTES {
                assert_eq!(every[a], state[a], "Terraform {} {id}: {a}", tf.version);
            }
            assert_eq!(state["data_center_id"], state["data_center"]["id"]);
            assert_eq!(state["io_profile_id"], state["io_profile"]["id"]);
        }
    }
}
