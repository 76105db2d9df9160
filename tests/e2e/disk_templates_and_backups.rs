//! `katapult_disk_template_version` and `katapult_disk_template_versions`
//! end to end against the fake API's answers (written from the API
//! reference with the recorded Ubuntu 20.04 template and its latest
//! version's id): every way in, in one configuration under every Terraform
//! found, compared field by field with the answers; the errors at their
//! attributes under the last one.

use katapult_testkit::fake_api::templates::{
    MANY_VERSIONS, SCOPE_MISSING, SCOPE_MISSING_VERSION, UBUNTU_2004, UBUNTU_2004_LATEST, VERSIONS,
};
use katapult_testkit::terraform::{REQUIRED_PROVIDERS, Terraform, Workspace, terraforms};
use serde_json::Value;

use crate::harness::{applied, failed_plan};

/// The answer at `path` for `id`, as `testkit/answers/` holds it.
fn answer(path: &str, id: &str) -> Value {
    serde_json::from_str(&katapult_testkit::fake_api::recorded(path, id)).unwrap()
}

fn config(body: &str) -> String {
    format!("{REQUIRED_PROVIDERS}\nprovider \"katapult\" {{}}\n{body}")
}

#[test]
fn template_versions_are_read_with_their_spec_and_listed_by_either_key() {
    let config = config(&format!(
        "data \"katapult_disk_template_versions\" \"by_id\" {{\n  disk_template_id = \"{UBUNTU_2004}\"\n}}\n\
         data \"katapult_disk_template_versions\" \"by_permalink\" {{\n  disk_template_permalink = \"templates/ubuntu-20-04\"\n}}\n\
         data \"katapult_disk_template_versions\" \"many\" {{\n  disk_template_id = \"{MANY_VERSIONS}\"\n}}\n\
         data \"katapult_disk_template_version\" \"latest\" {{\n  id = data.katapult_disk_template_versions.by_id.disk_template_versions[6].id\n}}\n"
    ));
    let version = answer(
        "disk_template_versions/disk_template_version/spec",
        UBUNTU_2004_LATEST,
    );
    let versions = answer("disk_templates/disk_template/versions", UBUNTU_2004);
    for tf in terraforms() {
        let ws = Workspace::new(tf, &config);
        let [by_id, by_permalink, many, latest] = &applied(
            &ws,
            &[
                ("katapult_disk_template_versions", "by_id"),
                ("katapult_disk_template_versions", "by_permalink"),
                ("katapult_disk_template_versions", "many"),
                ("katapult_disk_template_version", "latest"),
            ],
        );
        let tfv = &tf.version;
        let want = &version["disk_template_version"];
        for field in ["id", "number", "stable", "size_in_gb"] {
            assert_eq!(latest[field], want[field], "{field}, Terraform {tfv}");
        }
        for field in ["id", "name", "permalink"] {
            assert_eq!(
                latest["disk_template"][field], want["disk_template"][field],
                "disk_template.{field}, Terraform {tfv}"
            );
        }
        let fields = latest["spec"]["fields"].as_array().unwrap();
        let wanted = version["spec"]["fields"].as_array().unwrap();
        assert_eq!(fields.len(), wanted.len(), "Terraform {tfv}");
        for (got, want) in fields.iter().zip(wanted) {
            for field in [
                "name",
                "type",
                "label",
                "description",
                "required",
                "placeholder",
                "prefill",
            ] {
                assert_eq!(
                    got[field], want[field],
                    "spec field {field}, Terraform {tfv}"
                );
            }
        }
        assert!(latest["timeouts"].is_null(), "{latest}");
        let wanted = versions["disk_template_versions"].as_array().unwrap();
        for listed in [by_id, by_permalink] {
            let got = listed["disk_template_versions"].as_array().unwrap();
            assert_eq!(got.len(), wanted.len(), "Terraform {tfv}");
            for (got, want) in got.iter().zip(wanted) {
                for field in ["id", "number", "stable", "size_in_gb"] {
                    assert_eq!(got[field], want[field], "{field}, Terraform {tfv}");
                }
            }
        }
        assert_eq!(by_id["disk_template_id"], UBUNTU_2004);
        assert_eq!(
            by_permalink["disk_template_permalink"],
            "templates/ubuntu-20-04"
        );
        // Every page: the generated list spans three pages of 200.
        let got = many["disk_template_versions"].as_array().unwrap();
        assert_eq!(got.len(), VERSIONS, "Terraform {tfv}");
        let numbers: Vec<u64> = got.iter().map(|v| v["number"].as_u64().unwrap()).collect();
        assert_eq!(numbers, (1..=VERSIONS as u64).collect::<Vec<_>>());
    }
}

#[test]
fn template_version_errors_land_where_they_belong() {
    let tf = terraforms().last().unwrap();
    // No such version: not found, at the attribute, naming the value and
    // where to look.
    let text = failed_plan(
        tf,
        &config(
            "data \"katapult_disk_template_version\" \"x\" {\n  id = \"dtv_Nowhere000000001\"\n}\n",
        ),
    );
    assert!(text.contains("Disk template version not found"), "{text}");
    assert!(text.contains("\"dtv_Nowhere000000001\""), "{text}");
    assert!(
        text.contains("`katapult_disk_template_versions` lists a template's versions"),
        "{text}"
    );
    assert!(
        text.contains("id = \"dtv_Nowhere000000001\""),
        "at the attribute: {text}"
    );
    // No such template: not found at its permalink.
    let text = failed_plan(
        tf,
        &config(
            "data \"katapult_disk_template_versions\" \"x\" {\n  disk_template_permalink = \"templates/nowhere\"\n}\n",
        ),
    );
    assert!(text.contains("Disk template not found"), "{text}");
    assert!(text.contains("\"templates/nowhere\""), "{text}");
    assert!(
        text.contains("`katapult_disk_templates` lists the templates"),
        "{text}"
    );
    assert!(
        text.contains("disk_template_permalink = \"templates/nowhere\""),
        "at the attribute: {text}"
    );
    // Both keys, and neither.
    let text = failed_plan(
        tf,
        &config(&format!(
            "data \"katapult_disk_template_versions\" \"x\" {{\n  disk_template_id = \"{UBUNTU_2004}\"\n  disk_template_permalink = \"templates/ubuntu-20-04\"\n}}\n"
        )),
    );
    assert!(
        text.contains("Both disk_template_id and disk_template_permalink set"),
        "{text}"
    );
    let text = failed_plan(
        tf,
        &config("data \"katapult_disk_template_versions\" \"x\" {}\n"),
    );
    assert!(
        text.contains("Missing disk_template_id or disk_template_permalink"),
        "{text}"
    );
    scope_errors(tf);
}

/// A key without the scope: the API's 403, naming `disk_templates` and
/// `disk_templates:read`, for each endpoint.
fn scope_errors(tf: &Terraform) {
    for (body, what) in [
        (
            format!(
                "data \"katapult_disk_template_version\" \"x\" {{\n  id = \"{SCOPE_MISSING_VERSION}\"\n}}\n"
            ),
            "disk template versions",
        ),
        (
            format!(
                "data \"katapult_disk_template_versions\" \"x\" {{\n  disk_template_id = \"{SCOPE_MISSING}\"\n}}\n"
            ),
            "disk template versions",
        ),
    ] {
        let text = failed_plan(tf, &config(&body));
        assert!(
            text.contains(&format!("API key lacks the scope to read {what}")),
            "{text}"
        );
        assert!(
            text.contains("\"disk_templates\", \"disk_templates:read\""),
            "{text}"
        );
    }
}
