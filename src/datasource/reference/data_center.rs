//! `katapult_data_center`: one data center, by `id` or `permalink`, else
//! the provider's `data_center`, through `GET /data_centers/data_center`,
//! with the Go provider's attributes and the country as the API nests it.

use std::sync::OnceLock;

use crate::diag::Diagnostic;
use crate::katapult;
use crate::schema::{Attribute, Block, Kind};
use crate::text::quoted;
use crate::tftypes::{AttributePath, Value};

use crate::datasource::core::answer;
use crate::datasource::core::error::ReadError;
use crate::datasource::core::lookup::{Key, Lookup, Rule};
use crate::datasource::core::mapping::map_object;
use crate::datasource::core::reads::{OrganizationUse, Reads};
use crate::datasource::core::source::{Computed, DataSource, ReadContext, ReadFuture, Setting};
use crate::datasource::core::timeouts::TIMEOUTS;
use crate::datasource::objects::data_center::{COUNTRY, NAME};

pub struct DataCenter;

/// The API reference lists no scope for the data center endpoints.
static READS: Reads = Reads {
    what: "data centers",
    scopes: &[],
    organization: OrganizationUse::Unused,
    data_center: Some("when neither `id` nor `permalink` is set"),
};

const PERMALINK: Key = Key {
    attribute: "permalink",
    parameter: "data_center[permalink]",
    noun: "permalink",
};

static LOOKUP: Lookup = Lookup {
    subject: "data center",
    keys: &[
        Key {
            attribute: "id",
            parameter: "data_center[id]",
            noun: "ID",
        },
        PERMALINK,
    ],
    rule: Rule::AnyNumber,
    example: None,
    not_found: "data_center_not_found",
    hint: "`katapult_data_centers` lists every data center.",
};

static SCHEMA: Block = Block {
    description: "Looks up one Katapult data center by its `id` or its `permalink` (with both, \
                  by `id`, and its permalink must match), through \
                  `GET /core/v1/data_centers/data_center`; with neither, the data center named by the provider's `data_center` (or `KATAPULT_DATA_CENTER`), as \
                  in Katapult's Go provider. The API reference names no scope for it.",
    attributes: &[
        Attribute::optional_computed(
            "id",
            Kind::String,
            "The data center's ID, e.g. `loc_UUhPmoCbpic6UX0Y`. Set this, `permalink`, or \
             neither to read the provider's `data_center`.",
        ),
        Attribute::optional_computed(
            "permalink",
            Kind::String,
            "The data center's permalink, e.g. `uk-lon-01`. Set this, `id`, or neither to \
             read the provider's `data_center`.",
        ),
        NAME,
        COUNTRY,
        // Katapult's Go provider names these flat; configurations written for
        // it keep working. Each is a copy of a nested value above.
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
    blocks: &[TIMEOUTS],
    type_cache: OnceLock::new(),
};

impl DataSource for DataCenter {
    fn type_name(&self) -> &'static str {
        "katapult_data_center"
    }

    fn schema(&self) -> &'static Block {
        &SCHEMA
    }

    fn reads(&self) -> &'static Reads {
        &READS
    }

    fn validate(&self, config: &Value) -> Vec<Diagnostic> {
        LOOKUP.validate(config)
    }

    fn read<'a>(&'a self, ctx: &'a ReadContext<'a>, config: &'a Value) -> ReadFuture<'a> {
        Box::pin(async move {
            let given = LOOKUP.read(config)?;
            // With both keys, by `id`; the permalink must then agree.
            let answer = match given.first() {
                Some(given) => ctx
                    .client
                    .get("data_centers/data_center", &given.query(), &ctx.budget)
                    .await
                    .map_err(|e| LOOKUP.error(e, given))?,
                None => {
                    let permalink = provider_data_center(ctx.data_center)?;
                    let query = [(PERMALINK.parameter, permalink)];
                    ctx.client
                        .get("data_centers/data_center", &query, &ctx.budget)
                        .await
                        .map_err(|e| setting_error(e, permalink))?
                }
            };
            let (data_center, _) = answer::object(answer, "data_center")?;
            LOOKUP.agrees(&data_center, &given)?;
            DataCenter::state(data_center)
        })
    }
}

