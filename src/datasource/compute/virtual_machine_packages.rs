//! `katapult_virtual_machine_packages`: every public virtual machine
//! package, through `GET /virtual_machine_packages`, every page at the API's
//! own page size, in the API's order, as Katapult's Go provider reads them;
//! its `id` is `all`, as there.

use std::sync::OnceLock;

use crate::schema::{Attribute, Block, Kind};

use crate::datasource::core::reads::{OrganizationUse, Reads};
use crate::datasource::core::shapes::legacy_listed::{LegacyListed, LegacySource};
use crate::datasource::core::shapes::listed::ListId;
use crate::datasource::core::timeouts::TIMEOUTS;
use crate::datasource::objects::virtual_machine_package::{LIST, PACKAGE};

pub static VIRTUAL_MACHINE_PACKAGES: LegacyListed = LegacyListed {
    type_name: "katapult_virtual_machine_packages",
    schema: &SCHEMA,
    reads: &READS,
    source: LegacySource::Everything(&LIST),
    filters: &[],
    attribute: "packages",
    items: PACKAGE,
    id: ListId::Is("all"),
};

static READS: Reads = Reads {
    what: "virtual machine packages",
    scopes: &["virtual_machine_packages:read"],
    organization: OrganizationUse::Unused,
    data_center: None,
};

static SCHEMA: Block = Block {
    description: "Lists every public Katapult virtual machine package, through \
                  `GET /core/v1/virtual_machine_packages`, following every page. Needs an API \
                  token with the `virtual_machine_packages:read` scope.",
    attributes: &[
        Attribute::computed(
            "id",
            Kind::String,
            "Always `all`, as in Katapult's Go provider.",
        ),
        Attribute::computed(
            "packages",
            Kind::ObjectList(PACKAGE),
            "The packages, in the API's order (as in Katapult's Go provider), each as \
             `katapult_virtual_machine_package` has it. Should the list change while it is \
             read (a package added or removed between two pages), the read starts again, up \
             to twice, so the result is one consistent listing.",
        ),
    ],
    blocks: &[TIMEOUTS],
    type_cache: OnceLock::new(),
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
