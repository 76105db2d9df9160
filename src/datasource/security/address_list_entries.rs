//! `katapult_address_list_entries`: an address list's entries, every page
//! once (Katapult's Go provider asks for page 1 over and over, never naming
//! a page).

use crate::schema::{Attribute, Kind};

use crate::datasource::core::shapes::listed::{Listed, Source};
use crate::datasource::objects::address_list::{
    ADDRESS_LIST_ENTRY_OBJECT, ADDRESS_LIST_OBJECT, ENTRIES_OF, ENTRY, ENTRY_LIST, LIST_HINT,
};

pub static ADDRESS_LIST_ENTRIES: Listed = Listed {
    type_name: "katapult_address_list_entries",
    of: &ADDRESS_LIST_ENTRY_OBJECT,
    source: Source::Of {
        owner: &ADDRESS_LIST_OBJECT,
        keys: ENTRIES_OF,
        list: &ENTRY_LIST,
    },
    list: Attribute::computed(
        "entries",
        Kind::ObjectSet(ENTRY),
        "The list's entries: a set, as in Katapult's Go provider (which reads the first page as \
         many times as there are pages, so never more than the first page's entries). Should \
         the list change while it is read, the read starts again, up to twice, so the result \
         is one consistent listing.",
    ),
    summary: "Lists the entries of one Katapult address list, by its ID.",
    hint: LIST_HINT,
    ..Listed::PLAIN
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
