//! `katapult_object_storage_bucket`: one bucket, by `name` and `region`,
//! through `GET /object_storage/object_storage_cluster/buckets/bucket`,
//! with what Katapult's Go provider shows (its access control list copied
//! flat) and the rest of the answer, nested as the API nests it. A
//! `Custom`: both keys are sent, each required, and its "not found" is the
//! bucket's (at `name`) or the region's (at `region`) by the API's code.

use crate::diag::Diagnostic;
use crate::katapult;
use crate::text::quoted;
use crate::tftypes::{AttributePath, Value};

use crate::datasource::core::answer;
use crate::datasource::core::error::ReadError;
use crate::datasource::core::lookup::{Given, Lookup, Rule};
use crate::datasource::core::mapping::map_object;
use crate::datasource::core::reads::OrganizationUse;
use crate::datasource::core::shapes::custom::Custom;
use crate::datasource::core::source::{Computed, DataSource, ReadContext, ReadFuture};
use crate::datasource::objects::object_storage::{
    ACL, ALL_KEYS_READ, ALL_KEYS_WRITE, BUCKET_CREATED_AT, BUCKET_NAME, BUCKET_SIZE, BUCKET_STATE,
    CORS_ORIGINS, CUSTOM_DOMAINS, LABEL, OBJECT_COUNT, OBJECT_STORAGE_BUCKET_OBJECT as BUCKET,
    PUBLIC_LIST, PUBLIC_READ, PUBLIC_URL, READ_KEY_IDS, REGION, REGION_ATTRIBUTE,
    SERVE_STATIC_SITE, STATIC_SITE_ERROR, STATIC_SITE_INDEX, WRITE_KEY_IDS,
};

pub static OBJECT_STORAGE_BUCKET: Custom = Custom {
    type_name: "katapult_object_storage_bucket",
    of: &BUCKET,
    paths: &[],
    arguments: &[BUCKET_NAME, REGION_ATTRIBUTE],
    fields: &[
        LABEL,
        BUCKET_CREATED_AT,
        BUCKET_STATE,
        PUBLIC_URL,
        SERVE_STATIC_SITE,
        STATIC_SITE_INDEX,
        STATIC_SITE_ERROR,
        OBJECT_COUNT,
        BUCKET_SIZE,
        CUSTOM_DOMAINS,
        CORS_ORIGINS,
        ACL,
        PUBLIC_READ,
        PUBLIC_LIST,
        ALL_KEYS_READ,
        ALL_KEYS_WRITE,
        READ_KEY_IDS,
        WRITE_KEY_IDS,
    ],
    summary: "Looks up one Katapult object storage bucket by its name and region. The bucket \
              holds no credentials: its access control list names access keys by ID only.",
    organization: OrganizationUse::Unused,
    data_center: None,
    validate,
    read,
    ephemeral: false,
};

/// Both keys, each required: the bucket is asked for by both.
const fn lookup() -> Lookup {
    Lookup::of(&BUCKET, BUCKET.keys, Rule::AtLeastOne, "")
}

fn validate(config: &Value) -> Vec<Diagnostic> {
    lookup().validate(config)
}

fn read<'a>(ctx: &'a ReadContext<'a>, config: &'a Value) -> ReadFuture<'a> {
    Box::pin(async move {
        let given = lookup().read(config)?;
        let key = |attribute: &'static str| {
            given
                .iter()
                .find(|g| g.key.attribute == attribute)
                .copied()
                .ok_or(ReadError::Config {
                    attribute,
                    problem: "not set",
                })
        };
        let (name, region) = (key("name")?, key("region")?);
        let query = [
            (region.key.parameter, region.value),
            (name.key.parameter, name.value),
        ];
        let answer = ctx
            .client
            .get(BUCKET.path, &query, &ctx.budget)
            .await
            .map_err(|e| error(e, &name, &region))?;
        state(answer)
    })
}

/// The state for an answer (its name and region the configuration's).
fn state(answer: serde_json::Value) -> Result<Computed, ReadError> {
    let (bucket, _) = answer::object(answer, BUCKET.key)?;
    Ok(map_object(
        &bucket,
        OBJECT_STORAGE_BUCKET.schema().attributes,
        &AttributePath::default(),
    )?)
}

