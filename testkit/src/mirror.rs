//! A static HTTPS file server on 127.0.0.1, as an organisation serves a
//! provider network mirror: files under one folder, a certificate from a
//! throwaway CA that Terraform trusts through `SSL_CERT_FILE`.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use http_body_util::Full;
use hyper::body::{Bytes, Incoming};
use hyper::{Request, Response, StatusCode};
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use tokio::net::TcpListener;

pub struct HttpsMirror {
    /// `https://localhost:PORT/`
    pub url: String,
    /// The CA's certificate, PEM: what `SSL_CERT_FILE` must name.
    pub ca_pem: String,
    /// Every path requested, in order.
    requested: Arc<Mutex<Vec<String>>>,
    _runtime: tokio::runtime::Runtime,
}

impl HttpsMirror {
    /// Serves the files under `root` (GET only, no listing, nothing outside).
    pub fn serve(root: PathBuf) -> Self {
        Self::serve_as(root, &["localhost", "127.0.0.1"])
    }

    /// Like `serve`, with a certificate for `names`.
    pub fn serve_as(root: PathBuf, names: &[&str]) -> Self {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .expect("runtime");
        let ca_key = rcgen::KeyPair::generate().unwrap();
        let mut ca_params = rcgen::CertificateParams::new(Vec::<String>::new()).unwrap();
        ca_params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
        ca_params
            .distinguished_name
            .push(rcgen::DnType::CommonName, "throwaway test CA");
        let ca = ca_params.self_signed(&ca_key).unwrap();
        let issuer = rcgen::Issuer::new(ca_params, ca_key);
        let key = rcgen::KeyPair::generate().unwrap();
        let params =
            rcgen::CertificateParams::new(names.iter().map(|n| n.to_string()).collect::<Vec<_>>())
                .unwrap();
        let cert = params.signed_by(&key, &issuer).unwrap();
        let config = rustls::ServerConfig::builder_with_provider(Arc::new(
            rustls::crypto::aws_lc_rs::default_provider(),
        ))
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_no_client_auth()
        .with_single_cert(
            vec![CertificateDer::from(cert.der().to_vec())],
            PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(key.serialize_der())),
        )
        .unwrap();
        let acceptor = tokio_rustls::TlsAcceptor::from(Arc::new(config));
        let listener = runtime
            .block_on(TcpListener::bind("127.0.0.1:0"))
            .expect("bind");
        let port = listener.local_addr().unwrap().port();
        let requested = Arc::new(Mutex::new(Vec::new()));
        let log = Arc::clone(&requested);
        let root = Arc::new(root);
        runtime.spawn(async move {
            loop {
                let Ok((stream, _)) = listener.accept().await else {
                    continue;
                };
                let (acceptor, root, log) = (acceptor.clone(), Arc::clone(&root), Arc::clone(&log));
                tokio::spawn(async move {
                    let Ok(tls) = acceptor.accept(stream).await else {
                        return;
                    };
                    let service = hyper::service::service_fn(move |req: Request<Incoming>| {
                        let (root, log) = (Arc::clone(&root), Arc::clone(&log));
                        async move { Ok::<_, std::convert::Infallible>(answer(&root, &log, &req)) }
                    });
                    let _ = hyper::server::conn::http1::Builder::new()
                        .serve_connection(hyper_util::rt::TokioIo::new(tls), service)
                        .await;
                });
            }
        });
        Self {
            url: format!("https://localhost:{port}/"),
            ca_pem: ca.pem(),
            requested,
            _runtime: runtime,
        }
    }

    pub fn port(&self) -> u16 {
        self.url
            .trim_end_matches('/')
            .rsplit(':')
            .next()
            .and_then(|p| p.parse().ok())
            .expect("a port in the URL")
    }

    pub fn requested(&self) -> Vec<String> {
        self.requested.lock().unwrap().clone()
    }
}

fn answer(
    root: &std::path::Path,
    log: &Mutex<Vec<String>>,
    req: &Request<Incoming>,
) -> Response<Full<Bytes>> {
    let path = req.uri().path().to_owned();
    log.lock().unwrap().push(path.clone());
    let relative = path.trim_start_matches('/');
    let safe = !relative
        .split('/')
        .any(|part| part == ".." || part.is_empty());
    let body = if safe && req.method() == hyper::Method::GET {
        std::fs::read(root.join(relative)).ok()
    } else {
        None
    };
    let mut response = match body {
        Some(bytes) => Response::new(Full::new(Bytes::from(bytes))),
        None => {
            let mut r = Response::new(Full::new(Bytes::from_static(b"not found")));
            *r.status_mut() = StatusCode::NOT_FOUND;
            r
        }
    };
    let content_type = if path.ends_with(".json") {
        "application/json"
    } else {
        "application/octet-stream"
    };
    response
        .headers_mut()
        .insert("content-type", content_type.parse().unwrap());
    response
}
