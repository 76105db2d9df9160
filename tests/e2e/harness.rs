//! The helpers the end-to-end tests share: the configurations they start
//! from, and the runs they make of Terraform with what each returns (the
//! state read back, the outputs, a failing plan's text).

use katapult_testkit::terraform::{REQUIRED_PROVIDERS, Terraform, Workspace, data_states};
use serde_json::Value;

/// A configuration reading the disk `id` into `data.katapult_disk.this`,
/// with `provider_block` inside the provider block.
pub(crate) fn disk_config(id: &str, provider_block: &str) -> String {
    format!(
        "{REQUIRED_PROVIDERS}\nprovider \"katapult\" {{\n{provider_block}\n}}\n\
         data \"katapult_disk\" \"this\" {{\n  id = \"{id}\"\n}}\n"
    )
}

/// `terraform apply`, then the state's attributes of each `data.TYPE.NAME`
/// (its first instance), in the order asked for.
pub(crate) fn applied<const N: usize>(ws: &Workspace, data: &[(&str, &str); N]) -> [Value; N] {
    ws.apply();
    let state = ws.state();
    data.map(|(ty, name)| data_states(&state, ty, name).swap_remove(0))
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

/// A saved plan `plan` as bytes to search: the zip as written, then each
/// of its files inflated (a plan is a zip of deflated entries, where a
/// plain search finds nothing); its files must hold something.
pub(crate) fn unzipped(plan: &std::path::Path) -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let ok = std::process::Command::new("python3")
        .args(["-m", "zipfile", "-e"])
        .arg(plan)
        .arg(dir.path())
        .status()
        .is_ok_and(|s| s.success());
    assert!(ok, "cannot unzip {}", plan.display());
    let mut inflated = Vec::new();
    let mut stack = vec![dir.path().to_path_buf()];
    while let Some(path) = stack.pop() {
        if path.is_dir() {
            stack.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
        } else {
            inflated.extend(std::fs::read(&path).unwrap());
        }
    }
    assert!(inflated.len() > 100, "an empty plan");
    let mut bytes = std::fs::read(plan).unwrap();
    bytes.extend(inflated);
    bytes
}
