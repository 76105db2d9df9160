//! `katapult_disks` end to end: a multi-page organization listed in full
//! and in order, and its errors, under every Terraform found. (The
//! documented example: `examples.rs`.)

use std::collections::HashMap;

use katapult_testkit::fake_api::organizations;
use katapult_testkit::terraform::{OwnApi, REQUIRED_PROVIDERS, Workspace, terraforms};

/// A configuration listing `organization`'s disks (from the provider block
/// when given, else from the environment the test sets).
fn listing(organization: Option<&str>) -> String {
    let provider = organization
        .map(|o| format!("  organization = \"{o}\"\n"))
        .unwrap_or_default();
    format!(
        "{REQUIRED_PROVIDERS}\nprovider \"katapult\" {{\n{provider}}}\ndata \"katapult_disks\" \"all\" {{}}\n"
    )
}

/// `terraform apply`, then the state's `disks` of `data.katapult_disks.all`.
fn listed(ws: &Workspace) -> Vec<serde_json::Value> {
    let [all] = crate::harness::applied(ws, &[("katapult_disks", "all")]);
    all["disks"].as_array().expect("disks").clone()
}

#[test]
fn lists_every_page_in_id_order_with_the_nested_attachment() {
    for tf in terraforms() {
        let own = OwnApi::start();
        let ws = Workspace::with_api(tf, &listing(Some(organizations::ACME)), &own.api);
        let disks = listed(&ws);
        assert_eq!(
            disks.len(),
            organizations::ACME_DISKS,
            "Terraform {}",
            tf.version
        );
        // Three pages of 200, each asked for once.
        assert_eq!(
            own.api.pages(organizations::ACME),
            [(1, 200), (2, 200), (3, 200)]
        );
        let ids: Vec<&str> = disks.iter().map(|d| d["id"].as_str().unwrap()).collect();
        let mut sorted = ids.clone();
        sorted.sort();
        assert_eq!(ids, sorted, "not ordered by id");
        assert_eq!(ids[0], "disk_Acme0000");
        assert_eq!(ids[449], "disk_Acme0449");
        let by_id: HashMap<&str, &serde_json::Value> = ids.iter().copied().zip(&disks).collect();
        let attached = by_id["disk_Acme0042"];
        assert_eq!(attached["name"], "acme-disk-42");
        assert_eq!(attached["size_in_gb"], 52);
        assert_eq!(attached["state"], "built");
        assert_eq!(attached["virtual_machine_id"], "vm_0042");
        assert_eq!(
            attached["virtual_machine_id"],
            attached["virtual_machine_disk"]["virtual_machine"]["id"]
        );
        assert_eq!(
            attached["virtual_machine_fqdn"],
            "vm-42.example.katapult.cloud"
        );
        assert_eq!(attached["virtual_machine_disk"]["state"], "attached");
        let unattached = by_id["disk_Acme0043"];
        assert!(unattached["virtual_machine_disk"].is_null());
        assert!(unattached["virtual_machine_id"].is_null());
        assert!(unattached["virtual_machine_fqdn"].is_null());
    }
}

#[test]
fn the_organization_comes_from_the_environment_too_and_may_be_empty() {
    for tf in terraforms() {
        let ws = Workspace::new(tf, &listing(None)).env("KATAPULT_ORGANIZATION", Some("empty"));
        assert_eq!(
            listed(&ws),
            Vec::<serde_json::Value>::new(),
            "Terraform {}",
            tf.version
        );
    }
}

#[test]
fn a_list_that_changes_while_read_is_read_again_and_never_half() {
    for tf in terraforms() {
        let own = OwnApi::start();
        // Changes once, during the first pass: read again, consistent.
        let ws = Workspace::with_api(tf, &listing(Some(organizations::SETTLING)), &own.api);
        let disks = listed(&ws);
        assert_eq!(disks.len(), 400, "Terraform {}", tf.version);
        assert_eq!(
            own.api.pages(organizations::SETTLING),
            [(1, 200), (2, 200), (1, 200), (2, 200)]
        );

        // Never holds still: an error, not a list that is neither.
        let ws = Workspace::with_api(tf, &listing(Some(organizations::CHURNING)), &own.api);
        let plan = ws.run(&["plan", "-no-color"]);
        let text = plan.text();
        assert!(!plan.success, "{text}");
        assert!(text.contains("Disk list kept changing"), "{text}");
        assert!(text.contains("3 times running"), "{text}");
    }
}

#[test]
fn a_missing_or_unknown_organization_says_which_setting() {
    let tf = terraforms().last().unwrap();
    let plan = Workspace::new(tf, &listing(None)).run(&["plan", "-no-color"]);
    let text = plan.text();
    assert!(!plan.success, "{text}");
    assert!(text.contains("No organization to list disks of"), "{text}");
    assert!(text.contains("KATAPULT_ORGANIZATION"), "{text}");
    assert!(text.contains("`organization`"), "{text}");

    let plan = Workspace::new(tf, &listing(Some("nobody"))).run(&["plan", "-no-color"]);
    let text = plan.text();
    assert!(!plan.success, "{text}");
    assert!(text.contains("Organization not found"), "{text}");
    assert!(text.contains("\"nobody\""), "{text}");
}

/// `terraform_data` (Terraform 1.4 and later) makes a value known only
/// after apply.
#[test]
fn an_organization_known_only_after_apply_holds_back_only_the_listings() {
    let org = "resource \"terraform_data\" \"org\" {\n  input = \"acme\"\n}\n\
               provider \"katapult\" {\n  organization = terraform_data.org.output\n}\n";
    let mut ran = 0;
    for tf in terraforms().iter().filter(|tf| !tf.older_than(1, 4)) {
        ran += 1;
        let disk = format!(
            "{REQUIRED_PROVIDERS}\n{org}data \"katapult_disk\" \"d\" {{\n  id = \"disk_I4Bu3elhTjuAg16W\"\n}}\n\
             output \"name\" {{\n  value = data.katapult_disk.d.name\n}}\n"
        );
        let plan = Workspace::new(tf, &disk).run(&["plan", "-no-color"]);
        let text = plan.text();
        assert!(plan.success, "Terraform {}: {text}", tf.version);
        assert!(
            text.contains("name = \"tf-acc-test-data-source-mKu5JbeLhav3\""),
            "Terraform {}: katapult_disk read at plan: {text}",
            tf.version
        );
        let listing = format!("{REQUIRED_PROVIDERS}\n{org}data \"katapult_disks\" \"all\" {{}}\n");
        let plan = Workspace::new(tf, &listing).run(&["plan", "-no-color"]);
        let text = plan.text();
        assert!(!plan.success, "{text}");
        assert!(
            text.contains("Provider configuration not known yet"),
            "{text}"
        );
        assert!(
            text.contains("The provider's organization depends on a value"),
            "{text}"
        );
    }
    assert!(
        ran > 0,
        "no Terraform 1.4 or later among {:?}",
        terraforms()
    );
}
