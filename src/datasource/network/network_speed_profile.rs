//! `katapult_network_speed_profile`: one network speed profile of the
//! provider's organization, by `id` and/or `permalink`. Katapult has no
//! single-profile endpoint: the organization's list is read, every page,
//! and matched exactly. (Katapult's Go provider never reads the list's last
//! page, and finds nothing without saying so: here a profile that is not
//! there is an error at the key that names it.)

use std::sync::OnceLock;

use serde_json::{Map, Value as Json};

use crate::diag::Diagnostic;
use crate::schema::{Attribute, Block, Kind};
use crate::text::{quoted, shown};
use crate::tftypes::{AttributePath, Value};

use crate::datasource::core::error::ReadError;
use crate::datasource::core::lookup::{Given, Key, Lookup, Rule};
use crate::datasource::core::mapping::map_object;
use crate::datasource::core::organization;
use crate::datasource::core::reads::{OrganizationUse, Reads};
use crate::datasource::core::source::{Computed, DataSource, ReadContext, ReadFuture};
use crate::datasource::core::timeouts::TIMEOUTS;
use crate::datasource::objects::network_speed_profile::{
    DOWNLOAD_SPEED, DOWNLOAD_SPEED_IN_MBIT, LIST, NAME, UPLOAD_SPEED, UPLOAD_SPEED_IN_MBIT,
    go_speeds,
};

pub struct NetworkSpeedProfile;

/// The API reference lists no scope for the list.
static READS: Reads = Reads {
    what: "network speed profiles",
    scopes: &[],
    organization: OrganizationUse::Needed,
    data_center: None,
};

/// Matched in the organization's list, by the items' fields; with both
/// keys, by `id`, and the permalink must then agree.
static LOOKUP: Lookup = Lookup {
    subject: "network speed profile",
    keys: &[
        Key::new("id", "id", "ID", ""),
        Key::new("permalink", "permalink", "permalink", ""),
    ],
    rule: Rule::AtLeastOne,
    example: None,
    not_found: "network_speed_profile_not_found",
    hint: "",
};

static SCHEMA: Block = Block {
    description: "Looks up one network speed profile of the organization named by the \
                  provider's `organization` (or `KATAPULT_ORGANIZATION`) by its `id` or its \
                  `permalink` (with both, by `id`, and its permalink must match), in \
                  `GET /core/v1/organizations/organization/network_speed_profiles`, following \
                  every page. A profile sets the bandwidth of a virtual machine's network \
                  interfaces. The API reference names no scope for the list.",
    attributes: &[
        Attribute::optional_computed(
            "id",
            Kind::String,
            "The profile's ID, e.g. `nsp_Y8YS65yTivlCAjIY`. Set this, `permalink`, or both.",
        ),
        Attribute::optional_computed(
            "permalink",
            Kind::String,
            "The profile's permalink, e.g. `1gbps`. Set this, `id`, or both.",
        ),
        NAME,
        UPLOAD_SPEED,
        DOWNLOAD_SPEED,
        UPLOAD_SPEED_IN_MBIT,
        DOWNLOAD_SPEED_IN_MBIT,
    ],
    blocks: &[TIMEOUTS],
    type_cache: OnceLock::new(),
};

impl DataSource for NetworkSpeedProfile {
    fn type_name(&self) -> &'static str {
        "katapult_network_speed_profile"
    }

    fn schema(&self) -> &'static Block {
        &SCHEMA
    }

    fn reads(&self) -> Reads {
        READS
    }

    fn validate(&self, config: &Value) -> Vec<Diagnostic> {
        LOOKUP.validate(config)
    }

    fn read<'a>(&'a self, ctx: &'a ReadContext<'a>, config: &'a Value) -> ReadFuture<'a> {
        Box::pin(async move {
            let given = LOOKUP.read(config)?;
            let organization = organization::name(ctx, LIST.plural)?;
            let profiles = organization::list_of(ctx, &LIST, organization, &[]).await?;
            let profile = find(&profiles, &given, organization)?;
            LOOKUP.agrees(profile, &given)?;
            state(profile)
        })
    }
}

/// The profile the first key names, or the error at that key.
fn find<'p>(
    profiles: &'p [Map<String, Json>],
    given: &[Given<'_>],
    organization: &str,
) -> Result<&'p Map<String, Json>, ReadError> {
    let Some(by) = given.first() else {
        return Err(ReadError::Config {
            attribute: LOOKUP.keys[0].attribute,
            problem: "not set",
        });
    };
    let field = by.key.parameter;
    if let Some(profile) = profiles
        .iter()
        .find(|p| p.get(field).and_then(Json::as_str) == Some(by.value))
    {
        return Ok(profile);
    }
    let known: Vec<&str> = profiles
        .iter()
        .filter_map(|p| p.get("permalink").and_then(Json::as_str))
        .take(20)
        .collect();
    Err(ReadError::Missing {
        summary: "Network speed profile not found".to_owned(),
        detail: format!(
            "No network speed profile with {} {} exists in organization {}. Its profiles' \
             permalinks are: {}.",
            by.key.noun,
            quoted(by.value),
            quoted(organization),
            if known.is_empty() {
                "none".to_owned()
            } else {
                shown(&known.join(", "), 500)
            }
        ),
        at: Some(by.at()),
    })
}

