//! `katapult_global_address_lists`: Katapult's global address lists (the
//! CDNs', monitoring services'...), through `GET /address_lists`, every page
//! once (Katapult's Go provider never reads the last).

use std::sync::OnceLock;

use crate::schema::{Attribute, Block, Kind};

use crate::datasource::core::reads::{OrganizationUse, Reads};
use crate::datasource::core::shapes::legacy_listed::{LegacyListed, LegacySource};
use crate::datasource::core::shapes::listed::ListId;
use crate::datasource::core::timeouts::TIMEOUTS;
use crate::datasource::objects::address_list::{GLOBAL_LIST, LISTED};

pub static GLOBAL_ADDRESS_LISTS: LegacyListed = LegacyListed {
    type_name: "katapult_global_address_lists",
    schema: &SCHEMA,
    reads: &READS,
    source: LegacySource::Everything(&GLOBAL_LIST),
    filters: &[],
    attribute: "address_lists",
    items: LISTED,
    id: ListId::None,
};

static READS: Reads = Reads {
    what: "global address lists",
    scopes: &["address_lists", "address_lists:read"],
    organization: OrganizationUse::Unused,
    data_center: None,
};

static SCHEMA: Block = Block {
    description: "Lists Katapult's global address lists (those of CDNs, monitoring services and \
                  Katapult's own load balancers, which every organization can use), through \
                  `GET /core/v1/address_lists`, following every page. Needs an API token with \
                  the `address_lists` or `address_lists:read` scope. For a list's entries, use \
                  `katapult_address_list` or `katapult_address_list_entries` with its ID.",
    attributes: &[Attribute::computed(
        "address_lists",
        Kind::ObjectSet(LISTED),
        "The global address lists: a set, as in Katapult's Go provider (which reads every page \
         but the last). Should the list change while it is read, the read starts again, up to \
         twice, so the result is one consistent listing.",
    )],
    blocks: &[TIMEOUTS],
    type_cache: OnceLock::new(),
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
