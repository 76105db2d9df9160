//! `katapult_address_list`: one address list, by `id`, through
//! `GET /address_lists/address_list`, with its entries and annotations.

use std::sync::OnceLock;

use crate::schema::{Attribute, Block, Kind};

use crate::datasource::core::lookup::{Key, Lookup, Rule};
use crate::datasource::core::reads::{OrganizationUse, Reads};
use crate::datasource::core::shapes::legacy_one::LegacyOne;
use crate::datasource::core::timeouts::TIMEOUTS;
use crate::datasource::objects::address_list::{ENTRIES, GLOBAL, NAME};
use crate::datasource::objects::annotation::ANNOTATION;

pub static ADDRESS_LIST: LegacyOne = LegacyOne {
    type_name: "katapult_address_list",
    schema: &SCHEMA,
    reads: &READS,
    lookup: &LOOKUP,
    path: "address_lists/address_list",
    object: "address_list",
    beside: &["annotations"],
};

static READS: Reads = Reads {
    what: "address lists",
    scopes: &["address_lists", "address_lists:read"],
    organization: OrganizationUse::Unused,
    data_center: None,
};

static LOOKUP: Lookup = Lookup {
    subject: "address list",
    keys: &[Key::new("id", "address_list[id]", "ID", "")],
    rule: Rule::ExactlyOne,
    example: Some("adlst_GVdbAIFaIglppuxg"),
    not_found: "address_list_not_found",
    hint: "`katapult_address_lists` lists the organization's address lists, \
           `katapult_global_address_lists` Katapult's global ones.",
};

static SCHEMA: Block = Block {
    description: "Looks up one Katapult address list (an organization's own, or a global one) by \
                  its ID, through `GET /core/v1/address_lists/address_list`, with its entries \
                  and annotations. Needs an API token with the `address_lists` or \
                  `address_lists:read` scope.",
    attributes: &[
        Attribute::required(
            "id",
            Kind::String,
            "The address list's ID, e.g. `adlst_GVdbAIFaIglppuxg`.",
        ),
        NAME,
        GLOBAL,
        ENTRIES,
        Attribute::computed(
            "annotations",
            Kind::ObjectList(ANNOTATION),
            "Key/value annotations on the address list.",
        ),
    ],
    blocks: &[TIMEOUTS],
    type_cache: OnceLock::new(),
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
