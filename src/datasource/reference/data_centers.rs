//! `katapult_data_centers`: every data center, in the API's order.
//! Katapult's Go provider has no such data source.

use crate::schema::{Attribute, Kind};

use crate::datasource::core::shapes::listed::{Listed, Source};
use crate::datasource::objects::data_center::{DATA_CENTER_OBJECT, LIST, LISTED};

pub static DATA_CENTERS: Listed = Listed {
    type_name: "katapult_data_centers",
    of: &DATA_CENTER_OBJECT,
    source: Source::Everything(&LIST),
    list: Attribute::computed(
        "data_centers",
        Kind::ObjectList(LISTED),
        "Every data center, in the API's order.",
    ),
    summary: "Lists every Katapult data center: each one's ID, name, permalink and country. Use \
              a permalink as the provider's `data_center`, or to look one up with \
              `katapult_data_center`.",
    ..Listed::PLAIN
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tftypes::Value;

    #[test]
    fn every_data_center_is_kept_in_order() {
        let answer = serde_json::json!({"data_centers": [
            {"id": "loc_UUhPmoCbpic6UX0Y", "name": "London", "permalink": "uk-lon-01",
             "country": {"id": "ctry_6AO9tYYugvTGnd5b", "name": "United Kingdom"}},
            {"id": "dc_Wm37yAq0BHhKXsPa", "name": "Amsterdam", "permalink": "nl-ams-01",
             "country": null},
        ]});
        let items = crate::datasource::core::answer::list(answer, "data_centers").unwrap();
        let state = DATA_CENTERS.state(&items).unwrap();
        let Value::List(items) = &state["data_centers"] else {
            panic!("{state:?}")
        };
        assert_eq!(items.len(), 2);
        assert_eq!(items[1].attribute("permalink"), &Value::from("nl-ams-01"));
        assert_eq!(items[1].attribute("country"), &Value::Null);
        assert_eq!(
            items[0].attribute("country").attribute("name"),
            &Value::from("United Kingdom")
        );
    }
}
