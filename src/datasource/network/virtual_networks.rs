//! `katapult_virtual_networks`: every virtual network of the provider's
//! organization, every page (Katapult's Go provider reads only the first),
//! in the API's order.

use crate::schema::{Attribute, Kind};

use crate::datasource::core::shapes::listed::{Listed, Source};
use crate::datasource::objects::virtual_network::{LIST, VIRTUAL_NETWORK, VIRTUAL_NETWORK_OBJECT};

pub static VIRTUAL_NETWORKS: Listed = Listed {
    type_name: "katapult_virtual_networks",
    of: &VIRTUAL_NETWORK_OBJECT,
    source: Source::Organization(&LIST),
    list: Attribute::computed(
        "virtual_networks",
        Kind::ObjectList(VIRTUAL_NETWORK),
        "The organization's virtual networks, in the API's order (as in Katapult's Go \
         provider), each with its data center as the API nests it. Should the list change \
         while it is read, the read starts again, up to twice, so the result is one consistent \
         listing.",
    ),
    summary: "Lists every virtual network of the organization, in the API's order (Katapult's \
              Go provider reads only the first page of them).",
    ..Listed::PLAIN
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::datasource::core::testing;
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
        let state = testing::read(
            &api.url(),
            orgs::BIGCO,
            &VIRTUAL_NETWORKS,
            &testing::config(&[]),
        )
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
