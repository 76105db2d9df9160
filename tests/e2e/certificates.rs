//! `katapult_certificate`, `katapult_certificates`, `ephemeral
//! "katapult_certificate"` and `katapult_ssh_keys` end to end, against the
//! fake API's replay of the Go provider's DataSourceCertificate*_minimal
//! answers and the written ones (`answers/README.md`): one configuration
//! of all the data sources under every Terraform found, compared field by
//! field with the answers; the private key and the certificate API's URL
//! only in their sensitive attributes, and in no output, message or trace
//! log line; the ephemeral resource handing the key to another provider's
//! configuration and storing it nowhere; the errors at their attributes.

use katapult_testkit::fake_api::{self, certificates as certs};
use katapult_testkit::terraform::{REQUIRED_PROVIDERS, Terraform, Workspace, terraforms};
use serde_json::{Value, json};

use crate::harness::{applied, failed_plan};

/// The answer for `id`, as `answers/certificates/certificate/` holds it.
fn answer(id: &str) -> Value {
    let text = fake_api::recorded("certificates/certificate", id);
    serde_json::from_str::<Value>(&text).unwrap()["certificate"].clone()
}

/// The full certificate's private key and certificate API URL.
fn secrets() -> (String, String) {
    let full = answer(certs::FULL);
    (
        full["private_key"].as_str().unwrap().to_owned(),
        full["certificate_api_url"].as_str().unwrap().to_owned(),
    )
}

/// Pieces of the secrets no output or log may hold: a line of the key's
/// body (JSON would escape the newlines around it, never the line), its
/// header, and the URL's token. (The examples' test checks the state
/// of the ephemeral certificate's example for them too.)
pub(crate) fn secret_pieces() -> Vec<String> {
    let (key, url) = secrets();
    let line = key.lines().nth(5).unwrap().to_owned();
    assert_eq!(line.len(), 64, "a line of the PEM body: {line}");
    assert!(url.contains(certs::URL_TOKEN), "{url}");
    vec![line, "PRIVATE KEY".to_owned(), certs::URL_TOKEN.to_owned()]
}

fn config(body: &str) -> String {
    format!(
        "{REQUIRED_PROVIDERS}\nprovider \"katapult\" {{\n  organization = \"{}\"\n}}\n{body}",
        certs::ORG
    )
}

fn reading_all() -> String {
    config(&format!(
        r#"data "katapult_certificate" "recorded" {{
  id = "{recorded}"
}}

data "katapult_certificate" "full" {{
  id = "{full}"
}}

data "katapult_certificates" "all" {{}}

data "katapult_ssh_keys" "all" {{}}

output "name" {{
  value = data.katapult_certificate.full.name
}}

output "key" {{
  value     = data.katapult_certificate.full.private_key
  sensitive = true
}}

output "url" {{
  value     = data.katapult_certificate.full.certificate_api_url
  sensitive = true
}}
"#,
        recorded = certs::RECORDED,
        full = certs::FULL,
    ))
}

/// The fields shown as the API sends them (`additional_names`, a set,
/// is compared sorted).
const FIELDS: &[&str] = &[
    "id",
    "name",
    "authorization_method",
    "issuer",
    "state",
    "issue_error",
    "certificate",
    "chain",
    "private_key",
    "certificate_api_url",
];

/// `created_at`, `expires_at` and `last_issued_at` of both answers, as
/// the Go provider writes them.
const TIMES: &[(&str, [&str; 3])] = &[
    (
        certs::RECORDED,
        [
            "2026-09-04T14:50:44Z",
            "2027-09-04T14:50:45Z",
            "2026-09-04T14:50:45Z",
        ],
    ),
    (
        certs::FULL,
        [
            "2026-09-04T14:50:44Z",
            "2027-09-04T14:50:45Z",
            "2026-09-04T14:50:45Z",
        ],
    ),
];

#[test]
fn certificates_and_ssh_keys_are_read_and_the_secrets_kept_to_their_attributes() {
    for tf in terraforms() {
        let at = format!("Terraform {}", tf.version);
        let ws = Workspace::new(tf, &reading_all());
        let plan = ws.run(&["plan", "-no-color"]);
        assert!(plan.success, "{at}: {}", plan.text());
        let [recorded, full, all, keys] = &applied(
            &ws,
            &[
                ("katapult_certificate", "recorded"),
                ("katapult_certificate", "full"),
                ("katapult_certificates", "all"),
                ("katapult_ssh_keys", "all"),
            ],
        );
        check_certificates(&at, [recorded, full]);
        check_lists(&at, all, keys);
        check_secrets_kept(tf, ws, &at, plan.text());
    }
}

