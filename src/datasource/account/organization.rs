//! `katapult_organization`: one organization, by `id` or `sub_domain`;
//! with neither, the provider's `organization` (a sub-domain), through
//! `GET /organizations/organization`.
//!
//! A `Custom`: the shapes have no hook for the provider's organization as a
//! lookup's default.

use crate::diag::Diagnostic;
use crate::schema::{Attribute, Kind};
use crate::tftypes::{AttributePath, Value};

use crate::datasource::core::answer;
use crate::datasource::core::error::ReadError;
use crate::datasource::core::lookup::{Given, Lookup, Rule};
use crate::datasource::core::mapping::map_object;
use crate::datasource::core::organization;
use crate::datasource::core::reads::OrganizationUse;
use crate::datasource::core::shapes::custom::Custom;
use crate::datasource::core::source::{Answers, DataSource, ReadContext, ReadFuture, Setting};
use crate::datasource::core::timeouts;
use crate::datasource::objects::organization::{ORGANIZATION as FIELDS, ORGANIZATION_OBJECT};

pub static ORGANIZATION: Custom = Custom {
    type_name: "katapult_organization",
    of: &ORGANIZATION_OBJECT,
    arguments: &[
        Attribute::optional_computed(
            "id",
            Kind::String,
            "The organization's ID, e.g. `org_eodfyqFF3YWb2OFC`. Set this, `sub_domain`, or \
             neither for the provider's `organization`.",
        ),
        Attribute::optional_computed(
            "sub_domain",
            Kind::String,
            "The organization's sub-domain, as in the Katapult console's URL, e.g. `acme`. Set \
             this, `id`, or neither for the provider's `organization`.",
        ),
    ],
    // Its keys (`id`, `sub_domain`) are the arguments above.
    fields: FIELDS,
    summary: "Looks up one organization by its `id` or its `sub_domain` (at most one); with \
              neither, the organization the provider's `organization` (or \
              `KATAPULT_ORGANIZATION`) names: its name, domains, state, billing address and \
              currency.",
    organization: OrganizationUse::Optional(
        "as the organization to read when neither `id` nor `sub_domain` is set",
    ),
    validate,
    read,
    answers: Some(Answers {
        path: "organizations/organization",
        argument: Some("sub_domain"),
    }),
    ..Custom::PLAIN
};

/// By one of its keys; with none, the provider's organization by the same
/// lookup's `sub_domain`, so its "not found" words are the same.
static LOOKUP: Lookup = Lookup::of(
    &ORGANIZATION_OBJECT,
    ORGANIZATION_OBJECT.keys,
    Rule::AnyNumber,
    "`katapult_organizations` lists the organizations this API token can see.",
);

fn validate(config: &Value) -> Vec<Diagnostic> {
    [LOOKUP.given(config).err(), conflict(config)]
        .into_iter()
        .flatten()
        .chain(timeouts::validate(config))
        .collect()
}

fn read<'a>(ctx: &'a ReadContext<'a>, config: &'a Value) -> ReadFuture<'a> {
    Box::pin(async move {
        if let Some(conflict) = conflict(config) {
            return Err(ReadError::Invalid(conflict));
        }
        let keys = LOOKUP.read(config)?;
        let answer = match keys.first() {
            Some(given) => ctx
                .client
                .get(ORGANIZATION_OBJECT.path, &given.query(), &ctx.budget)
                .await
                .map_err(|e| LOOKUP.error(e, given))?,
            None => {
                let sub_domain = provider_organization(ctx)?;
                let given = Given {
                    key: ORGANIZATION_OBJECT.key("sub_domain"),
                    value: sub_domain,
                };
                ctx.client
                    .get(ORGANIZATION_OBJECT.path, &given.query(), &ctx.budget)
                    .await
                    .map_err(|e| organization::not_found(e, sub_domain))?
            }
        };
        let (found, _) = answer::object(answer, ORGANIZATION_OBJECT.key)?;
        Ok(map_object(
            &found,
            ORGANIZATION.schema().attributes,
            &AttributePath::default(),
        )?)
    })
}

