//! `katapult_organization`, `katapult_organizations`, `katapult_trash_object`
//! and `katapult_trash_objects` end to end against the fake API's answers
//! (Krystal's Go client's organization and trash fixtures and
//! the organization the recorded virtual machines nest): every way in, in
//! one configuration under every Terraform found, compared field by field
//! with the answers; the errors at their attributes under the last one.

use katapult_testkit::fake_api::SCOPELESS_TOKEN;
use katapult_testkit::fake_api::account::{
    ACME, ACME_ID, NERV, NERV_ID, SCOPE_MISSING, SCOPE_MISSING_TRASH, TERRAFORM_ACC_TEST,
    TERRAFORM_ACC_TEST_ID, TRASHED_DISK, TRASHED_VM, TRASHED_VM_OBJECT,
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

/// A trash object's answer, as `answers/trash_objects/trash_object/` holds it.
fn trash_answer(id: &str) -> Value {
    let text = katapult_testkit::fake_api::recorded("trash_objects/trash_object", id);
    serde_json::from_str::<Value>(&text).unwrap()["trash_object"].clone()
}

const TRASH_FIELDS: &[&str] = &["id", "keep_until", "object_id", "object_type"];

#[test]
fn trash_objects_are_read_by_either_key_and_listed() {
    let config = config(
        &format!("  organization = \"{ACME}\""),
        &format!(
            "data \"katapult_trash_object\" \"by_id\" {{\n  id = \"{TRASHED_DISK}\"\n}}\n\
             data \"katapult_trash_object\" \"by_object\" {{\n  object_id = \"{TRASHED_VM_OBJECT}\"\n}}\n\
             data \"katapult_trash_objects\" \"all\" {{}}\n"
        ),
    );
    for tf in terraforms() {
        let ws = Workspace::new(tf, &config);
        let [by_id, by_object, all] = &applied(
            &ws,
            &[
                ("katapult_trash_object", "by_id"),
                ("katapult_trash_object", "by_object"),
                ("katapult_trash_objects", "all"),
            ],
        );
        let version = &tf.version;
        for (got, id) in [(by_id, TRASHED_DISK), (by_object, TRASHED_VM)] {
            let want = trash_answer(id);
            for name in TRASH_FIELDS {
                assert_eq!(
                    got[*name], want[*name],
                    "{id}'s {name}, Terraform {version}"
                );
            }
        }
        let listed = all["trash_objects"].as_array().unwrap();
        let want = [trash_answer(TRASHED_VM), trash_answer(TRASHED_DISK)];
        assert_eq!(listed.len(), want.len(), "Terraform {version}");
        for (got, want) in listed.iter().zip(&want) {
            for name in TRASH_FIELDS {
                assert_eq!(got[*name], want[*name], "{name}, Terraform {version}");
            }
        }
    }
}

#[test]
fn trash_errors_land_where_they_belong() {
    let tf = terraforms().last().unwrap();
    let text = failed_plan(
        tf,
        &config(
            &format!("  organization = \"{ACME}\""),
            "data \"katapult_trash_object\" \"x\" {\n  object_id = \"vm_Nowhere0000001\"\n}\n",
        ),
    );
    assert!(text.contains("Trash object not found"), "{text}");
    assert!(
        text.contains("no trash object with object ID \"vm_Nowhere0000001\""),
        "{text}"
    );
    assert!(
        text.contains("`katapult_trash_objects` lists the organization's trash"),
        "{text}"
    );
    assert!(
        text.contains("object_id = \"vm_Nowhere0000001\""),
        "at the attribute: {text}"
    );
    let text = failed_plan(
        tf,
        &config(
            "",
            &format!(
                "data \"katapult_trash_object\" \"x\" {{\n  id = \"{TRASHED_VM}\"\n  object_id = \"{TRASHED_VM_OBJECT}\"\n}}\n"
            ),
        ),
    );
    assert!(text.contains("Both id and object_id set"), "{text}");
    let text = failed_plan(tf, &config("", "data \"katapult_trash_object\" \"x\" {}\n"));
    assert!(text.contains("Missing id or object_id"), "{text}");
    for body in [
        format!("data \"katapult_trash_object\" \"x\" {{\n  id = \"{SCOPE_MISSING_TRASH}\"\n}}\n"),
        "data \"katapult_trash_objects\" \"x\" {}\n".to_owned(),
    ] {
        let text = failed_plan(
            tf,
            &config(&format!("  organization = \"{SCOPE_MISSING}\""), &body),
        );
        assert!(
            text.contains("lacks the scope to read trash objects"),
            "{text}"
        );
        assert!(text.contains("trash_objects:read"), "{text}");
    }
    // An organization that is not there: its sub-domain named.
    let text = failed_plan(
        tf,
        &config(
            "  organization = \"nowhere\"",
            "data \"katapult_trash_objects\" \"x\" {}\n",
        ),
    );
    assert!(text.contains("Organization not found"), "{text}");
}
