//! The release, tested as users get it. `scripts/release.sh` builds the
//! five platforms' archives (once per test binary); then: the linux_amd64
//! binary starts in an empty root file system, the linux_arm64 one plans a
//! disk under real Terraform through qemu, each darwin Mach-O passes a
//! static check (CPU, linked libraries, minimum macOS, entry point, code
//! signature page hashes), the Windows PE imports only system DLLs,
//! SHA256SUMS is signed and a tampered copy fails the check, `terraform
//! providers lock` puts all five platforms' hashes in a lock file, and
//! `terraform init` installs the archive from a filesystem mirror next to
//! another provider and from a network mirror over HTTPS, under every
//! Terraform found; and the Windows archive installed, planned and applied
//! by Windows Terraform under wine (`windows_terraform_installs_...`).
//!
//! Not part of `cargo test`'s default set (a cold build of five platforms
//! takes 20 to 40 minutes): scripts/check-release.sh runs it.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;

use katapult_testkit::fake_api::REAL_DISK_ID;
use katapult_testkit::grpc::{COOKIE, client_cert};
use katapult_testkit::mirror::HttpsMirror;
use katapult_testkit::terraform::{Terraform, Workspace, terraforms};

const NAME: &str = "terraform-provider-katapult";
const VERSION: &str = env!("CARGO_PKG_VERSION");
const DISK_NAME: &str = "tf-acc-test-data-source-mKu5JbeLhav3";
/// Every platform the release ships, in the order Terraform sorts them.
const PLATFORMS: [&str; 5] = [
    "darwin_amd64",
    "darwin_arm64",
    "linux_amd64",
    "linux_arm64",
    "windows_amd64",
];

/// What one run of the release script left.
struct Release {
    dist: tempfile::TempDir,
    stderr: String,
}

/// Runs `scripts/release.sh` into a fresh folder with `env` set (and no
/// signing key inherited from the caller's environment).
fn release_with(env: &[(&str, &str)]) -> Result<Release, String> {
    let dist = tempfile::tempdir().unwrap();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/release.sh");
    let mut cmd = Command::new("bash");
    cmd.arg(&script)
        .env("DIST", dist.path())
        .env_remove("GPG_PRIVATE_KEY")
        .env_remove("GPG_FINGERPRINT")
        .env_remove("PASSPHRASE");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("bash runs");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    if out.status.success() {
        Ok(Release { dist, stderr })
    } else {
        Err(stderr)
    }
}

/// The release every test here shares, built once.
fn release() -> &'static Release {
    static RELEASE: OnceLock<Release> = OnceLock::new();
    RELEASE.get_or_init(|| {
        release_with(&[("MIRROR_ADDRESSES", SECOND_ADDRESS)])
            .unwrap_or_else(|e| panic!("release.sh failed:\n{e}"))
    })
}

fn dist() -> &'static Path {
    release().dist.path()
}

/// A copy of the release in `dir` (made if missing), for a test that
/// changes its mirror or wants a path of its own; the shared one stays.
fn copy_dist_into(dir: &Path) {
    std::fs::create_dir_all(dir).unwrap();
    let copied = Command::new("cp")
        .arg("-r")
        .arg(format!("{}/.", dist().display()))
        .arg(dir)
        .status()
        .unwrap();
    assert!(
        copied.success(),
        "cannot copy {} to {}",
        dist().display(),
        dir.display()
    );
}

fn file_name(suffix: &str) -> String {
    format!("{NAME}_{VERSION}_{suffix}")
}

/// Unpacks a platform's archive into `into` with the file modes it records
/// (as Terraform does), checks it holds the binary alone under the name
/// Terraform expects, and returns the binary's path.
fn unpack(platform: &str, into: &Path) -> PathBuf {
    let zip = dist().join(file_name(&format!("{platform}.zip")));
    let ok = Command::new("python3")
        .arg("-c")
        .arg(
            "import os, sys, zipfile\n\
             z = zipfile.ZipFile(sys.argv[1])\n\
             for i in z.infolist():\n    \
                 os.chmod(z.extract(i, sys.argv[2]), (i.external_attr >> 16) & 0o777)\n",
        )
        .arg(&zip)
        .arg(into)
        .status()
        .unwrap();
    assert!(ok.success(), "cannot unpack {}", zip.display());
    let entries: Vec<_> = std::fs::read_dir(into)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    let exe = if platform.starts_with("windows") {
        ".exe"
    } else {
        ""
    };
    let binary = format!("{NAME}_v{VERSION}{exe}");
    assert_eq!(
        entries,
        [binary.as_str()],
        "{platform} archive holds {entries:?}"
    );
    into.join(binary)
}