/// What the API's errors mean for the bucket `name` in `region`.
fn error(error: katapult::Error, name: &Given<'_>, region: &Given<'_>) -> ReadError {
    match &error {
        katapult::Error::NotFound { code } if code == BUCKET.not_found => ReadError::Missing {
            summary: "Object storage bucket not found".to_owned(),
            detail: format!(
                "Katapult has no object storage bucket named {} in the region {} that this API \
                 key can see. Check the name, and that the bucket belongs to this key's \
                 organization.",
                quoted(name.value),
                quoted(region.value)
            ),
            at: Some(name.at()),
        },
        katapult::Error::NotFound { code } if code == REGION.not_found => {
            REGION.error(error, region)
        }
        _ => lookup().error(error, name),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tftypes::Number;

    fn recorded(name: &str) -> serde_json::Value {
        serde_json::from_str(&katapult_testkit::fake_api::recorded(
            &format!("{}/uk-lon-1", BUCKET.path),
            name,
        ))
        .unwrap()
    }

    fn strings(values: &[&str]) -> Value {
        Value::List(values.iter().map(|v| Value::from(*v)).collect())
    }

    #[test]
    fn the_recorded_buckets_map_whole() {
        // DataSource_Bucket_minimal.
        let state = state(recorded(
            "tf-acc-test-data-source-bucket-minimal-djcnyybow6ey",
        ))
        .unwrap();
        assert_eq!(state["label"], Value::Null);
        assert_eq!(state["state"], Value::from("configured"));
        assert_eq!(state["created_at"], Value::Number(Number::Int(1786460342)));
        assert_eq!(
            state["public_url"],
            Value::from(
                "https://tf-acc-test-data-source-bucket-minimal-djcnyybow6ey.uk-lon-1.katapultobjects.com/"
            )
        );
        assert_eq!(state["serve_static_site"], Value::Bool(false));
        assert_eq!(state["static_site_index"], Value::Null, "null, not \"\"");
        assert_eq!(state["custom_domains"], strings(&[]));
        assert_eq!(state["object_count"], Value::Number(Number::Int(0)));
        assert_eq!(state["public_read"], Value::Bool(false));
        assert_eq!(state["read_key_ids"], strings(&[]));
        // Bucket_static_site.
        let state = super::state(recorded("tf-acc-test-static-site-duypazh8xfgz")).unwrap();
        assert_eq!(state["static_site_index"], Value::from("index.html"));
        assert_eq!(state["static_site_error"], Value::from("error.html"));
        assert_eq!(state["public_list"], Value::Bool(true));
        assert_eq!(
            state["access_control_list"].attribute("public_read"),
            &Value::Bool(true)
        );
        // Bucket_update_label.
        let state = super::state(recorded("tf-acc-test-update-label-o2vquqyrqjo6")).unwrap();
        assert_eq!(state["label"], Value::from("Updated Bucket Label"));
        // AccessKey_buckets: a key that may read and write it.
        let state = super::state(recorded("tf-acc-test-buckets-oh0kwdanbhtl-bkt")).unwrap();
        assert_eq!(state["read_key_ids"], strings(&["objkey_wqCA2aLbrZyPZpjB"]));
        assert_eq!(
            state["write_key_ids"],
            strings(&["objkey_wqCA2aLbrZyPZpjB"])
        );
        assert_eq!(
            state["access_control_list"].attribute("write_key_ids"),
            &strings(&["objkey_wqCA2aLbrZyPZpjB"])
        );
    }

    #[test]
    fn nulls_absent_fields_and_wrong_types() {
        // No access control list (which the Go provider refuses): nulls.
        let state = state(serde_json::json!({"object_storage_bucket": {"name": "b"}})).unwrap();
        for name in [
            "access_control_list",
            "public_read",
            "read_key_ids",
            "cors_origins",
        ] {
            assert_eq!(state[name], Value::Null, "{name}");
        }
        for (bucket, want) in [
            (
                serde_json::json!({"custom_domains": [{"domain": "x"}]}),
                "custom_domains[0] should be a string but the API sent an object",
            ),
            (
                serde_json::json!({"access_control_list": {"read_key_ids": "k"}}),
                "access_control_list.read_key_ids should be a list of strings but the API sent a string",
            ),
            (
                serde_json::json!({"serve_static_site": "true"}),
                "serve_static_site should be true or false but the API sent a string",
            ),
        ] {
            let err = super::state(serde_json::json!({ "object_storage_bucket": bucket }))
                .unwrap_err()
                .to_string();
            assert_eq!(err, want);
        }
    }

    #[test]
    fn not_found_is_at_the_key_at_fault() {
        let name = Given {
            key: BUCKET.key("name"),
            value: "nope",
        };
        let region = Given {
            key: BUCKET.key("region"),
            value: "uk-lon-1",
        };
        let at = |code: &str| {
            let diag = error(
                katapult::Error::NotFound { code: code.into() },
                &name,
                &region,
            )
            .diagnostic(&OBJECT_STORAGE_BUCKET.reads());
            (diag.path.map(|p| p.to_string()), diag.detail)
        };
        let (path, detail) = at("object_storage_bucket_not_found");
        assert_eq!(path.as_deref(), Some("name"));
        assert!(
            detail.contains("no object storage bucket named \"nope\" in the region \"uk-lon-1\""),
            "{detail}"
        );
        let (path, _) = at("object_storage_cluster_not_found");
        assert_eq!(path.as_deref(), Some("region"));
        // Any other code is the API's to word.
        let (path, _) = at("multiple_object_storage_buckets_found");
        assert_eq!(path, None);
    }
}
