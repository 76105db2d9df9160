//! `katapult_zone(s)`, `katapult_gpu_type(s)`, `katapult_operating_system(s)`
//! and `katapult_currencies` end to end against the fake API's answers (the
//! zone and Ubuntu as the recordings nest them, the rest written from the
//! API reference): every way in, in one configuration under every
//! Terraform found, compared field by field with the answers; the errors at
//! their attributes, and the 403 of each, under the last one.

use katapult_testkit::fake_api::{
    self, SCOPELESS_TOKEN, currencies, data_centers, gpu_types, operating_systems, zones,
};
use katapult_testkit::terraform::{REQUIRED_PROVIDERS, Terraform, Workspace, terraforms};
use serde_json::{Value, json};

use crate::harness::{applied, failed_plan};

/// The answer `name` of `path`, under its key `key`.
fn answer(path: &str, name: &str, key: &str) -> Value {
    let text = fake_api::recorded(path, name);
    serde_json::from_str::<Value>(&text).unwrap()[key].clone()
}

/// The items of the list answer `path/name.json`, under `key`.
fn listed(path: &str, name: &str, key: &str) -> Value {
    answer(path, name, key)
}

fn config(body: &str) -> String {
    format!("{REQUIRED_PROVIDERS}\nprovider \"katapult\" {{}}\n{body}")
}

/// Every attribute of `got` is the answer's `want`, and nothing more but
/// `timeouts` (null) and the keys.
fn same_object(got: &Value, want: &Value, what: &str) {
    for (field, value) in want.as_object().unwrap() {
        assert_eq!(&got[field], value, "{field} of {what}");
    }
    assert!(got["timeouts"].is_null(), "{what}: {got}");
}

#[test]
fn reference_data_is_read_by_each_key_and_listed_whole() {
    let config = config(&format!(
        "data \"katapult_zone\" \"by_id\" {{\n  id = \"{amsterdam}\"\n}}\n\
         data \"katapult_zone\" \"by_permalink\" {{\n  permalink = \"lon-zone-1\"\n}}\n\
         data \"katapult_zones\" \"all\" {{}}\n\
         data \"katapult_gpu_type\" \"by_id\" {{\n  id = \"{l40s}\"\n}}\n\
         data \"katapult_gpu_type\" \"by_permalink\" {{\n  permalink = \"nvidia-a100\"\n}}\n\
         data \"katapult_gpu_types\" \"all\" {{}}\n\
         data \"katapult_gpu_types\" \"london\" {{\n  data_center_id = \"{london}\"\n}}\n\
         data \"katapult_gpu_types\" \"amsterdam\" {{\n  data_center_permalink = \"nl-ams-01\"\n}}\n\
         data \"katapult_operating_system\" \"ubuntu\" {{\n  id = \"{ubuntu}\"\n}}\n\
         data \"katapult_operating_system\" \"debian\" {{\n  id = \"{debian}\"\n}}\n\
         data \"katapult_operating_systems\" \"all\" {{}}\n\
         data \"katapult_currencies\" \"all\" {{}}\n",
        amsterdam = zones::AMSTERDAM,
        l40s = gpu_types::L40S,
        london = data_centers::LONDON,
        ubuntu = operating_systems::UBUNTU,
        debian = operating_systems::DEBIAN,
    ));
    for tf in terraforms() {
        let ws = Workspace::new(tf, &config);
        let [
            zone_id,
            zone_permalink,
            zones_all,
            gpu_id,
            gpu_permalink,
            gpus_all,
            gpus_london,
            gpus_amsterdam,
            ubuntu,
            debian,
            systems,
            currencies_all,
        ] = &applied(
            &ws,
            &[
                ("katapult_zone", "by_id"),
                ("katapult_zone", "by_permalink"),
                ("katapult_zones", "all"),
                ("katapult_gpu_type", "by_id"),
                ("katapult_gpu_type", "by_permalink"),
                ("katapult_gpu_types", "all"),
                ("katapult_gpu_types", "london"),
                ("katapult_gpu_types", "amsterdam"),
                ("katapult_operating_system", "ubuntu"),
                ("katapult_operating_system", "debian"),
                ("katapult_operating_systems", "all"),
                ("katapult_currencies", "all"),
            ],
        );
        let version = &tf.version;
        let what = |name: &str| format!("{name}, Terraform {version}");
        check_zones(&what, [zone_id, zone_permalink, zones_all]);
        check_gpu_types(
            &what,
            [gpu_id, gpu_permalink, gpus_all, gpus_london, gpus_amsterdam],
        );
        check_operating_systems(&what, [ubuntu, debian, systems]);
        check_currencies(&what, currencies_all);
    }
}

