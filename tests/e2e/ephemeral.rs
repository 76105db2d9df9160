//! `ephemeral "katapult_disk"`: protected values handed on without touching
//! state or plan files (Terraform 1.10 and later), and Terraforms that do
//! not know ephemeral resources keep working as before.

use katapult_testkit::fake_api::{self, FULL_DISK_ID, PROTECTED_VALUE, REAL_DISK_ID};
use katapult_testkit::terraform::{OwnApi, REQUIRED_PROVIDERS, Workspace, terraforms};

/// A child module that opens the ephemeral disk and hands its root password
/// up as an ephemeral output.
const CHILD: &str = r#"terraform {
  required_providers {
    katapult = { source = "krystal/katapult" }
  }
}

variable "disk_id" {
  type = string
}

ephemeral "katapult_disk" "disk" {
  id = var.disk_id
}

output "root_password" {
  value     = ephemeral.katapult_disk.disk.protected_attributes["root_password"]
  sensitive = true
  ephemeral = true
}
"#;

/// The root: the child's ephemeral password becomes an aliased provider's
/// `api_key`, and that provider reads a disk; a second ephemeral disk is
/// opened directly, its non-secret values used in a local only.
fn root() -> String {
    format!(
        r#"{REQUIRED_PROVIDERS}
module "secrets" {{
  source  = "./child"
  disk_id = "{FULL_DISK_ID}"
}}

provider "katapult" {{
  alias   = "with_handed_key"
  api_key = module.secrets.root_password
}}

data "katapult_disk" "through_handed_key" {{
  provider = katapult.with_handed_key
  id       = "{REAL_DISK_ID}"
}}

ephemeral "katapult_disk" "direct" {{
  id = "{FULL_DISK_ID}"
}}

output "read_with_handed_key" {{
  value = data.katapult_disk.through_handed_key.name
}}
"#
    )
}

fn ephemeral_terraforms() -> Vec<&'static katapult_testkit::terraform::Terraform> {
    terraforms()
        .iter()
        .filter(|tf| !tf.older_than(1, 10))
        .collect()
}

#[test]
fn protected_values_are_handed_on_but_never_stored() {
    let newer = ephemeral_terraforms();
    assert!(
        !newer.is_empty(),
        "no Terraform 1.10 or newer to test ephemeral resources with: put one on PATH"
    );
    for tf in newer {
        let own = OwnApi::start();
        let ws = Workspace::with_api(tf, &root(), &own.api);
        std::fs::create_dir(ws.path().join("child")).unwrap();
        std::fs::write(ws.path().join("child/main.tf"), CHILD).unwrap();

        // Installs the child module (`init` would look the provider up in
        // the registry; it comes from dev_overrides).
        let init = ws.run(&["get", "-no-color"]);
        assert!(init.success, "Terraform {}: {}", tf.version, init.text());
        let plan = ws.run(&["plan", "-no-color", "-out=saved.tfplan"]);
        assert!(plan.success, "Terraform {}: {}", tf.version, plan.text());
        let apply = ws.run(&["apply", "-auto-approve", "-no-color"]);
        assert!(apply.success, "Terraform {}: {}", tf.version, apply.text());
        assert!(
            apply
                .text()
                .contains("read_with_handed_key = \"tf-acc-test-data-source-mKu5JbeLhav3\""),
            "{}",
            apply.text()
        );
        // The aliased provider really used the protected value as its key.
        assert!(
            own.api.keys_seen().iter().any(|k| k == PROTECTED_VALUE),
            "the handed-on key never reached the API"
        );

        for (what, bytes) in [
            ("plan output", plan.text().into_bytes()),
            ("apply output", apply.text().into_bytes()),
            ("state", ws.state_text().into_bytes()),
            (
                "saved plan",
                std::fs::read(ws.path().join("saved.tfplan")).unwrap(),
            ),
        ] {
            assert!(
                !contains(&bytes, PROTECTED_VALUE.as_bytes()),
                "Terraform {}: the protected value is in the {what}",
                tf.version
            );
        }
        let state = ws.state_text();
        assert!(
            !state.contains("\"ephemeral\""),
            "ephemeral resource in state"
        );
        let output = ws.run(&["output", "-no-color"]);
        assert!(!output.text().contains(PROTECTED_VALUE));

        // Nor in the provider's own logs at the most verbose level.
        let traced = ws
            .env("TF_LOG_PROVIDER", Some("trace"))
            .run(&["plan", "-no-color"]);
        assert!(traced.success, "{}", traced.text());
        assert!(
            traced.stderr.contains("OpenEphemeralResource"),
            "no provider trace lines"
        );
        assert!(
            !traced.stderr.contains(PROTECTED_VALUE),
            "Terraform {}: the protected value is in the trace log",
            tf.version
        );
    }
}

