//! `katapult_dns_zone`, `katapult_dns_zones`, `katapult_dns_record`,
//! `katapult_dns_records` and `katapult_dns_nameservers` end to end
//! against the fake API's answers (written from Krystal's Go client's DNS
//! fixtures and the API reference): every way in, in one configuration
//! under every Terraform found, compared field by field with the answers;
//! every page of a zone list of two pages; the errors at their attributes.

use katapult_testkit::fake_api::{self, dns, orgs};
use katapult_testkit::terraform::{OwnApi, REQUIRED_PROVIDERS, Terraform, Workspace, terraforms};
use serde_json::{Value, json};

use crate::harness::{applied, failed_plan};

/// The object under `key` of the answer `file` in the folder `path`.
fn answer(path: &str, file: &str, key: &str) -> Value {
    let text = fake_api::recorded(path, file);
    serde_json::from_str::<Value>(&text).unwrap()[key].clone()
}

fn config(organization: &str, body: &str) -> String {
    format!(
        "{REQUIRED_PROVIDERS}\nprovider \"katapult\" {{\n  organization = \"{organization}\"\n}}\n{body}"
    )
}

/// A record as the provider shows it: the API's record with its
/// `content_attributes` under snake case names, every type it leaves out
/// null (`SOA` has no fields in the API reference: left out).
fn shown(record: &Value) -> Value {
    let attributes = &record["content_attributes"];
    let mut content = serde_json::Map::new();
    for (name, key) in [
        ("a", "A"),
        ("aaaa", "AAAA"),
        ("alias", "ALIAS"),
        ("caa", "CAA"),
        ("cname", "CNAME"),
        ("http_redirect", "HTTPRedirect"),
        ("ips", "IPS"),
        ("mx", "MX"),
        ("ns", "NS"),
        ("ptr", "PTR"),
        ("srv", "SRV"),
        ("sshfp", "SSHFP"),
        ("txt", "TXT"),
        ("virtual_machine", "VirtualMachine"),
    ] {
        content.insert(name.to_owned(), attributes[key].clone());
    }
    let mut shown = record.as_object().unwrap().clone();
    shown.insert("content_attributes".to_owned(), Value::Object(content));
    Value::Object(shown)
}

/// The fields of `got` named in `want` (the shown record), equal.
fn assert_record(got: &Value, want: &Value, version: &str) {
    for field in [
        "id",
        "name",
        "full_name",
        "ttl",
        "type",
        "priority",
        "content",
        "content_attributes",
    ] {
        assert_eq!(got[field], want[field], "{field}, Terraform {version}");
    }
}

