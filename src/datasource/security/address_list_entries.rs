//! `katapult_address_list_entries`: an address list's entries, through
//! `GET /address_lists/address_list/entries`, every page once (Katapult's
//! Go provider asks for page 1 over and over, never naming a page).

use std::sync::OnceLock;

use crate::schema::{Attribute, Block, Kind};

use crate::datasource::core::lookup::{Key, Lookup, Rule};
use crate::datasource::core::reads::{OrganizationUse, Reads};
use crate::datasource::core::shapes::legacy_listed::{LegacyListed, LegacySource};
use crate::datasource::core::shapes::listed::ListId;
use crate::datasource::core::timeouts::TIMEOUTS;
use crate::datasource::objects::address_list::{ENTRY, ENTRY_LIST};

pub static ADDRESS_LIST_ENTRIES: LegacyListed = LegacyListed {
    type_name: "katapult_address_list_entries",
    schema: &SCHEMA,
    reads: &READS,
    source: LegacySource::Of(&LOOKUP, &ENTRY_LIST),
    filters: &[],
    attribute: "entries",
    items: ENTRY,
    id: ListId::None,
};

static READS: Reads = Reads {
    what: "address list entries",
    scopes: &["address_lists", "address_lists:read"],
    organization: OrganizationUse::Unused,
    data_center: None,
};

static LOOKUP: Lookup = Lookup {
    subject: "address list",
    keys: &[Key::new("address_list_id", "address_list[id]", "ID", "")],
    rule: Rule::ExactlyOne,
    example: Some("adlst_CyG9WoN6qklT89yj"),
    not_found: "address_list_not_found",
    hint: "`katapult_address_lists` lists the organization's address lists, \
           `katapult_global_address_lists` Katapult's global ones.",
};

static SCHEMA: Block = Block {
    description: "Lists the entries of one Katapult address list, by its ID, through \
                  `GET /core/v1/address_lists/address_list/entries`, following every page. \
                  Needs an API token with the `address_lists` or `address_lists:read` scope.",
    attributes: &[
        Attribute::required(
            "address_list_id",
            Kind::String,
            "The address list's ID, e.g. `adlst_CyG9WoN6qklT89yj`.",
        ),
        Attribute::computed(
            "entries",
            Kind::ObjectSet(ENTRY),
            "The list's entries: a set, as in Katapult's Go provider (which reads the first \
             page as many times as there are pages, so never more than the first page's \
             entries). Should the list change while it is read, the read starts again, up to \
             twice, so the result is one consistent listing.",
        ),
    ],
    blocks: &[TIMEOUTS],
    type_cache: OnceLock::new(),
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tftypes::Value;

    #[test]
    fn the_recorded_page_maps_whole() {
        // DataSourceAddressListEntries_minimal.
        let items = katapult_testkit::fake_api::recorded_items(
            "address_lists/address_list/entries",
            "adlst_CyG9WoN6qklT89yj",
            "address_list_entries",
        );
        let state = ADDRESS_LIST_ENTRIES.state(&items).unwrap();
        let Value::List(entries) = &state["entries"] else {
            panic!("{state:?}")
        };
        let addresses: Vec<&Value> = entries.iter().map(|e| e.attribute("address")).collect();
        assert_eq!(
            addresses,
            [&Value::from("1.1.1.1"), &Value::from("8.8.8.8")]
        );
        assert_eq!(
            entries[1].attribute("id"),
            &Value::from("adlste_lr7cUxOX9bNupous")
        );
        let err = ADDRESS_LIST_ENTRIES
            .state(&[serde_json::json!({"id": 7}).as_object().unwrap().clone()])
            .unwrap_err()
            .to_string();
        assert_eq!(
            err,
            "entries[0].id should be a string but the API sent a number"
        );
    }
}
