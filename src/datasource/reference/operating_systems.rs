//! `katapult_operating_systems`: every operating system, in the API's order.

use crate::schema::{Attribute, Kind};

use crate::datasource::core::shapes::listed::{Listed, Source};
use crate::datasource::objects::operating_system::{LIST, LISTED, OPERATING_SYSTEM_OBJECT};

pub static OPERATING_SYSTEMS: Listed = Listed {
    type_name: "katapult_operating_systems",
    of: &OPERATING_SYSTEM_OBJECT,
    source: Source::Everything(&LIST),
    list: Attribute::computed(
        "operating_systems",
        Kind::ObjectList(LISTED),
        "Every operating system, in the API's order: its ID and name. \
         `katapult_operating_system` reads one with its badge.",
    ),
    summary: "Lists every operating system Katapult offers.",
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
        api.answer_list_as("operating_systems", reference::MANY);
        let state = testing::read(&api.url(), "", &OPERATING_SYSTEMS, &testing::config(&[]))
            .await
            .unwrap();
        let Value::List(items) = state.attribute("operating_systems") else {
            panic!("{state:?}")
        };
        assert_eq!(items.len(), reference::MANY_ITEMS);
        assert_eq!(items[249].attribute("name"), &Value::from("GEN-249"));
        assert_eq!(api.pages("operating_systems:many"), [(1, 200), (2, 200)]);
    }
}
