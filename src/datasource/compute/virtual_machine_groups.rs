//! `katapult_virtual_machine_groups`: every virtual machine group of the
//! provider's organization, in one answer (the endpoint does not page), in
//! the API's order; its `id` the organization's sub-domain, as in
//! Katapult's Go provider.

use crate::schema::{Attribute, Kind};

use crate::datasource::core::shapes::listed::{ListId, Listed, Source};
use crate::datasource::objects::virtual_machine_group::{
    GROUP, LIST, VIRTUAL_MACHINE_GROUP_OBJECT,
};

pub static VIRTUAL_MACHINE_GROUPS: Listed = Listed {
    type_name: "katapult_virtual_machine_groups",
    of: &VIRTUAL_MACHINE_GROUP_OBJECT,
    source: Source::Organization(&LIST),
    list: Attribute::computed(
        "groups",
        Kind::ObjectList(GROUP),
        "The organization's virtual machine groups, in the API's order (as in Katapult's Go \
         provider).",
    ),
    id: ListId::Organization,
    summary: "Lists every virtual machine group of the organization, in one answer (the \
              endpoint does not page).",
    ..Listed::PLAIN
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tftypes::Number;
    use crate::tftypes::Value;
    use serde_json::json;

    /// DataSourceVMGroups_default: the v6 recording (every field) and the
    /// 2023 one (no `auto_segregate`), in the API's order.
    #[test]
    fn every_group_is_kept_in_the_apis_order() {
        let answer = json!({"virtual_machine_groups": [
            {"id": "vmgrp_v3V4fzVGrp7gESJR", "name": "lb-test", "segregate": true,
             "auto_segregate": false, "created_at": 1697026200},
            {"id": "vmgrp_Cenw9gVTdYKfIV4x", "name": "tf-acc-test-data-source-default-qruhrhxcrct9-2",
             "segregate": false, "created_at": 1679595487},
        ]});
        let items =
            crate::datasource::core::answer::list(answer, "virtual_machine_groups").unwrap();
        let state = VIRTUAL_MACHINE_GROUPS.state(&items).unwrap();
        let Value::List(groups) = &state["groups"] else {
            panic!("{state:?}")
        };
        assert_eq!(groups.len(), 2);
        assert_eq!(groups[0].attribute("name"), &Value::from("lb-test"));
        assert_eq!(groups[0].attribute("auto_segregate"), &Value::Bool(false));
        assert_eq!(
            groups[0].attribute("created_at"),
            &Value::Number(Number::Int(1697026200))
        );
        assert_eq!(groups[1].attribute("segregate"), &Value::Bool(false));
        assert_eq!(groups[1].attribute("auto_segregate"), &Value::Null);
        let wrong = json!([{"id": "vmgrp_1", "created_at": "yesterday"}]);
        let items: Vec<_> = wrong
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_object().unwrap().clone())
            .collect();
        let err = VIRTUAL_MACHINE_GROUPS
            .state(&items)
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("groups[0].created_at should be a number but the API sent a string"),
            "{err}"
        );
    }
}