/// The provider's `organization`, read when neither key is set; its
/// absence said in this data source's words.
fn provider_organization<'a>(ctx: &ReadContext<'a>) -> Result<&'a str, ReadError> {
    match ctx.organization {
        Setting::Set(name) if !name.is_empty() => Ok(name.as_str()),
        Setting::Unknown => Err(ReadError::SettingUnknown("organization")),
        Setting::Set(_) | Setting::Unset => Err(ReadError::Missing {
            summary: "No organization to look up".to_owned(),
            detail: "Set `id` or `sub_domain`, or `organization` in the provider \"katapult\" \
                     block (or the KATAPULT_ORGANIZATION environment variable) to the \
                     organization's sub-domain, as in the Katapult console's URL."
                .to_owned(),
            at: None,
        }),
    }
}

/// Both keys set: an error at the second (the API takes one of its
/// `organization[]` parameters, never both). A value not known yet counts
/// as set.
fn conflict(config: &Value) -> Option<Diagnostic> {
    let set = ["id", "sub_domain"]
        .into_iter()
        .all(|key| *config.attribute(key) != Value::Null);
    set.then(|| {
        Diagnostic::error(
            "Both id and sub_domain set",
            "Set at most one of `id` and `sub_domain`: each alone says which organization to \
             read, and with neither the provider's `organization` is read.",
        )
        .at(AttributePath::root("sub_domain"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::datasource::core::source::read_state;
    use crate::datasource::core::testing;
    use katapult_testkit::fake_api::FakeApi;
    use katapult_testkit::fake_api::account::{ACME, ACME_ID, TERRAFORM_ACC_TEST};

    fn config(id: Value, sub_domain: Value) -> Value {
        testing::config(&[("id", id), ("sub_domain", sub_domain)])
    }

    /// By either key, or the provider's organization: the same answer.
    #[tokio::test]
    async fn read_by_either_key_or_the_provider_organization() {
        let api = FakeApi::start().await.unwrap();
        let connection = testing::connection(&api.url(), ACME);
        for config in [
            config(Value::from(ACME_ID), Value::Null),
            config(Value::Null, Value::from(ACME)),
            config(Value::Null, Value::Null),
        ] {
            let state = read_state(&ORGANIZATION, &connection, &config)
                .await
                .unwrap()
                .value;
            assert_eq!(state.attribute("id"), &Value::from(ACME_ID));
            assert_eq!(state.attribute("sub_domain"), &Value::from(ACME));
        }
        let full = read_state(
            &ORGANIZATION,
            &connection,
            &config(Value::Null, Value::from(TERRAFORM_ACC_TEST)),
        )
        .await
        .unwrap()
        .value;
        assert_eq!(
            full.attribute("currency").attribute("iso_code"),
            &Value::from("GBP")
        );
        assert_eq!(
            full.attribute("country").attribute("iso_code2"),
            &Value::from("GB")
        );
        assert_eq!(full.attribute("country_state"), &Value::Null);
    }

    #[test]
    fn at_most_one_key_and_none_needs_the_provider_organization() {
        let both = ORGANIZATION.validate(&config(Value::from(ACME_ID), Value::Unknown));
        assert_eq!(both.len(), 1, "{both:?}");
        assert_eq!(both[0].summary, "Both id and sub_domain set");
        assert!(
            ORGANIZATION
                .validate(&config(Value::Null, Value::Null))
                .is_empty()
        );
    }

    #[tokio::test]
    async fn with_no_key_and_no_provider_organization_it_says_what_to_set() {
        let api = FakeApi::start().await.unwrap();
        let connection = testing::connection(&api.url(), "");
        let err = read_state(
            &ORGANIZATION,
            &connection,
            &config(Value::Null, Value::Null),
        )
        .await
        .unwrap_err();
        let text = format!("{err:?}");
        assert!(text.contains("No organization to look up"), "{text}");
    }
}
