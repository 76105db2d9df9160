//! `katapult_address_list`: one address list, by `id`, with its entries
//! and annotations.

use crate::schema::{Attribute, Kind};

use crate::datasource::core::shapes::one::One;
use crate::datasource::objects::address_list::{
    ADDRESS_LIST_OBJECT, ENTRIES, GLOBAL, LIST_HINT, NAME,
};
use crate::datasource::objects::annotation::ANNOTATION;

pub static ADDRESS_LIST: One = One {
    type_name: "katapult_address_list",
    of: &ADDRESS_LIST_OBJECT,
    fields: &[
        NAME,
        GLOBAL,
        ENTRIES,
        Attribute::computed(
            "annotations",
            Kind::ObjectList(ANNOTATION),
            "Key/value annotations on the address list.",
        ),
    ],
    summary: "Looks up one Katapult address list (an organization's own, or a global one) by its \
              ID, with its entries and annotations.",
    hint: LIST_HINT,
    beside: &["annotations"],
    ..One::PLAIN
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tftypes::Value;
    use std::collections::BTreeMap;

    fn recorded(id: &str) -> serde_json::Value {
        serde_json::from_str(&katapult_testkit::fake_api::recorded(
            "address_lists/address_list",
            id,
        ))
        .unwrap()
    }

    fn entry(id: &str, address: &str, name: &str) -> Value {
        Value::Object(BTreeMap::from([
            ("id".to_owned(), Value::from(id)),
            ("address".to_owned(), Value::from(address)),
            ("name".to_owned(), Value::from(name)),
        ]))
    }

    #[test]
    fn the_recorded_lists_map_whole() {
        // DataSourceAddressList_minimal: no entries.
        let state = ADDRESS_LIST
            .state(recorded("adlst_GVdbAIFaIglppuxg"))
            .unwrap();
        assert_eq!(state["id"], Value::from("adlst_GVdbAIFaIglppuxg"));
        assert_eq!(
            state["name"],
            Value::from("tf-acc-test-data-source-minimal-wlhWY3ppA6bi")
        );
        assert_eq!(state["global"], Value::Bool(false));
        assert_eq!(state["entries"], Value::List(vec![]));
        assert_eq!(state["annotations"], Value::List(vec![]));
        // DataSourceAddressListEntries_minimal: two entries, in the API's order.
        let state = ADDRESS_LIST
            .state(recorded("adlst_CyG9WoN6qklT89yj"))
            .unwrap();
        let prefix = "tf-acc-test-data-source-minimal-6piGErOZbOmZ-entry";
        assert_eq!(
            state["entries"],
            Value::List(vec![
                entry(
                    "adlste_J2SXHEDiybWnySLL",
                    "1.1.1.1",
                    &format!("{prefix}-one")
                ),
                entry(
                    "adlste_lr7cUxOX9bNupous",
                    "8.8.8.8",
                    &format!("{prefix}-two")
                ),
            ])
        );
    }

    #[test]
    fn nulls_absent_fields_and_wrong_types() {
        let state = ADDRESS_LIST
            .state(serde_json::json!({
                "address_list": {"id": "adlst_x", "name": null, "entries": [{"id": "e"}]},
            }))
            .unwrap();
        assert_eq!(state["name"], Value::Null);
        assert_eq!(state["global"], Value::Null, "absent");
        assert_eq!(state["annotations"], Value::Null, "absent beside");
        let Value::List(entries) = &state["entries"] else {
            panic!("{state:?}")
        };
        assert_eq!(entries[0].attribute("address"), &Value::Null);
        let err = ADDRESS_LIST
            .state(serde_json::json!({
                "address_list": {"id": "adlst_x", "entries": [{"address": 1}]},
            }))
            .unwrap_err()
            .to_string();
        assert_eq!(
            err,
            "entries[0].address should be a string but the API sent a number"
        );
        let err = ADDRESS_LIST
            .state(serde_json::json!({"address_list": {"global": "no"}}))
            .unwrap_err()
            .to_string();
        assert!(err.contains("global should be true or false"), "{err}");
    }
}
