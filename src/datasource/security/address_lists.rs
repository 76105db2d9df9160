//! `katapult_address_lists`: the address lists of the provider's
//! organization, every page once (Katapult's Go provider never reads the
//! last); optionally only those with given annotations.

use crate::schema::{Attribute, Kind};

use crate::datasource::core::shapes::listed::{Filter, Listed, Source};
use crate::datasource::objects::address_list::{ADDRESS_LIST_OBJECT, LISTED, ORGANIZATION_LIST};

pub static ADDRESS_LISTS: Listed = Listed {
    type_name: "katapult_address_lists",
    of: &ADDRESS_LIST_OBJECT,
    source: Source::Organization(&ORGANIZATION_LIST),
    filters: &[Filter::Annotations],
    list: Attribute::computed(
        "address_lists",
        Kind::ObjectSet(LISTED),
        "The organization's address lists: a set, as in Katapult's Go provider (which reads \
         every page but the last). Should the list change while it is read, the read starts \
         again, up to twice, so the result is one consistent listing.",
    ),
    summary: "Lists the address lists of the organization, or those with given annotations. For \
              a list's entries, use `katapult_address_list` or \
              `katapult_address_list_entries`; for Katapult's own lists, \
              `katapult_global_address_lists`.",
    ..Listed::PLAIN
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tftypes::Value;

    #[test]
    fn the_recorded_list_maps_whole() {
        // DataSourceAddressLists_minimal.
        let items = katapult_testkit::fake_api::recorded_items(
            "organizations/organization/address_lists",
            "acme",
            "address_lists",
        );
        let state = ADDRESS_LISTS.state(&items).unwrap();
        let Value::List(lists) = &state["address_lists"] else {
            panic!("{state:?}")
        };
        assert_eq!(lists.len(), 5);
        assert_eq!(
            lists[1].attribute("id"),
            &Value::from("adlst_u5f6rKFVFXR02vuj")
        );
        assert_eq!(
            lists[4].attribute("name"),
            &Value::from("tf-acc-test-data-source-minimal-c30oKrfksBtK-alt")
        );
        assert!(
            lists
                .iter()
                .all(|l| l.attribute("global") == &Value::Bool(false))
        );
        let err = ADDRESS_LISTS
            .state(&[serde_json::json!({"id": "a", "global": 0})
                .as_object()
                .unwrap()
                .clone()])
            .unwrap_err()
            .to_string();
        assert_eq!(
            err,
            "address_lists[0].global should be true or false but the API sent a number"
        );
    }
}
