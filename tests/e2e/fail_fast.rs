//! Failing fast where waiting or retrying cannot help (issue 33), with real
//! Terraform: a stalled API, TLS certificates that do not verify, a request
//! that cannot be built, the 403s of an organization or object; and the
//! large sets Katapult cannot count, read whole. Each test prints the time
//! it measured.

use std::io::Write;
use std::net::TcpListener;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use katapult_testkit::fake_api::organizations;
use katapult_testkit::terraform::{OwnApi, REQUIRED_PROVIDERS, Terraform, Workspace, terraforms};

/// A server on 127.0.0.1 that accepts connections and never answers, as a
/// stalled API (or a firewall holding connections) does. Stops on drop.
struct Stalled {
    url: String,
    accepts: Arc<AtomicUsize>,
    stop: Arc<AtomicBool>,
}

impl Stalled {
    fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        listener.set_nonblocking(true).unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let (accepts, stop) = (
            Arc::new(AtomicUsize::new(0)),
            Arc::new(AtomicBool::new(false)),
        );
        let (counted, stopping) = (Arc::clone(&accepts), Arc::clone(&stop));
        std::thread::spawn(move || {
            let mut held = Vec::new();
            while !stopping.load(Ordering::SeqCst) {
                match listener.accept() {
                    Ok((stream, _)) => {
                        counted.fetch_add(1, Ordering::SeqCst);
                        held.push(stream);
                    }
                    Err(_) => std::thread::sleep(Duration::from_millis(20)),
                }
            }
        });
        Self { url, accepts, stop }
    }
}

impl Drop for Stalled {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
    }
}

/// The number before `s` after `marker` in `text`: `over 60.0s` gives 60.0.
fn seconds_after(text: &str, marker: &str) -> f64 {
    let at = text
        .find(marker)
        .unwrap_or_else(|| panic!("no {marker:?} in {text}"))
        + marker.len();
    let rest = &text[at..];
    let end = rest.find('s').unwrap_or(rest.len());
    rest[..end]
        .parse()
        .unwrap_or_else(|e| panic!("{:?}: {e}", &rest[..end]))
}

/// Issue 33 item 1: with default settings and no `timeouts` block, a
/// stalled API fails the read within 60 s (60.0 s; 193.5 s before: six
/// attempts of 30 s and the backoff between them), saying what it waited for, how long, and how to
/// give it more. The provider's clock does not depend on Terraform's
/// version: one Terraform, to keep the suite a minute shorter per version.
#[test]
fn a_stalled_api_fails_a_read_within_a_minute() {
    let tf = terraforms().last().unwrap();
    let stalled = Stalled::start();
    let config = format!(
        "{REQUIRED_PROVIDERS}\ndata \"katapult_disk\" \"d\" {{\n  id = \"disk_I4Bu3elhTjuAg16W\"\n}}\n"
    );
    let ws = Workspace::new(tf, &config).env("KATAPULT_API_URL", Some(&stalled.url));
    let started = Instant::now();
    let run = ws.run(&["plan", "-no-color"]);
    let took = started.elapsed();
    let text = run.text();
    assert!(!run.success, "{text}");
    let waited = seconds_after(&text, "attempts over ");
    eprintln!(
        "stalled API, default settings: the read gave up after {waited:.1}s of waiting and {} \
         connections; terraform plan took {took:.1?} under Terraform {}",
        stalled.accepts.load(Ordering::SeqCst),
        tf.version
    );
    assert!(text.contains("Error: Katapult did not answer"), "{text}");
    assert!(
        text.contains("Katapult gave no answer to 2 attempts over"),
        "{text}"
    );
    assert!(
        text.contains("a read waits at most 60s for an API that does not answer"),
        "{text}"
    );
    assert!(
        text.contains("set timeouts { read = \"5m\" } on the data source, or read_timeout"),
        "{text}"
    );
    assert!((55.0..=60.5).contains(&waited), "the read waited {waited}s");
    assert_eq!(stalled.accepts.load(Ordering::SeqCst), 2);
    // Terraform's own start and the plugin's, on a loaded 2-core machine.
    assert!(took < Duration::from_secs(90), "took {took:?}");
}

