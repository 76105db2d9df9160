//! End to end: the real Terraform CLI (every version found) drives the built
//! provider against the fake Katapult API on 127.0.0.1.

mod support;

use support::fake_api::{self, ids};
use support::terraform::{REQUIRED_PROVIDERS, TEST_API_KEY, Workspace, terraforms};

fn disk_config(id: &str, provider_block: &str) -> String {
    format!(
        "{REQUIRED_PROVIDERS}\nprovider \"katapult\" {{\n{provider_block}\n}}\n\
         data \"katapult_disk\" \"this\" {{\n  id = \"{id}\"\n}}\n"
    )
}

/// What the state must hold for a fixture: the API's disk object, field for
/// field, with the annotations from beside it and nothing the schema lacks;
/// the Go provider's flat names, each equal to the nested value it copies;
/// protected installation values moved to `protected_attributes`.
fn expected_state(fixture: &str) -> serde_json::Value {
    use serde_json::Value as J;
    let body: J = serde_json::from_str(fixture).unwrap();
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

#[test]
fn reads_the_real_disk_with_nulls_kept_null() {
    for tf in terraforms() {
        let ws = Workspace::new(tf, &disk_config(fake_api::REAL_DISK_ID, ""));
        let state = ws.read_disk_state("this");
        assert_eq!(
            state,
            expected_state(include_str!("fixtures/disk-real.json")),
            "Terraform {}",
            tf.version
        );
        assert!(state["installation"].is_null() && state["virtual_machine_disk"].is_null());
    }
}

#[test]
fn reads_every_field_of_a_fully_populated_disk() {
    for tf in terraforms() {
        let ws = Workspace::new(tf, &disk_config(fake_api::FULL_DISK_ID, ""));
        let state = ws.read_disk_state("this");
        assert_eq!(
            state,
            expected_state(include_str!("fixtures/disk-full.json")),
            "Terraform {}",
            tf.version
        );
    }
}

#[test]
fn passes_enum_values_the_provider_does_not_know_yet() {
    for tf in terraforms() {
        let ws = Workspace::new(tf, &disk_config(fake_api::NEW_ENUM_DISK_ID, ""));
        let state = ws.read_disk_state("this");
        assert_eq!(
            state,
            expected_state(include_str!("fixtures/disk-new-enum.json"))
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
            "iops = 20000",
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
    let config = |id: &str| {
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
    };
    let mut ran = 0;
    for tf in terraforms() {
        for id in [fake_api::FULL_DISK_ID, fake_api::REAL_DISK_ID] {
            let ws = Workspace::new(tf, &config(id));
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
            ran += 1;
        }

        // A whole-disk output without `sensitive = true` is refused the same
        // way for every disk, with or without protected values.
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
    assert!(ran >= 2, "no Terraform ran this test");
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

/// An error case: the disk id (or provider settings) that triggers it, and
/// what the user must be told.
struct Case {
    id: &'static str,
    provider: &'static str,
    env: &'static [(&'static str, Option<&'static str>)],
    want: &'static [&'static str],
}

fn assert_plan_fails(case: &Case) {
    for tf in terraforms() {
        let mut ws = Workspace::new(tf, &disk_config(case.id, case.provider));
        for (k, v) in case.env {
            ws = ws.env(k, *v);
        }
        let run = ws.run(&["plan", "-no-color"]);
        let text = run.text();
        assert!(
            !run.success,
            "Terraform {}: plan of {} succeeded:\n{text}",
            tf.version, case.id
        );
        for want in case.want {
            assert!(
                text.contains(want),
                "Terraform {}: no {want:?} in:\n{text}",
                tf.version
            );
        }
        assert!(!text.contains(TEST_API_KEY), "the API key leaked:\n{text}");
        assert!(!text.contains("panic"), "{text}");
    }
}

#[test]
fn error_disk_not_found_points_at_id() {
    for id in [ids::NOT_FOUND, ids::NOT_FOUND_BARE] {
        assert_plan_fails(&Case {
            id,
            provider: "",
            env: &[],
            want: &["Error: Disk not found", "no disk with ID", "id = \"disk_"],
        });
    }
}

#[test]
fn error_disk_in_trash() {
    assert_plan_fails(&Case {
        id: ids::IN_TRASH,
        provider: "",
        env: &[],
        want: &[
            "Error: Disk is in the trash",
            "kept there until 2026-09-21 14:13:20 UTC",
            "Restore it from the trash",
        ],
    });
}

#[test]
fn error_rate_limited() {
    assert_plan_fails(&Case {
        id: ids::RATE_LIMITED,
        provider: "  max_retries = 0",
        env: &[],
        want: &["Error: Katapult rate limit reached", "1000 per minute"],
    });
}

#[test]
fn error_service_unavailable() {
    assert_plan_fails(&Case {
        id: ids::UNAVAILABLE,
        provider: "  max_retries = 0",
        env: &[],
        want: &["Error: Katapult is unavailable", "Try again later"],
    });
}

#[test]
fn error_network_not_allowed_names_the_ip() {
    assert_plan_fails(&Case {
        id: ids::NETWORK_BLOCKED,
        provider: "",
        env: &[],
        want: &["Error: Network not allowed for this API key", "203.0.113.9"],
    });
}

#[test]
fn error_scope_not_granted_names_the_scopes() {
    assert_plan_fails(&Case {
        id: ids::SCOPE_MISSING,
        provider: "",
        env: &[],
        want: &[
            "Error: API key lacks the scope to read disks",
            "\"disks\", \"disks:read\"",
        ],
    });
}

#[test]
fn error_invalid_capabilities_token() {
    assert_plan_fails(&Case {
        id: ids::CAPABILITIES,
        provider: "",
        env: &[],
        want: &["Error: Invalid Katapult capabilities token"],
    });
}

#[test]
fn error_invalid_api_key() {
    assert_plan_fails(&Case {
        id: fake_api::REAL_DISK_ID,
        provider: "",
        env: &[("KATAPULT_API_KEY", Some(fake_api::INVALID_TOKEN))],
        want: &[
            "Error: Invalid Katapult API key",
            "No token with that value exists",
            "KATAPULT_API_KEY",
        ],
    });
}

#[test]
fn error_missing_api_key_names_attribute_and_variable() {
    assert_plan_fails(&Case {
        id: fake_api::REAL_DISK_ID,
        provider: "",
        env: &[("KATAPULT_API_KEY", None)],
        want: &[
            "Error: Missing Katapult API key",
            "api_key",
            "KATAPULT_API_KEY",
        ],
    });
}

#[test]
fn error_proxy_html_page() {
    assert_plan_fails(&Case {
        id: ids::PROXY_HTML,
        provider: "  max_retries = 0",
        env: &[],
        want: &[
            "Error: Unexpected response from Katapult",
            "HTTP 502",
            "HTML page titled \"502 Bad Gateway\"",
        ],
    });
}

#[test]
fn error_body_not_json() {
    assert_plan_fails(&Case {
        id: ids::NOT_JSON,
        provider: "",
        env: &[],
        want: &[
            "Error: Unexpected response from Katapult",
            "2 bytes that are not JSON (text/plain)",
        ],
    });
}

#[test]
fn error_field_of_the_wrong_type() {
    assert_plan_fails(&Case {
        id: ids::WRONG_TYPES,
        provider: "",
        env: &[],
        want: &[
            "Error: Unexpected response from Katapult",
            "size_in_gb should be a number but the API sent a string",
        ],
    });
}

#[test]
fn error_timeout() {
    assert_plan_fails(&Case {
        id: ids::STALLED,
        provider: "  request_timeout = \"1s\"\n  max_retries = 0",
        env: &[],
        want: &[
            "Error: Katapult did not answer in time",
            "within 1s",
            "request_timeout",
        ],
    });
}

#[test]
fn error_connection_refused() {
    assert_plan_fails(&Case {
        id: fake_api::REAL_DISK_ID,
        provider: "  api_url = \"http://127.0.0.1:1\"\n  max_retries = 0",
        env: &[],
        want: &[
            "Error: Cannot connect to Katapult",
            "http://127.0.0.1:1/core/v1/",
            "refused",
        ],
    });
}

#[test]
fn error_plain_http_to_a_remote_host_is_refused() {
    assert_plan_fails(&Case {
        id: fake_api::REAL_DISK_ID,
        provider: "  api_url = \"http://api.katapult.io\"",
        env: &[],
        want: &[
            "Error: Invalid Katapult API URL",
            "plain http",
            "use https",
            // Pointed at the attribute: Terraform quotes its line.
            "api_url = \"http://api.katapult.io\"",
        ],
    });
}

#[test]
fn error_invalid_request_timeout_at_validate() {
    assert_plan_fails(&Case {
        id: fake_api::REAL_DISK_ID,
        provider: "  request_timeout = \"soon\"",
        env: &[],
        want: &[
            "Error: Invalid request_timeout",
            "\"soon\" is not a duration",
        ],
    });
}

#[test]
fn configuration_beats_environment() {
    // A working URL in the provider block wins over a dead one in the environment.
    let provider = format!("  api_url = \"{}\"", support::terraform::fake_api().url());
    for tf in terraforms() {
        let ws = Workspace::new(tf, &disk_config(fake_api::REAL_DISK_ID, &provider))
            .env("KATAPULT_API_URL", Some("http://127.0.0.1:1"));
        let state = ws.read_disk_state("this");
        assert_eq!(state["id"], fake_api::REAL_DISK_ID);
    }
}

#[test]
fn debug_logs_reach_terraform_without_the_key() {
    for tf in terraforms() {
        let ws = Workspace::new(tf, &disk_config(fake_api::REAL_DISK_ID, ""))
            .env("TF_LOG", Some("debug"));
        let run = ws.run(&["plan", "-no-color"]);
        assert!(run.success, "{}", run.text());
        let logs = &run.stderr;
        for want in [
            "Katapult API answered GET /disks/disk",
            "tf_rpc=ReadDataSource",
            "tf_data_source_type=katapult_disk",
            "http_status=200",
            "tf_req_id=",
        ] {
            assert!(
                logs.contains(want),
                "Terraform {}: no {want:?} in the debug log",
                tf.version
            );
        }
        // Parsed by Terraform as JSON at the right level, not passed through raw.
        assert!(
            !logs.contains("\"@message\""),
            "Terraform did not parse the provider's log lines"
        );
        assert!(!logs.contains(TEST_API_KEY), "the API key is in the log");
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
fn provider_settings_unknown_at_plan_give_a_clear_error() {
    assert_plan_fails(&Case {
        id: fake_api::REAL_DISK_ID,
        provider: "  request_timeout = \"${substr(timestamp(), 0, 0)}30s\"",
        env: &[],
        want: &[
            "Error: Provider configuration not known yet",
            "request_timeout",
        ],
    });
}

#[test]
fn debug_mode_serves_terraform_through_reattach() {
    use std::io::{BufRead, BufReader};
    use std::process::{Command, Stdio};

    let mut provider = Command::new(env!("CARGO_BIN_EXE_terraform-provider-katapult"))
        .arg("--debug")
        .env("KATAPULT_API_URL", support::terraform::fake_api().url())
        .env("KATAPULT_API_KEY", TEST_API_KEY)
        .env_remove("TF_LOG")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = BufReader::new(provider.stdout.take().unwrap());
    let reattach = stdout
        .lines()
        .map_while(Result::ok)
        .find_map(|l| {
            l.trim()
                .strip_prefix("TF_REATTACH_PROVIDERS='")
                .and_then(|v| v.strip_suffix('\''))
                .map(str::to_owned)
        })
        .expect("debug mode prints the TF_REATTACH_PROVIDERS value");

    // One provider process serves every Terraform, one command after another.
    for tf in terraforms() {
        let ws = Workspace::new(tf, &disk_config(fake_api::REAL_DISK_ID, ""))
            .env("TF_REATTACH_PROVIDERS", Some(&reattach));
        let state = ws.read_disk_state("this");
        assert_eq!(state["wwn"], "080643a44c133d4c", "Terraform {}", tf.version);
    }

    std::process::Command::new("kill")
        .args(["-INT", &provider.id().to_string()])
        .status()
        .unwrap();
    let status = provider.wait().unwrap();
    assert!(status.success(), "Ctrl-C ends debug mode cleanly: {status}");
    let mut logs = String::new();
    std::io::Read::read_to_string(&mut provider.stderr.take().unwrap(), &mut logs).unwrap();
    assert!(
        logs.contains("\"tf_rpc\":\"ReadDataSource\""),
        "the debug process itself served the reads:\n{logs}"
    );
    assert!(!logs.contains(TEST_API_KEY));
}

#[test]
fn the_documented_example_plans_under_every_terraform() {
    let example = include_str!("../examples/data-sources/katapult_disk/data-source.tf");
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

#[test]
fn error_invalid_retry_settings_are_caught() {
    assert_plan_fails(&Case {
        id: fake_api::REAL_DISK_ID,
        provider: "  max_retries = 99",
        env: &[],
        want: &[
            "Error: Invalid max_retries",
            "from 0 to 20",
            "max_retries = 99",
        ],
    });
    assert_plan_fails(&Case {
        id: fake_api::REAL_DISK_ID,
        provider: "  read_timeout = \"forever\"",
        env: &[],
        want: &[
            "Error: Invalid read_timeout",
            "\"forever\" is not a duration",
        ],
    });
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

/// Every attribute under `attributes` (nested types included), by path, with
/// its description, and how many sit inside nested types.
fn described_attributes(
    attributes: &serde_json::Value,
    path: &str,
    out: &mut Vec<(String, String)>,
) {
    for (name, attribute) in attributes.as_object().unwrap() {
        let at = format!("{path}{name}");
        let description = attribute["description"].as_str().unwrap_or("").to_owned();
        out.push((at.clone(), description));
        if let Some(inner) = attribute.get("nested_type") {
            described_attributes(&inner["attributes"], &format!("{at}."), out);
        }
    }
}

fn schema_json(ws: &Workspace) -> serde_json::Value {
    let run = ws.run(&["providers", "schema", "-json"]);
    assert!(run.success, "{}", run.text());
    let schema: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let providers = schema["provider_schemas"].as_object().unwrap();
    assert_eq!(providers.len(), 1, "{providers:?}");
    providers.values().next().unwrap().clone()
}

#[test]
fn nested_fields_are_described_where_terraform_can_reference_into_them() {
    for tf in terraforms() {
        let ws = Workspace::new(tf, REQUIRED_PROVIDERS);
        let provider = schema_json(&ws);
        let mut attributes = Vec::new();
        for kind in ["data_source_schemas", "ephemeral_resource_schemas"] {
            let Some(schemas) = provider.get(kind) else {
                // Terraform 1.0 does not know ephemeral resources.
                continue;
            };
            for (type_name, schema) in schemas.as_object().unwrap() {
                described_attributes(
                    &schema["block"]["attributes"],
                    &format!("{type_name}."),
                    &mut attributes,
                );
            }
        }
        let nested: Vec<_> = attributes
            .iter()
            .filter(|(path, _)| path.matches('.').count() > 1)
            .collect();
        let data_center =
            &provider["data_source_schemas"]["katapult_disk"]["block"]["attributes"]["data_center"];
        if tf.older_than(1, 3) {
            // Terraform 1.0 cannot check references into nested attribute
            // types: plain object types, and nested fields undescribed.
            assert!(nested.is_empty(), "Terraform {}: {nested:?}", tf.version);
            assert!(data_center["type"].is_array(), "{data_center}");
        } else {
            assert!(
                nested.len() > 100,
                "Terraform {}: only {} nested fields",
                tf.version,
                nested.len()
            );
            assert_eq!(data_center["nested_type"]["nesting_mode"], "single");
            let permalink = &data_center["nested_type"]["attributes"]["permalink"];
            assert!(
                permalink["description"]
                    .as_str()
                    .unwrap()
                    .contains("permalink"),
                "{permalink}"
            );
            let disks =
                &provider["data_source_schemas"]["katapult_disks"]["block"]["attributes"]["disks"];
            assert_eq!(disks["nested_type"]["nesting_mode"], "list");
        }
        let undescribed: Vec<_> = attributes.iter().filter(|(_, d)| d.is_empty()).collect();
        assert!(
            undescribed.is_empty(),
            "Terraform {}: {undescribed:?}",
            tf.version
        );

        // The variable overrides the choice either way, and a wrong value
        // is an error that names it.
        let forced = |value| {
            let ws =
                Workspace::new(tf, REQUIRED_PROVIDERS).env("KATAPULT_SCHEMA_OBJECTS", Some(value));
            schema_json(&ws)["data_source_schemas"]["katapult_disk"]["block"]["attributes"]
                ["data_center"]
                .clone()
        };
        assert!(forced("plain")["type"].is_array());
        assert!(forced("NESTED")["nested_type"].is_object());
        let ws =
            Workspace::new(tf, REQUIRED_PROVIDERS).env("KATAPULT_SCHEMA_OBJECTS", Some("both"));
        let run = ws.run(&["providers", "schema", "-json"]);
        assert!(!run.success);
        // `providers schema` takes no -no-color: drop the colour codes.
        let mut text = String::new();
        let mut rest = run.text();
        while let Some(at) = rest.find('\u{1b}') {
            text.push_str(&rest[..at]);
            let end = rest[at..].find('m').map_or(rest.len(), |m| at + m + 1);
            rest = rest.split_off(end);
        }
        text.push_str(&rest);
        let text = support::terraform::normalize(&text);
        assert!(
            text.contains("Invalid KATAPULT_SCHEMA_OBJECTS: KATAPULT_SCHEMA_OBJECTS is \"both\""),
            "Terraform {}: {text}",
            tf.version
        );
    }
}

/// Terraform 1.0 with nested types forced shows why they are not its
/// default: a reference into one does not validate.
#[test]
fn terraform_1_0_cannot_reference_into_forced_nested_types() {
    let old: Vec<_> = terraforms()
        .iter()
        .filter(|tf| tf.older_than(1, 3))
        .collect();
    assert!(!old.is_empty(), "no Terraform 1.0 among {:?}", terraforms());
    for tf in old {
        let config = format!(
            "{REQUIRED_PROVIDERS}\ndata \"katapult_disk\" \"this\" {{\n  id = \"{}\"\n}}\n\
             output \"dc\" {{ value = data.katapult_disk.this.data_center.permalink }}\n",
            fake_api::REAL_DISK_ID
        );
        let ws = Workspace::new(tf, &config);
        let plan = ws.run(&["plan", "-no-color"]);
        assert!(plan.success, "{}", plan.text());
        let ws = ws.env("KATAPULT_SCHEMA_OBJECTS", Some("nested"));
        let plan = ws.run(&["plan", "-no-color"]);
        assert!(!plan.success, "{}", plan.text());
        assert!(
            plan.text()
                .contains("This value does not have any attributes"),
            "{}",
            plan.text()
        );
    }
}
