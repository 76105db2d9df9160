//! `katapult_country`, `katapult_countries` and `katapult_country_states`
//! end to end against the fake API's answers (written from the API
//! reference with the countries the recordings nest): every way in, in one
//! configuration under every Terraform found, compared field by field with
//! the answers; the errors at their attributes under the last one.

use katapult_testkit::fake_api::countries::{NETHERLANDS, SCOPE_MISSING, UNITED_KINGDOM};
use katapult_testkit::terraform::{REQUIRED_PROVIDERS, Workspace, terraforms};
use serde_json::{Value, json};

use crate::harness::{applied, failed_plan};

/// The answer for `id`, as `answers/countries/country/` holds it.
fn answer(id: &str) -> Value {
    let text = katapult_testkit::fake_api::recorded("countries/country", id);
    serde_json::from_str::<Value>(&text).unwrap()["country"].clone()
}

fn config(body: &str) -> String {
    format!("{REQUIRED_PROVIDERS}\nprovider \"katapult\" {{}}\n{body}")
}

#[test]
fn countries_are_read_by_either_key_listed_and_their_states_listed() {
    let config = config(&format!(
        "data \"katapult_country\" \"by_id\" {{\n  id = \"{NETHERLANDS}\"\n}}\n\
         data \"katapult_country\" \"by_iso\" {{\n  iso_code2 = \"GB\"\n}}\n\
         data \"katapult_countries\" \"all\" {{}}\n\
         data \"katapult_country_states\" \"uk\" {{\n  country_id = data.katapult_country.by_iso.id\n}}\n\
         data \"katapult_country_states\" \"nl\" {{\n  country_id = \"{NETHERLANDS}\"\n}}\n"
    ));
    for tf in terraforms() {
        let ws = Workspace::new(tf, &config);
        let [by_id, by_iso, all, uk, nl] = &applied(
            &ws,
            &[
                ("katapult_country", "by_id"),
                ("katapult_country", "by_iso"),
                ("katapult_countries", "all"),
                ("katapult_country_states", "uk"),
                ("katapult_country_states", "nl"),
            ],
        );
        let version = &tf.version;
        for (got, id) in [(by_id, NETHERLANDS), (by_iso, UNITED_KINGDOM)] {
            let want = answer(id);
            for field in ["id", "name", "iso_code2", "iso_code3", "time_zone", "eu"] {
                assert_eq!(got[field], want[field], "{field}, Terraform {version}");
            }
            assert!(got["timeouts"].is_null(), "{got}");
        }
        assert_eq!(by_id["eu"], true);
        let listed = all["countries"].as_array().unwrap();
        let names: Vec<&str> = listed.iter().map(|c| c["name"].as_str().unwrap()).collect();
        assert_eq!(
            names,
            ["Netherlands", "United Kingdom", "United States of America"],
            "in the API's order, Terraform {version}"
        );
        assert_eq!(
            listed[1],
            json!({"id": UNITED_KINGDOM, "name": "United Kingdom"})
        );
        let states: Vec<&str> = uk["country_states"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["name"].as_str().unwrap())
            .collect();
        assert_eq!(states, ["England", "Northern Ireland", "Scotland", "Wales"]);
        assert_eq!(uk["country_id"], UNITED_KINGDOM);
        assert_eq!(nl["country_states"], json!([]), "Terraform {version}");
    }
}

#[test]
fn country_errors_land_where_they_belong() {
    let tf = terraforms().last().unwrap();
    // No such ISO code: not found, at the attribute, naming the value and
    // where to look.
    let text = failed_plan(
        tf,
        &config("data \"katapult_country\" \"x\" {\n  iso_code2 = \"XX\"\n}\n"),
    );
    assert!(text.contains("Country not found"), "{text}");
    assert!(
        text.contains("no country with two-letter ISO code \"XX\""),
        "{text}"
    );
    assert!(
        text.contains("`katapult_countries` lists every country"),
        "{text}"
    );
    assert!(
        text.contains("iso_code2 = \"XX\""),
        "at the attribute: {text}"
    );
    // Both keys: exactly one.
    let text = failed_plan(
        tf,
        &config(&format!(
            "data \"katapult_country\" \"x\" {{\n  id = \"{UNITED_KINGDOM}\"\n  iso_code2 = \"GB\"\n}}\n"
        )),
    );
    assert!(text.contains("Both id and iso_code2 set"), "{text}");
    // Neither key.
    let text = failed_plan(tf, &config("data \"katapult_country\" \"x\" {}\n"));
    assert!(text.contains("Missing id or iso_code2"), "{text}");
    // A country that does not exist has no states: not found at its ID.
    let text = failed_plan(
        tf,
        &config(
            "data \"katapult_country_states\" \"x\" {\n  country_id = \"ctry_Nowhere00000001\"\n}\n",
        ),
    );
    assert!(text.contains("Country not found"), "{text}");
    assert!(
        text.contains("country_id = \"ctry_Nowhere00000001\""),
        "{text}"
    );
    // A key without the scope: the API's 403, in words.
    let text = failed_plan(
        tf,
        &config(&format!(
            "data \"katapult_country\" \"x\" {{\n  id = \"{SCOPE_MISSING}\"\n}}\n"
        )),
    );
    assert!(text.contains("lacks the scope to read countries"), "{text}");
}
