//! Nested objects in the schema: nested attribute types, their
//! descriptions, and plain object types for the Terraforms that cannot
//! reference into nested types (`KATAPULT_SCHEMA_OBJECTS`).

use katapult_testkit::fake_api;
use katapult_testkit::terraform::{REQUIRED_PROVIDERS, Terraform, Workspace, terraforms};

/// Every attribute under `attributes` (nested types included), by path, with
/// its description, and how many sit inside nested types.
fn described_attributes(
    attributes: &serde_json::Value,
    path: &str,
    out: &mut Vec<(String, String)>,
) {
    for (name, attribute) in attributes.as_object().unwrap() {
        let at = format!("{path}{name}");
        let description = attribute["description"].as_str().unwrap_or("").to_owned();
        out.push((at.clone(), description));
        if let Some(inner) = attribute.get("nested_type") {
            described_attributes(&inner["attributes"], &format!("{at}."), out);
        }
    }
}

fn schema_json(ws: &Workspace) -> serde_json::Value {
    let run = ws.run(&["providers", "schema", "-json"]);
    assert!(run.success, "{}", run.text());
    let schema: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let providers = schema["provider_schemas"].as_object().unwrap();
    assert_eq!(providers.len(), 1, "{providers:?}");
    providers.values().next().unwrap().clone()
}

#[test]
fn nested_fields_are_described_where_terraform_can_reference_into_them() {
    for tf in terraforms() {
        every_field_is_described(tf);
        the_variable_overrides_the_choice(tf);
    }
}

/// Every attribute, nested ones where Terraform takes nested types, is
/// described in the schema `tf` sees.
fn every_field_is_described(tf: &Terraform) {
    let ws = Workspace::new(tf, REQUIRED_PROVIDERS);
    let provider = schema_json(&ws);
    let mut attributes = Vec::new();
    for kind in ["data_source_schemas", "ephemeral_resource_schemas"] {
        let Some(schemas) = provider.get(kind) else {
            // Terraform 1.0 does not know ephemeral resources.
            continue;
        };
        for (type_name, schema) in schemas.as_object().unwrap() {
            described_attributes(
                &schema["block"]["attributes"],
                &format!("{type_name}."),
                &mut attributes,
            );
        }
    }
    let nested: Vec<_> = attributes
        .iter()
        .filter(|(path, _)| path.matches('.').count() > 1)
        .collect();
    let data_center =
        &provider["data_source_schemas"]["katapult_disk"]["block"]["attributes"]["data_center"];
    if tf.older_than(1, 3) {
        // Terraform 1.0 cannot check references into nested attribute
        // types: plain object types, and nested fields undescribed.
        assert!(nested.is_empty(), "Terraform {}: {nested:?}", tf.version);
        assert!(data_center["type"].is_array(), "{data_center}");
    } else {
        assert!(
            nested.len() > 100,
            "Terraform {}: only {} nested fields",
            tf.version,
            nested.len()
        );
        assert_eq!(data_center["nested_type"]["nesting_mode"], "single");
        let permalink = &data_center["nested_type"]["attributes"]["permalink"];
        assert!(
            permalink["description"]
                .as_str()
                .unwrap()
                .contains("permalink"),
            "{permalink}"
        );
        let disks =
            &provider["data_source_schemas"]["katapult_disks"]["block"]["attributes"]["disks"];
        assert_eq!(disks["nested_type"]["nesting_mode"], "list");
    }
    let undescribed: Vec<_> = attributes.iter().filter(|(_, d)| d.is_empty()).collect();
    assert!(
        undescribed.is_empty(),
        "Terraform {}: {undescribed:?}",
        tf.version
    );
}

/// The variable overrides the choice either way, and a wrong value is an
/// error that names it.
fn the_variable_overrides_the_choice(tf: &Terraform) {
    // The variable overrides the choice either way, and a wrong value
    // is an error that names it.
    let forced = |value| {
        let ws = Workspace::new(tf, REQUIRED_PROVIDERS).env("KATAPULT_SCHEMA_OBJECTS", Some(value));
        schema_json(&ws)["data_source_schemas"]["katapult_disk"]["block"]["attributes"]
        ["data_center"]
        .clone()
    };
    assert!(forced("plain")["type"].is_array());
    assert!(forced("NESTED")["nested_type"].is_object());
    let ws = Workspace::new(tf, REQUIRED_PROVIDERS).env("KATAPULT_SCHEMA_OBJECTS", Some("both"));
    let run = ws.run(&["providers", "schema", "-json"]);
    assert!(!run.success);
    // `providers schema` takes no -no-color: drop the colour codes.
    let mut text = String::new();
    let mut rest = run.text();
    while let Some(at) = rest.find('\u{1b}') {
        text.push_str(&rest[..at]);
        let end = rest[at..].find('m').map_or(rest.len(), |m| at + m + 1);
        rest = rest.split_off(end);
    }
    text.push_str(&rest);
    let text = katapult_testkit::terraform::normalize(&text);
    assert!(
        text.contains("Invalid KATAPULT_SCHEMA_OBJECTS: KATAPULT_SCHEMA_OBJECTS is \"both\""),
        "Terraform {}: {text}",
        tf.version
    );
}

/// Terraform 1.0 with nested types forced shows why they are not its
/// default: a reference into one does not validate.
#[test]
fn terraform_1_0_cannot_reference_into_forced_nested_types() {
    let old: Vec<_> = terraforms()
        .iter()
        .filter(|tf| tf.older_than(1, 3))
        .collect();
    assert!(!old.is_empty(), "no Terraform 1.0 among {:?}", terraforms());
    for tf in old {
        let config = format!(
            "{REQUIRED_PROVIDERS}\ndata \"katapult_disk\" \"this\" {{\n  id = \"{}\"\n}}\n\
             output \"dc\" {{ value = data.katapult_disk.this.data_center.permalink }}\n",
            fake_api::REAL_DISK_ID
        );
        let ws = Workspace::new(tf, &config);
        let plan = ws.run(&["plan", "-no-color"]);
        assert!(plan.success, "{}", plan.text());
        let ws = ws.env("KATAPULT_SCHEMA_OBJECTS", Some("nested"));
        let plan = ws.run(&["plan", "-no-color"]);
        assert!(!plan.success, "{}", plan.text());
        assert!(
            plan.text()
                .contains("This value does not have any attributes"),
            "{}",
            plan.text()
        );
    }
}

/// The `organization` setting's description, as Terraform shows it, names
/// every data source that lists an organization's objects (generated from
/// the data sources, so a new one cannot be left out).
#[test]
fn the_organization_setting_names_the_data_sources_that_use_it() {
    for tf in terraforms() {
        let ws = Workspace::new(tf, REQUIRED_PROVIDERS);
        let provider = schema_json(&ws);
        let description =
            provider["provider"]["block"]["attributes"]["organization"]["description"]
                .as_str()
                .unwrap_or_default()
                .to_owned();
        for needs in [
            "katapult_disks",
            "katapult_disk_io_profile",
            "katapult_disk_io_profiles",
            "katapult_disk_templates",
        ] {
            assert!(
                description.contains(&format!("`{needs}`")),
                "Terraform {}: {description}",
                tf.version
            );
        }
        assert!(
            description.contains("`katapult_disk_template` uses it to read `template_version`"),
            "{description}"
        );
        assert!(!description.contains("whose disks"), "{description}");
    }
}