/// The plan file is a zip; its entries are deflated, so look inside too.
fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    if haystack.windows(needle.len()).any(|w| w == needle) {
        return true;
    }
    let Ok(dir) = tempfile::tempdir() else {
        return false;
    };
    let file = dir.path().join("blob");
    if std::fs::write(&file, haystack).is_err() {
        return false;
    }
    let unpacked = dir.path().join("unpacked");
    let ok = std::process::Command::new("python3")
        .args(["-m", "zipfile", "-e"])
        .arg(&file)
        .arg(&unpacked)
        // Most files searched are not zips: Python's traceback says only that.
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    ok && walk(&unpacked)
        .iter()
        .any(|f| std::fs::read(f).is_ok_and(|b| b.windows(needle.len()).any(|w| w == needle)))
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else {
            files.push(path);
        }
    }
    files
}

#[test]
fn errors_and_unknowns_behave_as_for_the_data_source() {
    for tf in ephemeral_terraforms() {
        let config = format!(
            "{REQUIRED_PROVIDERS}\nephemeral \"katapult_disk\" \"gone\" {{\n  id = \"{}\"\n}}\n",
            fake_api::ids::NOT_FOUND
        );
        let plan = Workspace::new(tf, &config).run(&["plan", "-no-color"]);
        let text = plan.text();
        assert!(!plan.success, "{text}");
        assert!(text.contains("Disk not found"), "{text}");
        assert!(text.contains("id ="), "not at the attribute: {text}");

        let config = format!(
            "{REQUIRED_PROVIDERS}\nephemeral \"katapult_disk\" \"empty\" {{\n  id = \"\"\n}}\n"
        );
        let validate = Workspace::new(tf, &config).run(&["validate", "-no-color"]);
        assert!(!validate.success);
        assert!(
            validate.text().contains("Empty disk ID"),
            "{}",
            validate.text()
        );
    }
}

#[test]
fn terraform_1_0_says_what_it_lacks_and_everything_else_works() {
    let older: Vec<_> = terraforms()
        .iter()
        .filter(|tf| tf.older_than(1, 10))
        .collect();
    for tf in &older {
        let config = format!(
            "{REQUIRED_PROVIDERS}\nephemeral \"katapult_disk\" \"boot\" {{\n  id = \"{REAL_DISK_ID}\"\n}}\n"
        );
        let plan = Workspace::new(tf, &config).run(&["plan", "-no-color"]);
        let text = plan.text();
        assert!(!plan.success, "{text}");
        assert!(text.contains("ephemeral"), "{text}");
        assert!(
            !text.contains("internal error") && !text.contains("panic"),
            "{text}"
        );
        // The same provider, offering an ephemeral resource, still serves
        // this Terraform's data sources.
        let config = format!(
            "{REQUIRED_PROVIDERS}\ndata \"katapult_disk\" \"boot\" {{\n  id = \"{REAL_DISK_ID}\"\n}}\n"
        );
        let plan = Workspace::new(tf, &config).run(&["plan", "-no-color"]);
        assert!(plan.success, "Terraform {}: {}", tf.version, plan.text());
    }
    assert!(
        !older.is_empty(),
        "no Terraform older than 1.10 found (scripts/install-terraform.sh installs 1.0.3)"
    );
}

#[test]
fn the_documented_example_applies_without_storing_the_secret() {
    let example = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("examples/ephemeral-resources/katapult_disk/ephemeral-resource.tf"),
    )
    .unwrap();
    let newer = ephemeral_terraforms();
    assert!(!newer.is_empty(), "no Terraform 1.10 or newer on PATH");
    for tf in newer {
        let ws = Workspace::new(tf, &example);
        let apply = ws.run(&["apply", "-auto-approve", "-no-color"]);
        assert!(apply.success, "Terraform {}: {}", tf.version, apply.text());
        assert!(
            apply
                .text()
                .contains("name = \"tf-acc-test-data-source-mKu5JbeLhav3\"")
        );
        let state = ws.state_text().into_bytes();
        assert!(!contains(&state, PROTECTED_VALUE.as_bytes()));
        assert!(!apply.text().contains(PROTECTED_VALUE));
    }
}
