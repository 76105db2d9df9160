//! `katapult_global_address_lists`: Katapult's global address lists (the
//! CDNs', monitoring services'...), every page once (Katapult's Go provider
//! never reads the last).

use crate::schema::{Attribute, Kind};

use crate::datasource::core::shapes::listed::{Listed, Source};
use crate::datasource::objects::address_list::{GLOBAL_ADDRESS_LIST_OBJECT, GLOBAL_LIST, LISTED};

pub static GLOBAL_ADDRESS_LISTS: Listed = Listed {
    type_name: "katapult_global_address_lists",
    of: &GLOBAL_ADDRESS_LIST_OBJECT,
    source: Source::Everything(&GLOBAL_LIST),
    list: Attribute::computed(
        "address_lists",
        Kind::ObjectSet(LISTED),
        "The global address lists: a set, as in Katapult's Go provider (which reads every page \
         but the last). Should the list change while it is read, the read starts again, up to \
         twice, so the result is one consistent listing.",
    ),
    summary: "Lists Katapult's global address lists (those of CDNs, monitoring services and \
              Katapult's own load balancers, which every organization can use). For a list's \
              entries, use `katapult_address_list` or `katapult_address_list_entries` with its \
              ID.",
    ..Listed::PLAIN
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tftypes::Value;

    #[test]
    fn the_recorded_list_maps_whole() {
        // DataSourceGlobalAddressLists_minimal.
        let items =
            katapult_testkit::fake_api::recorded_items("address_lists", "all", "address_lists");
        let state = GLOBAL_ADDRESS_LISTS.state(&items).unwrap();
        let Value::List(lists) = &state["address_lists"] else {
            panic!("{state:?}")
        };
        let names: Vec<&Value> = lists.iter().map(|l| l.attribute("name")).collect();
        assert_eq!(names.len(), 9);
        assert_eq!(names[1], &Value::from("Cloudflare"));
        assert_eq!(
            lists[1].attribute("id"),
            &Value::from("adlst_TxEoD90spV3KJxvP")
        );
        assert!(
            lists
                .iter()
                .all(|l| l.attribute("global") == &Value::Bool(true))
        );
    }
}
