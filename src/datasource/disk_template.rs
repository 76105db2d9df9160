//! `katapult_disk_template`: one disk template, by `id` or `permalink`,
//! through `GET /disk_templates/_` (the path form Katapult's live API was
//! recorded answering), with the Go provider's flat names and the nested
//! objects as the API nests them.
//!
//! That answer's `latest_version` carries no `number`; the organization's
//! template list does. The number is taken from there (never made up: null
//! when it cannot be read), so `template_version` is what
//! `katapult_disk_templates` says, not the Go provider's 0.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde_json::{Map, Value as Json};

use crate::diag::Diagnostic;
use crate::katapult;
use crate::schema::{Attribute, Block, Kind};
use crate::text::quoted;
use crate::tftypes::{AttributePath, Value};

use super::disk::OPERATING_SYSTEM;
use super::disk_templates::organization_templates;
use super::mapping::map_object;
use super::{
    DataSource, Keys, ReadContext, ReadError, ReadFuture, TIMEOUTS, read_budget, read_lookup,
    timeouts_state, validate_lookup,
};

pub struct DiskTemplate;

const NAME: Attribute = Attribute::computed(
    "name",
    Kind::String,
    "The template's name, e.g. `Ubuntu 20.04`.",
);
const DESCRIPTION: Attribute = Attribute::computed(
    "description",
    Kind::String,
    "The template's description; may be null.",
);
const UNIVERSAL: Attribute = Attribute::computed(
    "universal",
    Kind::Bool,
    "Whether the template is offered to every organization.",
);
const TEMPLATE_VERSION: Attribute = Attribute::computed(
    "template_version",
    Kind::Number,
    "The number of the template's latest version (`latest_version.number`), as in Katapult's \
     Go provider; null when it cannot be read (the single-template answer lacks it, and the \
     organization's list, which has it, needs the provider's `organization`).",
)
.from(&["latest_version", "number"]);
const OS_FAMILY: Attribute = Attribute::computed(
    "os_family",
    Kind::String,
    "The name of the operating system the template installs (`operating_system.name`, e.g. \
     `Ubuntu`), as in Katapult's Go provider.",
)
.from(&["operating_system", "name"]);

const LATEST_VERSION: &[Attribute] = &[
    Attribute::computed(
        "id",
        Kind::String,
        "The version's ID, e.g. `dtv_Ha4LXNfpQddNlUcT`.",
    ),
    Attribute::computed(
        "number",
        Kind::Number,
        "The version's number; null when it cannot be read (see `template_version`).",
    ),
];

const LATEST: Attribute = Attribute::computed(
    "latest_version",
    Kind::Object(LATEST_VERSION),
    "The template's latest version; null when it has none.",
);
const OS: Attribute = Attribute::computed(
    "operating_system",
    Kind::Object(OPERATING_SYSTEM),
    "The operating system the template installs, with its badge (null in the list's answer, \
     which carries none); null when it names none.",
);

/// A disk template as `katapult_disk_templates` lists one.
pub(super) const TEMPLATE: &[Attribute] = &[
    Attribute::computed(
        "id",
        Kind::String,
        "The template's ID, e.g. `dtpl_GS03NCmS1Z17rXHq`.",
    ),
    Attribute::computed(
        "permalink",
        Kind::String,
        "The template's permalink, e.g. `templates/ubuntu-20-04`.",
    ),
    NAME,
    DESCRIPTION,
    UNIVERSAL,
    TEMPLATE_VERSION,
    OS_FAMILY,
    LATEST,
    OS,
];

const KEYS: [&str; 2] = ["id", "permalink"];

static SCHEMA: Block = Block {
    description: "Looks up one disk template by its `id` or its `permalink` (at least one; \
                  with both, the template is looked up by `id` and must have that permalink), \
                  through `GET /core/v1/disk_templates/_`. A template is what a disk is \
                  installed from: an operating system image in versions.",
    attributes: &[
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
        NAME,
        DESCRIPTION,
        UNIVERSAL,
        TEMPLATE_VERSION,
        OS_FAMILY,
        LATEST,
        OS,
    ],
    blocks: &[TIMEOUTS],
    type_cache: OnceLock::new(),
};

