//! `katapult_address_list_entry`: one entry of an address list, by `id`.

use crate::datasource::core::shapes::one::One;
use crate::datasource::objects::address_list::{ADDRESS_LIST_ENTRY_OBJECT, ENTRY};

pub static ADDRESS_LIST_ENTRY: One = One {
    type_name: "katapult_address_list_entry",
    of: &ADDRESS_LIST_ENTRY_OBJECT,
    fields: &[ENTRY[1], ENTRY[2]],
    summary: "Looks up one entry of a Katapult address list by its ID.",
    hint: "`katapult_address_list_entries` lists an address list's entries.",
    ..One::PLAIN
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tftypes::Value;

    #[test]
    fn the_recorded_entries_map_whole() {
        // DataSourceAddressListEntry_minimal.
        let answer = serde_json::from_str(&katapult_testkit::fake_api::recorded(
            "address_list_entries/address_list_entry",
            "adlste_LOxazovCwtWgrdiQ",
        ))
        .unwrap();
        let state = ADDRESS_LIST_ENTRY.state(answer).unwrap();
        assert_eq!(state["id"], Value::from("adlste_LOxazovCwtWgrdiQ"));
        assert_eq!(state["address"], Value::from("1.1.1.1"));
        assert_eq!(
            state["name"],
            Value::from("tf-acc-test-data-source-minimal-8CNPn5gJPx6f-entry-one")
        );
        let state = ADDRESS_LIST_ENTRY
            .state(serde_json::json!({"address_list_entry": {"id": "e", "name": null}}))
            .unwrap();
        assert_eq!(state["name"], Value::Null);
        assert_eq!(state["address"], Value::Null, "absent");
        let err = ADDRESS_LIST_ENTRY
            .state(serde_json::json!({"address_list_entry": {"address": ["1.1.1.1"]}}))
            .unwrap_err()
            .to_string();
        assert_eq!(err, "address should be a string but the API sent a list");
    }
}
