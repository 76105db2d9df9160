//! `katapult_organization` and `katapult_organizations` end to end against
//! the fake API's answers (Krystal's Go client's organization fixtures and
//! the organization the recorded virtual machines nest): every way in, in
//! one configuration under every Terraform found, compared field by field
//! with the answers; the errors at their attributes under the last one.

use katapult_testkit::fake_api::SCOPELESS_TOKEN;
use katapult_testkit::fake_api::account::{
    ACME, ACME_ID, NERV, NERV_ID, SCOPE_MISSING, TERRAFORM_ACC_TEST, TERRAFORM_ACC_TEST_ID,
};
use katapult_testkit::terraform::{REQUIRED_PROVIDERS, Terraform, Workspace, terraforms};
use serde_json::Value;

use crate::harness::{applied, failed_plan};

/// The answer for the organization `sub_domain`, as
/// `answers/organizations/organization/` holds it.
fn answer(sub_domain: &str) -> Value {
    let text = katapult_testkit::fake_api::recorded("organizations/organization", sub_domain);
    serde_json::from_str::<Value>(&text).unwrap()["organization"].clone()
}

/// The list, as `answers/organizations/all.json` holds it.
fn listed() -> Vec<Value> {
    let text = katapult_testkit::fake_api::recorded("organizations", "all");
    serde_json::from_str::<Value>(&text).unwrap()["organizations"]
        .as_array()
        .unwrap()
        .clone()
}

const FIELDS: &[&str] = &[
    "id",
    "name",
    "uuid",
    "sub_domain",
    "infrastructure_domain",
    "created_at",
    "activated_at",
    "suspended",
    "managed",
    "billing_name",
    "address1",
    "address2",
    "address3",
    "address4",
    "postcode",
    "vat_number",
    "phone_number",
    "currency",
    "country",
    "country_state",
];

fn config(provider: &str, body: &str) -> String {
    format!("{REQUIRED_PROVIDERS}\nprovider \"katapult\" {{\n{provider}\n}}\n{body}")
}

/// The answer's field, as the state holds it: a field the answer leaves
/// out is null.
fn field<'a>(answer: &'a Value, name: &str) -> &'a Value {
    answer.get(name).unwrap_or(&Value::Null)
}

#[test]
fn organizations_are_read_by_either_key_or_the_provider_one_and_listed() {
    let config = config(
        &format!("  organization = \"{ACME}\""),
        &format!(
            "data \"katapult_organization\" \"by_id\" {{\n  id = \"{TERRAFORM_ACC_TEST_ID}\"\n}}\n\
             data \"katapult_organization\" \"by_sub_domain\" {{\n  sub_domain = \"{NERV}\"\n}}\n\
             data \"katapult_organization\" \"provider\" {{}}\n\
             data \"katapult_organizations\" \"all\" {{}}\n"
        ),
    );
    for tf in terraforms() {
        let ws = Workspace::new(tf, &config);
        let [by_id, by_sub_domain, provider, all] = &applied(
            &ws,
            &[
                ("katapult_organization", "by_id"),
                ("katapult_organization", "by_sub_domain"),
                ("katapult_organization", "provider"),
                ("katapult_organizations", "all"),
            ],
        );
        let version = &tf.version;
        for (got, sub_domain) in [
            (by_id, TERRAFORM_ACC_TEST),
            (by_sub_domain, NERV),
            (provider, ACME),
        ] {
            let want = answer(sub_domain);
            for name in FIELDS {
                assert_eq!(
                    &got[*name],
                    field(&want, name),
                    "{sub_domain}'s {name}, Terraform {version}"
                );
            }
            assert!(got["timeouts"].is_null(), "{got}");
        }
        assert_eq!(provider["id"], ACME_ID);
        assert_eq!(by_sub_domain["id"], NERV_ID);
        assert_eq!(by_id["currency"]["iso_code"], "GBP");
        assert_eq!(by_id["country"]["iso_code2"], "GB");
        let got = all["organizations"].as_array().unwrap();
        let want = listed();
        assert_eq!(got.len(), want.len(), "Terraform {version}");
        for (got, want) in got.iter().zip(&want) {
            for name in [
                "id",
                "name",
                "sub_domain",
                "infrastructure_domain",
                "created_at",
                "activated_at",
                "suspended",
                "managed",
            ] {
                assert_eq!(&got[name], field(want, name), "{name}, Terraform {version}");
            }
        }
        let sub_domains: Vec<&str> = got
            .iter()
            .map(|o| o["sub_domain"].as_str().unwrap())
            .collect();
        assert_eq!(sub_domains, [ACME, NERV, TERRAFORM_ACC_TEST]);
    }
}

#[test]
fn organization_errors_land_where_they_belong() {
    let tf = terraforms().last().unwrap();
    // No such sub-domain: not found, at the attribute, naming the value and
    // where to look.
    let text = failed_plan(
        tf,
        &config(
            "",
            "data \"katapult_organization\" \"x\" {\n  sub_domain = \"nowhere\"\n}\n",
        ),
    );
    assert!(text.contains("Organization not found"), "{text}");
    assert!(
        text.contains("no organization with sub-domain \"nowhere\""),
        "{text}"
    );
    assert!(
        text.contains("`katapult_organizations` lists the organizations this API token can see"),
        "{text}"
    );
    assert!(
        text.contains("sub_domain = \"nowhere\""),
        "at the attribute: {text}"
    );
    // The provider's organization not found: its sub-domain named.
    let text = failed_plan(
        tf,
        &config(
            "  organization = \"nowhere\"",
            "data \"katapult_organization\" \"x\" {}\n",
        ),
    );
    assert!(text.contains("Organization not found"), "{text}");
    assert!(text.contains("\"nowhere\""), "{text}");
    // Both keys.
    let text = failed_plan(
        tf,
        &config(
            "",
            &format!(
                "data \"katapult_organization\" \"x\" {{\n  id = \"{ACME_ID}\"\n  sub_domain = \"{ACME}\"\n}}\n"
            ),
        ),
    );
    assert!(text.contains("Both id and sub_domain set"), "{text}");
    // Neither key, no provider organization.
    let ws = Workspace::new(tf, &config("", "data \"katapult_organization\" \"x\" {}\n"))
        .env("KATAPULT_ORGANIZATION", None);
    let plan = ws.run(&["plan", "-no-color"]);
    assert!(!plan.success);
    assert!(
        plan.text().contains("No organization to look up"),
        "{}",
        plan.text()
    );
    scope_errors(tf);
}

/// The 403 of the organization's read and of the list, naming the scope.
fn scope_errors(tf: &Terraform) {
    // A key without the scope: the API's 403, naming it.
    let text = failed_plan(
        tf,
        &config(
            "",
            &format!(
                "data \"katapult_organization\" \"x\" {{\n  sub_domain = \"{SCOPE_MISSING}\"\n}}\n"
            ),
        ),
    );
    assert!(
        text.contains("lacks the scope to read organizations"),
        "{text}"
    );
    assert!(text.contains("organizations:read"), "{text}");
    let plan = Workspace::new(
        tf,
        &config("", "data \"katapult_organizations\" \"x\" {}\n"),
    )
    .env("KATAPULT_API_KEY", Some(SCOPELESS_TOKEN))
    .run(&["plan", "-no-color"]);
    let text = plan.text();
    assert!(!plan.success, "{text}");
    assert!(
        text.contains("lacks the scope to read organizations"),
        "{text}"
    );
    assert!(text.contains("organizations:read"), "{text}");
    assert!(!text.contains(SCOPELESS_TOKEN), "the key is never shown");
}
