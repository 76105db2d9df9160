//! The helpers the end-to-end tests share: the configurations they start
//! from, and the runs they make of Terraform with what each returns (the
//! state read back, the outputs, a failing plan's text).

use katapult_testkit::terraform::{
    OwnApi, REQUIRED_PROVIDERS, Terraform, Workspace, data_states, terraforms,
};
use serde_json::Value;
use sha2::Digest;

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

/// How a configuration hands a secret an ephemeral resource opened on to a
/// second provider (its `child` module opens it), and what shows it worked.
pub(crate) struct HandingOn<'a> {
    /// The root configuration and the child module's.
    pub config: &'a str,
    pub child: &'a str,
    /// The secret, whose SHA-256 the second provider sends as its API key.
    pub secret: &'a str,
    /// What the apply's output holds when the second provider read with it.
    pub applied: &'a str,
    /// The pieces of secrets no text may hold, and what to call them.
    pub pieces: Vec<String>,
    pub what: &'a str,
}

/// Under every Terraform from 1.10 on, against its own API: the secret
/// reaches the second provider (the API sees its hash as a key), and no
/// piece of it is in the plan, apply or output text, the state, the saved
/// plan or the provider's log at its most verbose.
pub(crate) fn handed_on_and_stored_nowhere(case: &HandingOn<'_>) {
    let newer: Vec<_> = terraforms()
        .iter()
        .filter(|tf| !tf.older_than(1, 10))
        .collect();
    assert!(!newer.is_empty(), "no Terraform 1.10 or newer on PATH");
    let handed = format!("{:x}", sha2::Sha256::digest(case.secret.as_bytes()));
    for tf in newer {
        let at = format!("Terraform {}", tf.version);
        let own = OwnApi::start();
        let ws = Workspace::with_api(tf, case.config, &own.api);
        std::fs::create_dir(ws.path().join("child")).unwrap();
        std::fs::write(ws.path().join("child/main.tf"), case.child).unwrap();
        let get = ws.run(&["get", "-no-color"]);
        assert!(get.success, "{at}: {}", get.text());
        let plan = ws.run(&["plan", "-no-color", "-out=saved.tfplan"]);
        assert!(plan.success, "{at}: {}", plan.text());
        let apply = ws.run(&["apply", "-auto-approve", "-no-color"]);
        assert!(apply.success, "{at}: {}", apply.text());
        assert!(
            apply.text().contains(case.applied),
            "{at}: {}",
            apply.text()
        );
        // The provider configured with it sent exactly the secret's hash.
        assert!(
            own.api.keys_seen().contains(&handed),
            "{at}: the handed-on secret never reached the API"
        );
        let output = ws.run(&["output", "-no-color"]);
        let mut seen = vec![
            ("plan output", plan.text()),
            ("apply output", apply.text()),
            ("output", output.text()),
            ("state", ws.state_text()),
            (
                "saved plan",
                String::from_utf8_lossy(&unzipped(&ws.path().join("saved.tfplan"))).into_owned(),
            ),
        ];
        // Nor in the provider's own logs at the most verbose level.
        let traced = ws
            .env("TF_LOG_PROVIDER", Some("trace"))
            .run(&["plan", "-no-color"]);
        assert!(traced.success, "{at}: {}", traced.text());
        assert!(
            traced.stderr.contains("OpenEphemeralResource"),
            "{at}: no provider trace lines"
        );
        seen.push(("provider trace log", traced.stderr));
        for (place, text) in seen {
            for piece in &case.pieces {
                assert!(
                    !text.contains(piece),
                    "{at}: {} is in the {place}",
                    case.what
                );
            }
        }
    }
}
