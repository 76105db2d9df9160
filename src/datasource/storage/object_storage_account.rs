//! `katapult_object_storage_account`: the provider's organization's object
//! storage account in a region, through
//! `GET /organizations/organization/object_storage/object_storage_cluster`
//! (the region sent as `object_storage_cluster[region]`, as Katapult's Go
//! provider sends it). A `Custom` for its "not found", which is the
//! account's, the region's or the organization's by the API's code.

use crate::diag::Diagnostic;
use crate::katapult;
use crate::text::quoted;
use crate::tftypes::{AttributePath, Value};

use crate::datasource::core::answer;
use crate::datasource::core::error::ReadError;
use crate::datasource::core::lookup::{Given, Lookup, Rule};
use crate::datasource::core::mapping::map_object;
use crate::datasource::core::organization;
use crate::datasource::core::reads::OrganizationUse;
use crate::datasource::core::shapes::custom::Custom;
use crate::datasource::core::source::{Computed, DataSource, ReadContext, ReadFuture};
use crate::datasource::objects::object_storage::{
    ACCOUNT_CREATED_AT, ACCOUNT_DATA_CENTER, ACCOUNT_SIZE, BUCKET_COUNT,
    OBJECT_STORAGE_ACCOUNT_OBJECT as ACCOUNT, PROVISIONING_STATE, REGION, REGION_ATTRIBUTE,
};

pub static OBJECT_STORAGE_ACCOUNT: Custom = Custom {
    type_name: "katapult_object_storage_account",
    of: &ACCOUNT,
    paths: &[],
    arguments: &[REGION_ATTRIBUTE],
    fields: &[
        PROVISIONING_STATE,
        ACCOUNT_CREATED_AT,
        ACCOUNT_SIZE,
        BUCKET_COUNT,
        ACCOUNT_DATA_CENTER,
    ],
    summary: "Looks up the object storage account of the organization named by the provider's \
              `organization` (or `KATAPULT_ORGANIZATION`) in one region. The account holds no \
              credentials: access keys are created on their own.",
    organization: OrganizationUse::Needed,
    data_center: None,
    validate,
    read,
    ephemeral: false,
};

/// The account, by its region.
const fn lookup() -> Lookup {
    Lookup::of(&ACCOUNT, ACCOUNT.keys, Rule::ExactlyOne, "")
}

fn validate(config: &Value) -> Vec<Diagnostic> {
    lookup().validate(config)
}

fn read<'a>(ctx: &'a ReadContext<'a>, config: &'a Value) -> ReadFuture<'a> {
    Box::pin(async move {
        let given = lookup().read(config)?;
        let Some(region) = given.first() else {
            return Err(ReadError::Config {
                attribute: REGION_ATTRIBUTE.name,
                problem: "not set",
            });
        };
        let organization = organization::name(ctx, ACCOUNT.plural)?;
        let query = [
            ("organization[sub_domain]", organization),
            (region.key.parameter, region.value),
        ];
        let answer = ctx
            .client
            .get(ACCOUNT.path, &query, &ctx.budget)
            .await
            .map_err(|e| error(e, organization, region))?;
        state(answer)
    })
}

/// The state for an answer (its region the configuration's, as written).
fn state(answer: serde_json::Value) -> Result<Computed, ReadError> {
    let (account, _) = answer::object(answer, ACCOUNT.key)?;
    Ok(map_object(
        &account,
        OBJECT_STORAGE_ACCOUNT.schema().attributes,
        &AttributePath::default(),
    )?)
}

