//! The provider's integration tests, one test binary: the end-to-end tests
//! (the real Terraform CLI drives the built provider against the test kit's
//! fake Katapult API), the go-plugin transport, the committed docs and the
//! fuzz regressions. A module a subject; the shared helpers live in the
//! `katapult-testkit` crate (`testkit/`).
//!
//! Run one subject with `cargo test --test e2e disk_family::`.

mod api_errors;
mod data_centers;
mod debug;
mod disk;
mod disk_family;
mod disks;
mod docs;
mod ephemeral;
mod examples;
mod fuzz_regressions;
mod hardening;
mod load_balancers;
mod networks;
mod properties;
mod reliability;
mod sample_organization;
mod schema_objects;
mod security_groups;
mod settings;
mod side_by_side;
mod storage;
mod tags;
mod transport;
mod virtual_machines;
mod vm_groups_packages;

use katapult_testkit::terraform::{REQUIRED_PROVIDERS, Terraform, Workspace};
use serde_json::Value;

/// A configuration reading the disk `id` into `data.katapult_disk.this`,
/// with `provider_block` inside the provider block.
fn disk_config(id: &str, provider_block: &str) -> String {
    format!(
        "{REQUIRED_PROVIDERS}\nprovider \"katapult\" {{\n{provider_block}\n}}\n\
         data \"katapult_disk\" \"this\" {{\n  id = \"{id}\"\n}}\n"
    )
}

/// `terraform apply`, then the state's attributes of each `data.TYPE.NAME`.
pub(crate) fn applied(ws: &Workspace, data: &[(&str, &str)]) -> Vec<Value> {
    let run = ws.run(&["apply", "-auto-approve", "-no-color"]);
    assert!(run.success, "{}", run.text());
    let state: Value =
        serde_json::from_slice(&std::fs::read(ws.path().join("terraform.tfstate")).unwrap())
            .unwrap();
    data.iter()
        .map(|(ty, name)| {
            state["resources"]
                .as_array()
                .unwrap()
                .iter()
                .find(|r| r["mode"] == "data" && r["type"] == *ty && r["name"] == *name)
                .unwrap_or_else(|| panic!("no data.{ty}.{name} in {state}"))["instances"][0]
                ["attributes"]
                .clone()
        })
        .collect()
}

/// A failing plan's text.
pub(crate) fn failed_plan(tf: &Terraform, config: &str) -> String {
    let plan = Workspace::new(tf, config).run(&["plan", "-no-color"]);
    let text = plan.text();
    assert!(!plan.success, "{text}");
    assert!(!text.contains("internal error"), "{text}");
    text
}

/// `validate`, `plan` and `apply` of the configuration `name` in `ws`, each
/// required to succeed; then its outputs.
pub(crate) fn applied_outputs(ws: &Workspace, tf: &Terraform, name: &str) -> Value {
    for command in [
        &["validate", "-no-color"][..],
        &["plan", "-no-color"],
        &["apply", "-auto-approve", "-no-color"],
    ] {
        let run = ws.run(command);
        assert!(
            run.success,
            "Terraform {} {command:?} of {name}: {}",
            tf.version,
            run.text()
        );
    }
    let output = ws.run(&["output", "-json"]);
    assert!(output.success, "{}", output.text());
    serde_json::from_str(&output.stdout).unwrap()
}

/// The test kit runs the binary Cargo built for these tests: the path it
/// finds is the one Cargo names.
#[test]
fn the_test_kit_runs_the_provider_cargo_built() {
    assert_eq!(
        katapult_testkit::provider_binary(),
        std::path::Path::new(env!("CARGO_BIN_EXE_terraform-provider-katapult"))
    );
}
