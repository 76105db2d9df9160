//! `katapult_data_center`: one data center, by `id` or `permalink`, else
//! the provider's `data_center`, with the Go provider's attributes and the
//! country as the API nests it.

use crate::schema::{Attribute, Kind};

use crate::datasource::core::shapes::one::{ByDataCenter, One};
use crate::datasource::objects::data_center::{COUNTRY, DATA_CENTER_OBJECT, NAME};

pub static DATA_CENTER: One = One {
    type_name: "katapult_data_center",
    of: &DATA_CENTER_OBJECT,
    fields: &[
        NAME,
        COUNTRY,
        // Katapult's Go provider names these flat; configurations written
        // for it keep working. Each is a copy of a nested value above.
        Attribute::computed(
            "country_id",
            Kind::String,
            "The country's ID (`country.id`). As in Katapult's Go provider.",
        )
        .from(&["country", "id"]),
        Attribute::computed(
            "country_name",
            Kind::String,
            "The country's name (`country.name`). As in Katapult's Go provider.",
        )
        .from(&["country", "name"]),
    ],
    summary: "Looks up one Katapult data center by its `id` or its `permalink` (with both, by \
              `id`, and its permalink must match); with neither, the data center named by the \
              provider's `data_center` (or `KATAPULT_DATA_CENTER`), as in Katapult's Go \
              provider.",
    hint: "`katapult_data_centers` lists every data center.",
    data_center: Some(ByDataCenter {
        key: DATA_CENTER_OBJECT.key("permalink"),
        when: "when neither `id` nor `permalink` is set",
    }),
    ..One::PLAIN
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::datasource::core::source::DataSource;
    use crate::tftypes::Value;
    use std::collections::BTreeMap;

    #[test]
    fn the_answer_maps_nested_and_flat() {
        let answer = serde_json::json!({"data_center": {
            "id": "loc_UUhPmoCbpic6UX0Y", "name": "London", "permalink": "uk-lon-01",
            "country": {"id": "ctry_6AO9tYYugvTGnd5b", "name": "United Kingdom"},
        }});
        let state = DATA_CENTER.state(answer).unwrap();
        assert_eq!(state["country_id"], Value::from("ctry_6AO9tYYugvTGnd5b"));
        assert_eq!(state["country_name"], Value::from("United Kingdom"));
        assert_eq!(
            state["country"],
            Value::Object(BTreeMap::from([
                ("id".to_owned(), Value::from("ctry_6AO9tYYugvTGnd5b")),
                ("name".to_owned(), Value::from("United Kingdom")),
            ]))
        );
        // No country: every country attribute null, as in the Go provider.
        let bare = serde_json::json!({"data_center": {"id": "loc_1", "country": null}});
        let state = DATA_CENTER.state(bare).unwrap();
        for name in ["country", "country_id", "country_name", "name"] {
            assert_eq!(state[name], Value::Null, "{name}");
        }
    }

    /// Both keys, as a Go configuration may set them: no validation error
    /// (the read checks they name one data center).
    #[test]
    fn both_keys_are_allowed() {
        let config = Value::Object(BTreeMap::from([
            ("id".to_owned(), Value::from("loc_UUhPmoCbpic6UX0Y")),
            ("permalink".to_owned(), Value::from("uk-lon-01")),
        ]));
        assert!(DATA_CENTER.validate(&config).is_empty());
        let none = Value::Object(BTreeMap::new());
        assert!(DATA_CENTER.validate(&none).is_empty());
    }
}
