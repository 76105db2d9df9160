//! `katapult_tag` and `katapult_tags` end to end against the fake API's
//! replay of the Go provider's DataSourceTag_minimal and
//! DataSourceTags_minimal answers: one configuration under every Terraform
//! found, and the errors at their attributes. (The examples:
//! `examples.rs`.)

use katapult_testkit::terraform::{REQUIRED_PROVIDERS, Workspace, terraforms};
use serde_json::json;

use crate::harness::{applied, failed_plan};

const TAG: &str = "tag_d93jtFjsKT9bxwnw";

#[test]
fn a_tag_and_the_organizations_tags_are_read() {
    let config = format!(
        "{REQUIRED_PROVIDERS}\nprovider \"katapult\" {{\n  organization = \"acme\"\n}}\n\
         data \"katapult_tag\" \"one\" {{\n  id = \"{TAG}\"\n}}\n\
         data \"katapult_tags\" \"all\" {{}}\n"
    );
    for tf in terraforms() {
        let ws = Workspace::new(tf, &config);
        let [one, all] = &applied(&ws, &[("katapult_tag", "one"), ("katapult_tags", "all")]);
        assert_eq!(
            one,
            &json!({
                "id": TAG, "name": "tf-acc-test-data-source-minimal-zlfp5xg1hizb",
                "color": "green", "created_at": 1723462551, "timeouts": null,
            }),
            "Terraform {}",
            tf.version
        );
        let tags = all["tags"].as_array().unwrap();
        // The recorded order, which is the API's (not by id).
        let names: Vec<&str> = tags.iter().map(|t| t["name"].as_str().unwrap()).collect();
        assert_eq!(names[..4], ["app", "lb", "public", "test"], "{all}");
        assert_eq!(tags.len(), 6);
        assert_eq!(
            tags[5],
            json!({"id": "tag_NqAjIfOyzSMyuFPS", "name": "web", "color": "pastel_orange"})
        );
    }
}

#[test]
fn tag_errors_land_where_they_belong() {
    let tf = terraforms().last().unwrap();
    let text = failed_plan(
        tf,
        &format!("{REQUIRED_PROVIDERS}\ndata \"katapult_tag\" \"x\" {{\n  id = \"tag_Nope\"\n}}\n"),
    );
    assert!(text.contains("Tag not found"), "{text}");
    assert!(text.contains("no tag with ID \"tag_Nope\""), "{text}");
    assert!(
        text.contains("id = \"tag_Nope\""),
        "at the attribute: {text}"
    );
    let text = failed_plan(
        tf,
        &format!("{REQUIRED_PROVIDERS}\ndata \"katapult_tag\" \"x\" {{\n  id = \"\"\n}}\n"),
    );
    assert!(text.contains("Empty tag ID"), "{text}");
    // No organization: the list says where to set one.
    let text = failed_plan(
        tf,
        &format!("{REQUIRED_PROVIDERS}\ndata \"katapult_tags\" \"x\" {{}}\n"),
    );
    assert!(text.contains("No organization to list tags of"), "{text}");
}
