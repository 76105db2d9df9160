//! `katapult_virtual_networks`: every virtual network of the provider's
//! organization, through `GET /organizations/organization/virtual_networks`,
//! every page (Katapult's Go provider reads only the first), in the API's
//! order.

use std::sync::OnceLock;

use crate::schema::{Attribute, Block, Kind};

use crate::datasource::core::reads::{OrganizationUse, Reads};
use crate::datasource::core::shapes::legacy_listed::{LegacyListed, LegacySource};
use crate::datasource::core::shapes::listed::ListId;
use crate::datasource::core::timeouts::TIMEOUTS;
use crate::datasource::objects::virtual_network::{LIST, VIRTUAL_NETWORK};

pub static VIRTUAL_NETWORKS: LegacyListed = LegacyListed {
    type_name: "katapult_virtual_networks",
    schema: &SCHEMA,
    reads: &READS,
    source: LegacySource::Organization(&LIST),
    filters: &[],
    attribute: "virtual_networks",
    items: VIRTUAL_NETWORK,
    id: ListId::None,
};

static READS: Reads = Reads {
    what: "virtual networks",
    scopes: &["virtual_networks", "virtual_networks:read"],
    organization: OrganizationUse::Needed,
    data_center: None,
};

static SCHEMA: Block = Block {
    description: "Lists every virtual network of the organization named by the provider's \
                  `organization` (or `KATAPULT_ORGANIZATION`), through \
                  `GET /core/v1/organizations/organization/virtual_networks`, following every \
                  page (Katapult's Go provider reads only the first). Needs an API token with \
                  the `virtual_networks` or `virtual_networks:read` scope.",
    attributes: &[Attribute::computed(
        "virtual_networks",
        Kind::ObjectList(VIRTUAL_NETWORK),
        "The organization's virtual networks, in the API's order (as in Katapult's Go \
         provider), each with its data center as the API nests it. Should the list change \
         while it is read, the read starts again, up to twice, so the result is one consistent \
         listing.",
    )],
    blocks: &[TIMEOUTS],
    type_cache: OnceLock::new(),
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::provider::read_for_test as read_for;
    use crate::tftypes::Value;

    /// DataSourceVirtualNetworks_all: three, in the API's order.
    #[test]
    fn the_recorded_list_maps_in_order() {
        let items = katapult_testkit::fake_api::recorded_items(
            "organizations/organization/virtual_networks",
            "acme",
            "virtual_networks",
        );
        let state = VIRTUAL_NETWORKS.state(&items).unwrap();
        let Value::List(networks) = &state["virtual_networks"] else {
            panic!("{state:?}")
        };
        let ids: Vec<&Value> = networks.iter().map(|n| n.attribute("id")).collect();
        assert_eq!(
            ids,
            [
                &Value::from("vnet_WTHJnuEVXF9xKiAw"),
                &Value::from("vnet_W63NxXybMopiPnHT"),
                &Value::from("vnet_IJntdp8LuwcJfc0v"),
            ]
        );
        assert_eq!(
            networks[2].attribute("data_center_id"),
            &Value::from("dc_Wm37yAq0BHhKXsPa")
        );
        assert_eq!(
            networks[2]
                .attribute("data_center")
                .attribute("country")
                .attribute("iso_code2"),
            &Value::from("NL")
        );
    }

    /// The Go provider sends no `page`, so reads only the first: every page
    /// here, each once.
    #[tokio::test]
    async fn every_page_is_read() {
        use katapult_testkit::fake_api::{FakeApi, orgs};
        let api = FakeApi::start().await.unwrap();
        let state = read_for(&api, orgs::BIGCO, &VIRTUAL_NETWORKS, &[])
            .await
            .unwrap();
        let Value::List(networks) = state.attribute("virtual_networks") else {
            panic!("{state:?}")
        };
        assert_eq!(networks.len(), orgs::BIGCO_NETWORK_ITEMS);
        assert_eq!(
            networks[204].attribute("id"),
            &Value::from("vnet_Bigco00000000204")
        );
        assert_eq!(
            api.pages(&format!("virtual_networks:{}", orgs::BIGCO)),
            [(1, 200), (2, 200)]
        );
    }
}