impl DataSource for DiskTemplate {
    fn type_name(&self) -> &'static str {
        "katapult_disk_template"
    }

    fn schema(&self) -> &'static Block {
        &SCHEMA
    }

    fn validate(&self, config: &Value) -> Vec<Diagnostic> {
        validate_lookup(config, &KEYS, Keys::AtLeastOne)
    }

    fn read<'a>(&'a self, ctx: &'a ReadContext<'a>, config: &'a Value) -> ReadFuture<'a> {
        Box::pin(async move {
            let keys = read_lookup(config, &KEYS, Keys::AtLeastOne)?;
            // By id when it is given (as the Go provider does), else by permalink.
            let (key, wanted) = keys[0];
            let budget = read_budget(ctx, config)?;
            let query = [(
                if key == "id" {
                    "disk_template[id]"
                } else {
                    "disk_template[permalink]"
                },
                wanted,
            )];
            let answer = ctx
                .client
                .get("disk_templates/_", &query, &budget)
                .await
                .map_err(|e| template_error(e, key, wanted))?;
            let mut template = match answer {
                Json::Object(mut root) => match root.remove("disk_template") {
                    Some(Json::Object(template)) => template,
                    _ => return Err(unexpected("JSON without a \"disk_template\" object")),
                },
                _ => return Err(unexpected("JSON that is not an object")),
            };
            if let Some(&(_, permalink)) = keys.get(1)
                && template.get("permalink").and_then(Json::as_str) != Some(permalink)
            {
                return Err(ReadError::Missing {
                    summary: "Disk template permalink does not match".to_owned(),
                    detail: format!(
                        "The disk template with ID {} has the permalink {}, not {}. Set only \
                         one of `id` and `permalink`, or both to the same template's.",
                        quoted(wanted),
                        template
                            .get("permalink")
                            .and_then(Json::as_str)
                            .map_or_else(|| "none".to_owned(), quoted),
                        quoted(permalink)
                    ),
                    at: Some(AttributePath::root("permalink")),
                });
            }
            if version_number(&template).is_none() {
                fill_version_number(ctx, &budget, &mut template).await?;
            }
            let mut state: BTreeMap<String, Value> =
                map_object(&template, SCHEMA.attributes, &AttributePath::default())?;
            state.insert("timeouts".to_owned(), timeouts_state(config));
            Ok(Value::Object(state))
        })
    }
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
/// it stays null.
async fn fill_version_number(
    ctx: &ReadContext<'_>,
    budget: &katapult::Budget,
    template: &mut Map<String, Json>,
) -> Result<(), ReadError> {
    // Without one (or one not known yet), the number stays null.
    let super::Setting::Set(organization) = ctx.organization else {
        return Ok(());
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
    let listed = organization_templates(ctx, budget, organization, true).await?;
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

fn unexpected(problem: &str) -> ReadError {
    ReadError::Api(katapult::Error::UnexpectedResponse {
        status: 200,
        problem: problem.to_owned(),
    })
}

/// What the API's errors mean for a lookup by `key`.
fn template_error(error: katapult::Error, key: &'static str, wanted: &str) -> ReadError {
    match error {
        katapult::Error::NotFound { .. } => ReadError::Missing {
            summary: "Disk template not found".to_owned(),
            detail: format!(
                "Katapult has no disk template with {key} {} that this API key can see. \
                 `katapult_disk_templates` lists the templates there are.",
                quoted(wanted)
            ),
            at: Some(AttributePath::root(key)),
        },
        error => ReadError::Api(error),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn at_least_one_of_id_and_permalink() {
        let config = |id: Value, permalink: Value| {
            Value::Object(BTreeMap::from([
                ("id".to_owned(), id),
                ("permalink".to_owned(), permalink),
            ]))
        };
        assert!(
            DiskTemplate
                .validate(&config(Value::from("dtpl_1"), Value::Null))
                .is_empty()
        );
        assert!(
            DiskTemplate
                .validate(&config(Value::from("dtpl_1"), Value::from("templates/x")))
                .is_empty()
        );
        let diags = DiskTemplate.validate(&config(Value::Null, Value::Null));
        assert_eq!(diags[0].summary, "Missing id or permalink");
    }

    #[test]
    fn the_recorded_single_answer_maps_with_its_badge_and_no_made_up_number() {
        let answer = serde_json::json!({"id":"dtpl_GS03NCmS1Z17rXHq","name":"Ubuntu 20.04","description":"A clean installation of Ubuntu 20.04 server",
            "permalink":"templates/ubuntu-20-04","universal":true,"latest_version":{"id":"dtv_Ha4LXNfpQddNlUcT"},
            "operating_system":{"id":"os_DH6P34tVwUGYlcEN","name":"Ubuntu","badge":{"url":"https://my.katapult.io/attachment/x/cof_orange_hex.png"}}});
        let state = map_object(
            answer.as_object().unwrap(),
            SCHEMA.attributes,
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
}