/// The two certificates read one by one, field by field with their
/// answers.
fn check_certificates(at: &str, certificates: [&Value; 2]) {
    for (got, (id, times)) in certificates.into_iter().zip(TIMES) {
        let want = answer(id);
        for field in FIELDS {
            assert_eq!(got[field], want[field], "{field} of {id}, {at}");
        }
        let sorted = |names: &Value| {
            let mut names: Vec<String> = names
                .as_array()
                .unwrap()
                .iter()
                .map(|n| n.as_str().unwrap().to_owned())
                .collect();
            names.sort();
            names
        };
        assert_eq!(
            sorted(&got["additional_names"]),
            sorted(&want["additional_names"]),
            "{id}, {at}"
        );
        for (field, time) in ["created_at", "expires_at", "last_issued_at"]
            .into_iter()
            .zip(times)
        {
            assert_eq!(got[field], *time, "{field} of {id}, {at}");
        }
        assert!(got["timeouts"].is_null(), "{got}");
    }
}

/// The organization's certificates and SSH keys, as listed.
fn check_lists(at: &str, all: &Value, keys: &Value) {
    let listed = all["certificates"].as_array().unwrap();
    assert_eq!(listed.len(), 2, "{at}");
    assert_eq!(
        listed[1],
        json!({
            "id": "cert_lD0FJv8ZjXwT84Zg",
            "name": "tf-acc-test-data-source-minimal-d1dlkrheltms.example.com",
            "issuer": "self_signed", "state": "issued",
            "expires_at": "2027-09-04T14:51:19Z", "last_issued_at": "2026-09-04T14:51:19Z",
        }),
        "{at}"
    );
    let want_keys: Value = serde_json::from_str(&fake_api::recorded(
        "organizations/organization/ssh_keys",
        certs::ORG,
    ))
    .unwrap();
    assert_eq!(keys["ssh_keys"], want_keys["ssh_keys"], "{at}");
}

/// The secrets in their two sensitive attributes and nowhere else: not in
/// the rest of the state, nor the plan's (`plan`), apply's, `output`'s or
/// `show`'s text, nor the provider's trace log.
fn check_secrets_kept(tf: &Terraform, ws: Workspace, at: &str, plan: String) {
    // In the state, the secrets are in their two attributes, which
    // Terraform knows are sensitive, and nowhere else.
    let state = ws.state();
    check_state_marks(tf, at, &state);
    check_schema_marks(&ws, at);
    // `terraform show` masks them.
    let show = ws.run(&["show", "-no-color"]);
    assert!(show.success, "{at}: {}", show.text());
    assert!(
        show.text().contains("(sensitive value)"),
        "{at}: {}",
        show.text()
    );
    let stripped = without_secrets(at, &state);

    let output = ws.run(&["output", "-no-color"]);
    assert!(output.success, "{at}: {}", output.text());
    assert!(
        output.text().contains("key = <sensitive>"),
        "{at}: {}",
        output.text()
    );
    let apply = ws.run(&["apply", "-auto-approve", "-no-color"]);
    assert!(apply.success, "{at}: {}", apply.text());
    let traced = ws
        .env("TF_LOG_PROVIDER", Some("trace"))
        .run(&["plan", "-no-color"]);
    assert!(traced.success, "{at}: {}", traced.text());
    assert!(
        traced.stderr.contains("ReadDataSource"),
        "{at}: no provider trace lines"
    );
    for (what, text) in [
        (
            "state outside the sensitive attributes",
            stripped.to_string(),
        ),
        ("plan output", plan),
        ("apply output", apply.text()),
        ("output", output.text()),
        ("show", show.text()),
        ("provider trace log", traced.stderr),
    ] {
        for piece in secret_pieces() {
            assert!(!text.contains(&piece), "{at}: a secret is in the {what}");
        }
    }
}

/// The full certificate's instance in `state` marks the two secrets
/// sensitive, and nothing else of its own.
fn check_state_marks(tf: &Terraform, at: &str, state: &Value) {
    let instance = state["resources"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["type"] == "katapult_certificate" && r["name"] == "full")
        .unwrap()["instances"][0]
        .clone();
    // Terraform records the schema's sensitive attributes in the state
    // from 1.10 on (before, only what variables mark).
    let marked = instance["sensitive_attributes"].to_string();
    if !tf.older_than(1, 10) {
        for name in ["private_key", "certificate_api_url"] {
            assert!(
                marked.contains(name),
                "{at}: {name} not sensitive: {marked}"
            );
        }
    }
    for name in ["certificate", "chain", "name"] {
        assert!(!marked.contains(&format!("\"{name}\"")), "{at}: {marked}");
    }
}

/// The schema Terraform sees marks the two, and only them.
fn check_schema_marks(ws: &Workspace, at: &str) {
    let schemas = ws.run(&["providers", "schema", "-json"]);
    assert!(schemas.success, "{at}: {}", schemas.text());
    let schemas: Value = serde_json::from_str(&schemas.stdout).unwrap();
    let provider = schemas["provider_schemas"]
        .as_object()
        .unwrap()
        .values()
        .next()
        .unwrap();
    let attributes = provider["data_source_schemas"]["katapult_certificate"]["block"]["attributes"]
        .as_object()
        .unwrap();
    let mut sensitive: Vec<&str> = attributes
        .iter()
        .filter(|(_, a)| a["sensitive"] == true)
        .map(|(name, _)| name.as_str())
        .collect();
    sensitive.sort();
    assert_eq!(sensitive, ["certificate_api_url", "private_key"], "{at}");
}