#[test]
fn zones_records_and_nameservers_are_read_every_way() {
    let config = config(
        orgs::ACME,
        &format!(
            "data \"katapult_dns_zone\" \"by_id\" {{\n  id = \"{}\"\n}}\n\
             data \"katapult_dns_zone\" \"by_name\" {{\n  name = \"{}\"\n}}\n\
             data \"katapult_dns_zones\" \"all\" {{}}\n\
             data \"katapult_dns_record\" \"a\" {{\n  id = \"{}\"\n}}\n\
             data \"katapult_dns_record\" \"redirect\" {{\n  id = \"{}\"\n}}\n\
             data \"katapult_dns_records\" \"by_name\" {{\n  dns_zone_name = data.katapult_dns_zone.by_id.name\n}}\n\
             data \"katapult_dns_records\" \"empty\" {{\n  dns_zone_id = \"{}\"\n}}\n\
             data \"katapult_dns_nameservers\" \"ns\" {{}}\n",
            dns::ZONE,
            dns::EMPTY_ZONE_NAME,
            dns::A_RECORD,
            dns::REDIRECT_RECORD,
            dns::EMPTY_ZONE,
        ),
    );
    let zones_listed = fake_api::recorded("organizations/organization/dns_zones", orgs::ACME);
    let zones_listed = serde_json::from_str::<Value>(&zones_listed).unwrap()["dns_zones"].clone();
    let records = answer("dns_zones/dns_zone/records", dns::ZONE, "dns_records");
    for tf in terraforms() {
        let ws = Workspace::new(tf, &config);
        let [by_id, by_name, all, a, redirect, listed, empty, ns] = &applied(
            &ws,
            &[
                ("katapult_dns_zone", "by_id"),
                ("katapult_dns_zone", "by_name"),
                ("katapult_dns_zones", "all"),
                ("katapult_dns_record", "a"),
                ("katapult_dns_record", "redirect"),
                ("katapult_dns_records", "by_name"),
                ("katapult_dns_records", "empty"),
                ("katapult_dns_nameservers", "ns"),
            ],
        );
        let version = &tf.version;
        for (got, id) in [(by_id, dns::ZONE), (by_name, dns::EMPTY_ZONE)] {
            let want = answer("dns_zones/dns_zone", id, "dns_zone");
            for field in ["id", "name", "default_ttl", "verified"] {
                assert_eq!(got[field], want[field], "{field}, Terraform {version}");
            }
            assert!(got["timeouts"].is_null(), "{got}");
        }
        assert_eq!(by_id["verified"], true);
        assert_eq!(by_name["verified"], false);
        assert_eq!(all["dns_zones"], zones_listed, "Terraform {version}");
        for (got, id) in [(a, dns::A_RECORD), (redirect, dns::REDIRECT_RECORD)] {
            let want = shown(&answer("dns_records/dns_record", id, "dns_record"));
            assert_record(got, &want, version);
        }
        assert_eq!(
            a["content_attributes"]["a"],
            json!({"ip_address": "192.0.2.10"})
        );
        assert_eq!(
            redirect["content_attributes"]["http_redirect"],
            json!({"url": "https://example.org/", "http_status": "301"})
        );
        assert!(redirect["content_attributes"]["a"].is_null());
        let got = listed["dns_records"].as_array().unwrap();
        let want = records.as_array().unwrap();
        assert_eq!(got.len(), want.len(), "Terraform {version}");
        for (got, want) in got.iter().zip(want) {
            assert_record(got, &shown(want), version);
        }
        assert_eq!(got[2]["priority"], 10);
        assert!(got[2]["name"].is_null());
        assert_eq!(listed["dns_zone_name"], dns::ZONE_NAME);
        assert_eq!(empty["dns_records"], json!([]));
        assert_eq!(ns["nameservers"], json!(["ns1.foo.bar", "ns2.foo.bar"]));
    }
}

/// An organization's zones over two pages of 200: both read, in order.
#[test]
fn every_page_of_the_zones_is_read() {
    let tf = terraforms().last().unwrap();
    let own = OwnApi::start();
    let ws = Workspace::with_api(
        tf,
        &config(orgs::BIGCO, "data \"katapult_dns_zones\" \"all\" {}\n"),
        &own.api,
    );
    let [all] = &applied(&ws, &[("katapult_dns_zones", "all")]);
    let zones = all["dns_zones"].as_array().unwrap();
    assert_eq!(zones.len(), dns::BIGCO_ZONES);
    assert_eq!(
        zones[dns::BIGCO_ZONES - 1],
        json!({"id": "dnszone_Bigco00000000204", "name": "zone-204.bigco.example",
            "default_ttl": 3600, "verified": true})
    );
    let pages = own.api.pages("dns_zones:bigco");
    assert!(
        pages.contains(&(1, 200)) && pages.contains(&(2, 200)),
        "{pages:?}"
    );
}

#[test]
fn dns_errors_land_where_they_belong() {
    let tf = terraforms().last().unwrap();
    not_found_errors(tf);
    key_errors(tf);
    no_organization_errors(tf);
    scope_errors(tf);
}

