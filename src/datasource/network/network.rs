//! `katapult_network`: one network, by `id` or `permalink` through
//! `GET /networks/network`; or a data center's default network through
//! `GET /data_centers/data_center/default_network`, the data center named by
//! `data_center_id`, else by the provider's `data_center`, as in Katapult's
//! Go provider.
//!
//! A `Custom`: two endpoints, chosen by which key is set.

use crate::diag::Diagnostic;
use crate::schema::{Attribute, Kind};
use crate::tftypes::{AttributePath, Value};

use crate::datasource::core::answer;
use crate::datasource::core::defaults;
use crate::datasource::core::error::ReadError;
use crate::datasource::core::lookup::{Key, Lookup, Rule};
use crate::datasource::core::mapping::map_object;
use crate::datasource::core::reads::OrganizationUse;
use crate::datasource::core::shapes::custom::Custom;
use crate::datasource::core::source::Answers;
use crate::datasource::core::source::{Computed, DataSource, ReadContext, ReadFuture};
use crate::datasource::core::timeouts;
use crate::datasource::objects::data_center::DATA_CENTER_OBJECT;
use crate::datasource::objects::network::{DATA_CENTER, DEFAULT, NAME, NETWORK_OBJECT};

/// A data center's default network.
const DEFAULT_NETWORK: &str = "data_centers/data_center/default_network";

pub static NETWORK: Custom = Custom {
    type_name: "katapult_network",
    of: &NETWORK_OBJECT,
    paths: &[NETWORK_OBJECT.path, DEFAULT_NETWORK],
    arguments: &[
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
    ],
    fields: &[
        NAME,
        Attribute {
            description: "Whether this is the default network of its data center. A data \
                          center's default network, read as such, is `true` even where the \
                          answer leaves the field out (as Katapult's Go provider has it).",
            ..DEFAULT
        },
        DATA_CENTER,
    ],
    summary: "Looks up one Katapult network by its `id` or its `permalink`; or a data center's \
              default network: the data center `data_center_id` names, or with none of the \
              three, the data center named by the provider's `data_center` (or \
              `KATAPULT_DATA_CENTER`), as in Katapult's Go provider. Set at most one of `id`, \
              `permalink` and `data_center_id`.",
    organization: OrganizationUse::Unused,
    data_center: Some(
        "for its default network when none of `id`, `permalink` and `data_center_id` is set",
    ),
    validate,
    read,
    ephemeral: false,
    answers: Some(Answers {
        path: "networks/network",
        argument: Some("id"),
    }),
};

/// The network itself, by one of its keys; at most one of these and
/// `data_center_id` (see `conflict`).
static BY_NETWORK: Lookup = Lookup::of(
    &NETWORK_OBJECT,
    NETWORK_OBJECT.keys,
    Rule::AnyNumber,
    "`katapult_networks` lists the networks the organization can use.",
);

/// The data center whose default network is read.
static BY_DATA_CENTER: Lookup = Lookup::of(
    &DATA_CENTER_OBJECT,
    &[Key::new("data_center_id", "data_center[id]", "ID", "")],
    Rule::AnyNumber,
    "`katapult_data_centers` lists every data center.",
);

/// The keys, of which a configuration sets at most one.
const KEYS: [&str; 3] = ["id", "permalink", "data_center_id"];

/// With no key set: what is read, and the keys that say otherwise.
const SUBJECT: &str = "network";
const KEYS_IN_WORDS: &str = "`id`, `permalink` or `data_center_id`";
/// What the provider's `data_center` is read for, in its "not found".
const PURPOSE: &str = ", whose default network to read";

fn validate(config: &Value) -> Vec<Diagnostic> {
    [
        BY_NETWORK.given(config).err(),
        BY_DATA_CENTER.given(config).err(),
    ]
    .into_iter()
    .flatten()
    .chain(conflict(config))
    .chain(timeouts::validate(config))
    .collect()
}

