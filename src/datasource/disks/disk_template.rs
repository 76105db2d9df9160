//! `katapult_disk_template`: one disk template, by `id` or `permalink`,
//! through `GET /disk_templates/_` (the path form Katapult's live API was
//! recorded answering), with the Go provider's flat names and the nested
//! objects as the API nests them.
//!
//! That answer's `latest_version` carries no `number`; the organization's
//! template list does. The number is taken from there (never made up: null
//! when it cannot be read), so `template_version` is what
//! `katapult_disk_templates` says, not the Go provider's 0. A second read,
//! hence a `Custom`.

use serde_json::{Map, Value as Json};

use crate::diag::Diagnostic;
use crate::schema::{Attribute, Kind};
use crate::tftypes::{AttributePath, Value};

use crate::datasource::core::answer;
use crate::datasource::core::error::ReadError;
use crate::datasource::core::lookup::{Lookup, Rule};
use crate::datasource::core::mapping::map_object;
use crate::datasource::core::organization;
use crate::datasource::core::reads::OrganizationUse;
use crate::datasource::core::shapes::custom::Custom;
use crate::datasource::core::source::{DataSource, ReadContext, ReadFuture, Setting};
use crate::datasource::objects::disk_template::{
    DESCRIPTION, DISK_TEMPLATE_OBJECT, LATEST, LIST, NAME, OS, OS_FAMILY, TEMPLATE_VERSION,
    UNIVERSAL,
};

pub static DISK_TEMPLATE: Custom = Custom {
    type_name: "katapult_disk_template",
    of: &DISK_TEMPLATE_OBJECT,
    paths: &[DISK_TEMPLATE_OBJECT.path, LIST.path],
    arguments: &[
        Attribute::optional_computed(
            "id",
            Kind::String,
            "The template's ID, e.g. `dtpl_GS03NCmS1Z17rXHq`. Set this, `permalink`, or both.",
        ),
        Attribute::optional_computed(
            "permalink",
            Kind::String,
            "The template's permalink, e.g. `templates/ubuntu-20-04`. Set this, `id`, or both \
             (then the template found by `id` must have this permalink).",
        ),
    ],
    fields: FIELDS,
    summary: "Looks up one disk template by its `id` or its `permalink` (at least one; with \
              both, the template is looked up by `id` and must have that permalink). A template \
              is what a disk is installed from: an operating system image in versions. The \
              template's answer lacks its latest version's number: the organization's template \
              list, read when the provider names an organization, gives it.",
    organization: OrganizationUse::Optional(
        "to read `template_version`, which only the organization's template list carries",
    ),
    data_center: None,
    validate,
    read,
    ephemeral: false,
    answers: None,
};

const FIELDS: &[Attribute] = &[
    NAME,
    DESCRIPTION,
    UNIVERSAL,
    TEMPLATE_VERSION,
    OS_FAMILY,
    LATEST,
    OS,
];

/// By `id` when it is given (as the Go provider does), else by permalink;
/// with both, the template found by id must have that permalink.
const fn lookup() -> Lookup {
    Lookup::of(
        &DISK_TEMPLATE_OBJECT,
        DISK_TEMPLATE_OBJECT.keys,
        Rule::AtLeastOne,
        "`katapult_disk_templates` lists the templates there are.",
    )
}

fn validate(config: &Value) -> Vec<Diagnostic> {
    lookup().validate(config)
}

fn read<'a>(ctx: &'a ReadContext<'a>, config: &'a Value) -> ReadFuture<'a> {
    Box::pin(async move {
        let lookup = lookup();
        let keys = lookup.read(config)?;
        let given = keys[0];
        let answer = ctx
            .client
            .get(DISK_TEMPLATE_OBJECT.path, &given.query(), &ctx.budget)
            .await
            .map_err(|e| lookup.error(e, &given))?;
        let (mut template, _) = answer::object(answer, DISK_TEMPLATE_OBJECT.key)?;
        lookup.agrees(&template, &keys)?;
        if version_number(&template).is_none() {
            fill_version_number(ctx, &mut template).await?;
        }
        Ok(map_object(
            &template,
            DISK_TEMPLATE.schema().attributes,
            &AttributePath::default(),
        )?)
    })
}

fn version_number(template: &Map<String, Json>) -> Option<&Json> {
    template
        .get("latest_version")
        .and_then(|v| v.get("number"))
        .filter(|n| !n.is_null())
}

