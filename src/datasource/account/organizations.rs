//! `katapult_organizations`: the organizations the API token can see, in
//! the API's order.

use crate::schema::{Attribute, Kind};

use crate::datasource::core::shapes::listed::{Listed, Source};
use crate::datasource::objects::organization::{LIST, LISTED, ORGANIZATION_OBJECT};

pub static ORGANIZATIONS: Listed = Listed {
    type_name: "katapult_organizations",
    of: &ORGANIZATION_OBJECT,
    source: Source::Everything(&LIST),
    list: Attribute::computed(
        "organizations",
        Kind::ObjectList(LISTED),
        "The organizations the API token can see, in the API's order: ID, name, sub-domain, \
         infrastructure domain, when created and activated, whether suspended or managed. \
         `katapult_organization` reads one whole (billing address, currency).",
    ),
    summary: "Lists the organizations the provider's API token can see (the provider's \
              `organization` plays no part).",
    ..Listed::PLAIN
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::datasource::core::source::read_state;
    use crate::datasource::core::testing;
    use crate::tftypes::Value;
    use katapult_testkit::fake_api::FakeApi;

    #[tokio::test]
    async fn every_organization_is_listed_in_the_api_order() {
        let api = FakeApi::start().await.unwrap();
        let connection = testing::connection(&api.url(), "");
        let state = read_state(&ORGANIZATIONS, &connection, &testing::config(&[]))
            .await
            .unwrap()
            .value;
        let Value::List(listed) = state.attribute("organizations") else {
            panic!("{state:?}")
        };
        let names: Vec<&Value> = listed.iter().map(|o| o.attribute("sub_domain")).collect();
        assert_eq!(
            names,
            [
                &Value::from("acme"),
                &Value::from("nerv"),
                &Value::from("terraform-acc-test")
            ]
        );
        assert_eq!(listed[1].attribute("managed"), &Value::Bool(true));
    }
}
