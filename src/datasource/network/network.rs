//! `katapult_network`: one network, by `id` or `permalink` through
//! `GET /networks/network`; or a data center's default network through
//! `GET /data_centers/data_center/default_network`, the data center named by
//! `data_center_id`, else by the provider's `data_center`, as in Katapult's
//! Go provider.

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
use crate::datasource::core::timeouts::{self, TIMEOUTS};
use crate::datasource::objects::network::{DATA_CENTER, DEFAULT, NAME};

pub struct Network;

/// A data center's default network.
const DEFAULT_NETWORK: &str = "data_centers/data_center/default_network";

/// The API reference lists no scope for either endpoint.
static READS: Reads = Reads {
    what: "networks",
    scopes: &[],
    organization: OrganizationUse::Unused,
    data_center: Some(
        "for its default network when none of `id`, `permalink` and \
                       `data_center_id` is set",
    ),
};

/// The network itself, by one of its keys.
static NETWORK: Lookup = Lookup {
    subject: "network",
    keys: &[
        Key::new("id", "network[id]", "ID", ""),
        Key::new("permalink", "network[permalink]", "permalink", ""),
    ],
    // At most one of these and `data_center_id`: see `conflict`.
    rule: Rule::AnyNumber,
    example: None,
    not_found: "network_not_found",
    hint: "`katapult_networks` lists the networks the organization can use.",
};

/// The data center whose default network is read.
static DATA_CENTER_KEY: Lookup = Lookup {
    subject: "data center",
    keys: &[Key::new("data_center_id", "data_center[id]", "ID", "")],
    rule: Rule::AnyNumber,
    example: None,
    not_found: "data_center_not_found",
    hint: "`katapult_data_centers` lists every data center.",
};

/// The keys, of which a configuration sets at most one.
const KEYS: [&str; 3] = ["id", "permalink", "data_center_id"];

static SCHEMA: Block = Block {
    description: "Looks up one Katapult network by its `id` or its `permalink`, through \
                  `GET /core/v1/networks/network`; or a data center's default network, through \
                  `GET /core/v1/data_centers/data_center/default_network`: the data center \
                  `data_center_id` names, or with none of the three, the data center named by \
                  the provider's `data_center` (or `KATAPULT_DATA_CENTER`), as in Katapult's Go \
                  provider. Set at most one of `id`, `permalink` and `data_center_id`. The API \
                  reference names no scope for these endpoints.",
    attributes: &[
        Attribute::optional_computed(
            "id",
            Kind::String,
            "The network's ID, e.g. `netw_gVRkZdSKczfNg34P`. Set this, `permalink` or \
             `data_center_id`, or none for the default network of the provider's `data_center`.",
        ),
        Attribute::optional_computed(
            "permalink",
            Kind::String,
            "The network's permalink, e.g. `uk-lon-01-public`. Set this, `id` or \
             `data_center_id`, or none for the default network of the provider's `data_center`.",
        ),
        Attribute::optional_computed(
            "data_center_id",
            Kind::String,
            "The ID of the data center the network is in (`data_center.id`), e.g. \
             `loc_UUhPmoCbpic6UX0Y`. Set it to read that data center's default network (not \
             with `id` or `permalink`). As in Katapult's Go provider.",
        )
        .from(&["data_center", "id"]),
        NAME,
        Attribute {
            description: "Whether this is the default network of its data center. A data \
                          center's default network, read as such, is `true` even where the \
                          answer leaves the field out (as Katapult's Go provider has it).",
            ..DEFAULT
        },
        DATA_CENTER,
    ],
    blocks: &[TIMEOUTS],
    type_cache: OnceLock::new(),
};

impl DataSource for Network {
    fn type_name(&self) -> &'static str {
        "katapult_network"
    }

    fn schema(&self) -> &'static Block {
        &SCHEMA
    }

    fn reads(&self) -> Reads {
        READS
    }

    fn validate(&self, config: &Value) -> Vec<Diagnostic> {
        [
            NETWORK.given(config).err(),
            DATA_CENTER_KEY.given(config).err(),
        ]
        .into_iter()
        .flatten()
        .chain(conflict(config))
        .chain(timeouts::validate(config))
        .collect()
    }

    fn read<'a>(&'a self, ctx: &'a ReadContext<'a>, config: &'a Value) -> ReadFuture<'a> {
        Box::pin(async move {
            if let Some(conflict) = conflict(config) {
                return Err(ReadError::Invalid(conflict));
            }
            let network = NETWORK.read(config)?;
            let data_center = DATA_CENTER_KEY.read(config)?;
            let (answer, default) = match (network.first(), data_center.first()) {
                (Some(given), _) => {
                    let answer = ctx
                        .client
                        .get("networks/network", &given.query(), &ctx.budget)
                        .await
                        .map_err(|e| NETWORK.error(e, given))?;
                    (answer, false)
                }
                (None, Some(given)) => {
                    let answer = ctx
                        .client
                        .get(DEFAULT_NETWORK, &given.query(), &ctx.budget)
                        .await
                        .map_err(|e| DATA_CENTER_KEY.error(e, given))?;
                    (answer, true)
                }
                (None, None) => {
                    let permalink = provider_data_center(ctx.data_center)?;
                    let query = [("data_center[permalink]", permalink)];
                    let answer = ctx
                        .client
                        .get(DEFAULT_NETWORK, &query, &ctx.budget)
                        .await
                        .map_err(|e| setting_error(e, permalink))?;
                    (answer, true)
                }
            };
            state(answer, default)
        })
    }
}

