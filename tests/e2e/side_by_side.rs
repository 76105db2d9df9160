//! The README's recipes for running this provider beside Katapult's Go
//! provider, taken from README.md itself (so they cannot drift) and run
//! through `init`, `plan` and `apply` under every Terraform found, with a
//! real second provider installed under the Go provider's own address:
//! HashiCorp's null provider 2.1.2 stands in for it (the Go provider
//! cannot be had here), and one of its data sources is used through
//! `provider = katapult`.
//!
//! The one change to a recipe: its `direct {}` block (the registry, which
//! this machine cannot reach) becomes a filesystem mirror holding the
//! stand-in, as the registry would hold the Go provider.

use std::path::{Path, PathBuf};

use katapult_testkit::fake_api;
use katapult_testkit::terraform::{Workspace, terraforms};

/// The code block after `<!-- recipe: NAME -->` in README.md.
fn recipe(name: &str) -> String {
    let readme = include_str!("../../README.md");
    let marker = format!("<!-- recipe: {name} -->");
    let after = readme
        .split_once(&marker)
        .unwrap_or_else(|| panic!("README.md has no recipe {name:?}"))
        .1;
    let block = after
        .trim_start()
        .split_once('\n')
        .expect("a fenced block")
        .1;
    block
        .split_once("\n```")
        .unwrap_or_else(|| panic!("recipe {name:?} is not a fenced block"))
        .0
        .to_owned()
}

/// The recipe's `direct { ... }` block, replaced by a filesystem mirror at
/// `registry`: the offline stand-in for the registry.
fn offline(cli_config: &str, registry: &Path) -> String {
    let start = cli_config
        .find("  direct {")
        .expect("the recipe's direct block");
    let end = start + cli_config[start..].find("\n  }").expect("its end") + 4;
    format!(
        "{}  filesystem_mirror {{\n    path = \"{}\"\n  }}{}",
        &cli_config[..start],
        registry.display(),
        &cli_config[end..]
    )
}

/// A registry stand-in holding the null provider as `krystal/katapult`
/// 0.0.20 (the Go provider's address and version), unpacked layout.
fn go_provider_registry(root: &Path) -> PathBuf {
    let null = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(".tools/null-provider/lib/terraform-provider-null_v2.1.2_x4");
    assert!(
        null.exists(),
        "{} is missing: scripts/install-terraform.sh --null-provider installs it (scripts/test.sh runs that)",
        null.display()
    );
    let dir = root.join("registry/registry.terraform.io/krystal/katapult/0.0.20/linux_amd64");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(&null, dir.join("terraform-provider-katapult_v0.0.20")).unwrap();
    root.join("registry")
}

/// The README's configuration, plus a data source of the Go provider's
/// stand-in and outputs from both.
fn configuration() -> String {
    let config = recipe("side-by-side configuration");
    assert!(config.contains(fake_api::REAL_DISK_ID), "{config}");
    format!(
        "{config}\n\
         data \"null_data_source\" \"go\" {{\n  provider = katapult\n  inputs = {{ from = \"the go provider\" }}\n}}\n\
         output \"disk_name\" {{\n  value = data.katapult_disk.boot.name\n}}\n\
         output \"go\" {{\n  value = data.null_data_source.go.outputs[\"from\"]\n}}\n"
    )
}