/// Puts the latest version's number, from the organization's template
/// list, into a single template's answer that lacks it: only when the list
/// names the same template and the same version. Without an organization
/// (or one not known yet) it stays null; so it does, with a warning, when
/// the list cannot be read (issue 33 item 6).
async fn fill_version_number(
    ctx: &ReadContext<'_>,
    template: &mut Map<String, Json>,
) -> Result<(), ReadError> {
    let organization = match ctx.organization {
        Setting::Set(organization) => organization,
        Setting::Unset => {
            ctx.warn(no_version_number());
            return Ok(());
        }
        Setting::Unknown => return Ok(()),
    };
    let (Some(id), Some(version)) = (
        template.get("id").and_then(Json::as_str),
        template
            .get("latest_version")
            .and_then(|v| v.get("id"))
            .and_then(Json::as_str),
    ) else {
        return Ok(());
    };
    let listed =
        match organization::list_of(ctx, &LIST, organization, &[("include_universal", "true")])
            .await
        {
            Ok(listed) => listed,
            // The template was found: it is returned, its number null.
            Err(error) => {
                ctx.warn(list_not_read(&error));
                return Ok(());
            }
        };
    let number = listed
        .iter()
        .find(|t| t.get("id").and_then(Json::as_str) == Some(id))
        .and_then(|t| t.get("latest_version"))
        .filter(|v| v.get("id").and_then(Json::as_str) == Some(version))
        .and_then(|v| v.get("number"))
        .cloned();
    if let (Some(number), Some(Json::Object(latest))) = (number, template.get_mut("latest_version"))
    {
        latest.insert("number".to_owned(), number);
    }
    Ok(())
}

/// Why `template_version` is null when the organization's template list,
/// which carries it, could not be read: that read's own error, in words.
fn list_not_read(error: &ReadError) -> Diagnostic {
    let why = error.diagnostic(&DISK_TEMPLATE.reads());
    Diagnostic::warning(
        "template_version not read",
        format!(
            "The template was found, but the organization's template list, which alone carries \
             its latest version's number, could not be read ({}: {}). `template_version` is \
             null; every other attribute is the template's. Fix what that says and run \
             Terraform again to read it.",
            why.summary,
            why.detail.trim_end_matches('.')
        ),
    )
    .at(AttributePath::root("template_version"))
}

/// Why `template_version` is null, and how to have it.
fn no_version_number() -> Diagnostic {
    Diagnostic::warning(
        "template_version not read",
        "Katapult's answer for one template does not carry its latest version's number; the \
         organization's template list does, and the provider has no `organization` to list. \
         `template_version` is null (never a made-up number, as Katapult's Go provider's 0). \
         Set `organization` in the provider \"katapult\" block, or KATAPULT_ORGANIZATION, to \
         read it.",
    )
    .at(AttributePath::root("template_version"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::datasource::core::source::Computed;

    #[test]
    fn the_recorded_single_answer_maps_with_its_badge_and_no_made_up_number() {
        let answer = serde_json::json!({"id":"dtpl_GS03NCmS1Z17rXHq","name":"Ubuntu 20.04","description":"A clean installation of Ubuntu 20.04 server",
            "permalink":"templates/ubuntu-20-04","universal":true,"latest_version":{"id":"dtv_Ha4LXNfpQddNlUcT"},
            "operating_system":{"id":"os_DH6P34tVwUGYlcEN","name":"Ubuntu","badge":{"url":"https://my.katapult.io/attachment/x/cof_orange_hex.png"}}});
        let state: Computed = map_object(
            answer.as_object().unwrap(),
            DISK_TEMPLATE.schema().attributes,
            &AttributePath::default(),
        )
        .unwrap();
        assert_eq!(state["template_version"], Value::Null);
        assert_eq!(state["os_family"], Value::from("Ubuntu"));
        assert_eq!(
            state["operating_system"]
                .attribute("badge")
                .attribute("url"),
            &Value::from("https://my.katapult.io/attachment/x/cof_orange_hex.png")
        );
    }

    /// Issue 33 item 6: the organization's template list failing is no
    /// failed read: the template found is returned, `template_version`
    /// null, with a warning at it that says why.
    #[tokio::test]
    async fn a_list_that_cannot_be_read_leaves_the_number_null_with_a_warning() {
        use crate::datasource::core::source::read_state;
        use crate::datasource::core::testing;
        let api = katapult_testkit::fake_api::FakeApi::start().await.unwrap();
        let config = testing::config(&[
            ("id", Value::from("dtpl_GS03NCmS1Z17rXHq")),
            ("permalink", Value::Null),
        ]);
        let read = |organization: &'static str| {
            let connection = testing::connection(&api.url(), organization);
            let config = config.clone();
            async move { read_state(&DISK_TEMPLATE, &connection, &config).await }
        };
        let listed = read("acme").await.unwrap();
        assert!(listed.warnings.is_empty(), "{:?}", listed.warnings);
        assert_ne!(listed.value.attribute("template_version"), &Value::Null);
        let missing = read("no-such-organization").await.unwrap();
        assert_eq!(missing.value.attribute("template_version"), &Value::Null);
        assert_eq!(
            missing.value.attribute("name"),
            &Value::from("Ubuntu 20.04")
        );
        let [warning] = &missing.warnings[..] else {
            panic!("{:?}", missing.warnings)
        };
        assert!(!warning.is_error());
        assert_eq!(warning.summary, "template_version not read");
        assert_eq!(
            warning.path.as_ref().map(ToString::to_string).as_deref(),
            Some("template_version")
        );
        assert!(
            warning
                .detail
                .contains("The template was found, but the organization's template list"),
            "{}",
            warning.detail
        );
        assert!(
            warning.detail.contains("no-such-organization"),
            "{}",
            warning.detail
        );
    }
}