fn read<'a>(ctx: &'a ReadContext<'a>, config: &'a Value) -> ReadFuture<'a> {
    Box::pin(async move {
        if let Some(conflict) = conflict(config) {
            return Err(ReadError::Invalid(conflict));
        }
        let network = BY_NETWORK.read(config)?;
        let data_center = BY_DATA_CENTER.read(config)?;
        let (answer, default) = match (network.first(), data_center.first()) {
            (Some(given), _) => {
                let answer = ctx
                    .client
                    .get(NETWORK_OBJECT.path, &given.query(), &ctx.budget)
                    .await
                    .map_err(|e| BY_NETWORK.error(e, given))?;
                (answer, false)
            }
            (None, Some(given)) => {
                let answer = ctx
                    .client
                    .get(DEFAULT_NETWORK, &given.query(), &ctx.budget)
                    .await
                    .map_err(|e| BY_DATA_CENTER.error(e, given))?;
                (answer, true)
            }
            (None, None) => {
                let permalink = defaults::data_center(ctx.data_center, SUBJECT, KEYS_IN_WORDS)?;
                let query = [(DATA_CENTER_OBJECT.key("permalink").parameter, permalink)];
                let answer = ctx
                    .client
                    .get(DEFAULT_NETWORK, &query, &ctx.budget)
                    .await
                    .map_err(|e| {
                        defaults::data_center_error(e, permalink, PURPOSE, BY_DATA_CENTER.hint)
                    })?;
                (answer, true)
            }
        };
        state(answer, default)
    })
}

/// The state for an answer of either endpoint; `default` when it is a data
/// center's default network.
fn state(answer: serde_json::Value, default: bool) -> Result<Computed, ReadError> {
    let (network, _) = answer::object(answer, NETWORK_OBJECT.key)?;
    let attributes = NETWORK.schema().attributes;
    let mut state = map_object(&network, attributes, &AttributePath::default())?;
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
            let diags = NETWORK.validate(&config(&pairs));
            assert_eq!(diags.len(), 1, "{diags:?}");
            assert_eq!(
                diags[0].path.as_ref().map(ToString::to_string).as_deref(),
                Some(at)
            );
        }
        for pairs in [vec![], vec![id], vec![permalink], vec![data_center]] {
            assert!(NETWORK.validate(&config(&pairs)).is_empty(), "{pairs:?}");
        }
        let empty = NETWORK.validate(&config(&[("data_center_id", Value::from(""))]));
        assert_eq!(empty[0].summary, "Empty data_center_id");
    }

    /// With no key, the provider's `data_center`: the words of the core's
    /// defaults, with this data source's keys and purpose.
    #[test]
    fn without_keys_the_provider_setting_is_read_or_asked_for() {
        use crate::datasource::core::source::Setting;
        assert_eq!(
            defaults::data_center(&Setting::Set("uk-lon-01".into()), SUBJECT, KEYS_IN_WORDS)
                .unwrap(),
            "uk-lon-01"
        );
        let Err(ReadError::Missing {
            summary, detail, ..
        }) = defaults::data_center(&Setting::Unset, SUBJECT, KEYS_IN_WORDS)
        else {
            panic!()
        };
        assert_eq!(summary, "No network to look up");
        assert!(detail.contains("`data_center_id`"), "{detail}");
        let err = defaults::data_center_error(
            crate::katapult::Error::NotFound {
                code: "data_center_not_found".into(),
            },
            "xx-nowhere-01",
            PURPOSE,
            BY_DATA_CENTER.hint,
        );
        let ReadError::Missing { detail, at, .. } = err else {
            panic!("{err:?}")
        };
        assert!(detail.contains("\"xx-nowhere-01\""), "{detail}");
        assert!(detail.contains("whose default network to read"), "{detail}");
        assert!(detail.ends_with("lists every data center."), "{detail}");
        assert!(at.is_none());
    }
}