/// `state` without the two sensitive attributes of every instance, nor
/// the two outputs, which it holds marked sensitive.
fn without_secrets(at: &str, state: &Value) -> Value {
    let mut stripped = state.clone();
    for resource in stripped["resources"].as_array_mut().unwrap() {
        for instance in resource["instances"].as_array_mut().unwrap() {
            let attributes = instance["attributes"].as_object_mut().unwrap();
            attributes.remove("private_key");
            attributes.remove("certificate_api_url");
        }
    }
    // Outputs are in the state, marked sensitive: the two of them.
    let outputs = stripped["outputs"].as_object_mut().unwrap();
    for name in ["key", "url"] {
        assert_eq!(outputs[name]["sensitive"], true, "{at}");
        outputs.remove(name);
    }
    stripped
}

/// A child module that opens the ephemeral certificate and hands its
/// private key up as an ephemeral output.
const CHILD: &str = r#"terraform {
  required_providers {
    katapult = { source = "krystal/katapult" }
  }
}

variable "id" {
  type = string
}

ephemeral "katapult_certificate" "this" {
  id = var.id
}

output "private_key" {
  value     = ephemeral.katapult_certificate.this.private_key
  sensitive = true
  ephemeral = true
}

output "name" {
  value     = ephemeral.katapult_certificate.this.name
  ephemeral = true
}
"#;

/// The root: the child's ephemeral key, hashed, becomes an aliased
/// provider's `api_key` (the fake API notes every key it is sent); that
/// provider lists the certificates and SSH keys, whose states must not hold
/// the key either.
fn handing_on() -> String {
    format!(
        r#"{REQUIRED_PROVIDERS}
module "secrets" {{
  source = "./child"
  id     = "{full}"
}}

provider "katapult" {{
  alias        = "handed"
  organization = "{org}"
  api_key      = sha256(module.secrets.private_key)
}}

data "katapult_certificates" "through_handed_key" {{
  provider = katapult.handed
}}

data "katapult_ssh_keys" "through_handed_key" {{
  provider = katapult.handed
}}

output "read_with_handed_key" {{
  value = length(data.katapult_certificates.through_handed_key.certificates)
}}
"#,
        full = certs::FULL,
        org = certs::ORG,
    )
}

#[test]
fn the_ephemeral_certificate_hands_its_key_on_and_stores_it_nowhere() {
    crate::harness::handed_on_and_stored_nowhere(&crate::harness::HandingOn {
        config: &handing_on(),
        child: CHILD,
        secret: &secrets().0,
        applied: "read_with_handed_key = 2",
        pieces: secret_pieces(),
        what: "a secret",
    });
}

#[test]
fn certificate_errors_land_where_they_belong() {
    let tf = terraforms().last().unwrap();
    // No such certificate: not found, at the attribute, naming the value
    // and where to look.
    let text = failed_plan(
        tf,
        &config("data \"katapult_certificate\" \"x\" {\n  id = \"cert_Nowhere000000001\"\n}\n"),
    );
    assert!(text.contains("Certificate not found"), "{text}");
    assert!(text.contains("\"cert_Nowhere000000001\""), "{text}");
    assert!(
        text.contains("`katapult_certificates` lists the organization's certificates"),
        "{text}"
    );
    assert!(
        text.contains("id = \"cert_Nowhere000000001\""),
        "at the attribute: {text}"
    );
    // No id.
    let text = failed_plan(tf, &config("data \"katapult_certificate\" \"x\" {}\n"));
    assert!(text.contains("\"id\" is required"), "{text}");
    // A key without the scope: the API's 403, in words, for the
    // certificate and the lists.
    let text = failed_plan(
        tf,
        &config(&format!(
            "data \"katapult_certificate\" \"x\" {{\n  id = \"{}\"\n}}\n",
            certs::SCOPE_MISSING
        )),
    );
    assert!(
        text.contains("lacks the scope to read certificates"),
        "{text}"
    );
    assert!(text.contains("certificates:read"), "{text}");
    for (ty, what) in [
        ("katapult_certificates", "certificates"),
        ("katapult_ssh_keys", "SSH keys"),
    ] {
        let text = failed_plan(
            tf,
            &format!(
                "{REQUIRED_PROVIDERS}\nprovider \"katapult\" {{\n  organization = \"{}\"\n}}\n\
                 data \"{ty}\" \"x\" {{}}\n",
                certs::SCOPE_MISSING_ORG
            ),
        );
        assert!(
            text.contains(&format!("lacks the scope to read {what}")),
            "{text}"
        );
        // No organization: where to set it.
        let text = failed_plan(
            tf,
            &format!(
                "{REQUIRED_PROVIDERS}\nprovider \"katapult\" {{}}\ndata \"{ty}\" \"x\" {{}}\n"
            ),
        );
        assert!(
            text.contains(&format!("No organization to list {what} of")),
            "{text}"
        );
    }
}
