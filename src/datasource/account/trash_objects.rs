//! `katapult_trash_objects`: every trash object of the provider's
//! organization, in the API's order.

use crate::schema::{Attribute, Kind};

use crate::datasource::core::shapes::listed::{Listed, Source};
use crate::datasource::objects::trash_object::{FIELDS, LIST, TRASH_OBJECT_OBJECT};

pub static TRASH_OBJECTS: Listed = Listed {
    type_name: "katapult_trash_objects",
    of: &TRASH_OBJECT_OBJECT,
    source: Source::Organization(&LIST),
    list: Attribute::computed(
        "trash_objects",
        Kind::ObjectList(FIELDS),
        "The organization's trash objects, every page, in the API's order.",
    ),
    summary: "Lists every trash object of the organization: what was deleted, and until when \
              it is kept.",
    ..Listed::PLAIN
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::datasource::core::source::read_state;
    use crate::datasource::core::testing;
    use crate::tftypes::Value;
    use katapult_testkit::fake_api::{FakeApi, account, orgs};

    /// Every page, in the API's order.
    #[tokio::test]
    async fn every_page_is_read() {
        let api = FakeApi::start().await.unwrap();
        let connection = testing::connection(&api.url(), orgs::BIGCO);
        let state = read_state(&TRASH_OBJECTS, &connection, &testing::config(&[]))
            .await
            .unwrap()
            .value;
        let Value::List(listed) = state.attribute("trash_objects") else {
            panic!("{state:?}")
        };
        assert_eq!(listed.len(), account::BIGCO_TRASH);
        assert_eq!(
            listed[204].attribute("id"),
            &Value::from("trsh_Bigco00000000204")
        );
    }
}