/// Zones: whole, by either key; the list as the API lists it.
fn check_zones(what: &impl Fn(&str) -> String, [zone_id, zone_permalink, zones_all]: [&Value; 3]) {
    same_object(
        zone_id,
        &answer("zones/zone", zones::AMSTERDAM, "zone"),
        &what("zone by id"),
    );
    assert_eq!(zone_id["permalink"], Value::Null, "no permalink: null");
    assert_eq!(
        zone_id["data_center"]["country"]["name"],
        "Netherlands",
        "{}",
        what("zone by id")
    );
    same_object(
        zone_permalink,
        &answer("zones/zone", zones::LONDON, "zone"),
        &what("zone by permalink"),
    );
    assert_eq!(zone_permalink["id"], zones::LONDON);
    assert_eq!(
        zones_all["zones"],
        listed("zones", "all", "zones"),
        "{}",
        what("zones")
    );
}

/// GPU types: whole, by either key; every one, and each data center's
/// from its own endpoint (no `data_centers` there).
fn check_gpu_types(
    what: &impl Fn(&str) -> String,
    [gpu_id, gpu_permalink, gpus_all, gpus_london, gpus_amsterdam]: [&Value; 5],
) {
    same_object(
        gpu_id,
        &answer("gpu_types/gpu_type", gpu_types::L40S, "gpu_type"),
        &what("GPU type by id"),
    );
    same_object(
        gpu_permalink,
        &answer("gpu_types/gpu_type", gpu_types::A100, "gpu_type"),
        &what("GPU type by permalink"),
    );
    assert_eq!(gpu_permalink["memory_in_gb"], 80);
    assert_eq!(
        gpus_all["gpu_types"],
        listed("gpu_types", "all", "gpu_types"),
        "{}",
        what("GPU types")
    );
    assert_eq!(gpus_all["data_center_id"], Value::Null);
    let without_data_centers = |name: &str| {
        let mut items = listed("data_centers/data_center/gpu_types", name, "gpu_types");
        for item in items.as_array_mut().unwrap() {
            item["data_centers"] = Value::Null;
        }
        items
    };
    assert_eq!(
        gpus_london["gpu_types"],
        without_data_centers(data_centers::LONDON),
        "{}",
        what("London's GPU types")
    );
    assert_eq!(
        gpus_amsterdam["gpu_types"],
        without_data_centers(data_centers::AMSTERDAM),
        "{}",
        what("Amsterdam's GPU types, by permalink")
    );
    assert_eq!(gpus_amsterdam["gpu_types"][0]["id"], gpu_types::L40S);
}

/// Operating systems: Ubuntu with the badge recorded, the rest null;
/// Debian without one.
fn check_operating_systems(what: &impl Fn(&str) -> String, [ubuntu, debian, systems]: [&Value; 3]) {
    assert_eq!(ubuntu["name"], "Ubuntu");
    assert_eq!(ubuntu["badge"]["url"], fake_api::BADGE_URL);
    for field in ["file_name", "file_type", "file_size", "digest", "token"] {
        assert_eq!(ubuntu["badge"][field], Value::Null, "{}", what(field));
    }
    assert_eq!(debian["name"], "Debian");
    assert_eq!(debian["badge"], Value::Null, "{}", what("Debian's badge"));
    assert_eq!(
        systems["operating_systems"],
        listed("operating_systems", "all", "operating_systems"),
        "{}",
        what("operating systems")
    );
}

/// Currencies: every one, in order.
fn check_currencies(what: &impl Fn(&str) -> String, currencies_all: &Value) {
    assert_eq!(
        currencies_all["currencies"],
        listed("currencies", "all", "currencies"),
        "{}",
        what("currencies")
    );
    assert_eq!(
        currencies_all["currencies"][0],
        json!({"id": currencies::POUND, "name": "British Pound"})
    );
}

/// The error of the data source `data.TYPE.NAME` in a plan's `text`.
fn error_of<'a>(text: &'a str, address: &str) -> &'a str {
    text.split("Error: ")
        .find(|e| e.contains(&format!("with data.{address},")))
        .unwrap_or_else(|| panic!("no error for data.{address} in: {text}"))
}

#[test]
fn reference_errors_land_where_they_belong() {
    let tf = terraforms().last().unwrap();
    not_found_errors(tf);
    key_errors(tf);
    lookup_scope_errors(tf);
    list_scope_errors(tf);
}

