//! `katapult_virtual_machine_packages`: every public virtual machine
//! package, every page at the API's own page size, in the API's order, as
//! Katapult's Go provider reads them; its `id` is `all`, as there.

use crate::schema::{Attribute, Kind};

use crate::datasource::core::shapes::listed::{ListId, Listed, Source};
use crate::datasource::objects::virtual_machine_package::{
    LIST, PACKAGE, VIRTUAL_MACHINE_PACKAGE_OBJECT,
};

pub static VIRTUAL_MACHINE_PACKAGES: Listed = Listed {
    type_name: "katapult_virtual_machine_packages",
    of: &VIRTUAL_MACHINE_PACKAGE_OBJECT,
    source: Source::Everything(&LIST),
    list: Attribute::computed(
        "packages",
        Kind::ObjectList(PACKAGE),
        "The packages, in the API's order (as in Katapult's Go provider), each as \
         `katapult_virtual_machine_package` has it. Should the list change while it is read \
         (a package added or removed between two pages), the read starts again, up to twice, \
         so the result is one consistent listing.",
    ),
    id: ListId::Is("all"),
    summary: "Lists every public Katapult virtual machine package.",
    ..Listed::PLAIN
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tftypes::Value;
    use serde_json::json;

    /// DataSourceVirtualMachinePackages_all: the list's items carry no
    /// bandwidth allowance (the single answers do); null, not zero.
    #[test]
    fn listed_packages_keep_what_the_list_leaves_out_null() {
        let items = vec![
            json!({"id": "vmpkg_dhG25G5SX3HrA5j5", "name": "ROCK-1", "permalink": "rock-1",
                   "cpu_cores": 1, "ipv4_addresses": 1, "memory_in_gb": 1, "storage_in_gb": 10,
                   "privacy": "public", "icon": null}),
            json!({"id": "vmpkg_Eh5LYVKScVHpj7sM", "name": "ROCK-3", "permalink": "rock-3",
                   "privacy": null}),
        ]
        .into_iter()
        .map(|v| v.as_object().unwrap().clone())
        .collect::<Vec<_>>();
        let state = VIRTUAL_MACHINE_PACKAGES.state(&items).unwrap();
        let Value::List(packages) = &state["packages"] else {
            panic!("{state:?}")
        };
        assert_eq!(packages[0].attribute("permalink"), &Value::from("rock-1"));
        assert_eq!(
            packages[0].attribute("monthly_bandwidth_allowance_in_gb"),
            &Value::Null
        );
        assert_eq!(packages[0].attribute("icon"), &Value::Null);
        assert_eq!(packages[1].attribute("privacy"), &Value::Null);
        assert_eq!(packages[1].attribute("cpu_cores"), &Value::Null);
        let wrong = vec![
            json!({"id": "vmpkg_1", "group": "Rock"})
                .as_object()
                .unwrap()
                .clone(),
        ];
        let err = VIRTUAL_MACHINE_PACKAGES
            .state(&wrong)
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("packages[0].group should be an object but the API sent a string"),
            "{err}"
        );
    }
}
