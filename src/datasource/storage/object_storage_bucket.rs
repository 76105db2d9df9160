//! `katapult_object_storage_bucket`: one bucket, by `name` and `region`,
//! through `GET /object_storage/object_storage_cluster/buckets/bucket`,
//! with what Katapult's Go provider shows (its access control list copied
//! flat) and the rest of the answer, nested as the API nests it.

use std::sync::OnceLock;

use crate::diag::Diagnostic;
use crate::katapult;
use crate::schema::{Attribute, Block, Kind};
use crate::text::quoted;
use crate::tftypes::{AttributePath, Value};

use crate::datasource::core::answer;
use crate::datasource::core::error::ReadError;
use crate::datasource::core::lookup::{Given, Key, Lookup, Rule};
use crate::datasource::core::mapping::map_object;
use crate::datasource::core::reads::{OrganizationUse, Reads};
use crate::datasource::core::source::{Computed, DataSource, ReadContext, ReadFuture};
use crate::datasource::core::timeouts::TIMEOUTS;
use crate::datasource::objects::object_storage::{
    ACL, BUCKET_CREATED_AT, BUCKET_SIZE, BUCKET_STATE, CORS_ORIGINS, CUSTOM_DOMAINS, LABEL,
    OBJECT_COUNT, PUBLIC_URL, REGION, REGION_ATTRIBUTE, REGION_KEY, SERVE_STATIC_SITE,
    STATIC_SITE_ERROR, STATIC_SITE_INDEX,
};

pub struct ObjectStorageBucket;

const PATH: &str = "object_storage/object_storage_cluster/buckets/bucket";

static READS: Reads = Reads {
    what: "object storage buckets",
    scopes: &["object_storage:read"],
    organization: OrganizationUse::Unused,
    data_center: None,
};

const NAME_KEY: Key = Key::new("name", "bucket[name]", "name", "");

/// Both keys, each required: the bucket is asked for by both.
static LOOKUP: Lookup = Lookup {
    subject: "object storage bucket",
    keys: &[NAME_KEY, REGION_KEY],
    rule: Rule::AtLeastOne,
    example: None,
    not_found: "object_storage_bucket_not_found",
    hint: "",
};

static SCHEMA: Block = Block {
    description: "Looks up one Katapult object storage bucket by its name and region, through \
                  `GET /core/v1/object_storage/object_storage_cluster/buckets/bucket`. Needs an \
                  API token with the `object_storage:read` scope. The bucket holds no \
                  credentials: its access control list names access keys by ID only.",
    attributes: &[
        Attribute::required(
            "name",
            Kind::String,
            "The bucket's name, unique across Katapult, e.g. `my-org-assets`.",
        ),
        REGION_ATTRIBUTE,
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
        // Katapult's Go provider names these flat; configurations written for
        // it keep working. Each is a copy of a field of `access_control_list`.
        Attribute::computed(
            "public_read",
            Kind::Bool,
            "Whether anyone may read the bucket's objects (`access_control_list.public_read`). \
             As in Katapult's Go provider.",
        )
        .from(&["access_control_list", "public_read"]),
        Attribute::computed(
            "public_list",
            Kind::Bool,
            "Whether anyone may list the bucket's objects (`access_control_list.public_list`). \
             As in Katapult's Go provider.",
        )
        .from(&["access_control_list", "public_list"]),
        Attribute::computed(
            "all_keys_read",
            Kind::Bool,
            "Whether every access key may read the bucket's objects \
             (`access_control_list.all_keys_read`). As in Katapult's Go provider.",
        )
        .from(&["access_control_list", "all_keys_read"]),
        Attribute::computed(
            "all_keys_write",
            Kind::Bool,
            "Whether every access key may write the bucket's objects \
             (`access_control_list.all_keys_write`). As in Katapult's Go provider.",
        )
        .from(&["access_control_list", "all_keys_write"]),
        Attribute::computed(
            "read_key_ids",
            Kind::StringSet,
            "The IDs of the access keys that may read the bucket's objects \
             (`access_control_list.read_key_ids`), as a set. As in Katapult's Go provider.",
        )
        .from(&["access_control_list", "read_key_ids"]),
        Attribute::computed(
            "write_key_ids",
            Kind::StringSet,
            "The IDs of the access keys that may write the bucket's objects \
             (`access_control_list.write_key_ids`), as a set. As in Katapult's Go provider.",
        )
        .from(&["access_control_list", "write_key_ids"]),
    ],
    blocks: &[TIMEOUTS],
    type_cache: OnceLock::new(),
};

impl DataSource for ObjectStorageBucket {
    fn type_name(&self) -> &'static str {
        "katapult_object_storage_bucket"
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
            let key = |key: &Key| {
                given
                    .iter()
                    .find(|g| g.key.attribute == key.attribute)
                    .copied()
                    .ok_or(ReadError::Config {
                        attribute: key.attribute,
                        problem: "not set",
                    })
            };
            let (name, region) = (key(&NAME_KEY)?, key(&REGION_KEY)?);
            let query = [
                (REGION_KEY.parameter, region.value),
                (NAME_KEY.parameter, name.value),
            ];
            let answer = ctx
                .client
                .get(PATH, &query, &ctx.budget)
                .await
                .map_err(|e| error(e, &name, &region))?;
            state(answer)
        })
    }
}

/// The state for an answer (its name and region the configuration's).
fn state(answer: serde_json::Value) -> Result<Computed, ReadError> {
    let (bucket, _) = answer::object(answer, "object_storage_bucket")?;
    Ok(map_object(
        &bucket,
        SCHEMA.attributes,
        &AttributePath::default(),
    )?)
}

/// What the API's errors mean for the bucket `name` in `region`.
fn error(error: katapult::Error, name: &Given<'_>, region: &Given<'_>) -> ReadError {
    match &error {
        katapult::Error::NotFound { code } if code == LOOKUP.not_found => ReadError::Missing {
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
        _ => LOOKUP.error(error, name),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tftypes::Number;

    fn recorded(name: &str) -> serde_json::Value {
        serde_json::from_str(&katapult_testkit::fake_api::recorded(
            &format!("{PATH}/uk-lon-1"),
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
            key: &NAME_KEY,
            value: "nope",
        };
        let region = Given {
            key: &REGION_KEY,
            value: "uk-lon-1",
        };
        let at = |code: &str| {
            let diag = error(
                katapult::Error::NotFound { code: code.into() },
                &name,
                &region,
            )
            .diagnostic(&READS);
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
