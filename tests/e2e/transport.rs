//! The go-plugin transport, driven by hand the way Terraform drives it:
//! cookie, version negotiation, handshake line, mutual TLS, health, Shutdown.

use std::os::unix::fs::PermissionsExt;
use std::path::PathBuf;
use std::process::Stdio;
use std::time::{Duration, Instant};

use tokio::io::{AsyncBufReadExt, AsyncReadExt, BufReader};
use tokio::process::Command;

use katapult_testkit::grpc::{COOKIE, client_cert, grpc_call, start};

/// The provider binary Cargo built for these tests.
const BINARY: &str = env!("CARGO_BIN_EXE_terraform-provider-katapult");

/// grpc.health.v1 Check for service "plugin": request field 1 = "plugin";
/// SERVING is field 1 = 1.
const HEALTH: &str = "/grpc.health.v1.Health/Check";
const HEALTH_PLUGIN: &[u8] = b"\x0a\x06plugin";
const SERVING: &[u8] = b"\x08\x01";

#[tokio::test]
async fn mtls_accepts_terraforms_certificate_and_serves_health() {
    let cert = client_cert();
    let plugin = start(Some(&cert.pem)).await;
    let server_cert = plugin
        .server_cert
        .as_ref()
        .expect("a server certificate with mTLS");
    let (_, parsed) = x509_parser::parse_x509_certificate(server_cert).unwrap();
    assert!(parsed.validity().is_valid());
    let san = parsed.subject_alternative_name().unwrap().unwrap();
    assert!(format!("{:?}", san.value).contains("localhost"));
    assert_eq!(
        grpc_call(&plugin, Some(&cert), HEALTH, HEALTH_PLUGIN).await,
        Ok(SERVING.to_vec())
    );
}

#[tokio::test]
async fn mtls_refuses_a_client_without_a_certificate() {
    let cert = client_cert();
    let plugin = start(Some(&cert.pem)).await;
    let result = grpc_call(&plugin, None, HEALTH, HEALTH_PLUGIN).await;
    assert!(
        result.is_err(),
        "served a client with no certificate: {result:?}"
    );
    // Still serving the right client afterwards.
    assert_eq!(
        grpc_call(&plugin, Some(&cert), HEALTH, HEALTH_PLUGIN).await,
        Ok(SERVING.to_vec())
    );
}

#[tokio::test]
async fn mtls_refuses_any_other_certificate() {
    let cert = client_cert();
    let impostor = client_cert();
    let plugin = start(Some(&cert.pem)).await;
    let result = grpc_call(&plugin, Some(&impostor), HEALTH, HEALTH_PLUGIN).await;
    assert!(
        result.is_err(),
        "served a client with another certificate: {result:?}"
    );
}

#[tokio::test]
async fn serves_plain_grpc_without_a_client_certificate() {
    let plugin = start(None).await;
    assert!(
        plugin.line.ends_with("|grpc|\n"),
        "empty certificate field: {:?}",
        plugin.line
    );
    assert_eq!(
        grpc_call(&plugin, None, HEALTH, HEALTH_PLUGIN).await,
        Ok(SERVING.to_vec())
    );
}

#[tokio::test]
async fn socket_lives_in_a_private_directory_removed_on_shutdown() {
    let cert = client_cert();
    let mut plugin = start(Some(&cert.pem)).await;
    let dir = plugin.socket.parent().unwrap().to_owned();
    let mode = std::fs::metadata(&dir).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o700, "socket directory mode {mode:o}");

    let started = Instant::now();
    assert_eq!(
        grpc_call(&plugin, Some(&cert), "/plugin.GRPCController/Shutdown", b"").await,
        Ok(vec![])
    );
    let status = tokio::time::timeout(Duration::from_secs(2), plugin.child.wait())
        .await
        .expect("exits within 2 s of Shutdown")
        .unwrap();
    assert!(status.success(), "{status}");
    assert!(started.elapsed() < Duration::from_secs(2));
    assert!(!dir.exists(), "socket directory left behind");
    let mut rest = String::new();
    plugin.stdout.read_to_string(&mut rest).await.unwrap();
    assert!(rest.is_empty(), "the plugin wrote more to stdout: {rest:?}");
}

#[tokio::test]
async fn sigterm_ends_the_plugin() {
    let mut plugin = start(None).await;
    let pid = plugin.child.id().unwrap();
    std::process::Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .unwrap();
    let status = tokio::time::timeout(Duration::from_secs(2), plugin.child.wait())
        .await
        .expect("exits within 2 s of SIGTERM")
        .unwrap();
    assert!(status.success(), "{status}");
}

fn run_by_hand(args: &[&str], env: &[(&str, &str)]) -> std::process::Output {
    let mut cmd = std::process::Command::new(BINARY);
    cmd.args(args)
        .env_remove(COOKIE.0)
        .env_remove("PLUGIN_PROTOCOL_VERSIONS");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().unwrap()
}

#[test]
fn run_by_hand_it_explains_itself_and_exits_1() {
    let out = run_by_hand(&[], &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty(), "nothing on stdout");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("This is a Terraform plugin, not a program to run by hand"),
        "{stderr}"
    );
}