/// A TLS server for `names` on 127.0.0.1, its certificate signed by
/// `issuer` (self-signed when None) and valid from `from` to `until`
/// (Unix times); every connection is counted, and refused in the handshake
/// by a client that does not trust it.
struct Tls {
    url: String,
    accepts: Arc<AtomicUsize>,
}

fn tls_server(
    runtime: &tokio::runtime::Runtime,
    names: &[&str],
    issuer: Option<&rcgen::Issuer<'static, rcgen::KeyPair>>,
    valid: Option<(i64, i64)>,
) -> Tls {
    use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
    let key = rcgen::KeyPair::generate().unwrap();
    let mut params =
        rcgen::CertificateParams::new(names.iter().map(|n| n.to_string()).collect::<Vec<_>>())
            .unwrap();
    if let Some((from, until)) = valid {
        params.not_before = time::OffsetDateTime::from_unix_timestamp(from).unwrap();
        params.not_after = time::OffsetDateTime::from_unix_timestamp(until).unwrap();
    }
    let cert = match issuer {
        Some(issuer) => params.signed_by(&key, issuer).unwrap(),
        None => params.self_signed(&key).unwrap(),
    };
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
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .unwrap();
    let url = format!(
        "https://localhost:{}",
        listener.local_addr().unwrap().port()
    );
    let accepts = Arc::new(AtomicUsize::new(0));
    let counted = Arc::clone(&accepts);
    runtime.spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            counted.fetch_add(1, Ordering::SeqCst);
            let acceptor = acceptor.clone();
            tokio::spawn(async move {
                let _ = acceptor.accept(stream).await;
            });
        }
    });
    Tls { url, accepts }
}

/// Issue 33 item 2: a certificate that does not verify is one handshake,
/// never retried (six before, with backoff between them), and says what is
/// wrong with it (its issuer, its name, its dates) and what to do.
#[test]
fn a_certificate_that_does_not_verify_is_one_handshake_and_says_why() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .unwrap();
    // A certificate authority this test trusts through SSL_CERT_FILE.
    let ca_key = rcgen::KeyPair::generate().unwrap();
    let mut ca_params = rcgen::CertificateParams::new(Vec::<String>::new()).unwrap();
    ca_params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
    ca_params
        .distinguished_name
        .push(rcgen::DnType::CommonName, "throwaway test CA");
    let ca = ca_params.self_signed(&ca_key).unwrap();
    let issuer = rcgen::Issuer::new(ca_params, ca_key);
    let ca_file = tempfile::NamedTempFile::new().unwrap();
    ca_file.as_file().write_all(ca.pem().as_bytes()).unwrap();

    let untrusted = tls_server(&runtime, &["localhost"], None, None);
    let wrong_name = tls_server(&runtime, &["wrong.example"], Some(&issuer), None);
    // 2020-01-01 to 2021-01-01.
    let expired = tls_server(
        &runtime,
        &["localhost"],
        Some(&issuer),
        Some((1_577_836_800, 1_609_459_200)),
    );
    let servers = [&untrusted, &wrong_name, &expired];
    let config = format!(
        "{REQUIRED_PROVIDERS}\n\
         provider \"katapult\" {{\n  alias   = \"untrusted\"\n  api_url = \"{}\"\n}}\n\
         provider \"katapult\" {{\n  alias   = \"wrong_name\"\n  api_url = \"{}\"\n}}\n\
         provider \"katapult\" {{\n  alias   = \"expired\"\n  api_url = \"{}\"\n}}\n\
         data \"katapult_disk\" \"untrusted\" {{\n  provider = katapult.untrusted\n  id = \"disk_I4Bu3elhTjuAg16W\"\n}}\n\
         data \"katapult_disk\" \"wrong_name\" {{\n  provider = katapult.wrong_name\n  id = \"disk_I4Bu3elhTjuAg16W\"\n}}\n\
         data \"katapult_disk\" \"expired\" {{\n  provider = katapult.expired\n  id = \"disk_I4Bu3elhTjuAg16W\"\n}}\n",
        untrusted.url, wrong_name.url, expired.url
    );
    for tf in terraforms() {
        each_certificate_fails_once_and_says_why(tf, &config, ca_file.path(), servers);
    }
}

