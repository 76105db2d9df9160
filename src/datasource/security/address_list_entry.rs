//! `katapult_address_list_entry`: one entry of an address list, by `id`,
//! through `GET /address_list_entries/address_list_entry`.

use std::sync::OnceLock;

use crate::schema::{Attribute, Block, Kind};

use crate::datasource::core::lookup::{Key, Lookup, Rule};
use crate::datasource::core::reads::{OrganizationUse, Reads};
use crate::datasource::core::shapes::legacy_one::LegacyOne;
use crate::datasource::core::timeouts::TIMEOUTS;
use crate::datasource::objects::address_list::ENTRY;

pub static ADDRESS_LIST_ENTRY: LegacyOne = LegacyOne {
    type_name: "katapult_address_list_entry",
    schema: &SCHEMA,
    reads: &READS,
    lookup: &LOOKUP,
    path: "address_list_entries/address_list_entry",
    object: "address_list_entry",
    beside: &[],
};

static READS: Reads = Reads {
    what: "address list entries",
    scopes: &["address_lists", "address_lists:read"],
    organization: OrganizationUse::Unused,
    data_center: None,
};

static LOOKUP: Lookup = Lookup {
    subject: "address list entry",
    keys: &[Key::new("id", "address_list_entry[id]", "ID", "")],
    rule: Rule::ExactlyOne,
    example: Some("adlste_J2SXHEDiybWnySLL"),
    not_found: "address_list_entry_not_found",
    hint: "`katapult_address_list_entries` lists an address list's entries.",
};

static SCHEMA: Block = Block {
    description: "Looks up one entry of a Katapult address list by its ID, through \
                  `GET /core/v1/address_list_entries/address_list_entry`. Needs an API token \
                  with the `address_lists` or `address_lists:read` scope.",
    attributes: &[
        Attribute::required(
            "id",
            Kind::String,
            "The entry's ID, e.g. `adlste_J2SXHEDiybWnySLL`.",
        ),
        ENTRY[1],
        ENTRY[2],
    ],
    blocks: &[TIMEOUTS],
    type_cache: OnceLock::new(),
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
