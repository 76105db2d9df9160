//! `katapult_data_center` and `katapult_data_centers` end to end against
//! the fake API's replay of the recorded answers (the Go provider's
//! DataSourceDataCenter_* cassettes): by id, by permalink, by the
//! provider's `data_center`, and the list, in one configuration under every
//! Terraform found; the errors at their attributes under the last one. (The
//! examples and the Go provider's docs example: `examples.rs`.)

use katapult_testkit::fake_api::data_centers::{AMSTERDAM, LONDON};
use katapult_testkit::terraform::{REQUIRED_PROVIDERS, Workspace, terraforms};

use crate::harness::{applied, failed_plan};
use serde_json::{Value, json};

/// `config` under a provider block holding `provider_block`.
fn with_provider(provider_block: &str, config: &str) -> String {
    format!("{REQUIRED_PROVIDERS}\nprovider \"katapult\" {{\n{provider_block}\n}}\n{config}")
}

fn london() -> Value {
    json!({
        "id": LONDON,
        "name": "London",
        "permalink": "uk-lon-01",
        "country": {"id": "ctry_6AO9tYYugvTGnd5b", "name": "United Kingdom"},
    })
}

#[test]
fn data_centers_are_read_by_id_permalink_setting_and_listed() {
    let config = with_provider(
        "  data_center = \"uk-lon-01\"",
        &format!(
            "data \"katapult_data_center\" \"by_id\" {{\n  id = \"{AMSTERDAM}\"\n}}\n\
             data \"katapult_data_center\" \"by_permalink\" {{\n  permalink = \"uk-lon-01\"\n}}\n\
             data \"katapult_data_center\" \"default\" {{}}\n\
             data \"katapult_data_center\" \"both\" {{\n  id = \"{LONDON}\"\n  permalink = \"uk-lon-01\"\n}}\n\
             data \"katapult_data_centers\" \"all\" {{}}\n"
        ),
    );
    for tf in terraforms() {
        let ws = Workspace::new(tf, &config);
        let [by_id, by_permalink, default, both, all] = &applied(
            &ws,
            &[
                ("katapult_data_center", "by_id"),
                ("katapult_data_center", "by_permalink"),
                ("katapult_data_center", "default"),
                ("katapult_data_center", "both"),
                ("katapult_data_centers", "all"),
            ],
        );
        let version = &tf.version;
        assert_eq!(by_id["id"], AMSTERDAM, "Terraform {version}");
        assert_eq!(by_id["name"], "Amsterdam");
        assert_eq!(by_id["permalink"], "nl-ams-01");
        assert_eq!(by_id["country_id"], "ctry_IHe4noltuwtTYrSJ");
        assert_eq!(by_id["country_name"], "Netherlands");
        assert_eq!(by_id["country"]["name"], "Netherlands");
        for dc in [by_permalink, default, both] {
            assert_eq!(dc["id"], LONDON, "Terraform {version}");
            assert_eq!(dc["name"], "London");
            assert_eq!(dc["permalink"], "uk-lon-01");
            assert_eq!(dc["country_id"], "ctry_6AO9tYYugvTGnd5b");
            assert_eq!(dc["country_name"], "United Kingdom");
            assert_eq!(dc["country"], london()["country"]);
            // No timeouts block written: it stays null.
            assert!(dc["timeouts"].is_null(), "{dc}");
        }
        let listed = all["data_centers"].as_array().unwrap();
        assert_eq!(listed.len(), 2, "Terraform {version}");
        assert_eq!(listed[0], london());
        assert_eq!(listed[1]["id"], AMSTERDAM);
        assert_eq!(listed[1]["permalink"], "nl-ams-01");
        assert!(all["timeouts"].is_null());
    }
}

#[test]
fn data_center_errors_land_where_they_belong() {
    let tf = terraforms().last().unwrap();
    let text = failed_plan(
        tf,
        &with_provider(
            "",
            "data \"katapult_data_center\" \"x\" {\n  permalink = \"xx-nowhere-01\"\n}\n",
        ),
    );
    assert!(text.contains("Data center not found"), "{text}");
    assert!(
        text.contains("no data center with permalink \"xx-nowhere-01\""),
        "{text}"
    );
    assert!(
        text.contains("permalink = \"xx-nowhere-01\""),
        "at the attribute: {text}"
    );
    // Both keys, as a Go configuration may set them: by `id`, and the
    // permalink must be that data center's.
    let text = failed_plan(
        tf,
        &with_provider(
            "",
            &format!(
                "data \"katapult_data_center\" \"x\" {{\n  id = \"{LONDON}\"\n  permalink = \"nl-ams-01\"\n}}\n"
            ),
        ),
    );
    assert!(
        text.contains("Data center permalink does not match"),
        "{text}"
    );
    assert!(
        text.contains("has the permalink \"uk-lon-01\", not \"nl-ams-01\""),
        "{text}"
    );
    assert!(
        text.contains("permalink = \"nl-ams-01\""),
        "at the attribute: {text}"
    );
    // Neither key nor setting: what to set.
    let text = failed_plan(
        tf,
        &with_provider("", "data \"katapult_data_center\" \"x\" {}\n"),
    );
    assert!(text.contains("No data center to look up"), "{text}");
    assert!(text.contains("KATAPULT_DATA_CENTER"), "{text}");
    // The provider's setting names nothing: the error says so.
    let text = failed_plan(
        tf,
        &with_provider(
            "  data_center = \"xx-nowhere-01\"",
            "data \"katapult_data_center\" \"x\" {}\n",
        ),
    );
    assert!(text.contains("Data center not found"), "{text}");
    assert!(text.contains("the provider's `data_center`"), "{text}");
}