/// `config` planned under `tf`, trusting the authority in `ca_file`: one
/// error and one handshake for each of `servers`, each error saying what
/// is wrong, all within 30 s.
fn each_certificate_fails_once_and_says_why(
    tf: &Terraform,
    config: &str,
    ca_file: &std::path::Path,
    servers: [&Tls; 3],
) {
    let before: Vec<usize> = servers
        .iter()
        .map(|s| s.accepts.load(Ordering::SeqCst))
        .collect();
    let ws = Workspace::new(tf, config).env("SSL_CERT_FILE", Some(&ca_file.display().to_string()));
    let started = Instant::now();
    let run = ws.run(&["plan", "-no-color"]);
    let took = started.elapsed();
    let text = run.text();
    eprintln!(
        "three certificates that do not verify: terraform plan failed after {took:.1?} \
         under Terraform {}",
        tf.version
    );
    assert!(!run.success, "{text}");
    assert_eq!(
        text.matches("Error: Katapult's TLS certificate did not verify")
            .count(),
        3,
        "{text}"
    );
    for want in [
        "The TLS certificate of localhost was not issued by a certificate authority this \
         machine trusts, so no request was sent (nor retried",
        "point SSL_CERT_FILE at a PEM file holding the certificate authority to trust",
        "The TLS certificate of localhost is not valid for that host name (it names \
         \"wrong.example\")",
        "Check the host in api_url (or KATAPULT_API_URL)",
        "The TLS certificate of localhost has expired on 2021-01-01 00:00:00 UTC",
        "Check this machine's clock",
    ] {
        assert!(
            text.contains(want),
            "Terraform {}: no {want:?} in {text}",
            tf.version
        );
    }
    for (server, was) in servers.iter().zip(before) {
        assert_eq!(
            server.accepts.load(Ordering::SeqCst) - was,
            1,
            "{}: one handshake, never retried",
            server.url
        );
    }
    assert!(took < Duration::from_secs(30), "took {took:?}");
}

/// Issue 33 item 3: an `annotations` filter of 1,000 pairs (a URL no
/// request can carry) is an error at `annotations` that says the bound,
/// from validate on; an over-long `id` is one at `id`. Nothing reaches the
/// API, and nothing is retried (six tries over 13 s before).
#[test]
fn arguments_past_their_bounds_are_refused_before_any_request() {
    let pairs: Vec<String> = (0..1000)
        .map(|n| format!("    key{n:04} = \"{}\"", "v".repeat(40)))
        .collect();
    let config = format!(
        "{REQUIRED_PROVIDERS}\nprovider \"katapult\" {{\n  organization = \"{}\"\n}}\n\
         data \"katapult_disks\" \"tagged\" {{\n  annotations = {{\n{}\n  }}\n}}\n\
         data \"katapult_disk\" \"long\" {{\n  id = \"disk_{}\"\n}}\n",
        organizations::ACME,
        pairs.join("\n"),
        "x".repeat(2000)
    );
    for tf in terraforms() {
        let own = OwnApi::start();
        let ws = Workspace::with_api(tf, &config, &own.api);
        let started = Instant::now();
        for command in ["validate", "plan"] {
            let run = ws.run(&[command, "-no-color"]);
            let text = run.text();
            assert!(!run.success, "{command}: {text}");
            for want in [
                "Error: Too many annotations to filter by",
                "`annotations` holds 1000 pairs of 47000 characters in all; a filter may hold \
                 at most 100 pairs of 4000 characters",
                "with data.katapult_disks.tagged,",
                "annotations = {",
                "Error: ID too long",
                "The ID at `id` is 2005 characters long",
                "with data.katapult_disk.long,",
            ] {
                assert!(
                    text.contains(want),
                    "Terraform {} {command}: no {want:?} in {text}",
                    tf.version
                );
            }
            assert!(!text.contains("could not be built"), "{text}");
        }
        let took = started.elapsed();
        eprintln!(
            "arguments past their bounds: validate and plan failed after {took:.1?} under \
             Terraform {}",
            tf.version
        );
        assert_eq!(own.api.requests(), 0, "nothing reached the API");
        assert!(took < Duration::from_secs(20), "took {took:?}");
    }
}