fn stdout_of(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap_or_else(|e| panic!("{cmd:?}: {e}"));
    assert!(
        out.status.success(),
        "{cmd:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Asserts, independently of the release script, that `binary` needs
/// nothing from the host, unwinds, and is built for `machine` (readelf's
/// words).
fn assert_static(binary: &Path, machine: &str) {
    let header = stdout_of(Command::new("readelf").arg("-hW").arg(binary));
    assert!(header.contains(machine), "not {machine}:\n{header}");
    let segments = stdout_of(Command::new("readelf").arg("-lW").arg(binary));
    assert!(
        !segments.contains("INTERP"),
        "asks for a program interpreter:\n{segments}"
    );
    let dynamic = stdout_of(Command::new("readelf").arg("-dW").arg(binary));
    assert!(
        dynamic.contains("There is no dynamic section"),
        "has a dynamic section:\n{dynamic}"
    );
    // The server's panic guard needs unwinding: landing pads (built only
    // with panic = "unwind") and the unwind tables.
    let sections = stdout_of(Command::new("readelf").arg("-SW").arg(binary));
    for section in [".gcc_except_table", ".eh_frame_hdr"] {
        assert!(
            sections.contains(section),
            "no {section}: panics would abort:\n{sections}"
        );
    }
}

/// `program` (a path inside `root`) run with `root` as its root file
/// system: by chroot as root, in a user namespace otherwise.
fn in_root(root: &Path, program: &str) -> Command {
    let is_root = stdout_of(Command::new("id").arg("-u")).trim() == "0";
    let chroot = ["/usr/sbin/chroot", "/sbin/chroot"]
        .into_iter()
        .find(|p| Path::new(p).exists())
        .expect("chroot (coreutils) is needed to run a binary in an empty root");
    let mut cmd = if is_root {
        Command::new(chroot)
    } else {
        let mut c = Command::new("unshare");
        c.args(["--map-root-user", chroot]);
        c
    };
    cmd.arg(root).arg(program).env_clear();
    cmd
}

#[test]
fn amd64_binary_is_static_and_starts_in_an_empty_root_file_system() {
    let root = tempfile::tempdir().unwrap();
    let binary = unpack("linux_amd64", root.path());
    assert_static(&binary, "X86-64");
    let program = format!("/{NAME}_v{VERSION}");

    let version = stdout_of(in_root(root.path(), &program).arg("--version"));
    assert_eq!(version, format!("{NAME} {VERSION}\n"));

    // The handshake, with AutoMTLS as Terraform starts it. Nothing else is in
    // this root: no /tmp (the socket goes to TMPDIR), no /dev, no /etc.
    let cert = client_cert();
    let mut child = in_root(root.path(), &program)
        .env(COOKIE.0, COOKIE.1)
        .env("PLUGIN_PROTOCOL_VERSIONS", "6")
        .env("PLUGIN_CLIENT_CERT", &cert.pem)
        .env("TMPDIR", "/")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let fields: Vec<&str> = line.trim_end().split('|').collect();
    assert_eq!(fields.len(), 6, "handshake {line:?}");
    assert_eq!(&fields[..3], ["1", "6", "unix"], "handshake {line:?}");
    assert_eq!(fields[4], "grpc", "handshake {line:?}");
    assert!(!fields[5].is_empty(), "no server certificate: {line:?}");
    let socket = root.path().join(fields[3].trim_start_matches('/'));
    assert!(socket.exists(), "no socket at {}", socket.display());

    // SIGTERM ends it cleanly, socket directory removed.
    let term = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(term.success());
    let status = child.wait().unwrap();
    assert!(status.success(), "exit after SIGTERM: {status}");
    assert!(
        !socket.parent().unwrap().exists(),
        "socket directory left behind"
    );
}

/// qemu's user-mode emulator for aarch64, installed by the test command.
fn qemu_aarch64() -> &'static str {
    let ok = Command::new("qemu-aarch64").arg("--version").output();
    assert!(
        ok.is_ok_and(|o| o.status.success()),
        "qemu-aarch64 is needed to run the arm64 binary: apt-get install qemu-user \
         (scripts/test.sh installs it)"
    );
    "qemu-aarch64"
}

#[test]
fn arm64_binary_is_static_and_plans_a_disk_under_terraform() {
    let qemu = qemu_aarch64();
    let unpacked = tempfile::tempdir().unwrap();
    let binary = unpack("linux_arm64", unpacked.path());
    assert_static(&binary, "AArch64");
    // No -L: this machine has no aarch64 loader or libraries, so only a
    // static binary can start.
    let version = stdout_of(Command::new(qemu).arg(&binary).arg("--version"));
    assert_eq!(version, format!("{NAME} {VERSION}\n"));

    let wrapper = unpacked.path().join("run-under-qemu");
    std::fs::write(
        &wrapper,
        format!("#!/bin/sh\nexec {qemu} '{}' \"$@\"\n", binary.display()),
    )
    .unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&wrapper, std::fs::Permissions::from_mode(0o755)).unwrap();
    let config = format!(
        "{}data \"katapult_disk\" \"d\" {{\n  id = \"{REAL_DISK_ID}\"\n}}\n\
         output \"name\" {{\n  value = data.katapult_disk.d.name\n}}\n",
        katapult_testkit::terraform::REQUIRED_PROVIDERS
    );
    for tf in terraforms() {
        let ws = Workspace::with_provider(
            tf,
            &config,
            katapult_testkit::terraform::fake_api(),
            &wrapper,
        );
        let plan = ws.run(&["plan", "-no-color"]);
        assert!(
            plan.success,
            "Terraform {} with the arm64 binary: {}",
            tf.version,
            plan.text()
        );
        assert!(
            plan.text().contains(&format!("name = \"{DISK_NAME}\"")),
            "{}",
            plan.text()
        );
    }
}

/// `terraform init` installs this provider (and what `also` names), then
/// `terraform plan` succeeds and shows the disk. Returns the plan's text.
fn init_and_plan(ws: &Workspace, tf: &Terraform, also: &[&str]) -> String {
    let init = ws.run(&["init", "-no-color"]);
    let text = init.text();
    assert!(init.success, "Terraform {} init: {text}", tf.version);
    let installed = format!("Installed krystal/katapult v{VERSION}");
    for want in also.iter().copied().chain([installed.as_str()]) {
        assert!(text.contains(want), "Terraform {}: {text}", tf.version);
    }
    let plan = ws.run(&["plan", "-no-color"]);
    let text = plan.text();
    assert!(plan.success, "Terraform {} plan: {text}", tf.version);
    assert!(text.contains(&format!("name = \"{DISK_NAME}\"")), "{text}");
    text
}

/// The SHA-256 of a file, hex.
fn sha256(path: &Path) -> String {
    let out = stdout_of(Command::new("sha256sum").arg(path));
    out.split_whitespace().next().unwrap().to_owned()
}

/// Runs gpg in its own keyring `home`.
fn gpg(home: &Path) -> Command {
    let mut cmd = Command::new("gpg");
    cmd.env("GNUPGHOME", home).arg("--batch");
    cmd
}

fn new_keyring() -> tempfile::TempDir {
    let home = tempfile::tempdir().unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(home.path(), std::fs::Permissions::from_mode(0o700)).unwrap();
    home
}

/// `gpg --verify SIG FILE` against `public_key` alone: Ok with gpg's status
/// lines, or Err with its error.
fn verify(public_key: &Path, sig: &Path, file: &Path) -> Result<String, String> {
    let home = new_keyring();
    let import = gpg(home.path())
        .arg("--import")
        .arg(public_key)
        .output()
        .unwrap();
    assert!(
        import.status.success(),
        "cannot import {}",
        public_key.display()
    );
    let out = gpg(home.path())
        .args(["--status-fd", "1", "--verify"])
        .arg(sig)
        .arg(file)
        .output()
        .unwrap();
    let _ = Command::new("gpgconf")
        .env("GNUPGHOME", home.path())
        .args(["--kill", "gpg-agent"])
        .status();
    if out.status.success() {
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    } else {
        Err(String::from_utf8_lossy(&out.stderr).into_owned())
    }
}