/// Not found: at the attribute, naming the value and the list that shows
/// real ones.
fn not_found_errors(tf: &Terraform) {
    let text = failed_plan(
        tf,
        &config(
            "data \"katapult_zone\" \"z\" {\n  permalink = \"no-such-zone\"\n}\n\
             data \"katapult_gpu_type\" \"g\" {\n  id = \"gput_Nowhere00000001\"\n}\n\
             data \"katapult_gpu_types\" \"d\" {\n  data_center_permalink = \"xx-nowhere-01\"\n}\n\
             data \"katapult_operating_system\" \"o\" {\n  id = \"os_Nowhere0000000001\"\n}\n",
        ),
    );
    for (address, summary, value, hint, at) in [
        (
            "katapult_zone.z",
            "Zone not found",
            "no zone with permalink \"no-such-zone\"",
            "`katapult_zones` lists every zone",
            "permalink = \"no-such-zone\"",
        ),
        (
            "katapult_gpu_type.g",
            "GPU type not found",
            "no GPU type with ID \"gput_Nowhere00000001\"",
            "`katapult_gpu_types` lists every GPU type",
            "id = \"gput_Nowhere00000001\"",
        ),
        (
            "katapult_gpu_types.d",
            "Data center not found",
            "no data center with permalink \"xx-nowhere-01\"",
            "`katapult_data_centers` lists every data center",
            "data_center_permalink = \"xx-nowhere-01\"",
        ),
        (
            "katapult_operating_system.o",
            "Operating system not found",
            "no operating system with ID \"os_Nowhere0000000001\"",
            "`katapult_operating_systems` lists every operating system",
            "id = \"os_Nowhere0000000001\"",
        ),
    ] {
        let error = error_of(&text, address);
        assert!(error.starts_with(summary), "{address}: {error}");
        assert!(error.contains(value), "{address}: {error}");
        assert!(error.contains(hint), "{address}: {error}");
        assert!(error.contains(at), "{address}, at the attribute: {error}");
    }
}

/// Both keys, neither key.
fn key_errors(tf: &Terraform) {
    let text = failed_plan(
        tf,
        &config(&format!(
            "data \"katapult_zone\" \"x\" {{\n  id = \"{}\"\n  permalink = \"lon-zone-1\"\n}}\n\
             data \"katapult_gpu_types\" \"x\" {{\n  data_center_id = \"{}\"\n  data_center_permalink = \"uk-lon-01\"\n}}\n",
            zones::LONDON,
            data_centers::LONDON,
        )),
    );
    assert!(text.contains("Both id and permalink set"), "{text}");
    assert!(
        text.contains("Both data_center_id and data_center_permalink set"),
        "{text}"
    );
    let text = failed_plan(tf, &config("data \"katapult_gpu_type\" \"x\" {}\n"));
    assert!(text.contains("Missing id or permalink"), "{text}");
    let text = failed_plan(tf, &config("data \"katapult_operating_system\" \"x\" {}\n"));
    assert!(text.contains("\"id\" is required"), "{text}");
}

/// The 403 of each lookup endpoint, by the value.
fn lookup_scope_errors(tf: &Terraform) {
    let text = failed_plan(
        tf,
        &config(&format!(
            "data \"katapult_zone\" \"s\" {{\n  id = \"{}\"\n}}\n\
             data \"katapult_gpu_type\" \"s\" {{\n  id = \"{}\"\n}}\n\
             data \"katapult_gpu_types\" \"s\" {{\n  data_center_id = \"{}\"\n}}\n\
             data \"katapult_operating_system\" \"s\" {{\n  id = \"{}\"\n}}\n",
            zones::SCOPE_MISSING,
            gpu_types::SCOPE_MISSING,
            gpu_types::SCOPE_MISSING_DATA_CENTER,
            operating_systems::SCOPE_MISSING,
        )),
    );
    for (address, what) in [
        ("katapult_zone.s", "zones"),
        ("katapult_gpu_type.s", "GPU types"),
        ("katapult_gpu_types.s", "GPU types"),
        ("katapult_operating_system.s", "operating systems"),
    ] {
        let error = error_of(&text, address);
        assert!(
            error.starts_with(&format!("API key lacks the scope to read {what}")),
            "{address}: {error}"
        );
    }
}

/// The 403 of each list endpoint, for a key without scopes.
fn list_scope_errors(tf: &Terraform) {
    let lists = config(
        "data \"katapult_zones\" \"s\" {}\n\
         data \"katapult_gpu_types\" \"s\" {}\n\
         data \"katapult_operating_systems\" \"s\" {}\n\
         data \"katapult_currencies\" \"s\" {}\n",
    );
    let plan = Workspace::new(tf, &lists)
        .env("KATAPULT_API_KEY", Some(SCOPELESS_TOKEN))
        .run(&["plan", "-no-color"]);
    let text = plan.text();
    assert!(!plan.success, "{text}");
    for (address, what) in [
        ("katapult_zones.s", "zones"),
        ("katapult_gpu_types.s", "GPU types"),
        ("katapult_operating_systems.s", "operating systems"),
        ("katapult_currencies.s", "currencies"),
    ] {
        let error = error_of(&text, address);
        assert!(
            error.starts_with(&format!("API key lacks the scope to read {what}")),
            "{address}: {error}"
        );
    }
    assert!(!text.contains(SCOPELESS_TOKEN), "the key is never shown");
}
