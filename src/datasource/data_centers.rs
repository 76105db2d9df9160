//! `katapult_data_centers`: every data center, through `GET /data_centers`
//! (one answer: the endpoint does not page), in the API's order. Katapult's
//! Go provider has no such data source.

use std::sync::OnceLock;

use crate::schema::{Attribute, Block, Kind};
use crate::tftypes::Value;

use super::answer;
use super::error::ReadError;
use super::mapping::map_list;
use super::objects::data_center::LISTED;
use super::reads::{OrganizationUse, Reads};
use super::source::{Computed, DataSource, ReadContext, ReadFuture};
use super::timeouts::TIMEOUTS;

pub struct DataCenters;

/// The API reference lists no scope for the data center list.
static READS: Reads = Reads {
    what: "data centers",
    scopes: &[],
    organization: OrganizationUse::Unused,
    data_center: None,
};

static SCHEMA: Block = Block {
    description: "Lists every Katapult data center, through `GET /core/v1/data_centers`: each \
                  one's ID, name, permalink and country. Use a permalink as the provider's \
                  `data_center`, or to look one up with `katapult_data_center`. The API \
                  reference names no scope for it.",
    attributes: &[Attribute::computed(
        "data_centers",
        Kind::ObjectList(LISTED),
        "Every data center, in the API's order.",
    )],
    blocks: &[TIMEOUTS],
    type_cache: OnceLock::new(),
};

impl DataSource for DataCenters {
    fn type_name(&self) -> &'static str {
        "katapult_data_centers"
    }

    fn schema(&self) -> &'static Block {
        &SCHEMA
    }

    fn reads(&self) -> &'static Reads {
        &READS
    }

    fn read<'a>(&'a self, ctx: &'a ReadContext<'a>, _config: &'a Value) -> ReadFuture<'a> {
        Box::pin(async move {
            let answer = ctx.client.get("data_centers", &[], &ctx.budget).await?;
            DataCenters::state(answer)
        })
    }
}

impl DataCenters {
    /// The state for an answer of `GET /data_centers`.
    pub fn state(answer: serde_json::Value) -> Result<Computed, ReadError> {
        let items = answer::list(answer, "data_centers")?;
        Ok(Computed::from([(
            "data_centers".to_owned(),
            map_list(&items, LISTED, "data_centers")?,
        )]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_data_center_is_kept_in_order() {
        let answer = serde_json::json!({"data_centers": [
            {"id": "loc_UUhPmoCbpic6UX0Y", "name": "London", "permalink": "uk-lon-01",
             "country": {"id": "ctry_6AO9tYYugvTGnd5b", "name": "United Kingdom"}},
            {"id": "dc_Wm37yAq0BHhKXsPa", "name": "Amsterdam", "permalink": "nl-ams-01",
             "country": null},
        ]});
        let state = DataCenters::state(answer).unwrap();
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
        let err = DataCenters::state(serde_json::json!({"data_center": {}}))
            .unwrap_err()
            .to_string();
        assert!(err.contains("without a \"data_centers\" list"), "{err}");
    }
}