#[test]
fn sha256sums_cover_every_archive_and_are_signed() {
    let dist = dist();
    let sums_path = dist.join(file_name("SHA256SUMS"));
    let sums = std::fs::read_to_string(&sums_path).unwrap();
    let mut listed: Vec<(&str, &str)> = sums
        .lines()
        .map(|l| l.split_once("  ").expect("sha256sum's format"))
        .collect();
    listed.sort_by_key(|(_, name)| *name);
    let mut expected: Vec<String> = PLATFORMS
        .iter()
        .map(|p| file_name(&format!("{p}.zip")))
        .collect();
    expected.push(file_name("manifest.json"));
    expected.sort();
    assert_eq!(
        listed
            .iter()
            .map(|(_, n)| n.to_string())
            .collect::<Vec<_>>(),
        expected
    );
    for (sum, name) in &listed {
        assert_eq!(*sum, sha256(&dist.join(name)), "{name}");
    }
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dist.join(file_name("manifest.json"))).unwrap())
            .unwrap();
    assert_eq!(
        manifest["metadata"]["protocol_versions"],
        serde_json::json!(["6.0"])
    );

    // No key in the environment: a throwaway one, and the script says so.
    assert!(
        release().stderr.contains("THROWAWAY key"),
        "{}",
        release().stderr
    );
    let public_key = dist.join(file_name("signing-key.asc"));
    let sig = dist.join(file_name("SHA256SUMS.sig"));
    assert!(
        std::fs::read(&sig).unwrap()[0] & 0x80 != 0,
        "the signature must be binary OpenPGP, not armoured"
    );
    // RSA, which is what the Terraform Registry accepts.
    let shown = stdout_of(
        gpg(new_keyring().path())
            .args(["--with-colons", "--show-keys"])
            .arg(&public_key),
    );
    let algorithm = shown
        .lines()
        .find(|l| l.starts_with("pub:"))
        .and_then(|l| l.split(':').nth(3))
        .unwrap_or_else(|| panic!("no public key in:\n{shown}"));
    assert_eq!(algorithm, "1", "not an RSA key:\n{shown}");
    let status = verify(&public_key, &sig, &sums_path).expect("signature verifies");
    assert!(status.contains("GOODSIG"), "{status}");

    let tampered = tempfile::tempdir().unwrap();
    let copy = tampered.path().join(file_name("SHA256SUMS"));
    std::fs::write(&copy, sums.replacen(listed[0].0, &"0".repeat(64), 1)).unwrap();
    let refused = verify(&public_key, &sig, &copy).expect_err("a tampered SHA256SUMS verified");
    assert!(refused.contains("BAD signature"), "{refused}");
}

#[test]
fn a_signing_key_from_the_environment_signs_and_its_passphrase_stays_secret() {
    let home = new_keyring();
    let passphrase = "correct horse battery staple 7f3a";
    let made = gpg(home.path())
        .args(["--pinentry-mode", "loopback", "--passphrase", passphrase])
        .args([
            "--quick-generate-key",
            "Release Test <release@example.test>",
            "rsa2048",
            "sign",
            "1d",
        ])
        .output()
        .unwrap();
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    let listed = stdout_of(gpg(home.path()).args(["--with-colons", "--list-secret-keys"]));
    let fingerprint = listed
        .lines()
        .find_map(|l| {
            l.strip_prefix("fpr:")
                .map(|r| r.trim_matches(':').to_owned())
        })
        .unwrap();
    let secret = stdout_of(
        gpg(home.path())
            .args(["--pinentry-mode", "loopback", "--passphrase", passphrase])
            .args(["--armor", "--export-secret-keys", &fingerprint]),
    );
    let _ = Command::new("gpgconf")
        .env("GNUPGHOME", home.path())
        .args(["--kill", "gpg-agent"])
        .status();

    let wrong = release_with(&[("GPG_PRIVATE_KEY", &secret), ("PASSPHRASE", "not it")])
        .err()
        .expect("signed with a wrong passphrase");
    assert!(wrong.contains("is PASSPHRASE right?"), "{wrong}");
    assert!(
        !wrong.contains("not it"),
        "the passphrase was printed:\n{wrong}"
    );

    let signed = release_with(&[("GPG_PRIVATE_KEY", &secret), ("PASSPHRASE", passphrase)])
        .unwrap_or_else(|e| panic!("release.sh with a key failed:\n{e}"));
    assert!(signed.stderr.contains(&fingerprint), "{}", signed.stderr);
    assert!(!signed.stderr.contains("THROWAWAY"), "{}", signed.stderr);
    assert!(
        !signed.stderr.contains(passphrase),
        "the passphrase was printed"
    );
    let dist = signed.dist.path();
    let status = verify(
        &dist.join(file_name("signing-key.asc")),
        &dist.join(file_name("SHA256SUMS.sig")),
        &dist.join(file_name("SHA256SUMS")),
    )
    .expect("signature verifies");
    assert!(
        status.contains(&format!("VALIDSIG {fingerprint}")),
        "{status}"
    );
}

/// The address the README's side-by-side recipe installs this provider at.
const SECOND_ADDRESS: &str = "example.com/krystal/katapult";

#[test]
fn the_mirror_is_offered_under_opentofus_address_and_any_named_one() {
    let registry = dist().join("registry.terraform.io/krystal/katapult");
    let files = |dir: &Path| {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    };
    for address in ["registry.opentofu.org/krystal/katapult", SECOND_ADDRESS] {
        let mirror = dist().join(address);
        assert_eq!(files(&mirror), files(&registry), "{address}");
        for name in files(&registry) {
            assert_eq!(
                std::fs::read(mirror.join(&name)).unwrap(),
                std::fs::read(registry.join(&name)).unwrap(),
                "{address}/{name}"
            );
        }
    }
    // A bad address is refused before anything is built.
    let started = std::time::Instant::now();
    let err = release_with(&[("MIRROR_ADDRESSES", "Example.com/x")])
        .err()
        .unwrap();
    assert!(err.contains("is not a provider address"), "{err}");
    let err = release_with(&[("MIRROR_ADDRESSES", "example.com/krystal/other")])
        .err()
        .unwrap();
    assert!(err.contains("must end in /katapult"), "{err}");
    assert!(
        started.elapsed() < std::time::Duration::from_secs(30),
        "refused before the build"
    );
}

