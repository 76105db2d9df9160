//! `katapult_virtual_machines`: every virtual machine of the provider's
//! organization, page after page, ordered by id; optionally only those with
//! given annotations.

use crate::schema::{Attribute, Kind};

use crate::datasource::core::shapes::listed::{Filter, Listed, Source};
use crate::datasource::objects::virtual_machine::{LIST, LISTED, VIRTUAL_MACHINE_OBJECT};

pub static VIRTUAL_MACHINES: Listed = Listed {
    type_name: "katapult_virtual_machines",
    of: &VIRTUAL_MACHINE_OBJECT,
    source: Source::Organization(&LIST),
    filters: &[Filter::Annotations],
    list: Attribute::computed(
        "virtual_machines",
        Kind::ObjectList(LISTED),
        "The organization's virtual machines, ordered by ID (as in Katapult's Go provider). \
         Should the list change while it is read (a machine created or deleted between two \
         pages), the read starts again, up to twice, so the result is one consistent listing.",
    ),
    summary: "Lists every virtual machine of the organization, or those with given \
              annotations. For everything Katapult knows of one machine, use \
              `katapult_virtual_machine` with its ID or FQDN.",
    ..Listed::PLAIN
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tftypes::Value;
    use katapult_testkit::fake_api::vms;

    #[test]
    fn the_recorded_list_maps_as_the_go_provider_shows_it_and_in_full() {
        let items = katapult_testkit::fake_api::recorded_items(
            LIST.path,
            vms::RECORDED_ORGANIZATION,
            LIST.items,
        );
        let state = VIRTUAL_MACHINES.state(&items).unwrap();
        let Value::List(machines) = &state["virtual_machines"] else {
            panic!("{state:?}")
        };
        assert_eq!(machines.len(), 2);
        let first = &machines[0];
        assert_eq!(first.attribute("id"), &Value::from(vms::RECORDED_FIRST));
        assert_eq!(
            first.attribute("ip_addresses"),
            &Value::List(vec![Value::from("185.44.253.225")])
        );
        assert_eq!(first.attribute("package_name"), &Value::from("ROCK-1"));
        assert_eq!(
            first.attribute("package").attribute("name"),
            &Value::from("ROCK-1")
        );
        let data_center = first.attribute("zone").attribute("data_center");
        assert_eq!(
            data_center.attribute("permalink"),
            &Value::from("uk-lon-01")
        );
        assert_eq!(data_center.attribute("country"), &Value::Null, "not listed");
        assert_eq!(first.attribute("hypervisor"), &Value::Null, "absent");
        assert_eq!(first.attribute("gpu_type"), &Value::Null);
        assert_eq!(
            first.attribute("ip_address_details").clone(),
            Value::List(vec![Value::Object(
                [("address".to_owned(), Value::from("185.44.253.225"))].into()
            )])
        );
        // A wrong type names the item and the field.
        let mut wrong = items.clone();
        wrong[1].insert("package".to_owned(), serde_json::json!({"name": 3}));
        let err = VIRTUAL_MACHINES.state(&wrong).unwrap_err().to_string();
        assert!(
            err.contains("virtual_machines[1].package_name should be a string"),
            "{err}"
        );
    }
}
