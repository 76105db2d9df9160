//! AutoMTLS: a fresh server certificate per start, and a client verifier
//! that accepts exactly the certificate Terraform put in `PLUGIN_CLIENT_CERT`.
//!
//! Stock verifiers will not do: Terraform's certificate is a self-signed
//! P-521 CA certificate used as a client certificate. So the verifier pins
//! its DER byte for byte, checks its validity period, and checks handshake
//! signatures with aws-lc-rs, which has ECDSA P-521.

use std::sync::Arc;

use base64::Engine;
use rustls::client::danger::HandshakeSignatureValid;
use rustls::crypto::WebPkiSupportedAlgorithms;
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer, UnixTime};
use rustls::server::danger::{ClientCertVerified, ClientCertVerifier};
use rustls::{CertificateError, DigitallySignedStruct, DistinguishedName, SignatureScheme};

#[derive(Debug, thiserror::Error)]
pub enum TlsError {
    #[error("PLUGIN_CLIENT_CERT holds no PEM certificate: {0}")]
    ClientCertPem(String),
    #[error("PLUGIN_CLIENT_CERT is not a valid X.509 certificate: {0}")]
    ClientCertParse(String),
    #[error("cannot make the server certificate: {0}")]
    ServerCert(#[from] rcgen::Error),
    #[error("cannot set up TLS: {0}")]
    Config(#[from] rustls::Error),
}

/// The TLS side of the plugin: what to accept connections with, and the
/// certificate to announce in the handshake line.
pub struct ServerTls {
    pub acceptor: tokio_rustls::TlsAcceptor,
    /// The server certificate's DER, base64, standard alphabet, no padding.
    pub cert_base64: String,
}

impl ServerTls {
    /// Sets up mutual TLS that trusts only `client_cert_pem`.
    pub fn new(client_cert_pem: &str) -> Result<Self, TlsError> {
        let provider = Arc::new(rustls::crypto::aws_lc_rs::default_provider());
        let verifier =
            PinnedClientCert::new(client_cert_pem, provider.signature_verification_algorithms)?;
        let (cert, key) = server_certificate()?;
        let cert_base64 = base64::engine::general_purpose::STANDARD_NO_PAD.encode(cert.as_ref());
        let mut config = rustls::ServerConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()?
            .with_client_cert_verifier(Arc::new(verifier))
            .with_single_cert(vec![cert], key)?;
        // gRPC clients from grpc-go 1.67 on refuse a TLS server without h2.
        config.alpn_protocols = vec![b"h2".to_vec()];
        Ok(Self {
            acceptor: tokio_rustls::TlsAcceptor::from(Arc::new(config)),
            cert_base64,
        })
    }
}

/// A self-signed certificate for `localhost`, shaped like go-plugin's own.
/// ECDSA P-256, as go-plugin uses: every TLS stack accepts it. (Ed25519 was
/// about 0.3 ms faster to start, but BoringSSL-based gRPC clients, such as
/// gRPC C-core under Python, Ruby and C++, refuse it in the handshake.)
fn server_certificate() -> Result<(CertificateDer<'static>, PrivateKeyDer<'static>), TlsError> {
    use rcgen::{BasicConstraints, DnType, ExtendedKeyUsagePurpose, IsCa, KeyUsagePurpose};
    let key = rcgen::KeyPair::generate_for(&rcgen::PKCS_ECDSA_P256_SHA256)?;
    let mut params = rcgen::CertificateParams::new(vec!["localhost".to_owned()])?;
    params
        .distinguished_name
        .push(DnType::CommonName, "localhost");
    params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    params.key_usages = vec![
        KeyUsagePurpose::DigitalSignature,
        KeyUsagePurpose::KeyEncipherment,
        KeyUsagePurpose::KeyCertSign,
    ];
    params.extended_key_usages = vec![
        ExtendedKeyUsagePurpose::ServerAuth,
        ExtendedKeyUsagePurpose::ClientAuth,
    ];
    let now = time::OffsetDateTime::now_utc();
    params.not_before = now - time::Duration::seconds(30);
    params.not_after = now + time::Duration::days(365);
    let cert = params.self_signed(&key)?;
    let key = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(key.serialize_der()));
    Ok((cert.der().clone(), key))
}

/// Accepts one client certificate and no other.
#[derive(Debug)]
struct PinnedClientCert {
    expected: CertificateDer<'static>,
    not_before: i64,
    not_after: i64,
    algorithms: WebPkiSupportedAlgorithms,
}

impl PinnedClientCert {
    fn new(pem: &str, algorithms: WebPkiSupportedAlgorithms) -> Result<Self, TlsError> {
        let expected = CertificateDer::from_pem_slice(pem.as_bytes())
            .map_err(|e| TlsError::ClientCertPem(e.to_string()))?;
        let (_, parsed) = x509_parser::parse_x509_certificate(&expected)
            .map_err(|e| TlsError::ClientCertParse(e.to_string()))?;
        let validity = parsed.validity();
        let (not_before, not_after) = (
            validity.not_before.timestamp(),
            validity.not_after.timestamp(),
        );
        Ok(Self {
            expected: expected.clone(),
            not_before,
            not_after,
            algorithms,
        })
    }
}

impl ClientCertVerifier for PinnedClientCert {
    fn root_hint_subjects(&self) -> &[DistinguishedName] {
        &[]
    }