/// The network mirror's description of this version: platform -> hashes.
fn mirror_hashes(dist: &Path) -> serde_json::Map<String, serde_json::Value> {
    let mirror = dist.join("registry.terraform.io/krystal/katapult");
    let index: serde_json::Value =
        serde_json::from_slice(&std::fs::read(mirror.join("index.json")).unwrap()).unwrap();
    assert_eq!(index, serde_json::json!({ "versions": { VERSION: {} } }));
    let version: serde_json::Value =
        serde_json::from_slice(&std::fs::read(mirror.join(format!("{VERSION}.json"))).unwrap())
            .unwrap();
    let archives = version["archives"].as_object().expect("archives").clone();
    assert_eq!(archives.keys().collect::<Vec<_>>(), PLATFORMS);
    for (platform, archive) in &archives {
        let url = archive["url"].as_str().unwrap();
        assert_eq!(url, file_name(&format!("{platform}.zip")));
        let hashes = archive["hashes"].as_array().unwrap();
        assert_eq!(hashes[1], format!("zh:{}", sha256(&mirror.join(url))));
        assert!(hashes[0].as_str().unwrap().starts_with("h1:"));
    }
    archives
}

fn h1(archives: &serde_json::Map<String, serde_json::Value>, platform: &str) -> String {
    archives[platform]["hashes"][0].as_str().unwrap().to_owned()
}

/// A configuration that uses this provider and HashiCorp's null provider.
fn two_provider_config() -> String {
    format!(
        "terraform {{\n  required_providers {{\n    katapult = {{\n      source  = \"krystal/katapult\"\n      version = \"{VERSION}\"\n    }}\n    null = {{\n      source  = \"hashicorp/null\"\n      version = \"2.1.2\"\n    }}\n  }}\n}}\n\
         data \"katapult_disk\" \"d\" {{\n  id = \"{REAL_DISK_ID}\"\n}}\n\
         resource \"null_resource\" \"after\" {{\n  triggers = {{ disk = data.katapult_disk.d.name }}\n}}\n\
         output \"name\" {{\n  value = data.katapult_disk.d.name\n}}\n"
    )
}

/// HashiCorp's null provider in the unpacked mirror layout under `root`. It
/// stands in for "every other provider", which would come from the registry
/// (`direct`) on a machine with Internet access.
fn other_providers(root: &Path) -> PathBuf {
    let out = Command::new("bash")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/install-terraform.sh"))
        .arg("--null-provider")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "cannot install the null provider: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let binary = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
    let dir = root.join("other/registry.terraform.io/hashicorp/null/2.1.2/linux_amd64");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(&binary, dir.join(binary.file_name().unwrap())).unwrap();
    root.join("other")
}

#[test]
fn installs_from_a_filesystem_mirror_next_to_another_provider() {
    let archives = mirror_hashes(dist());
    for tf in terraforms() {
        let ws = Workspace::installed(tf, &two_provider_config());
        // A copy, so the tampering below leaves the shared release alone.
        let mirror = ws.path().join("mirror");
        copy_dist_into(&mirror);
        let other = other_providers(ws.path());
        ws.set_cli_config(&format!(
            "provider_installation {{\n\
               filesystem_mirror {{\n    path    = \"{}\"\n    include = [\"registry.terraform.io/krystal/katapult\"]\n  }}\n\
               filesystem_mirror {{\n    path    = \"{}\"\n    include = [\"registry.terraform.io/hashicorp/null\"]\n  }}\n\
               direct {{\n    exclude = [\"registry.terraform.io/krystal/katapult\", \"registry.terraform.io/hashicorp/null\"]\n  }}\n}}\n",
            mirror.display(),
            other.display()
        ));
        let null = "Installed hashicorp/null v2.1.2";
        let plan = init_and_plan(&ws, tf, &[null]);
        assert!(
            plan.contains("null_resource.after will be created"),
            "{plan}"
        );
        // Terraform's own h1: of the archive is the one the mirror publishes.
        let lock = std::fs::read_to_string(ws.path().join(".terraform.lock.hcl")).unwrap();
        assert!(
            lock.contains(&h1(&archives, "linux_amd64")),
            "Terraform {}: lock does not hold the mirror's h1:\n{lock}",
            tf.version
        );

        // The lock now guards the install: a different archive is refused.
        let zip_name = file_name("linux_amd64.zip");
        let packed = mirror
            .join("registry.terraform.io/krystal/katapult")
            .join(&zip_name);
        let tampered = ws.path().join("tampered");
        std::fs::create_dir(&tampered).unwrap();
        let binary = unpack("linux_amd64", &tampered);
        std::fs::write(tampered.join("extra"), "not in the release").unwrap();
        std::fs::remove_file(&packed).unwrap();
        let zipped = Command::new("python3")
            .args(["-m", "zipfile", "-c"])
            .arg(&packed)
            .arg(&binary)
            .arg(tampered.join("extra"))
            .status()
            .unwrap();
        assert!(zipped.success());
        std::fs::remove_dir_all(ws.path().join(".terraform")).unwrap();
        let again = ws.run(&["init", "-no-color"]);
        assert!(
            !again.success,
            "Terraform {} installed a tampered archive",
            tf.version
        );
        assert!(again.text().contains("checksum"), "{}", again.text());
    }
}

#[test]
fn installs_from_a_network_mirror_over_https() {
    let archives = mirror_hashes(dist());
    let mirror = HttpsMirror::serve(dist().to_path_buf());
    let config = format!(
        "terraform {{\n  required_providers {{\n    katapult = {{\n      source  = \"krystal/katapult\"\n      version = \"{VERSION}\"\n    }}\n  }}\n}}\n\
         data \"katapult_disk\" \"d\" {{\n  id = \"{REAL_DISK_ID}\"\n}}\noutput \"name\" {{\n  value = data.katapult_disk.d.name\n}}\n"
    );
    for tf in terraforms() {
        let ca = tempfile::NamedTempFile::new().unwrap();
        std::fs::write(ca.path(), &mirror.ca_pem).unwrap();
        let ws = Workspace::installed(tf, &config)
            .env("SSL_CERT_FILE", Some(ca.path().to_str().unwrap()));
        ws.set_cli_config(&format!(
            "provider_installation {{\n  network_mirror {{\n    url     = \"{}\"\n    include = [\"registry.terraform.io/krystal/katapult\"]\n  }}\n}}\n",
            mirror.url
        ));
        // As a team on Macs, Windows and Linux does: lock every platform
        // first. Terraform fetches each archive from the mirror and hashes it.
        let net_mirror = format!("-net-mirror={}", mirror.url);
        let platform_args: Vec<String> =
            PLATFORMS.iter().map(|p| format!("-platform={p}")).collect();
        let mut args = vec!["providers", "lock", "-no-color", net_mirror.as_str()];
        args.extend(platform_args.iter().map(String::as_str));
        let lock = ws.run(&args);
        assert!(
            lock.success,
            "Terraform {} providers lock: {}",
            tf.version,
            lock.text()
        );
        let locked = std::fs::read_to_string(ws.path().join(".terraform.lock.hcl")).unwrap();
        for platform in PLATFORMS {
            assert!(
                locked.contains(&h1(&archives, platform)),
                "Terraform {}: no {platform} h1: in\n{locked}",
                tf.version
            );
        }

        // Then init installs this platform's archive, checked against the lock.
        init_and_plan(&ws, tf, &[]);
    }
    let requested = mirror.requested();
    for path in [
        "/registry.terraform.io/krystal/katapult/index.json".to_owned(),
        format!("/registry.terraform.io/krystal/katapult/{VERSION}.json"),
        format!(
            "/registry.terraform.io/krystal/katapult/{}",
            file_name("linux_arm64.zip")
        ),
    ] {
        assert!(
            requested.contains(&path),
            "{path} never requested: {requested:?}"
        );
    }
}

