//! The go-plugin transport, driven by hand the way Terraform drives it:
//! cookie, version negotiation, handshake line, mutual TLS, health, Shutdown.

use std::os::unix::fs::PermissionsExt;
use std::path::PathBuf;
use std::process::Stdio;
use std::sync::Arc;
use std::time::{Duration, Instant};

use base64::Engine;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer, ServerName, UnixTime};
use rustls::{DigitallySignedStruct, SignatureScheme};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, BufReader};
use tokio::net::UnixStream;
use tokio::process::{Child, Command};

const BINARY: &str = env!("CARGO_BIN_EXE_terraform-provider-katapult");
const COOKIE: (&str, &str) = (
    "TF_PLUGIN_MAGIC_COOKIE",
    "d602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2",
);

/// A client certificate as Terraform makes one: self-signed P-521.
struct ClientCert {
    pem: String,
    der: CertificateDer<'static>,
    key: PrivateKeyDer<'static>,
}

fn client_cert() -> ClientCert {
    let key = rcgen::KeyPair::generate_for(&rcgen::PKCS_ECDSA_P521_SHA512).unwrap();
    let mut params = rcgen::CertificateParams::new(vec!["localhost".to_owned()]).unwrap();
    params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
    let cert = params.self_signed(&key).unwrap();
    ClientCert {
        pem: cert.pem(),
        der: cert.der().clone(),
        key: PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(key.serialize_der())),
    }
}

struct Plugin {
    child: Child,
    /// What follows the handshake line, which must be nothing.
    stdout: BufReader<tokio::process::ChildStdout>,
    socket: PathBuf,
    server_cert: Option<CertificateDer<'static>>,
    line: String,
}

async fn start(client_cert_pem: Option<&str>) -> Plugin {
    let mut cmd = Command::new(BINARY);
    cmd.env(COOKIE.0, COOKIE.1)
        .env("PLUGIN_PROTOCOL_VERSIONS", "5,6")
        .env_remove("PLUGIN_CLIENT_CERT")
        .env_remove("TF_LOG")
        .env_remove("TF_LOG_PROVIDER")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .kill_on_drop(true);
    if let Some(pem) = client_cert_pem {
        cmd.env("PLUGIN_CLIENT_CERT", pem);
    }
    let mut child = cmd.spawn().expect("plugin starts");
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    tokio::time::timeout(Duration::from_secs(10), stdout.read_line(&mut line))
        .await
        .expect("handshake within 10s")
        .expect("read handshake");
    let fields: Vec<&str> = line.trim_end_matches('\n').split('|').collect();
    assert_eq!(fields.len(), 6, "handshake {line:?}");
    assert_eq!(&fields[..3], ["1", "6", "unix"], "handshake {line:?}");
    assert_eq!(fields[4], "grpc");
    let server_cert = (!fields[5].is_empty()).then(|| {
        assert!(!fields[5].ends_with('='), "base64 must be unpadded");
        CertificateDer::from(
            base64::engine::general_purpose::STANDARD_NO_PAD
                .decode(fields[5])
                .expect("standard base64"),
        )
    });
    Plugin {
        child,
        stdout,
        socket: PathBuf::from(fields[3]),
        server_cert,
        line,
    }
}

/// Trusts exactly the certificate the handshake announced, as go-plugin does.
#[derive(Debug)]
struct PinnedServer(CertificateDer<'static>);

impl ServerCertVerifier for PinnedServer {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        _: &[CertificateDer<'_>],
        _: &ServerName<'_>,
        _: &[u8],
        _: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        assert_eq!(
            end_entity.as_ref(),
            self.0.as_ref(),
            "server presented another certificate"
        );
        Ok(ServerCertVerified::assertion())
    }
    fn verify_tls12_signature(
        &self,
        m: &[u8],
        c: &CertificateDer<'_>,
        d: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(m, c, d, &algorithms())
    }
    fn verify_tls13_signature(
        &self,
        m: &[u8],
        c: &CertificateDer<'_>,
        d: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(m, c, d, &algorithms())
    }
    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        algorithms().supported_schemes()
    }
}

