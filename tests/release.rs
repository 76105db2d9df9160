//! The release archives install the way users install providers: from a
//! local mirror through `terraform init`, which checks them against their
//! checksums, then plan a disk — under every Terraform found.

mod support;

use std::path::Path;
use std::process::Command;

use support::fake_api;
use support::terraform::{Workspace, terraforms};

const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Packages the binary Cargo built with the release script, into `dist`.
fn package(dist: &Path) {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/release.sh");
    let out = Command::new("bash")
        .arg(&script)
        .args([
            "--binary",
            env!("CARGO_BIN_EXE_terraform-provider-katapult"),
        ])
        .env("DIST", dist)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "release.sh failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn archives_install_from_a_local_mirror_and_plan_a_disk() {
    let dist = tempfile::tempdir().unwrap();
    package(dist.path());
    let zip_name = format!("terraform-provider-katapult_{VERSION}_linux_amd64.zip");
    let sums = std::fs::read_to_string(
        dist.path()
            .join(format!("terraform-provider-katapult_{VERSION}_SHA256SUMS")),
    )
    .unwrap();
    let zip_sum = sums
        .lines()
        .find_map(|l| l.strip_suffix(&format!("  {zip_name}")))
        .unwrap_or_else(|| panic!("no checksum for {zip_name} in:\n{sums}"))
        .to_owned();
    let actual = Command::new("sha256sum")
        .arg(dist.path().join(&zip_name))
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&actual.stdout).starts_with(&zip_sum),
        "SHA256SUMS does not match the archive"
    );
    let manifest: serde_json::Value = serde_json::from_slice(
        &std::fs::read(dist.path().join(format!(
            "terraform-provider-katapult_{VERSION}_manifest.json"
        )))
        .unwrap(),
    )
    .unwrap();
    assert_eq!(
        manifest["metadata"]["protocol_versions"],
        serde_json::json!(["6.0"])
    );
    assert!(sums.contains(&format!(
        "terraform-provider-katapult_{VERSION}_manifest.json"
    )));

    let config = format!(
        "terraform {{\n  required_providers {{\n    katapult = {{\n      source  = \"krystal/katapult\"\n      version = \"{VERSION}\"\n    }}\n  }}\n}}\n\
         data \"katapult_disk\" \"d\" {{\n  id = \"{}\"\n}}\noutput \"name\" {{\n  value = data.katapult_disk.d.name\n}}\n",
        fake_api::REAL_DISK_ID
    );
    for tf in terraforms() {
        let ws = Workspace::installed(tf, &config);
        // The packed mirror layout: HOSTNAME/NAMESPACE/TYPE/ARCHIVE.zip.
        let mirror = ws
            .path()
            .join("mirror/registry.terraform.io/krystal/katapult");
        std::fs::create_dir_all(&mirror).unwrap();
        std::fs::copy(dist.path().join(&zip_name), mirror.join(&zip_name)).unwrap();
        let plugin_dir = format!("-plugin-dir={}", ws.path().join("mirror").display());

        let init = ws.run(&["init", "-no-color", &plugin_dir]);
        assert!(
            init.success,
            "Terraform {} init: {}",
            tf.version,
            init.text()
        );
        assert!(
            init.text()
                .contains(&format!("Installed krystal/katapult v{VERSION}")),
            "{}",
            init.text()
        );
        // A local mirror yields the h1: hash of the archive's contents (zh:
        // hashes come only from a registry's SHA256SUMS, checked above).
        let lock = std::fs::read_to_string(ws.path().join(".terraform.lock.hcl")).unwrap();
        assert!(
            lock.contains("\"h1:"),
            "Terraform {}: no checksum locked:\n{lock}",
            tf.version
        );

        let plan = ws.run(&["plan", "-no-color"]);
        assert!(
            plan.success,
            "Terraform {} plan: {}",
            tf.version,
            plan.text()
        );
        assert!(
            plan.text()
                .contains("name = \"tf-acc-test-data-source-mKu5JbeLhav3\""),
            "{}",
            plan.text()
        );

        // The lock now guards the install: a tampered archive is refused.
        let tampered = ws.path().join("tampered");
        std::fs::create_dir(&tampered).unwrap();
        let binary = tampered.join(format!("terraform-provider-katapult_v{VERSION}"));
        std::fs::copy(env!("CARGO_BIN_EXE_terraform-provider-katapult"), &binary).unwrap();
        std::fs::write(tampered.join("extra"), "not in the release").unwrap();
        std::fs::remove_file(mirror.join(&zip_name)).unwrap();
        let zipped = Command::new("python3")
            .args(["-m", "zipfile", "-c"])
            .arg(mirror.join(&zip_name))
            .arg(&binary)
            .arg(tampered.join("extra"))
            .status()
            .unwrap();
        assert!(zipped.success());
        std::fs::remove_dir_all(ws.path().join(".terraform")).unwrap();
        let again = ws.run(&["init", "-no-color", &plugin_dir]);
        assert!(
            !again.success,
            "Terraform {} installed a tampered archive",
            tf.version
        );
        assert!(again.text().contains("checksum"), "{}", again.text());
    }
}