#[test]
fn a_network_mirror_serving_a_different_archive_is_refused() {
    let copy = tempfile::tempdir().unwrap();
    copy_dist_into(copy.path());
    // Same name, other contents: the arm64 archive holds the amd64 binary.
    let mirror_dir = copy.path().join("registry.terraform.io/krystal/katapult");
    std::fs::copy(
        mirror_dir.join(file_name("linux_amd64.zip")),
        mirror_dir.join(file_name("linux_arm64.zip")),
    )
    .unwrap();
    let mirror = HttpsMirror::serve(copy.path().to_path_buf());
    let ca = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(ca.path(), &mirror.ca_pem).unwrap();
    let config = format!(
        "terraform {{\n  required_providers {{\n    katapult = {{\n      source  = \"krystal/katapult\"\n      version = \"{VERSION}\"\n    }}\n  }}\n}}\n"
    );
    for tf in terraforms() {
        let ws = Workspace::installed(tf, &config)
            .env("SSL_CERT_FILE", Some(ca.path().to_str().unwrap()));
        let lock = ws.run(&[
            "providers",
            "lock",
            "-no-color",
            &format!("-net-mirror={}", mirror.url),
            "-platform=linux_arm64",
        ]);
        assert!(
            !lock.success,
            "Terraform {} accepted an archive that does not match the mirror's hashes",
            tf.version
        );
        assert!(
            lock.text().contains("checksum") || lock.text().contains("hash"),
            "{}",
            lock.text()
        );
    }
}

#[test]
fn the_release_holds_the_registrys_files_and_the_mirror() {
    let mut top: Vec<String> = std::fs::read_dir(dist())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    top.sort();
    let mut expected: Vec<String> = PLATFORMS
        .iter()
        .map(|p| file_name(&format!("{p}.zip")))
        .collect();
    expected.extend([
        file_name("SHA256SUMS"),
        file_name("SHA256SUMS.sig"),
        file_name("manifest.json"),
        file_name("signing-key.asc"),
        "registry.terraform.io".to_owned(),
        // OpenTofu's address, and the one MIRROR_ADDRESSES named.
        "registry.opentofu.org".to_owned(),
        "example.com".to_owned(),
    ]);
    expected.sort();
    assert_eq!(top, expected);
}

/// `name` matches `pattern`, whose `*` stands for any run of characters (as
/// the release workflow's file globs use it).
fn glob_matches(pattern: &str, name: &str) -> bool {
    let parts: Vec<&str> = pattern.split('*').collect();
    let (first, last) = (parts[0], parts[parts.len() - 1]);
    if parts.len() == 1 {
        return name == pattern;
    }
    if !name.starts_with(first) || !name[first.len()..].ends_with(last) {
        return false;
    }
    let mut rest = &name[first.len()..name.len() - last.len()];
    for middle in &parts[1..parts.len() - 1] {
        match rest.find(middle) {
            Some(at) => rest = &rest[at + middle.len()..],
            None => return false,
        }
    }
    true
}

/// The release workflow publishes exactly the files the registries ingest,
/// as release.sh made them here: the archives and the manifest that
/// SHA256SUMS lists, SHA256SUMS and its signature; no mirror, no key.
#[test]
fn the_release_workflow_publishes_exactly_the_registrys_files() {
    let workflow = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join(".github/workflows/release.yml"),
    )
    .unwrap();
    let patterns: Vec<&str> = workflow
        .lines()
        .map(str::trim)
        .filter_map(|l| l.strip_prefix("dist/"))
        .collect();
    assert_eq!(patterns.len(), 4, "{patterns:?}");
    let files: Vec<String> = std::fs::read_dir(dist())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    let mut published = Vec::new();
    for pattern in &patterns {
        let matched: Vec<&String> = files.iter().filter(|f| glob_matches(pattern, f)).collect();
        assert!(!matched.is_empty(), "{pattern} matches nothing in dist/");
        published.extend(matched.into_iter().cloned());
    }
    published.sort();
    published.dedup();
    let sums = std::fs::read_to_string(dist().join(file_name("SHA256SUMS"))).unwrap();
    let mut expected: Vec<String> = sums
        .lines()
        .filter_map(|l| l.split_whitespace().nth(1))
        .map(str::to_owned)
        .collect();
    expected.extend([file_name("SHA256SUMS"), file_name("SHA256SUMS.sig")]);
    expected.sort();
    assert_eq!(published, expected);
    assert_eq!(expected.len(), PLATFORMS.len() + 3);
    assert!(glob_matches("a*b*c", "axxbyyc") && !glob_matches("a*_SUMS", "a_SUMS.sig"));
}

/// What a darwin binary is checked for: it is for `cpu`, links only
/// libraries macOS has, asks for macOS 11.0 at most, has an entry point,
/// and (arm64, where macOS refuses to run an unsigned binary) carries a
/// code signature whose page hashes match the bytes they cover.
mod macho {
    use object::BigEndian as BE;
    use object::LittleEndian as LE;
    use object::macho;
    use object::macho::MachHeader64;
    use object::pod::{Pod, from_bytes, slice_from_bytes};
    use object::read::macho::MachHeader;
    use sha2::{Digest, Sha256};

