//! `katapult_virtual_machine_group`: one virtual machine group, by `id`.

use crate::datasource::core::shapes::one::One;
use crate::datasource::objects::virtual_machine_group::{
    AUTO_SEGREGATE, CREATED_AT, NAME, SEGREGATE, VIRTUAL_MACHINE_GROUP_OBJECT,
};

pub static VIRTUAL_MACHINE_GROUP: One = One {
    type_name: "katapult_virtual_machine_group",
    of: &VIRTUAL_MACHINE_GROUP_OBJECT,
    fields: &[NAME, SEGREGATE, AUTO_SEGREGATE, CREATED_AT],
    summary: "Looks up one Katapult virtual machine group by its ID.",
    hint: "`katapult_virtual_machine_groups` lists the organization's groups.",
    ..One::PLAIN
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tftypes::{Number, Value};
    use serde_json::json;

    /// DataSourceVMGroup_basic (Go provider, v6): every field set.
    #[test]
    fn the_recorded_group_maps_whole() {
        let state = VIRTUAL_MACHINE_GROUP
            .state(json!({"virtual_machine_group": {
                "id": "vmgrp_Hqwd4Hs7eKaU0nDJ",
                "name": "tf-acc-test-data-source-basic-JizjPcGRXwho",
                "segregate": true, "auto_segregate": false, "created_at": 1777920023,
            }}))
            .unwrap();
        assert_eq!(state["id"], Value::from("vmgrp_Hqwd4Hs7eKaU0nDJ"));
        assert_eq!(
            state["name"],
            Value::from("tf-acc-test-data-source-basic-JizjPcGRXwho")
        );
        assert_eq!(state["segregate"], Value::Bool(true));
        assert_eq!(state["auto_segregate"], Value::Bool(false));
        assert_eq!(state["created_at"], Value::Number(Number::Int(1777920023)));
    }

    /// The 2023 recording (Go provider, SDK): no `auto_segregate`; null,
    /// as is a null name.
    #[test]
    fn absent_and_null_fields_stay_null_and_a_wrong_type_is_named() {
        let state = VIRTUAL_MACHINE_GROUP
            .state(json!({"virtual_machine_group": {
                "id": "vmgrp_7YwjRgCYyL2XlpIy", "name": null,
                "segregate": false, "created_at": 1679595236,
            }}))
            .unwrap();
        assert_eq!(state["auto_segregate"], Value::Null);
        assert_eq!(state["name"], Value::Null);
        assert_eq!(state["segregate"], Value::Bool(false));
        let err = VIRTUAL_MACHINE_GROUP
            .state(json!({"virtual_machine_group": {"id": "vmgrp_1", "segregate": "yes"}}))
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("segregate should be true or false but the API sent a string"),
            "{err}"
        );
    }
}