fn algorithms() -> rustls::crypto::WebPkiSupportedAlgorithms {
    rustls::crypto::aws_lc_rs::default_provider().signature_verification_algorithms
}

/// One unary gRPC call over a fresh connection: TLS with `cert` when the
/// plugin has a server certificate, plain otherwise. Returns the response
/// message bytes, or an error if the connection or call failed.
async fn grpc_call(
    plugin: &Plugin,
    cert: Option<&ClientCert>,
    path: &str,
    message: &[u8],
) -> Result<Vec<u8>, String> {
    let stream = UnixStream::connect(&plugin.socket)
        .await
        .map_err(|e| e.to_string())?;
    match &plugin.server_cert {
        None => h2_call(stream, path, message).await,
        Some(server_cert) => {
            let builder = rustls::ClientConfig::builder_with_provider(Arc::new(
                rustls::crypto::aws_lc_rs::default_provider(),
            ))
            .with_safe_default_protocol_versions()
            .unwrap()
            .dangerous()
            .with_custom_certificate_verifier(Arc::new(PinnedServer(server_cert.clone())));
            let mut config = match cert {
                Some(c) => builder
                    .with_client_auth_cert(vec![c.der.clone()], c.key.clone_key())
                    .unwrap(),
                None => builder.with_no_client_auth(),
            };
            config.alpn_protocols = vec![b"h2".to_vec()];
            let connector = tokio_rustls::TlsConnector::from(Arc::new(config));
            let tls = connector
                .connect(ServerName::try_from("localhost").unwrap(), stream)
                .await
                .map_err(|e| e.to_string())?;
            assert_eq!(tls.get_ref().1.alpn_protocol(), Some(&b"h2"[..]), "ALPN h2");
            h2_call(tls, path, message).await
        }
    }
}

async fn h2_call<T>(io: T, path: &str, message: &[u8]) -> Result<Vec<u8>, String>
where
    T: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin + Send + 'static,
{
    let call = async {
        let (client, connection) = h2::client::handshake(io).await.map_err(|e| e.to_string())?;
        tokio::spawn(connection);
        let mut client = client.ready().await.map_err(|e| e.to_string())?;
        let request = http::Request::post(format!("http://localhost{path}"))
            .header("content-type", "application/grpc")
            .header("te", "trailers")
            .body(())
            .unwrap();
        let (response, mut send) = client
            .send_request(request, false)
            .map_err(|e| e.to_string())?;
        let mut frame = vec![0u8];
        frame.extend_from_slice(&u32::try_from(message.len()).unwrap().to_be_bytes());
        frame.extend_from_slice(message);
        send.send_data(frame.into(), true)
            .map_err(|e| e.to_string())?;
        let response = response.await.map_err(|e| e.to_string())?;
        let mut body = response.into_body();
        let mut bytes = Vec::new();
        while let Some(chunk) = body.data().await {
            let chunk = chunk.map_err(|e| e.to_string())?;
            let _ = body.flow_control().release_capacity(chunk.len());
            bytes.extend_from_slice(&chunk);
        }
        let trailers = body
            .trailers()
            .await
            .map_err(|e| e.to_string())?
            .unwrap_or_default();
        let status = trailers
            .get("grpc-status")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        if status != "0" {
            return Err(format!("grpc-status {status:?}"));
        }
        Ok(bytes.get(5..).unwrap_or_default().to_vec())
    };
    tokio::time::timeout(Duration::from_secs(10), call)
        .await
        .unwrap_or_else(|_| Err("timed out".to_owned()))
}

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
    let mut shell = Command::new("sh")
        .arg("-c")
        .arg(format!("{BINARY} >/dev/null & echo $!; wait"))
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
    tokio::time::sleep(Duration::from_millis(300)).await;
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