impl DataCenter {
    /// The state for an answer of `GET /data_centers/data_center`, all but
    /// what the configuration holds.
    pub fn state(data_center: answer::Fields) -> Result<Computed, ReadError> {
        Ok(map_object(
            &data_center,
            SCHEMA.attributes,
            &AttributePath::default(),
        )?)
    }
}

/// The provider's `data_center`, read when the configuration sets neither
/// key: an error saying what to set when there is none.
fn provider_data_center(setting: Setting<'_>) -> Result<&str, ReadError> {
    match setting {
        Setting::Set(permalink) if !permalink.is_empty() => Ok(permalink),
        Setting::Unknown => Err(ReadError::SettingUnknown("data_center")),
        Setting::Set(_) | Setting::Unset => Err(ReadError::Missing {
            summary: "No data center to look up".to_owned(),
            detail: "Set `id` or `permalink` on this data source, or the provider's \
                     `data_center` (or the KATAPULT_DATA_CENTER environment variable) to a \
                     data center's permalink, such as \"uk-lon-01\"."
                .to_owned(),
            at: None,
        }),
    }
}

/// The API's errors for the provider's `data_center`: its "not found" names
/// the setting, which has no line in this data source's block.
fn setting_error(error: katapult::Error, permalink: &str) -> ReadError {
    match error {
        katapult::Error::NotFound { code } if code == LOOKUP.not_found => ReadError::Missing {
            summary: "Data center not found".to_owned(),
            detail: format!(
                "Katapult has no data center with permalink {}, the provider's `data_center` \
                 (or KATAPULT_DATA_CENTER), that this API key can see. {}",
                quoted(permalink),
                LOOKUP.hint
            ),
            at: None,
        },
        error => ReadError::Api(error),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[test]
    fn the_answer_maps_nested_and_flat() {
        let answer = serde_json::json!({"data_center": {
            "id": "loc_UUhPmoCbpic6UX0Y", "name": "London", "permalink": "uk-lon-01",
            "country": {"id": "ctry_6AO9tYYugvTGnd5b", "name": "United Kingdom"},
        }});
        let (answer, _) = answer::object(answer, "data_center").unwrap();
        let state = DataCenter::state(answer).unwrap();
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
        let bare = serde_json::json!({"id": "loc_1", "country": null});
        let state = DataCenter::state(bare.as_object().unwrap().clone()).unwrap();
        for name in ["country", "country_id", "country_name", "name"] {
            assert_eq!(state[name], Value::Null, "{name}");
        }
    }

    #[test]
    fn without_keys_the_provider_setting_is_read_or_asked_for() {
        assert_eq!(
            provider_data_center(Setting::Set("uk-lon-01")).unwrap(),
            "uk-lon-01"
        );
        assert!(matches!(
            provider_data_center(Setting::Unknown),
            Err(ReadError::SettingUnknown("data_center"))
        ));
        for unset in [Setting::Unset, Setting::Set("")] {
            let Err(ReadError::Missing { detail, at, .. }) = provider_data_center(unset) else {
                panic!("{unset:?}")
            };
            assert!(detail.contains("`id` or `permalink`"), "{detail}");
            assert!(detail.contains("KATAPULT_DATA_CENTER"), "{detail}");
            assert!(at.is_none());
        }
        let err = setting_error(
            katapult::Error::NotFound {
                code: "data_center_not_found".into(),
            },
            "xx-nowhere-01",
        );
        let ReadError::Missing { detail, at, .. } = err else {
            panic!("{err:?}")
        };
        assert!(detail.contains("\"xx-nowhere-01\""), "{detail}");
        assert!(detail.contains("the provider's `data_center`"), "{detail}");
        assert!(at.is_none());
    }

    /// Both keys, as a Go configuration may set them: no validation error
    /// (the read checks they name one data center).
    #[test]
    fn both_keys_are_allowed() {
        let config = Value::Object(BTreeMap::from([
            ("id".to_owned(), Value::from("loc_UUhPmoCbpic6UX0Y")),
            ("permalink".to_owned(), Value::from("uk-lon-01")),
        ]));
        assert!(DataCenter.validate(&config).is_empty());
        let none = Value::Object(BTreeMap::new());
        assert!(DataCenter.validate(&none).is_empty());
    }
}
