//! `katapult_country`: one country, by its ID or its two-letter ISO code.

use crate::datasource::core::shapes::one::One;
use crate::datasource::objects::country::{COUNTRY_OBJECT, EU, ISO_CODE3, NAME, TIME_ZONE};

pub static COUNTRY: One = One {
    type_name: "katapult_country",
    of: &COUNTRY_OBJECT,
    // `id` and `iso_code2` are its keys; the rest as every answer nests it.
    fields: &[NAME, ISO_CODE3, TIME_ZONE, EU],
    summary: "Looks up one country by its `id` or its two-letter ISO code `iso_code2` \
              (exactly one): its name, ISO codes, time zone and whether it is in the EU.",
    hint: "`katapult_countries` lists every country.",
    ..One::PLAIN
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::datasource::core::source::DataSource;
    use crate::tftypes::Value;

    #[test]
    fn the_whole_country_is_read_by_either_key() {
        let names: Vec<&str> = COUNTRY.schema().attributes.iter().map(|a| a.name).collect();
        assert_eq!(
            names,
            ["id", "iso_code2", "name", "iso_code3", "time_zone", "eu"]
        );
        let state = COUNTRY
            .state(serde_json::json!({"country": {
                "id": "ctry_6AO9tYYugvTGnd5b", "name": "United Kingdom", "iso_code2": "GB",
                "iso_code3": "GBR", "time_zone": "Europe/London", "eu": false,
            }}))
            .unwrap();
        assert_eq!(state["iso_code3"], Value::from("GBR"));
        assert_eq!(state["eu"], Value::Bool(false));
        let err = COUNTRY
            .state(serde_json::json!({"country": {"eu": "no"}}))
            .unwrap_err()
            .to_string();
        assert_eq!(err, "eu should be true or false but the API sent a string");
    }
}