#[test]
fn version_and_help() {
    let out = run_by_hand(&["--version"], &[]);
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        format!("terraform-provider-katapult {}", env!("CARGO_PKG_VERSION"))
    );
    let out = run_by_hand(&["--help"], &[]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("dev_overrides"));
    let out = run_by_hand(&["--frobnicate"], &[]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn refuses_a_terraform_without_protocol_6() {
    let out = run_by_hand(&[], &[COOKIE, ("PLUGIN_PROTOCOL_VERSIONS", "4,5")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty(), "no handshake");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("Terraform 1.0 or newer"), "{stderr}");
}

#[tokio::test]
async fn exits_when_terraform_goes_away() {
    // A shell stands in for Terraform: it starts the plugin, reports its pid,
    // and is then killed outright, as a crashed Terraform would be.
    let handshake = tempfile::NamedTempFile::new().unwrap();
    let mut shell = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "{BINARY} >'{}' & echo $!; wait",
            handshake.path().display()
        ))
        .env(COOKIE.0, COOKIE.1)
        .env_remove("PLUGIN_CLIENT_CERT")
        .stdout(Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(shell.stdout.take().unwrap());
    let mut pid = String::new();
    stdout.read_line(&mut pid).await.unwrap();
    let proc_dir = PathBuf::from(format!("/proc/{}", pid.trim()));
    // The handshake comes after the plugin noted its parent; killing the
    // shell before that would test nothing (and, on a busy machine, fail).
    let started = Instant::now();
    while std::fs::metadata(handshake.path()).map_or(0, |m| m.len()) == 0 {
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "no handshake within 10 s"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert!(proc_dir.exists(), "the plugin is running");
    shell.kill().await.unwrap();
    let gone = Instant::now();
    // Gone, or a zombie waiting for init to reap it.
    while proc_dir.exists()
        && !std::fs::read_to_string(proc_dir.join("status")).is_ok_and(|s| s.contains("State:\tZ"))
    {
        assert!(
            gone.elapsed() < Duration::from_secs(3),
            "the plugin outlived its parent"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// gRPC C-core (BoringSSL), as Python, Ruby and C++ clients use it: a second
/// client stack, independent of rustls and tonic, must complete the mTLS
/// handshake and get an answer.
#[tokio::test]
async fn a_grpc_c_core_client_connects_with_mtls() {
    let python = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(".tools/grpc-python/bin/python");
    assert!(
        python.exists(),
        "{} is missing: run scripts/install-build-tools.sh --test (scripts/test.sh does)",
        python.display()
    );
    let cert = client_cert();
    let plugin = start(Some(&cert.pem)).await;
    let server_der = plugin.server_cert.as_ref().expect("a server certificate");
    let dir = tempfile::tempdir().unwrap();
    let server_pem = format!(
        "-----BEGIN CERTIFICATE-----\n{}\n-----END CERTIFICATE-----\n",
        base64::Engine::encode(&base64::engine::general_purpose::STANDARD, server_der)
            .as_bytes()
            .chunks(64)
            .map(|c| std::str::from_utf8(c).unwrap())
            .collect::<Vec<_>>()
            .join("\n")
    );
    for (name, text) in [
        ("server.pem", server_pem.as_str()),
        ("client.pem", cert.pem.as_str()),
        ("client.key", cert.key_pem.as_str()),
    ] {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let script = r#"
import sys, grpc
d, sock = sys.argv[1], sys.argv[2]
read = lambda n: open(f"{d}/{n}", "rb").read()
creds = grpc.ssl_channel_credentials(
    root_certificates=read("server.pem"),
    private_key=read("client.key"),
    certificate_chain=read("client.pem"))
with grpc.secure_channel(f"unix:{sock}", creds,
        options=[("grpc.ssl_target_name_override", "localhost")]) as channel:
    check = channel.unary_unary("/grpc.health.v1.Health/Check")
    sys.stdout.write(check(b"\x0a\x06plugin", timeout=10).hex())
"#;
    let out = Command::new(&python)
        .arg("-c")
        .arg(script)
        .arg(dir.path())
        .arg(&plugin.socket)
        .output()
        .await
        .unwrap();
    assert!(
        out.status.success(),
        "gRPC C-core could not call the plugin: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout), "0801", "SERVING");
}

/// Protobuf's length-delimited field `number` holding `bytes`.
fn field(number: u8, bytes: &[u8]) -> Vec<u8> {
    let mut out = vec![(number << 3) | 2];
    let mut len = bytes.len();
    while len >= 0x80 {
        out.push((len as u8 & 0x7f) | 0x80);
        len >>= 7;
    }
    out.push(len as u8);
    out.extend_from_slice(bytes);
    out
}

#[tokio::test]
async fn a_config_with_millions_of_elements_is_refused_cheaply() {
    let cert = client_cert();
    let plugin = start(Some(&cert.pem)).await;
    // {"annotations": [nil × 12,000,000]}: 12 MB on the wire, gigabytes as
    // a tree.
    let mut config = vec![0x81, 0xab];
    config.extend_from_slice(b"annotations");
    config.push(0xdd);
    config.extend_from_slice(&12_000_000u32.to_be_bytes());
    config.resize(config.len() + 12_000_000, 0xc0);
    let request = [field(1, b"katapult_disk"), field(2, &field(1, &config))].concat();
    let answer = grpc_call(
        &plugin,
        Some(&cert),
        "/tfplugin6.Provider/ValidateDataResourceConfig",
        &request,
    )
    .await
    .expect("an answer, not a dropped connection");
    let text = String::from_utf8_lossy(&answer);
    assert!(text.contains("a collection of 12000000 elements"), "{text}");
    // Not a measurement (bench/ does those): a bound an amplifying decoder
    // (1.5 GB for 20 MB in the review) cannot meet.
    let status =
        std::fs::read_to_string(format!("/proc/{}/status", plugin.child.id().unwrap())).unwrap();
    let peak_kib: u64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches(" kB").parse().ok())
        .unwrap();
    assert!(peak_kib < 200 * 1024, "peak RSS {peak_kib} KiB");
}
