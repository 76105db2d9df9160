//! `katapult_virtual_machine_group`: one virtual machine group, by `id`,
//! through `GET /virtual_machine_groups/virtual_machine_group`.

use std::sync::OnceLock;

use crate::schema::{Attribute, Block, Kind};

use crate::datasource::core::lookup::{Key, Lookup, Rule};
use crate::datasource::core::reads::{OrganizationUse, Reads};
use crate::datasource::core::shapes::legacy_one::LegacyOne;
use crate::datasource::core::timeouts::TIMEOUTS;
use crate::datasource::objects::virtual_machine_group::{
    AUTO_SEGREGATE, CREATED_AT, NAME, SEGREGATE,
};

pub static VIRTUAL_MACHINE_GROUP: LegacyOne = LegacyOne {
    type_name: "katapult_virtual_machine_group",
    schema: &SCHEMA,
    reads: &READS,
    lookup: &LOOKUP,
    path: "virtual_machine_groups/virtual_machine_group",
    object: "virtual_machine_group",
    beside: &[],
};

static READS: Reads = Reads {
    what: "virtual machine groups",
    scopes: &["virtual_machine_groups", "virtual_machine_groups:read"],
    organization: OrganizationUse::Unused,
    data_center: None,
};

static LOOKUP: Lookup = Lookup {
    subject: "virtual machine group",
    keys: &[Key::new("id", "virtual_machine_group[id]", "ID", "")],
    rule: Rule::ExactlyOne,
    example: Some("vmgrp_Hqwd4Hs7eKaU0nDJ"),
    not_found: "virtual_machine_group_not_found",
    hint: "`katapult_virtual_machine_groups` lists the organization's groups.",
};

static SCHEMA: Block = Block {
    description: "Looks up one Katapult virtual machine group by its ID, through \
                  `GET /core/v1/virtual_machine_groups/virtual_machine_group`. Needs an API \
                  token with the `virtual_machine_groups` or `virtual_machine_groups:read` \
                  scope.",
    attributes: &[
        Attribute::required(
            "id",
            Kind::String,
            "The virtual machine group's ID, e.g. `vmgrp_Hqwd4Hs7eKaU0nDJ`.",
        ),
        NAME,
        SEGREGATE,
        AUTO_SEGREGATE,
        CREATED_AT,
    ],
    blocks: &[TIMEOUTS],
    type_cache: OnceLock::new(),
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
