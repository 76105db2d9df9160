//! `katapult_virtual_machine_package`: one virtual machine package, by `id`
//! or `permalink` (with both, by `id`, and the permalink must match).

use crate::datasource::core::lookup::Rule;
use crate::datasource::core::shapes::one::One;
use crate::datasource::objects::virtual_machine_package::{
    CPU_CORES, GROUP, ICON, IPV4_ADDRESSES, MEMORY_IN_GB, MONTHLY_BANDWIDTH, NAME, PRIVACY,
    STORAGE_IN_GB, USE_DEDICATED_CPUS, VIRTUAL_MACHINE_PACKAGE_OBJECT,
};

/// Katapult's Go provider asks for at least one key (`AtLeastOneOf`) and,
/// given both, goes by the ID: so does this one, and the permalink must then
/// be the package's.
pub static VIRTUAL_MACHINE_PACKAGE: One = One {
    type_name: "katapult_virtual_machine_package",
    of: &VIRTUAL_MACHINE_PACKAGE_OBJECT,
    rule: Rule::AtLeastOne,
    fields: &[
        NAME,
        CPU_CORES,
        IPV4_ADDRESSES,
        MEMORY_IN_GB,
        STORAGE_IN_GB,
        PRIVACY,
        MONTHLY_BANDWIDTH,
        USE_DEDICATED_CPUS,
        ICON,
        GROUP,
    ],
    summary: "Looks up one Katapult virtual machine package by its `id` or its `permalink` \
              (with both, by `id`, and its permalink must match).",
    hint: "`katapult_virtual_machine_packages` lists the public packages.",
    ..One::PLAIN
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tftypes::{Number, Value};
    use serde_json::json;

    fn int(n: i64) -> Value {
        Value::Number(Number::Int(n))
    }

    /// DataSourceVirtualMachinePackage_by_permalink: ROCK-3, icon null, no
    /// `use_dedicated_cpus` nor `group`.
    #[test]
    fn the_recorded_package_maps_whole() {
        let state = VIRTUAL_MACHINE_PACKAGE
            .state(json!({"virtual_machine_package": {
                "id": "vmpkg_Eh5LYVKScVHpj7sM", "name": "ROCK-3", "permalink": "rock-3",
                "cpu_cores": 1, "ipv4_addresses": 1, "memory_in_gb": 3, "storage_in_gb": 25,
                "monthly_bandwidth_allowance_in_gb": 2048, "privacy": "public", "icon": null,
            }}))
            .unwrap();
        assert_eq!(state["id"], Value::from("vmpkg_Eh5LYVKScVHpj7sM"));
        assert_eq!(state["permalink"], Value::from("rock-3"));
        assert_eq!(state["name"], Value::from("ROCK-3"));
        assert_eq!(
            [
                &state["cpu_cores"],
                &state["ipv4_addresses"],
                &state["memory_in_gb"],
                &state["storage_in_gb"],
                &state["monthly_bandwidth_allowance_in_gb"],
            ],
            [&int(1), &int(1), &int(3), &int(25), &int(2048)]
        );
        assert_eq!(state["privacy"], Value::from("public"));
        for absent in ["icon", "use_dedicated_cpus", "group"] {
            assert_eq!(state[absent], Value::Null, "{absent}");
        }
    }

    /// The API reference's shape, every field set: the icon and the group
    /// nested as the API nests them.
    #[test]
    fn nested_objects_are_kept_and_a_wrong_type_is_named() {
        let state = VIRTUAL_MACHINE_PACKAGE
            .state(json!({"virtual_machine_package": {
                "id": "vmpkg_1", "privacy": "private", "use_dedicated_cpus": true,
                "icon": {"url": "https://my.katapult.io/attachment/abc/rock.png",
                         "file_name": "rock.png", "file_type": "image/png", "file_size": 2048,
                         "digest": "d41d8cd9", "token": "abc"},
                "group": {"id": "vmpkgrp_P5kCZvAtvXRC3sVl", "name": "Standard vCPU"},
            }}))
            .unwrap();
        assert_eq!(state["use_dedicated_cpus"], Value::Bool(true));
        assert_eq!(state["icon"].attribute("file_size"), &int(2048));
        assert_eq!(
            state["icon"].attribute("file_name"),
            &Value::from("rock.png")
        );
        assert_eq!(
            state["group"].attribute("name"),
            &Value::from("Standard vCPU")
        );
        assert_eq!(state["cpu_cores"], Value::Null);
        let err = VIRTUAL_MACHINE_PACKAGE
            .state(json!({"virtual_machine_package": {"id": "vmpkg_1", "icon": {"file_size": "2 KB"}}}))
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("icon.file_size should be a number but the API sent a string"),
            "{err}"
        );
    }

    #[test]
    fn one_key_or_both_and_never_none() {
        use std::collections::BTreeMap;
        let config = |id: Value, permalink: Value| {
            Value::Object(BTreeMap::from([
                ("id".to_owned(), id),
                ("permalink".to_owned(), permalink),
            ]))
        };
        let none = VIRTUAL_MACHINE_PACKAGE
            .lookup()
            .validate(&config(Value::Null, Value::Null));
        assert_eq!(none[0].summary, "Missing id or permalink");
        let both = config(Value::from("vmpkg_1"), Value::from("rock-3"));
        assert!(VIRTUAL_MACHINE_PACKAGE.lookup().validate(&both).is_empty());
        // By the ID first, as the Go provider does.
        let given = VIRTUAL_MACHINE_PACKAGE.lookup().read(&both).unwrap();
        assert_eq!(
            given[0].query(),
            [("virtual_machine_package[id]", "vmpkg_1")]
        );
        let empty = VIRTUAL_MACHINE_PACKAGE
            .lookup()
            .validate(&config(Value::Null, Value::from("")));
        assert_eq!(
            empty[0].path.as_ref().map(ToString::to_string).as_deref(),
            Some("permalink")
        );
    }
}