/// No such zone: not found, at the attribute, naming the value and where
/// to look; by id, by name, and as the owner of records. No such record,
/// the same.
fn not_found_errors(tf: &Terraform) {
    for (body, at) in [
        (
            "data \"katapult_dns_zone\" \"x\" {\n  name = \"nowhere.example\"\n}\n",
            "name = \"nowhere.example\"",
        ),
        (
            "data \"katapult_dns_records\" \"x\" {\n  dns_zone_id = \"dnszone_Nope\"\n}\n",
            "dns_zone_id = \"dnszone_Nope\"",
        ),
    ] {
        let text = failed_plan(tf, &config(orgs::ACME, body));
        assert!(text.contains("DNS zone not found"), "{text}");
        assert!(
            text.contains("`katapult_dns_zones` lists the organization's DNS zones"),
            "{text}"
        );
        assert!(text.contains(at), "at the attribute: {text}");
    }
    let text = failed_plan(
        tf,
        &config(
            orgs::ACME,
            "data \"katapult_dns_zone\" \"x\" {\n  id = \"dnszone_Nope\"\n}\n",
        ),
    );
    assert!(
        text.contains("no DNS zone with ID \"dnszone_Nope\""),
        "{text}"
    );
    let text = failed_plan(
        tf,
        &config(
            orgs::ACME,
            "data \"katapult_dns_record\" \"x\" {\n  id = \"dnsrec_Nope\"\n}\n",
        ),
    );
    assert!(text.contains("DNS record not found"), "{text}");
    assert!(
        text.contains("no DNS record with ID \"dnsrec_Nope\""),
        "{text}"
    );
    assert!(
        text.contains("`katapult_dns_records` lists a DNS zone's records"),
        "{text}"
    );
    assert!(text.contains("id = \"dnsrec_Nope\""), "{text}");
}

/// Both keys, and neither.
fn key_errors(tf: &Terraform) {
    let text = failed_plan(
        tf,
        &config(
            orgs::ACME,
            &format!(
                "data \"katapult_dns_zone\" \"x\" {{\n  id = \"{}\"\n  name = \"{}\"\n}}\n",
                dns::ZONE,
                dns::ZONE_NAME
            ),
        ),
    );
    assert!(text.contains("Both id and name set"), "{text}");
    let text = failed_plan(
        tf,
        &config(orgs::ACME, "data \"katapult_dns_records\" \"x\" {}\n"),
    );
    assert!(
        text.contains("Missing dns_zone_id or dns_zone_name"),
        "{text}"
    );
}

/// No organization: the organization's reads say where to set it.
fn no_organization_errors(tf: &Terraform) {
    for (body, what) in [
        ("data \"katapult_dns_zones\" \"x\" {}\n", "DNS zones"),
        (
            "data \"katapult_dns_nameservers\" \"x\" {}\n",
            "DNS nameservers",
        ),
    ] {
        let text = failed_plan(
            tf,
            &format!("{REQUIRED_PROVIDERS}\nprovider \"katapult\" {{}}\n{body}"),
        );
        assert!(
            text.contains(&format!("No organization to list {what} of")),
            "{text}"
        );
        assert!(text.contains("KATAPULT_ORGANIZATION"), "{text}");
    }
}

/// A key without the scope: the API's 403, naming `dns` and `dns:read`,
/// for every endpoint.
fn scope_errors(tf: &Terraform) {
    for (organization, body, what) in [
        (
            orgs::ACME,
            format!(
                "data \"katapult_dns_zone\" \"x\" {{\n  id = \"{}\"\n}}\n",
                dns::SCOPE_MISSING_ZONE
            ),
            "DNS zones",
        ),
        (
            orgs::ACME,
            format!(
                "data \"katapult_dns_records\" \"x\" {{\n  dns_zone_id = \"{}\"\n}}\n",
                dns::SCOPE_MISSING_ZONE
            ),
            "DNS records",
        ),
        (
            orgs::ACME,
            format!(
                "data \"katapult_dns_record\" \"x\" {{\n  id = \"{}\"\n}}\n",
                dns::SCOPE_MISSING_RECORD
            ),
            "DNS records",
        ),
        (
            orgs::SCOPE_MISSING,
            "data \"katapult_dns_zones\" \"x\" {}\n".to_owned(),
            "DNS zones",
        ),
        (
            orgs::SCOPE_MISSING,
            "data \"katapult_dns_nameservers\" \"x\" {}\n".to_owned(),
            "DNS nameservers",
        ),
    ] {
        let text = failed_plan(tf, &config(organization, &body));
        assert!(
            text.contains(&format!("API key lacks the scope to read {what}")),
            "{text}"
        );
        assert!(text.contains("\"dns\", \"dns:read\""), "{text}");
    }
}