/// What the API's errors mean for `organization`'s account in `region`.
fn error(error: katapult::Error, organization: &str, region: &Given<'_>) -> ReadError {
    match &error {
        katapult::Error::NotFound { code } if code == ACCOUNT.not_found => ReadError::Missing {
            summary: "Object storage account not found".to_owned(),
            detail: format!(
                "The organization {} has no object storage account in the region {} that this \
                 API key can see. Create it first (Katapult's Go provider's resource \
                 `katapult_object_storage_account`, or the Katapult console), or check `region`.",
                quoted(organization),
                quoted(region.value)
            ),
            at: Some(region.at()),
        },
        katapult::Error::NotFound { code } if code == REGION.not_found => {
            REGION.error(error, region)
        }
        katapult::Error::NotFound { code } if code == "organization_not_found" => {
            organization::not_found(error, organization)
        }
        _ => lookup().error(error, region),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::datasource::objects::object_storage::REGION_KEY;
    use crate::tftypes::Number;

    fn recorded(organization: &str) -> serde_json::Value {
        serde_json::from_str(&katapult_testkit::fake_api::recorded(
            &format!("{}/uk-lon-1", ACCOUNT.path),
            organization,
        ))
        .unwrap()
    }

    #[test]
    fn the_recorded_accounts_map_whole() {
        // ObjectStorage_scenarios_Bucket_acl, after the bucket was made.
        let state = state(recorded("acme")).unwrap();
        assert_eq!(state["provisioning_state"], Value::from("provisioned"));
        assert_eq!(state["created_at"], Value::Number(Number::Int(1786460243)));
        assert_eq!(state["size"], Value::Number(Number::Int(0)));
        assert_eq!(state["bucket_count"], Value::Number(Number::Int(1)));
        let data_center = &state["data_center"];
        assert_eq!(
            data_center.attribute("permalink"),
            &Value::from("uk-lon-01")
        );
        let country = data_center.attribute("country");
        assert_eq!(country.attribute("iso_code3"), &Value::from("GBR"));
        assert_eq!(
            country.attribute("time_zone"),
            &Value::from("Europe/London")
        );
        assert_eq!(country.attribute("eu"), &Value::Bool(false));
        assert_eq!(state["region"], Value::from("uk-lon-1"));
        // ObjectStorageAccount_lifecycle, before it was provisioned.
        let state = super::state(recorded("bigco")).unwrap();
        assert_eq!(state["provisioning_state"], Value::from("provisioning"));
    }

    #[test]
    fn nulls_and_wrong_types() {
        let state = state(serde_json::json!({"object_storage_account": {
            "region": "uk-lon-1", "data_center": {"id": "loc_1", "country": null},
        }}))
        .unwrap();
        assert_eq!(state["provisioning_state"], Value::Null);
        assert_eq!(state["data_center"].attribute("country"), &Value::Null);
        let err =
            super::state(serde_json::json!({"object_storage_account": {"bucket_count": "1"}}))
                .unwrap_err()
                .to_string();
        assert_eq!(
            err,
            "bucket_count should be a number but the API sent a string"
        );
        let err = super::state(serde_json::json!({"object_storage_accounts": {}}))
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("without a \"object_storage_account\" object"),
            "{err}"
        );
    }

    #[test]
    fn not_found_is_about_the_region() {
        let region = Given {
            key: &REGION_KEY,
            value: "uk-lon-9",
        };
        for (code, summary, says) in [
            (
                "object_storage_account_not_found",
                "Object storage account not found",
                "The organization \"acme\" has no object storage account in the region \"uk-lon-9\"",
            ),
            (
                "object_storage_cluster_not_found",
                "Object storage cluster not found",
                "no object storage cluster with region \"uk-lon-9\"",
            ),
        ] {
            let diag = error(
                katapult::Error::NotFound { code: code.into() },
                "acme",
                &region,
            )
            .diagnostic(&OBJECT_STORAGE_ACCOUNT.reads());
            assert_eq!(diag.summary, summary);
            assert!(diag.detail.contains(says), "{}", diag.detail);
            assert_eq!(diag.path.map(|p| p.to_string()).as_deref(), Some("region"));
        }
        let diag = error(
            katapult::Error::NotFound {
                code: "organization_not_found".into(),
            },
            "nope",
            &region,
        )
        .diagnostic(&OBJECT_STORAGE_ACCOUNT.reads());
        assert_eq!(diag.summary, "Organization not found");
    }
}