    /// The code signature's outer blob (Apple's `CS_SuperBlob`).
    #[derive(Clone, Copy)]
    #[repr(C)]
    struct SuperBlob {
        magic: object::U32<BE>,
        length: object::U32<BE>,
        count: object::U32<BE>,
    }
    #[derive(Clone, Copy)]
    #[repr(C)]
    struct BlobIndex {
        kind: object::U32<BE>,
        offset: object::U32<BE>,
    }
    /// The start of a `CS_CodeDirectory`, the fields every version has.
    #[derive(Clone, Copy)]
    #[repr(C)]
    struct CodeDirectory {
        magic: object::U32<BE>,
        length: object::U32<BE>,
        version: object::U32<BE>,
        flags: object::U32<BE>,
        hash_offset: object::U32<BE>,
        ident_offset: object::U32<BE>,
        special_slots: object::U32<BE>,
        code_slots: object::U32<BE>,
        code_limit: object::U32<BE>,
        hash_size: u8,
        hash_type: u8,
        platform: u8,
        page_size_log2: u8,
    }
    // SAFETY: plain big-endian integers and bytes, no padding, alignment 1.
    unsafe impl Pod for SuperBlob {}
    unsafe impl Pod for BlobIndex {}
    unsafe impl Pod for CodeDirectory {}

    const SUPERBLOB_MAGIC: u32 = 0xfade_0cc0;
    const CODE_DIRECTORY_MAGIC: u32 = 0xfade_0c02;
    const CODE_DIRECTORY_SLOT: u32 = 0;
    const HASH_SHA256: u8 = 2;

    /// Libraries a binary may link: what every macOS 11 has.
    const ALLOWED: [&str; 5] = [
        "/usr/lib/libSystem.B.dylib",
        "/usr/lib/libiconv.2.dylib",
        "/usr/lib/libcharset.1.dylib",
        "/System/Library/Frameworks/Security.framework/Versions/A/Security",
        "/System/Library/Frameworks/CoreFoundation.framework/Versions/A/CoreFoundation",
    ];

    pub struct Report {
        pub libraries: Vec<String>,
        pub min_macos: (u32, u32),
        pub signed_pages: usize,
    }

    /// Checks `data`; an error says what is wrong.
    pub fn check(data: &[u8], cpu: u32, must_sign: bool) -> Result<Report, String> {
        let header =
            MachHeader64::<LE>::parse(data, 0).map_err(|e| format!("not a Mach-O: {e}"))?;
        if !header.is_type_64() || !header.is_little_endian() {
            return Err("not a 64-bit little-endian Mach-O".into());
        }
        if header.cputype(LE) != cpu {
            return Err(format!("CPU type {:#x}, not {cpu:#x}", header.cputype(LE)));
        }
        if header.filetype(LE) != macho::MH_EXECUTE {
            return Err(format!(
                "file type {}, not an executable",
                header.filetype(LE)
            ));
        }
        let Commands {
            libraries,
            min_macos,
            entry,
            signature,
        } = read_commands(header, data)?;
        if let Some(bad) = libraries.iter().find(|l| !ALLOWED.contains(&l.as_str())) {
            return Err(format!("links {bad}, which is not on the allowed list"));
        }
        if !libraries.iter().any(|l| l == ALLOWED[0]) {
            return Err(format!("does not link libSystem: {libraries:?}"));
        }
        let min_macos = min_macos.ok_or("no minimum macOS version")?;
        if min_macos > (11, 0) {
            return Err(format!(
                "needs macOS {}.{}, not 11.0",
                min_macos.0, min_macos.1
            ));
        }
        if !entry {
            return Err("no entry point (LC_MAIN)".into());
        }
        let signed_pages = match signature {
            Some((offset, size)) => verify_signature(data, offset, size)?,
            None if must_sign => return Err("no code signature".into()),
            None => 0,
        };
        Ok(Report {
            libraries,
            min_macos,
            signed_pages,
        })
    }

    /// What the load commands of a Mach-O say.
    struct Commands {
        libraries: Vec<String>,
        min_macos: Option<(u32, u32)>,
        entry: bool,
        /// The code signature's offset and size.
        signature: Option<(usize, usize)>,
    }

    /// The libraries, minimum macOS, entry point and code signature the
    /// load commands of `header` (in `data`) name.
    fn read_commands(header: &MachHeader64<LE>, data: &[u8]) -> Result<Commands, String> {
        let mut libraries = Vec::new();
        let mut min_macos = None;
        let mut entry = false;
        let mut signature = None;
        let mut commands = header
            .load_commands(LE, data, 0)
            .map_err(|e| format!("load commands: {e}"))?;
        while let Some(command) = commands.next().map_err(|e| format!("load command: {e}"))? {
            match command.cmd() {
                macho::LC_LOAD_DYLIB | macho::LC_LOAD_WEAK_DYLIB | macho::LC_REEXPORT_DYLIB => {
                    let dylib = command
                        .dylib()
                        .map_err(|e| format!("dylib command: {e}"))?
                        .ok_or("dylib command without a name")?;
                    let name = command
                        .string(LE, dylib.dylib.name)
                        .map_err(|e| format!("dylib name: {e}"))?;
                    libraries.push(String::from_utf8_lossy(name).into_owned());
                }
                macho::LC_BUILD_VERSION => {
                    let build = command
                        .build_version()
                        .map_err(|e| format!("build version: {e}"))?
                        .ok_or("bad LC_BUILD_VERSION")?;
                    if build.platform.get(LE) != macho::PLATFORM_MACOS {
                        return Err(format!(
                            "built for platform {}, not macOS",
                            build.platform.get(LE)
                        ));
                    }
                    let v = build.minos.get(LE);
                    min_macos = Some((v >> 16, (v >> 8) & 0xff));
                }
                macho::LC_VERSION_MIN_MACOSX => {
                    let min = command
                        .data::<macho::VersionMinCommand<LE>>()
                        .map_err(|e| format!("version min: {e}"))?;
                    let v = min.version.get(LE);
                    min_macos = Some((v >> 16, (v >> 8) & 0xff));
                }
                macho::LC_MAIN => entry = true,
                macho::LC_CODE_SIGNATURE => {
                    let link = command
                        .data::<macho::LinkeditDataCommand<LE>>()
                        .map_err(|e| format!("code signature command: {e}"))?;
                    signature = Some((
                        link.dataoff.get(LE) as usize,
                        link.datasize.get(LE) as usize,
                    ));
                }
                _ => {}
            }
        }
        Ok(Commands {
            libraries,
            min_macos,
            entry,
            signature,
        })
    }

