//! `katapult_gpu_types`: every GPU type Katapult has, or, with
//! `data_center_id` or `data_center_permalink`, that data center's, through
//! its own endpoint (`GET /data_centers/data_center/gpu_types`); every page,
//! in the API's order.

use crate::diag::Diagnostic;
use crate::schema::{Attribute, Kind};
use crate::text::quoted;
use crate::tftypes::Value;

use crate::datasource::core::error::ReadError;
use crate::datasource::core::lookup::{Key, Lookup, Rule};
use crate::datasource::core::mapping::map_list;
use crate::datasource::core::pager;
use crate::datasource::core::shapes::custom::Custom;
use crate::datasource::core::source::{Answers, Computed, ReadContext, ReadFuture};
use crate::datasource::core::timeouts;
use crate::datasource::objects::data_center::DATA_CENTER_OBJECT;
use crate::datasource::objects::gpu_type::{GPU_TYPE_OBJECT, LIST, OF_DATA_CENTER, OWN};

/// The data center whose GPU types are listed, when one is named.
static DATA_CENTER: Lookup = Lookup::of(
    &DATA_CENTER_OBJECT,
    &[
        Key::new(
            "data_center_id",
            "data_center[id]",
            "ID",
            "loc_UUhPmoCbpic6UX0Y",
        ),
        Key::new(
            "data_center_permalink",
            "data_center[permalink]",
            "permalink",
            "uk-lon-01",
        ),
    ],
    Rule::ExactlyOne,
    "`katapult_data_centers` lists every data center.",
);

pub static GPU_TYPES: Custom = Custom {
    type_name: "katapult_gpu_types",
    of: &GPU_TYPE_OBJECT,
    paths: &[LIST.path, OF_DATA_CENTER.path],
    arguments: &[
        Attribute::optional(
            "data_center_id",
            Kind::String,
            "Lists only the GPU types of the data center with this ID, e.g. \
             `loc_UUhPmoCbpic6UX0Y`. Set this or `data_center_permalink`, not both; with \
             neither, every GPU type is listed.",
        ),
        Attribute::optional(
            "data_center_permalink",
            Kind::String,
            "Lists only the GPU types of the data center with this permalink, e.g. \
             `uk-lon-01`. Set this or `data_center_id`, not both; with neither, every GPU \
             type is listed.",
        ),
    ],
    fields: &[Attribute::computed(
        "gpu_types",
        Kind::ObjectList(OWN),
        "The GPU types, in the API's order: each one's ID, name, manufacturer, memory and \
         permalink, and (in the whole list) the data centers that have it.",
    )],
    summary: "Lists every GPU type Katapult has or, with `data_center_id` or \
              `data_center_permalink`, the GPU types of that data center (its own endpoint), \
              following every page.",
    validate,
    read,
    answers: Some(Answers {
        path: OF_DATA_CENTER.path,
        argument: Some("data_center_id"),
    }),
    ..Custom::PLAIN
};

/// Whether the configuration names a data center (or may, once known).
fn names_a_data_center(config: &Value) -> bool {
    DATA_CENTER
        .keys
        .iter()
        .any(|key| !matches!(config.attribute(key.attribute), Value::Null))
}

fn validate(config: &Value) -> Vec<Diagnostic> {
    if names_a_data_center(config) {
        DATA_CENTER.validate(config)
    } else {
        timeouts::validate(config).into_iter().collect()
    }
}

fn read<'a>(ctx: &'a ReadContext<'a>, config: &'a Value) -> ReadFuture<'a> {
    Box::pin(async move {
        let items = if names_a_data_center(config) {
            let given = DATA_CENTER.read(config)?;
            let Some(owner) = given.first() else {
                return Err(ReadError::Config {
                    attribute: "data_center_id",
                    problem: "not set",
                });
            };
            let on_error = |e| DATA_CENTER.error(e, owner);
            let whose = format!("data center {}", quoted(owner.value));
            pager::read_endpoint(
                ctx,
                &OF_DATA_CENTER,
                owner.query().to_vec(),
                whose,
                &on_error,
            )
            .await?
        } else {
            let on_error = |e| ReadError::Api(e);
            pager::read_endpoint(ctx, &LIST, Vec::new(), "Katapult".to_owned(), &on_error).await?
        };
        Ok(Computed::from([(
            "gpu_types".to_owned(),
            map_list(&items, OWN, "gpu_types")?,
        )]))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::datasource::core::source::DataSource;
    use std::collections::BTreeMap;

    #[test]
    fn one_data_center_at_most() {
        let config = |pairs: &[(&str, Value)]| {
            Value::Object(
                pairs
                    .iter()
                    .map(|(k, v)| ((*k).to_owned(), v.clone()))
                    .collect::<BTreeMap<_, _>>(),
            )
        };
        assert!(GPU_TYPES.validate(&config(&[])).is_empty());
        let one = config(&[("data_center_permalink", Value::from("uk-lon-01"))]);
        assert!(GPU_TYPES.validate(&one).is_empty());
        let both = config(&[
            ("data_center_id", Value::from("loc_UUhPmoCbpic6UX0Y")),
            ("data_center_permalink", Value::from("uk-lon-01")),
        ]);
        let diags = GPU_TYPES.validate(&both);
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert_eq!(
            diags[0].summary,
            "Both data_center_id and data_center_permalink set"
        );
        let empty = config(&[("data_center_id", Value::from(" "))]);
        assert_eq!(GPU_TYPES.validate(&empty).len(), 1);
        let unknown = config(&[("data_center_id", Value::Unknown)]);
        assert!(GPU_TYPES.validate(&unknown).is_empty());
    }

    /// Every page of both endpoints, in the API's order.
    #[tokio::test]
    async fn every_page_of_either_list_is_read() {
        use crate::datasource::core::testing;
        use katapult_testkit::fake_api::{FakeApi, reference};
        let api = FakeApi::start().await.unwrap();
        api.answer_list_as("gpu_types", reference::MANY);
        let count = |state: &Value| match state.attribute("gpu_types") {
            Value::List(items) => (items.len(), items[249].attribute("name").clone()),
            other => panic!("{other:?}"),
        };
        let all = testing::read(&api.url(), "", &GPU_TYPES, &testing::config(&[]))
            .await
            .unwrap();
        assert_eq!(count(&all), (reference::MANY_ITEMS, Value::from("GEN-249")));
        assert_eq!(api.pages("gpu_types:many"), [(1, 200), (2, 200)]);
        let config =
            testing::config(&[("data_center_id", Value::from(reference::MANY_DATA_CENTER))]);
        let one = testing::read(&api.url(), "", &GPU_TYPES, &config)
            .await
            .unwrap();
        assert_eq!(count(&one), (reference::MANY_ITEMS, Value::from("GEN-249")));
        assert_eq!(
            api.pages(&format!(
                "data_center_gpu_types:{}",
                reference::MANY_DATA_CENTER
            )),
            [(1, 200), (2, 200)]
        );
    }
}
