//! `katapult_virtual_network`: one virtual network, by `id`, through
//! `GET /virtual_networks/virtual_network`, with its data center as the API
//! nests it.

use std::sync::OnceLock;

use crate::schema::{Attribute, Block, Kind};

use crate::datasource::core::lookup::{Key, Lookup, Rule};
use crate::datasource::core::reads::{OrganizationUse, Reads};
use crate::datasource::core::shapes::legacy_one::LegacyOne;
use crate::datasource::core::timeouts::TIMEOUTS;
use crate::datasource::objects::virtual_network::{DATA_CENTER, DATA_CENTER_ID, NAME};

pub static VIRTUAL_NETWORK: LegacyOne = LegacyOne {
    type_name: "katapult_virtual_network",
    schema: &SCHEMA,
    reads: &READS,
    lookup: &LOOKUP,
    path: "virtual_networks/virtual_network",
    object: "virtual_network",
    beside: &[],
};

static READS: Reads = Reads {
    what: "virtual networks",
    scopes: &["virtual_networks", "virtual_networks:read"],
    organization: OrganizationUse::Unused,
    data_center: None,
};

static LOOKUP: Lookup = Lookup {
    subject: "virtual network",
    keys: &[Key::new("id", "virtual_network[id]", "ID", "")],
    rule: Rule::ExactlyOne,
    example: Some("vnet_Pm2Tokrw4bwUlKHV"),
    not_found: "virtual_network_not_found",
    hint: "`katapult_virtual_networks` lists the organization's virtual networks.",
};

static SCHEMA: Block = Block {
    description: "Looks up one Katapult virtual network by its ID, through \
                  `GET /core/v1/virtual_networks/virtual_network`, with its data center as the \
                  API nests it. Needs an API token with the `virtual_networks` or \
                  `virtual_networks:read` scope.",
    attributes: &[
        Attribute::required(
            "id",
            Kind::String,
            "The virtual network's ID, e.g. `vnet_Pm2Tokrw4bwUlKHV`.",
        ),
        NAME,
        DATA_CENTER_ID,
        DATA_CENTER,
    ],
    blocks: &[TIMEOUTS],
    type_cache: OnceLock::new(),
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tftypes::Value;
    use katapult_testkit::fake_api::recorded;

    fn state(id: &str) -> crate::datasource::core::source::Computed {
        let answer = recorded("virtual_networks/virtual_network", id);
        VIRTUAL_NETWORK
            .state(serde_json::from_str(&answer).unwrap())
            .unwrap()
    }

    /// DataSourceVirtualNetwork_by_id, and the three of
    /// DataSourceVirtualNetworks_all read one by one.
    #[test]
    fn the_recorded_answers_map_with_their_data_centers() {
        let by_id = state("vnet_Pm2Tokrw4bwUlKHV");
        assert_eq!(
            by_id["name"],
            Value::from("tf-acc-test-data-source-by-id-6htZX41dxzwt")
        );
        assert_eq!(by_id["data_center_id"], Value::from("loc_UUhPmoCbpic6UX0Y"));
        assert_eq!(
            by_id["data_center"].attribute("country").attribute("name"),
            &Value::from("United Kingdom")
        );
        let ams = state("vnet_IJntdp8LuwcJfc0v");
        assert_eq!(ams["data_center_id"], Value::from("dc_Wm37yAq0BHhKXsPa"));
        assert_eq!(
            ams["data_center"].attribute("country").attribute("eu"),
            &Value::Bool(true)
        );
        for id in ["vnet_WTHJnuEVXF9xKiAw", "vnet_W63NxXybMopiPnHT"] {
            assert_eq!(
                state(id)["data_center"].attribute("name"),
                &Value::from("London")
            );
        }
    }

    #[test]
    fn nulls_stay_null_and_a_wrong_type_is_named() {
        let state = VIRTUAL_NETWORK
            .state(serde_json::json!({"virtual_network": {"id": "vnet_1", "data_center": null}}))
            .unwrap();
        assert_eq!(state["data_center"], Value::Null);
        assert_eq!(state["data_center_id"], Value::Null);
        assert_eq!(state["name"], Value::Null);
        let err = VIRTUAL_NETWORK
            .state(serde_json::json!({"virtual_network": {"data_center": {"country": []}}}))
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("data_center.country should be an object but the API sent a list"),
            "{err}"
        );
    }
}