/// The state for an answer of either endpoint; `default` when it is a data
/// center's default network.
fn state(answer: serde_json::Value, default: bool) -> Result<Computed, ReadError> {
    let (network, _) = answer::object(answer, "network")?;
    let mut state = map_object(&network, SCHEMA.attributes, &AttributePath::default())?;
    if default
        && let Some(value) = state.get_mut(DEFAULT.name)
        && *value == Value::Null
    {
        *value = Value::Bool(true);
    }
    Ok(state)
}

/// Two of the keys set: an error at the second, as the Go provider refuses
/// them (`Attribute "permalink" cannot be specified when "id" is
/// specified`). A value not known yet counts as set.
fn conflict(config: &Value) -> Option<Diagnostic> {
    let set: Vec<&str> = KEYS
        .into_iter()
        .filter(|key| *config.attribute(key) != Value::Null)
        .collect();
    let [first, second, ..] = set[..] else {
        return None;
    };
    Some(
        Diagnostic::error(
            format!("Both {first} and {second} set"),
            format!(
                "Set at most one of `id`, `permalink` and `data_center_id`: each alone says which \
                 network to read (`data_center_id` its data center's default network), and with \
                 none the default network of the provider's `data_center` is read. `{second}` \
                 cannot be set with `{first}`."
            ),
        )
        .at(AttributePath::root(second)),
    )
}

/// The provider's `data_center`, read when the configuration sets no key:
/// an error saying what to set when there is none.
fn provider_data_center(setting: &Setting) -> Result<&str, ReadError> {
    match setting {
        Setting::Set(permalink) if !permalink.is_empty() => Ok(permalink.as_str()),
        Setting::Unknown => Err(ReadError::SettingUnknown("data_center")),
        Setting::Set(_) | Setting::Unset => Err(ReadError::Missing {
            summary: "No network to look up".to_owned(),
            detail: "Set `id`, `permalink` or `data_center_id` on this data source, or the \
                     provider's `data_center` (or the KATAPULT_DATA_CENTER environment variable) \
                     to the permalink of the data center whose default network to read, such as \
                     \"uk-lon-01\"."
                .to_owned(),
            at: None,
        }),
    }
}