/// Issue 33 item 4: an organization whose disks Katapult lists as a large
/// set (`large_set: true`, `total` and `total_pages` null) is listed whole,
/// every disk once, paging on until a short page.
#[test]
fn a_large_set_is_listed_whole() {
    let config = format!(
        "{REQUIRED_PROVIDERS}\nprovider \"katapult\" {{\n  organization = \"{}\"\n}}\n\
         data \"katapult_disks\" \"all\" {{}}\n",
        organizations::LARGE_SET
    );
    for tf in terraforms() {
        let own = OwnApi::start();
        let ws = Workspace::with_api(tf, &config, &own.api);
        let [state] = &crate::harness::applied(&ws, &[("katapult_disks", "all")]);
        let ids: Vec<&str> = state["disks"]
            .as_array()
            .expect("disks")
            .iter()
            .map(|d| d["id"].as_str().unwrap())
            .collect();
        assert_eq!(
            ids.len(),
            organizations::ACME_DISKS,
            "Terraform {}",
            tf.version
        );
        let distinct: std::collections::HashSet<_> = ids.iter().collect();
        assert_eq!(distinct.len(), ids.len(), "a disk listed twice");
        let mut sorted = ids.clone();
        sorted.sort();
        assert_eq!(ids, sorted, "ordered by id");
        assert_eq!(
            own.api.pages(organizations::LARGE_SET),
            [(1, 200), (2, 200), (3, 200)],
            "three pages, the last short, each once"
        );
    }
}

/// Issue 33 item 6: the 403s the API reference lists for an organization
/// or an object each say what is wrong and what to do, never a generic
/// "Katapult API error".
#[test]
fn refusals_of_an_organization_or_object_say_what_to_do() {
    let config = format!(
        "{REQUIRED_PROVIDERS}\n\
         provider \"katapult\" {{\n  alias        = \"suspended\"\n  organization = \"suspended\"\n}}\n\
         provider \"katapult\" {{\n  alias        = \"not_activated\"\n  organization = \"not-activated\"\n}}\n\
         provider \"katapult\" {{\n  alias        = \"not_provisioned\"\n  organization = \"not-provisioned\"\n}}\n\
         provider \"katapult\" {{\n  alias        = \"storage_suspended\"\n  organization = \"storage-suspended\"\n}}\n\
         data \"katapult_disk_io_profiles\" \"suspended\" {{\n  provider = katapult.suspended\n}}\n\
         data \"katapult_disk_io_profiles\" \"not_activated\" {{\n  provider = katapult.not_activated\n}}\n\
         data \"katapult_object_storage_account\" \"not_provisioned\" {{\n  provider = katapult.not_provisioned\n  region   = \"uk-lon-1\"\n}}\n\
         data \"katapult_object_storage_account\" \"suspended\" {{\n  provider = katapult.storage_suspended\n  region   = \"uk-lon-1\"\n}}\n\
         data \"katapult_object_storage_bucket\" \"denied\" {{\n  name   = \"permission-denied-bucket\"\n  region = \"uk-lon-1\"\n}}\n"
    );
    for tf in terraforms() {
        let own = OwnApi::start();
        let run = Workspace::with_api(tf, &config, &own.api).run(&["plan", "-no-color"]);
        let text = run.text();
        assert!(!run.success, "{text}");
        for want in [
            "Error: Katapult organization suspended",
            "Check the organization's status and billing in the Katapult console",
            "Error: Katapult organization not activated",
            "Finish its activation in the Katapult console",
            "Error: No object storage account provisioned",
            "Set up object storage for the organization in the Katapult console",
            "Error: Object storage account suspended",
            "Error: Permission denied by Katapult",
            "(Additional restrictions on this object prevent access)",
            "Grant that user access to it in the Katapult console",
        ] {
            assert!(
                text.contains(want),
                "Terraform {}: no {want:?} in {text}",
                tf.version
            );
        }
        assert!(!text.contains("Katapult API error"), "{text}");
        assert_eq!(own.api.requests(), 5, "each refusal final, none retried");
    }
}
