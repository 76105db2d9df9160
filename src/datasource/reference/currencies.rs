//! `katapult_currencies`: every currency, in the API's order.

use crate::schema::{Attribute, Kind};

use crate::datasource::core::shapes::listed::{Listed, Source};
use crate::datasource::objects::currency::{CURRENCY_OBJECT, LIST, LISTED};

pub static CURRENCIES: Listed = Listed {
    type_name: "katapult_currencies",
    of: &CURRENCY_OBJECT,
    source: Source::Everything(&LIST),
    list: Attribute::computed(
        "currencies",
        Kind::ObjectList(LISTED),
        "Every currency, in the API's order: its ID and name.",
    ),
    summary: "Lists every currency Katapult knows.",
    ..Listed::PLAIN
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::datasource::core::testing;
    use crate::tftypes::Value;
    use katapult_testkit::fake_api::{FakeApi, reference};

    /// Every page, in the API's order.
    #[tokio::test]
    async fn every_page_is_read() {
        let api = FakeApi::start().await.unwrap();
        api.answer_list_as("currencies", reference::MANY);
        let state = testing::read(&api.url(), "", &CURRENCIES, &testing::config(&[]))
            .await
            .unwrap();
        let Value::List(items) = state.attribute("currencies") else {
            panic!("{state:?}")
        };
        assert_eq!(items.len(), reference::MANY_ITEMS);
        assert_eq!(items[249].attribute("name"), &Value::from("GEN-249"));
        assert_eq!(api.pages("currencies:many"), [(1, 200), (2, 200)]);
    }
}
