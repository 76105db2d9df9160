//! `katapult_certificate`: one certificate, by `id`, whole: its PEM
//! material, its private key and the certificate API's URL (both
//! sensitive), its times as RFC 3339 strings as in Katapult's Go provider.
//! A `Custom`: a `One` maps the API's Unix seconds as numbers.

use crate::datasource::core::shapes::custom::Custom;
use crate::datasource::core::source::Answers;
use crate::datasource::objects::certificate::{
    CERTIFICATE_OBJECT, FIELDS, ID_ARGUMENT, read, validate,
};

pub static CERTIFICATE: Custom = Custom {
    type_name: "katapult_certificate",
    of: &CERTIFICATE_OBJECT,
    arguments: &[ID_ARGUMENT],
    fields: FIELDS,
    summary: "Looks up one Katapult certificate by its ID, whoever issued it, with its PEM \
              material. `private_key` and `certificate_api_url` (which embeds a bearer token) \
              are sensitive, yet written to state like every data source's attributes: to \
              keep them out of state, use the ephemeral resource `katapult_certificate`.",
    validate,
    read,
    answers: Some(Answers {
        path: "certificates/certificate",
        argument: Some("id"),
    }),
    ..Custom::PLAIN
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::datasource::core::source::DataSource;
    use crate::datasource::objects::certificate::state;
    use crate::tftypes::Value;
    use katapult_testkit::fake_api::certificates as certs;

    fn recorded(id: &str) -> serde_json::Value {
        serde_json::from_str(&katapult_testkit::fake_api::recorded(
            "certificates/certificate",
            id,
        ))
        .unwrap()
    }

    /// DataSourceCertificate_minimal, as recorded (its secrets redacted
    /// there): every field, the times as the Go provider writes them.
    #[test]
    fn the_recorded_certificate_maps_whole() {
        let state = state(recorded(certs::RECORDED)).unwrap();
        assert_eq!(state["id"], Value::from(certs::RECORDED));
        assert_eq!(
            state["name"],
            Value::from("tf-acc-test-data-source-minimal-kttq1zjqhm2z.example.com")
        );
        assert_eq!(state["additional_names"], Value::List(vec![]));
        assert_eq!(state["authorization_method"], Value::Null);
        assert_eq!(state["issuer"], Value::from("self_signed"));
        assert_eq!(state["state"], Value::from("issued"));
        assert_eq!(state["issue_error"], Value::Null);
        assert_eq!(state["chain"], Value::Null);
        assert_eq!(state["created_at"], Value::from("2026-09-04T14:50:44Z"));
        assert_eq!(state["expires_at"], Value::from("2027-09-04T14:50:45Z"));
        assert_eq!(state["last_issued_at"], Value::from("2026-09-04T14:50:45Z"));
        let Value::String(pem) = &state["certificate"] else {
            panic!("{:?}", state["certificate"])
        };
        assert!(pem.starts_with("-----BEGIN CERTIFICATE-----\n"), "{pem}");
        assert_eq!(state.len(), 1 + FIELDS.len());
    }

    /// The key and the URL, and nothing else, are sensitive.
    #[test]
    fn only_the_key_and_the_url_are_sensitive() {
        let sensitive: Vec<&str> = CERTIFICATE
            .schema()
            .attributes
            .iter()
            .filter(|a| a.sensitive)
            .map(|a| a.name)
            .collect();
        assert_eq!(sensitive, ["private_key", "certificate_api_url"]);
        let full = recorded(certs::FULL);
        let state = state(full.clone()).unwrap();
        assert_eq!(
            state["private_key"],
            Value::from(full["certificate"]["private_key"].as_str().unwrap())
        );
        assert_eq!(
            state["certificate_api_url"],
            Value::from(full["certificate"]["certificate_api_url"].as_str().unwrap())
        );
        assert_eq!(
            state["additional_names"],
            Value::List(vec![
                Value::from("example.com"),
                Value::from("api.example.com")
            ])
        );
    }

    /// Nulls stay null; a wrong type is an error at its field that never
    /// repeats a value (a neighbour may be the key).
    #[test]
    fn nulls_and_wrong_types() {
        let nulls = state(serde_json::json!({"certificate": {"id": "cert_x", "expires_at": null}}))
            .unwrap();
        assert_eq!(nulls["expires_at"], Value::Null);
        assert_eq!(nulls["created_at"], Value::Null, "absent");
        assert_eq!(nulls["private_key"], Value::Null);
        for (field, value, want) in [
            (
                "private_key",
                serde_json::json!(7),
                "private_key should be a string but the API sent a number",
            ),
            (
                "certificate_api_url",
                serde_json::json!(["https://x/?token=t0k3n"]),
                "certificate_api_url should be a string but the API sent a list",
            ),
            (
                "created_at",
                serde_json::json!("t0k3n"),
                "created_at should be a time in whole Unix seconds but the API sent a string",
            ),
        ] {
            let err = state(serde_json::json!({
                "certificate": {"id": "cert_x", "private_key": "t0k3n", field: value}
            }))
            .unwrap_err()
            .to_string();
            assert_eq!(err, want);
        }
    }
}