    fn verify_client_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        now: UnixTime,
    ) -> Result<ClientCertVerified, rustls::Error> {
        if end_entity.as_ref() != self.expected.as_ref() {
            tracing::warn!("Refused a TLS client whose certificate is not the one Terraform sent");
            return Err(rustls::Error::InvalidCertificate(
                CertificateError::ApplicationVerificationFailure,
            ));
        }
        let now = i64::try_from(now.as_secs()).unwrap_or(i64::MAX);
        if now < self.not_before {
            return Err(rustls::Error::InvalidCertificate(
                CertificateError::NotValidYet,
            ));
        }
        if now > self.not_after {
            return Err(rustls::Error::InvalidCertificate(CertificateError::Expired));
        }
        Ok(ClientCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(message, cert, dss, &self.algorithms)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(message, cert, dss, &self.algorithms)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.algorithms.supported_schemes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn client_cert_pem() -> String {
        let key = rcgen::KeyPair::generate_for(&rcgen::PKCS_ECDSA_P521_SHA512).unwrap();
        let params = rcgen::CertificateParams::new(vec!["localhost".to_owned()]).unwrap();
        params.self_signed(&key).unwrap().pem()
    }

    #[test]
    fn announces_the_certificate_unpadded() {
        let tls = ServerTls::new(&client_cert_pem()).unwrap();
        assert!(!tls.cert_base64.ends_with('='));
        let der = base64::engine::general_purpose::STANDARD_NO_PAD
            .decode(&tls.cert_base64)
            .unwrap();
        let (_, cert) = x509_parser::parse_x509_certificate(&der).unwrap();
        assert!(cert.validity().is_valid());
    }

    #[test]
    fn rejects_a_malformed_client_certificate() {
        assert!(matches!(
            ServerTls::new("not pem"),
            Err(TlsError::ClientCertPem(_))
        ));
        let garbage = "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n";
        assert!(matches!(
            ServerTls::new(garbage),
            Err(TlsError::ClientCertParse(_))
        ));
    }

    #[test]
    fn verifier_pins_one_certificate() {
        let algorithms =
            rustls::crypto::aws_lc_rs::default_provider().signature_verification_algorithms;
        let pem = client_cert_pem();
        let verifier = PinnedClientCert::new(&pem, algorithms).unwrap();
        let now = UnixTime::now();
        let same = CertificateDer::from_pem_slice(pem.as_bytes()).unwrap();
        assert!(verifier.verify_client_cert(&same, &[], now).is_ok());
        let other = CertificateDer::from_pem_slice(client_cert_pem().as_bytes()).unwrap();
        assert!(verifier.verify_client_cert(&other, &[], now).is_err());
        assert!(
            verifier
                .supported_verify_schemes()
                .contains(&SignatureScheme::ECDSA_NISTP521_SHA512)
        );
    }
}