/// The lock file, with runs of spaces as one (Terraform aligns its `=`).
fn lock_file(ws: &Workspace) -> String {
    let lock = std::fs::read_to_string(ws.path().join(".terraform.lock.hcl")).unwrap();
    lock.split(' ')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// init, plan, apply, and both providers' outputs.
fn init_plan_apply(ws: &Workspace, version: &str) {
    for command in [
        &["init", "-no-color"][..],
        &["plan", "-no-color"],
        &["apply", "-auto-approve", "-no-color"],
    ] {
        let run = ws.run(command);
        assert!(
            run.success,
            "Terraform {version} {command:?}: {}",
            run.text()
        );
    }
    let output = ws.run(&["output", "-json"]);
    let outputs: serde_json::Value = serde_json::from_str(&output.stdout).unwrap();
    assert_eq!(
        outputs["disk_name"]["value"], "tf-acc-test-data-source-mKu5JbeLhav3",
        "Terraform {version}"
    );
    assert_eq!(
        outputs["go"]["value"], "the go provider",
        "Terraform {version}"
    );
    let lock = lock_file(ws);
    assert!(
        lock.contains("\"registry.terraform.io/krystal/katapult\""),
        "{lock}"
    );
    assert!(lock.contains("version = \"0.0.20\""), "{lock}");
}

#[test]
fn the_readme_recipe_with_a_local_build_and_dev_overrides() {
    let commands = recipe("side-by-side from a build, commands");
    let cli = recipe("side-by-side from a build");
    for tf in terraforms() {
        let ws = Workspace::new(tf, &configuration());
        // The repository as the recipe sees it: target/release holding the
        // build (the tests' own, rather than a release build of minutes).
        let repo = ws.path().join("repo");
        std::fs::create_dir_all(repo.join("target/release")).unwrap();
        std::fs::copy(
            env!("CARGO_BIN_EXE_terraform-provider-katapult"),
            repo.join("target/release/terraform-provider-katapult"),
        )
        .unwrap();
        let script: String = commands
            .lines()
            .filter(|l| !l.starts_with("cargo build"))
            .collect::<Vec<_>>()
            .join("\n");
        let run = std::process::Command::new("bash")
            .args(["-euc", &script])
            .current_dir(&repo)
            .output()
            .unwrap();
        assert!(
            run.status.success(),
            "{}",
            String::from_utf8_lossy(&run.stderr)
        );
        let registry = go_provider_registry(ws.path());
        let cli_config = offline(&cli, &registry).replace(
            "/path/to/terraform-provider-katapult",
            &repo.display().to_string(),
        );
        ws.set_cli_config(&cli_config);
        init_plan_apply(&ws, &tf.version);
        // (Whether the lock file records an overridden provider depends on
        // the Terraform: 1.0 does, later ones do not.)
    }
}

#[test]
fn the_readme_recipe_with_a_release_mirror() {
    let cli = recipe("side-by-side from a mirror");
    for tf in terraforms() {
        let ws = Workspace::new(tf, &configuration());
        // dist/ as `MIRROR_ADDRESSES=example.com/krystal/katapult
        // scripts/release.sh` lays it out (the release test checks that it
        // does): the packed layout, a zip per platform.
        let repo = ws.path().join("repo");
        let mirror = repo.join("dist/example.com/krystal/katapult");
        std::fs::create_dir_all(&mirror).unwrap();
        let version = env!("CARGO_PKG_VERSION");
        let stage = tempfile::tempdir().unwrap();
        let binary = stage
            .path()
            .join(format!("terraform-provider-katapult_v{version}"));
        std::fs::copy(env!("CARGO_BIN_EXE_terraform-provider-katapult"), &binary).unwrap();
        let zip = mirror.join(format!(
            "terraform-provider-katapult_{version}_linux_amd64.zip"
        ));
        let zipped = std::process::Command::new("python3")
            .args(["-m", "zipfile", "-c"])
            .arg(&zip)
            .arg(binary.file_name().unwrap())
            .current_dir(stage.path())
            .status()
            .unwrap();
        assert!(zipped.success());
        let registry = go_provider_registry(ws.path());
        let cli_config = offline(&cli, &registry).replace(
            "/path/to/terraform-provider-katapult",
            &repo.display().to_string(),
        );
        ws.set_cli_config(&cli_config);
        init_plan_apply(&ws, &tf.version);
        let lock = lock_file(&ws);
        assert!(lock.contains("\"example.com/krystal/katapult\""), "{lock}");
        assert!(lock.contains(&format!("version = \"{version}\"")), "{lock}");
    }
}