    /// Verifies every code page hash of the signature at `offset`; returns
    /// how many pages it covers.
    fn verify_signature(data: &[u8], offset: usize, size: usize) -> Result<usize, String> {
        let blob = data
            .get(offset..offset.checked_add(size).ok_or("signature size overflows")?)
            .ok_or("code signature beyond the end of the file")?;
        let (sb, rest) = from_bytes::<SuperBlob>(blob).map_err(|()| "truncated signature")?;
        if sb.magic.get(BE) != SUPERBLOB_MAGIC {
            return Err(format!("signature magic {:#x}", sb.magic.get(BE)));
        }
        let (indexes, _) = slice_from_bytes::<BlobIndex>(rest, sb.count.get(BE) as usize)
            .map_err(|()| "truncated signature index")?;
        let cd_offset = indexes
            .iter()
            .find(|i| i.kind.get(BE) == CODE_DIRECTORY_SLOT)
            .ok_or("no code directory")?
            .offset
            .get(BE) as usize;
        let cd_bytes = blob.get(cd_offset..).ok_or("code directory out of range")?;
        let (cd, _) =
            from_bytes::<CodeDirectory>(cd_bytes).map_err(|()| "truncated code directory")?;
        if cd.magic.get(BE) != CODE_DIRECTORY_MAGIC {
            return Err(format!("code directory magic {:#x}", cd.magic.get(BE)));
        }
        if cd.hash_type != HASH_SHA256 || cd.hash_size != 32 {
            return Err(format!(
                "hash type {} size {}, not SHA-256",
                cd.hash_type, cd.hash_size
            ));
        }
        let page = 1usize
            .checked_shl(u32::from(cd.page_size_log2))
            .filter(|p| (4096..=65536).contains(p))
            .ok_or("page size out of range")?;
        let limit = cd.code_limit.get(BE) as usize;
        if limit != offset {
            return Err(format!(
                "signature covers {limit} bytes, not the {offset} before it"
            ));
        }
        let slots = cd.code_slots.get(BE) as usize;
        if slots != limit.div_ceil(page) {
            return Err(format!("{slots} page hashes for {limit} bytes"));
        }
        let hashes_at = cd.hash_offset.get(BE) as usize;
        let hashes = cd_bytes
            .get(hashes_at..hashes_at + slots * 32)
            .ok_or("page hashes out of range")?;
        for (i, want) in hashes.chunks(32).enumerate() {
            let start = i * page;
            let got = Sha256::digest(&data[start..limit.min(start + page)]);
            if got.as_slice() != want {
                return Err(format!(
                    "page {i} (bytes {start}..) does not match its signed hash"
                ));
            }
        }
        Ok(slots)
    }
}

#[test]
fn darwin_binaries_link_only_macos_libraries_and_arm64_is_signed() {
    for (platform, cpu, must_sign) in [
        ("darwin_amd64", object::macho::CPU_TYPE_X86_64, false),
        ("darwin_arm64", object::macho::CPU_TYPE_ARM64, true),
    ] {
        let unpacked = tempfile::tempdir().unwrap();
        let binary = unpack(platform, unpacked.path());
        let data = std::fs::read(&binary).unwrap();
        let report =
            macho::check(&data, cpu, must_sign).unwrap_or_else(|e| panic!("{platform}: {e}"));
        eprintln!(
            "{platform}: links {:?}; macOS {}.{}; {} signed pages",
            report.libraries, report.min_macos.0, report.min_macos.1, report.signed_pages
        );
        assert_eq!(report.min_macos, (11, 0), "{platform}");
        for framework in ["Security", "CoreFoundation"] {
            assert!(
                report
                    .libraries
                    .iter()
                    .any(|l| l.contains(&format!("/{framework}.framework/"))),
                "{platform} does not link {framework}: {:?}",
                report.libraries
            );
        }
        if must_sign {
            assert!(
                report.signed_pages > 100,
                "{platform}: {} pages",
                report.signed_pages
            );
            // The check must catch a one-byte change anywhere it covers.
            for at in [0x4000, data.len() / 2] {
                let mut corrupted = data.clone();
                corrupted[at] ^= 0x01;
                let err = macho::check(&corrupted, cpu, true)
                    .err()
                    .unwrap_or_else(|| panic!("{platform}: a changed byte at {at} passed"));
                assert!(err.contains("does not match"), "{platform}: {err}");
            }
        }
        // Wrong CPU, and a file that is not a Mach-O at all, fail too.
        let other = if cpu == object::macho::CPU_TYPE_ARM64 {
            object::macho::CPU_TYPE_X86_64
        } else {
            object::macho::CPU_TYPE_ARM64
        };
        assert!(macho::check(&data, other, false).is_err());
        assert!(macho::check(&data[..100], cpu, false).is_err());
        assert!(macho::check(b"#!/bin/sh\n", cpu, false).is_err());
    }
}

#[test]
fn windows_binary_imports_only_system_dlls() {
    use object::read::pe::{ImageNtHeaders, PeFile64};
    let unpacked = tempfile::tempdir().unwrap();
    let binary = unpack("windows_amd64", unpacked.path());
    let data = std::fs::read(&binary).unwrap();
    let pe = PeFile64::parse(&*data).expect("a PE32+ file");
    assert_eq!(
        pe.nt_headers()
            .file_header()
            .machine
            .get(object::LittleEndian),
        object::pe::IMAGE_FILE_MACHINE_AMD64
    );
    let imports = pe.import_table().unwrap().expect("an import table");
    let mut descriptors = imports.descriptors().unwrap();
    let mut dlls = Vec::new();
    while let Some(d) = descriptors.next().unwrap() {
        let name = imports.name(d.name.get(object::LittleEndian)).unwrap();
        dlls.push(String::from_utf8_lossy(name).to_ascii_lowercase());
    }
    let system = |dll: &str| {
        dll.starts_with("api-ms-win-")
            || [
                "kernel32.dll",
                "ntdll.dll",
                "ws2_32.dll",
                "crypt32.dll",
                "bcryptprimitives.dll",
                "advapi32.dll",
                "userenv.dll",
                "secur32.dll",
                "ncrypt.dll",
                "bcrypt.dll",
            ]
            .contains(&dll)
    };
    let foreign: Vec<_> = dlls.iter().filter(|d| !system(d)).collect();
    assert!(foreign.is_empty(), "imports {foreign:?} (all: {dlls:?})");
    // No mingw runtime DLL that a Windows machine lacks.
    assert!(
        !dlls
            .iter()
            .any(|d| d.contains("libgcc") || d.contains("libwinpthread")),
        "{dlls:?}"
    );
}