/// The API's errors for the provider's `data_center`: its "not found" names
/// the setting, which has no line in this data source's block.
fn setting_error(error: katapult::Error, permalink: &str) -> ReadError {
    match error {
        katapult::Error::NotFound { code } if code == DATA_CENTER_KEY.not_found => {
            ReadError::Missing {
                summary: "Data center not found".to_owned(),
                detail: format!(
                    "Katapult has no data center with permalink {}, the provider's \
                     `data_center` (or KATAPULT_DATA_CENTER), whose default network to read. {}",
                    quoted(permalink),
                    DATA_CENTER_KEY.hint
                ),
                at: None,
            }
        }
        error => ReadError::Api(error),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use katapult_testkit::fake_api::recorded;

    fn config(pairs: &[(&str, Value)]) -> Value {
        Value::Object(
            pairs
                .iter()
                .map(|(k, v)| ((*k).to_owned(), v.clone()))
                .collect(),
        )
    }

    fn recorded_state(dir: &str, name: &str, default: bool) -> Computed {
        state(serde_json::from_str(&recorded(dir, name)).unwrap(), default).unwrap()
    }

    /// DataSourceNetwork_by_id: the network with its data center and
    /// country in full.
    #[test]
    fn a_network_maps_with_its_data_center() {
        let state = recorded_state("networks/network", "netw_gVRkZdSKczfNg34P", false);
        assert_eq!(state["name"], Value::from("Public Network"));
        assert_eq!(state["permalink"], Value::from("uk-lon-01-public"));
        assert_eq!(state["default"], Value::Bool(true));
        assert_eq!(state["data_center_id"], Value::from("loc_UUhPmoCbpic6UX0Y"));
        let data_center = &state["data_center"];
        assert_eq!(
            data_center.attribute("permalink"),
            &Value::from("uk-lon-01")
        );
        assert_eq!(
            data_center.attribute("country").attribute("iso_code2"),
            &Value::from("GB")
        );
    }

    /// A default network's answer names its data center without a country;
    /// the older recordings (DataSourceNetwork_by_default, _other) leave out
    /// `default`, which is then true for a default network and null for a
    /// network read by id.
    #[test]
    fn a_default_network_is_default_even_when_the_answer_leaves_it_out() {
        let amsterdam = recorded_state(
            "data_centers/data_center/default_network",
            "dc_Wm37yAq0BHhKXsPa",
            true,
        );
        assert_eq!(amsterdam["default"], Value::Bool(true));
        assert_eq!(amsterdam["permalink"], Value::from("eu-ams-01"));
        assert_eq!(amsterdam["data_center"].attribute("country"), &Value::Null);
        assert_eq!(
            amsterdam["data_center_id"],
            Value::from("dc_Wm37yAq0BHhKXsPa")
        );
        // DataSourceNetwork_other's `GET /networks/network`, without `default`.
        let older = serde_json::json!({"network":{"id":"netw_gnlxBcgtF7xyMslK","name":"Public Network - AMS","permalink":"eu-ams-01","data_center":{"id":"dc_Wm37yAq0BHhKXsPa","name":"Amsterdam","permalink":"nl-ams-01","country":{"id":"ctry_IHe4noltuwtTYrSJ","name":"Netherlands","iso_code2":"NL","iso_code3":"NLD","time_zone":"Europe/Amsterdam","eu":true}}}});
        let by_id = state(older.clone(), false).unwrap();
        assert_eq!(by_id["default"], Value::Null);
        assert_eq!(
            by_id["data_center"].attribute("country").attribute("eu"),
            &Value::Bool(true)
        );
        // A default network the API says is not one keeps the API's word.
        let mut not_default = older;
        not_default["network"]["default"] = serde_json::json!(false);
        assert_eq!(
            state(not_default, true).unwrap()["default"],
            Value::Bool(false)
        );
        let err = state(serde_json::json!({"network": {"default": "yes"}}), true)
            .unwrap_err()
            .to_string();
        assert!(err.contains("default should be true or false"), "{err}");
        let err = state(serde_json::json!({"networks": []}), true)
            .unwrap_err()
            .to_string();
        assert!(err.contains("without a \"network\" object"), "{err}");
    }

    /// At most one key, as in the Go provider (its
    /// DataSourceNetwork_invalid_attributes): the error at the second.
    #[test]
    fn at_most_one_key() {
        let id = ("id", Value::from("netw_1"));
        let permalink = ("permalink", Value::from("uk-lon-01-public"));
        let data_center = ("data_center_id", Value::from("loc_1"));
        for (pairs, at) in [
            (vec![id.clone(), permalink.clone()], "permalink"),
            (vec![id.clone(), data_center.clone()], "data_center_id"),
            (
                vec![permalink.clone(), data_center.clone()],
                "data_center_id",
            ),
            (vec![id.clone(), ("permalink", Value::Unknown)], "permalink"),
        ] {
            let diags = Network.validate(&config(&pairs));
            assert_eq!(diags.len(), 1, "{diags:?}");
            assert_eq!(
                diags[0].path.as_ref().map(ToString::to_string).as_deref(),
                Some(at)
            );
        }
        for pairs in [vec![], vec![id], vec![permalink], vec![data_center]] {
            assert!(Network.validate(&config(&pairs)).is_empty(), "{pairs:?}");
        }
        let empty = Network.validate(&config(&[("data_center_id", Value::from(""))]));
        assert_eq!(empty[0].summary, "Empty data_center_id");
    }

    #[test]
    fn without_keys_the_provider_setting_is_read_or_asked_for() {
        assert_eq!(
            provider_data_center(&Setting::Set("uk-lon-01".into())).unwrap(),
            "uk-lon-01"
        );
        assert!(matches!(
            provider_data_center(&Setting::Unknown),
            Err(ReadError::SettingUnknown("data_center"))
        ));
        let Err(ReadError::Missing { detail, .. }) = provider_data_center(&Setting::Unset) else {
            panic!()
        };
        assert!(detail.contains("`data_center_id`"), "{detail}");
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
        assert!(at.is_none());
    }
}