fn state(profile: &Map<String, Json>) -> Result<Computed, ReadError> {
    let mut state = map_object(profile, SCHEMA.attributes, &AttributePath::default())?;
    go_speeds(&mut state);
    Ok(state)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::provider::read_for_test as read_for;
    use crate::tftypes::Number;
    use katapult_testkit::fake_api::recorded;

    fn recorded_profiles() -> Vec<Map<String, Json>> {
        let answer: Json = serde_json::from_str(&recorded(
            "organizations/organization/network_speed_profiles",
            "acme",
        ))
        .unwrap();
        answer["network_speed_profiles"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p.as_object().unwrap().clone())
            .collect()
    }

    fn given<'a>(key: usize, value: &'a str) -> Given<'a> {
        Given {
            key: &LOOKUP.keys[key],
            value,
        }
    }

    fn number(n: i64) -> Value {
        Value::Number(Number::Int(n))
    }

    /// The Go provider loops `page < total_pages`, so never reads a list's
    /// last page: a profile there is found here, every page read once.
    #[tokio::test]
    async fn a_profile_on_the_last_page_is_found() {
        use katapult_testkit::fake_api::{FakeApi, orgs};
        let api = FakeApi::start().await.unwrap();
        let state = read_for(
            &api,
            orgs::BIGCO,
            &NetworkSpeedProfile,
            &[("permalink", Value::from("bigco-204"))],
        )
        .await
        .unwrap();
        assert_eq!(state.attribute("id"), &Value::from("nsp_Bigco00000000204"));
        assert_eq!(state.attribute("upload_speed"), &number(2050));
        assert_eq!(
            api.pages(&format!("speed_profiles:{}", orgs::BIGCO)),
            [(1, 200), (2, 200)]
        );
        // One that is on no page: an error, where the Go provider's state is
        // empty.
        let missing = read_for(
            &api,
            orgs::BIGCO,
            &NetworkSpeedProfile,
            &[("permalink", Value::from("bigco-205"))],
        )
        .await;
        assert_eq!(missing, Err("Network speed profile not found".to_owned()));
    }

    /// DataSourceNetworkSpeedProfile_by_id and _by_permalink: the recorded
    /// list, matched exactly; null speeds are the Go provider's 0 under its
    /// names and null under the API's.
    #[test]
    fn the_recorded_profiles_are_found_by_id_and_permalink() {
        let profiles = recorded_profiles();
        let by_id = find(&profiles, &[given(0, "nsp_FKZSFo5xhn9Pfr79")], "acme").unwrap();
        let state = state(by_id).unwrap();
        assert_eq!(state["permalink"], Value::from("10gbps"));
        assert_eq!(state["upload_speed"], number(10000));
        assert_eq!(state["upload_speed_in_mbit"], number(10000));
        assert_eq!(state["download_speed"], number(0));
        assert_eq!(state["download_speed_in_mbit"], Value::Null);
        let by_permalink = find(&profiles, &[given(1, "unrestricted")], "acme").unwrap();
        let state = super::state(by_permalink).unwrap();
        assert_eq!(state["id"], Value::from("nsp_81Ah8cbAbaA9zGzX"));
        assert_eq!(state["upload_speed"], number(0));
        assert_eq!(state["upload_speed_in_mbit"], Value::Null);
        // Exactly: no prefix, no other case.
        assert!(find(&profiles, &[given(1, "1GBPS")], "acme").is_err());
        assert!(find(&profiles, &[given(1, "1")], "acme").is_err());
    }

    /// Where the Go provider returns an empty result, an error at the key
    /// naming its value and what the organization has.
    #[test]
    fn nothing_found_is_an_error_at_the_key() {
        let profiles = recorded_profiles();
        let err = find(&profiles, &[given(1, "100gbps")], "acme").unwrap_err();
        let diag = err.diagnostic(&READS);
        assert_eq!(diag.summary, "Network speed profile not found");
        assert!(
            diag.detail
                .contains("with permalink \"100gbps\" exists in organization \"acme\""),
            "{}",
            diag.detail
        );
        assert!(diag.detail.contains("500mbps, 1gbps, 10gbps, unrestricted"));
        assert_eq!(
            diag.path.map(|p| p.to_string()).as_deref(),
            Some("permalink")
        );
        let both = [given(0, "nsp_Y8YS65yTivlCAjIY"), given(1, "10gbps")];
        let found = find(&profiles, &both, "acme").unwrap();
        let diag = LOOKUP.agrees(found, &both).unwrap_err().diagnostic(&READS);
        assert!(
            diag.detail
                .contains("has the permalink \"1gbps\", not \"10gbps\""),
            "{}",
            diag.detail
        );
        let err = super::state(
            serde_json::json!({"id": "nsp_1", "upload_speed_in_mbit": "fast"})
                .as_object()
                .unwrap(),
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("upload_speed should be a number"), "{err}");
    }
}