/// Windows Terraform under wine, as scripts/check-release.sh sets it up:
/// `KATAPULT_TEST_WINE` (wine64) and `KATAPULT_TEST_WINDOWS_TERRAFORM`
/// (Terraform 1.15.5's terraform.exe), with WINEPREFIX holding the
/// bcryptprimitives.dll stand-in wine 8.0 lacks. A `terraform` script that
/// runs it, so the Workspace helpers drive it like any other Terraform.
fn windows_terraform(dir: &Path) -> Terraform {
    let var = |name: &str| {
        std::env::var(name).unwrap_or_else(|_| {
            panic!(
                "{name} is not set: the Windows release checks run under wine, set up by \
                 scripts/check-release.sh (run that, not this test alone)"
            )
        })
    };
    let (wine, exe) = (
        var("KATAPULT_TEST_WINE"),
        var("KATAPULT_TEST_WINDOWS_TERRAFORM"),
    );
    std::env::var("WINEPREFIX").expect("WINEPREFIX is set by scripts/check-release.sh");
    let script = dir.join("terraform-1.15.5-windows");
    std::fs::write(
        &script,
        format!("#!/bin/sh\nexec '{wine}' '{exe}' \"$@\"\n"),
    )
    .unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    let tf = Terraform {
        path: script,
        version: "1.15.5".to_owned(),
    };
    let version = Command::new(&tf.path).arg("version").output().unwrap();
    let text = String::from_utf8_lossy(&version.stdout);
    assert!(
        text.contains("Terraform v1.15.5") && text.contains("windows_amd64"),
        "not Windows Terraform 1.15.5: {text}{}",
        String::from_utf8_lossy(&version.stderr)
    );
    tf
}

/// `Z:\...`: how wine's Windows programs see a path of this machine.
fn windows_path(path: &Path) -> String {
    format!("Z:{}", path.display()).replace('/', "\\")
}

/// Processes whose command line names `needle` (wine runs each Windows
/// program as a Linux process with its path in the command line).
fn processes_naming(needle: &str) -> Vec<String> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        if let Ok(cmdline) = std::fs::read(entry.path().join("cmdline")) {
            let cmdline = String::from_utf8_lossy(&cmdline).replace('\0', " ");
            if cmdline.contains(needle) {
                found.push(cmdline);
            }
        }
    }
    found
}

#[test]
fn windows_terraform_installs_and_applies_the_windows_binary_under_wine() {
    let archives = mirror_hashes(dist());
    let scratch = tempfile::tempdir().unwrap();
    let tf = windows_terraform(scratch.path());
    let config = format!(
        "terraform {{\n  required_providers {{\n    katapult = {{\n      source  = \"krystal/katapult\"\n      version = \"{VERSION}\"\n    }}\n  }}\n}}\n\
         data \"katapult_disk\" \"d\" {{\n  id = \"{REAL_DISK_ID}\"\n}}\n\
         output \"name\" {{\n  value = data.katapult_disk.d.name\n}}\n\
         output \"data_center\" {{\n  value = data.katapult_disk.d.data_center.permalink\n}}\n\
         output \"size\" {{\n  value = data.katapult_disk.d.size_in_gb\n}}\n"
    );
    let ws = Workspace::installed(&tf, &config);
    let mirror = ws.path().join("mirror");
    copy_dist_into(&mirror);
    let cli_config = ws.path().join("windows.tfrc");
    std::fs::write(
        &cli_config,
        format!(
            "provider_installation {{\n  filesystem_mirror {{\n    path    = \"{}\"\n    include = [\"registry.terraform.io/krystal/katapult\"]\n  }}\n}}\n",
            windows_path(&mirror).replace('\\', "/")
        ),
    )
    .unwrap();
    let ws = ws.env("TF_CLI_CONFIG_FILE", Some(&windows_path(&cli_config)));

    windows_init_installs_from_the_mirror(&ws, &archives);
    windows_plan_and_apply_read_the_disk(&ws);
    windows_output_holds_an_api_error_whole(&ws, &config);
}

/// `init` installs the Windows archive from the mirror, its hash locked.
fn windows_init_installs_from_the_mirror(
    ws: &Workspace,
    archives: &serde_json::Map<String, serde_json::Value>,
) {
    let init = ws.run(&["init", "-no-color"]);
    assert!(init.success, "Windows Terraform init: {}", init.text());
    assert!(
        init.text()
            .contains(&format!("Installed krystal/katapult v{VERSION}")),
        "{}",
        init.text()
    );
    let installed = ws.path().join(format!(
        ".terraform/providers/registry.terraform.io/krystal/katapult/{VERSION}/windows_amd64/{NAME}_v{VERSION}.exe"
    ));
    assert!(installed.is_file(), "{} missing", installed.display());
    let lock = std::fs::read_to_string(ws.path().join(".terraform.lock.hcl")).unwrap();
    assert!(
        lock.contains(&h1(archives, "windows_amd64")),
        "the lock does not hold the mirror's windows_amd64 h1:\n{lock}"
    );
}

/// `plan`, `apply` and the outputs read the disk; no plugin is left.
fn windows_plan_and_apply_read_the_disk(ws: &Workspace) {
    let plan = ws.run(&["plan", "-no-color"]);
    assert!(plan.success, "Windows Terraform plan: {}", plan.text());
    assert!(
        plan.text().contains(&format!("name = \"{DISK_NAME}\"")),
        "{}",
        plan.text()
    );
    let apply = ws.run(&["apply", "-auto-approve", "-no-color"]);
    assert!(apply.success, "Windows Terraform apply: {}", apply.text());
    let output = ws.run(&["output", "-json"]);
    assert!(output.success, "{}", output.text());
    let outputs: serde_json::Value = serde_json::from_str(&output.stdout).unwrap();
    assert_eq!(outputs["name"]["value"], DISK_NAME);
    assert_eq!(outputs["data_center"]["value"], "uk-lon-01");
    assert_eq!(outputs["size"]["value"], 20);
    // Terraform stops the plugin after each command: none is left.
    let plugin = format!("{NAME}_v{VERSION}.exe");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while !processes_naming(&plugin).is_empty() && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
    assert_eq!(processes_naming(&plugin), Vec::<String>::new());
}

/// An API error reaches Windows Terraform's output whole.
fn windows_output_holds_an_api_error_whole(ws: &Workspace, config: &str) {
    std::fs::write(
        ws.path().join("main.tf"),
        config.replace(REAL_DISK_ID, katapult_testkit::fake_api::ids::NOT_FOUND),
    )
    .unwrap();
    let plan = ws.run(&["plan", "-no-color"]);
    assert!(!plan.success, "{}", plan.text());
    let text = plan.text();
    for want in [
        "Error: Disk not found",
        "no disk with ID",
        "disk_DoesNotExist0001",
    ] {
        assert!(text.contains(want), "{want:?} not in {text}");
    }
    assert!(!text.contains("panic"), "{text}");
}
