//! A client for the plugin as Terraform is one: it starts the binary,
//! reads the handshake, connects over the unix socket with (or without)
//! mutual TLS, and makes unary gRPC calls over HTTP/2 by hand. Shared by the
//! transport tests and the benchmark.

use std::path::PathBuf;
use std::process::Stdio;
use std::sync::Arc;
use std::time::Duration;

use base64::Engine;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer, ServerName, UnixTime};
use rustls::{DigitallySignedStruct, SignatureScheme};
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::net::UnixStream;
use tokio::process::{Child, Command};

pub const COOKIE: (&str, &str) = (
    "TF_PLUGIN_MAGIC_COOKIE",
    "d602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2",
);

/// A client certificate as Terraform makes one: self-signed P-521.
pub struct ClientCert {
    pub pem: String,
    /// The private key, PKCS#8 PEM.
    pub key_pem: String,
    der: CertificateDer<'static>,
    key: PrivateKeyDer<'static>,
}

pub fn client_cert() -> ClientCert {
    let key = rcgen::KeyPair::generate_for(&rcgen::PKCS_ECDSA_P521_SHA512).unwrap();
    let mut params = rcgen::CertificateParams::new(vec!["localhost".to_owned()]).unwrap();
    params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
    let cert = params.self_signed(&key).unwrap();
    ClientCert {
        pem: cert.pem(),
        key_pem: key.serialize_pem(),
        der: cert.der().clone(),
        key: PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(key.serialize_der())),
    }
}

pub struct Plugin {
    pub child: Child,
    /// What follows the handshake line, which must be nothing.
    pub stdout: BufReader<tokio::process::ChildStdout>,
    pub socket: PathBuf,
    pub server_cert: Option<CertificateDer<'static>>,
    pub line: String,
    /// The plugin's own TMPDIR, where it makes its socket's folder: a
    /// plugin killed when a test drops it cannot remove that folder, so it
    /// goes with this (after the plugin, which is dropped first).
    _tmp: tempfile::TempDir,
}

/// Starts the plugin as Terraform does, with mTLS when `client_cert_pem` is
/// given, and reads its handshake.
pub async fn start(client_cert_pem: Option<&str>) -> Plugin {
    start_with_env(client_cert_pem, &[]).await
}

pub async fn start_with_env(client_cert_pem: Option<&str>, env: &[(&str, &str)]) -> Plugin {
    let tmp = tempfile::TempDir::new().expect("a temporary folder");
    let mut cmd = Command::new(crate::paths::provider_binary());
    cmd.env("TMPDIR", tmp.path());
    for (k, v) in env {
        cmd.env(k, v);
    }
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
        _tmp: tmp,
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

/// An HTTP/2 connection to the plugin, reusable for many calls.
pub struct Connection {
    send: h2::client::SendRequest<bytes::Bytes>,
}

impl Connection {
    /// Connects: TLS with `cert` when the plugin has a server certificate,
    /// plain otherwise.
    pub async fn open(plugin: &Plugin, cert: Option<&ClientCert>) -> Result<Self, String> {
        let stream = UnixStream::connect(&plugin.socket)
            .await
            .map_err(|e| e.to_string())?;
        match &plugin.server_cert {
            None => Self::handshake(stream).await,
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
                Self::handshake(tls).await
            }
        }
    }

    async fn handshake<T>(io: T) -> Result<Self, String>
    where
        T: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin + Send + 'static,
    {
        let (send, connection) =
            tokio::time::timeout(Duration::from_secs(10), h2::client::handshake(io))
                .await
                .map_err(|_| "handshake timed out".to_owned())?
                .map_err(|e| e.to_string())?;
        tokio::spawn(connection);
        Ok(Self { send })
    }

    /// One unary call: the response message's bytes, or why it failed.
    pub async fn call(&mut self, path: &str, message: &[u8]) -> Result<Vec<u8>, String> {
        let call = async {
            let mut client = self.send.clone().ready().await.map_err(|e| e.to_string())?;
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
}

/// One unary gRPC call over a fresh connection.
pub async fn grpc_call(
    plugin: &Plugin,
    cert: Option<&ClientCert>,
    path: &str,
    message: &[u8],
) -> Result<Vec<u8>, String> {
    Connection::open(plugin, cert)
        .await?
        .call(path, message)
        .await
}
