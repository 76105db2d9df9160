//! `katapult_network_speed_profile`: one network speed profile of the
//! provider's organization, by `id` and/or `permalink`. Katapult has no
//! single-profile endpoint: the organization's list is read, every page,
//! and matched exactly. (Katapult's Go provider never reads the list's last
//! page, and finds nothing without saying so: here a profile that is not
//! there is an error at the key that names it.)

use crate::datasource::core::lookup::Rule;
use crate::datasource::core::shapes::found::Found;
use crate::datasource::objects::network_speed_profile::{
    DOWNLOAD_SPEED, DOWNLOAD_SPEED_IN_MBIT, LIST, NAME, NETWORK_SPEED_PROFILE_OBJECT, UPLOAD_SPEED,
    UPLOAD_SPEED_IN_MBIT, go_speeds,
};

/// With both keys, by `id`; the permalink must then agree. The Go
/// provider's speeds are `0` where the API's are null (unrestricted).
pub static NETWORK_SPEED_PROFILE: Found = Found {
    type_name: "katapult_network_speed_profile",
    of: &NETWORK_SPEED_PROFILE_OBJECT,
    list: &LIST,
    rule: Rule::AtLeastOne,
    fields: &[
        NAME,
        UPLOAD_SPEED,
        DOWNLOAD_SPEED,
        UPLOAD_SPEED_IN_MBIT,
        DOWNLOAD_SPEED_IN_MBIT,
    ],
    summary: "Looks up one network speed profile of the organization by its `id` or its \
              `permalink` (with both, by `id`, and its permalink must match), matched exactly \
              in the organization's list: Katapult serves no single profile. A profile sets the \
              bandwidth of a virtual machine's network interfaces.",
    after: Some(go_speeds),
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::datasource::core::source::DataSource;
    use crate::datasource::core::testing;
    use crate::diag::Diagnostic;
    use crate::tftypes::{Number, Value};
    use katapult_testkit::fake_api::{FakeApi, orgs};

    /// A read of the sample organization's profiles by `config`: its state,
    /// or its error whole.
    async fn read(api: &FakeApi, config: &[(&str, Value)]) -> Result<Value, Diagnostic> {
        read_in(api, "acme", config).await
    }

    /// A read of `organization`'s profiles by `config`.
    async fn read_in(
        api: &FakeApi,
        organization: &str,
        config: &[(&str, Value)],
    ) -> Result<Value, Diagnostic> {
        let ds = &NETWORK_SPEED_PROFILE;
        testing::read(&api.url(), organization, ds, &testing::config(config))
            .await
            .map_err(|e| e.diagnostic(&ds.reads()))
    }

    fn number(n: i64) -> Value {
        Value::Number(Number::Int(n))
    }

    /// The Go provider loops `page < total_pages`, so never reads a list's
    /// last page: a profile there is found here, every page read once.
    #[tokio::test]
    async fn a_profile_on_the_last_page_is_found() {
        let api = FakeApi::start().await.unwrap();
        let state = read_in(
            &api,
            orgs::BIGCO,
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
        let missing = read_in(
            &api,
            orgs::BIGCO,
            &[("permalink", Value::from("bigco-205"))],
        )
        .await
        .map_err(|d| d.summary);
        assert_eq!(missing, Err("Network speed profile not found".to_owned()));
    }

    /// DataSourceNetworkSpeedProfile_by_id and _by_permalink: the recorded
    /// list, matched exactly; null speeds are the Go provider's 0 under its
    /// names and null under the API's.
    #[tokio::test]
    async fn the_recorded_profiles_are_found_by_id_and_permalink() {
        let api = FakeApi::start().await.unwrap();
        let state = read(&api, &[("id", Value::from("nsp_FKZSFo5xhn9Pfr79"))])
            .await
            .unwrap();
        assert_eq!(state.attribute("permalink"), &Value::from("10gbps"));
        assert_eq!(state.attribute("upload_speed"), &number(10000));
        assert_eq!(state.attribute("upload_speed_in_mbit"), &number(10000));
        assert_eq!(state.attribute("download_speed"), &number(0));
        assert_eq!(state.attribute("download_speed_in_mbit"), &Value::Null);
        let state = read(&api, &[("permalink", Value::from("unrestricted"))])
            .await
            .unwrap();
        assert_eq!(state.attribute("id"), &Value::from("nsp_81Ah8cbAbaA9zGzX"));
        assert_eq!(state.attribute("upload_speed"), &number(0));
        assert_eq!(state.attribute("upload_speed_in_mbit"), &Value::Null);
        // Exactly: no prefix, no other case.
        for near in ["1GBPS", "1"] {
            let err = read(&api, &[("permalink", Value::from(near))]).await;
            assert!(err.is_err(), "{near}");
        }
    }

    /// Where the Go provider returns an empty result, an error at the key
    /// naming its value and what the organization has.
    #[tokio::test]
    async fn nothing_found_is_an_error_at_the_key() {
        let api = FakeApi::start().await.unwrap();
        let diag = read(&api, &[("permalink", Value::from("100gbps"))])
            .await
            .unwrap_err();
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
        let both = [
            ("id", Value::from("nsp_Y8YS65yTivlCAjIY")),
            ("permalink", Value::from("10gbps")),
        ];
        let diag = read(&api, &both).await.unwrap_err();
        assert!(
            diag.detail
                .contains("has the permalink \"1gbps\", not \"10gbps\""),
            "{}",
            diag.detail
        );
        let err = NETWORK_SPEED_PROFILE
            .state(
                serde_json::json!({"id": "nsp_1", "upload_speed_in_mbit": "fast"})
                    .as_object()
                    .unwrap(),
            )
            .unwrap_err()
            .to_string();
        assert!(err.contains("upload_speed should be a number"), "{err}");
    }
}
