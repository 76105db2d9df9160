//! `katapult_disk`: one disk, looked up by id, with everything
//! `GET /disks/disk` says of it, nested as the API nests it.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use crate::diag::Diagnostic;
use crate::schema::{Attribute, Block, Kind};
use crate::tftypes::{AttributePath, Value};

use crate::datasource::core::answer;
use crate::datasource::core::error::ReadError;
use crate::datasource::core::lookup::{Key, Lookup, Rule};
use crate::datasource::core::mapping::map_object;
use crate::datasource::core::reads::{OrganizationUse, Reads};
use crate::datasource::core::source::{Computed, DataSource, ReadContext, ReadFuture};
use crate::datasource::core::timeouts::TIMEOUTS;
use crate::datasource::objects::annotation::ANNOTATION;
use crate::datasource::objects::disk::{
    ATTACHMENT, BUS_TYPE, CREATED_AT, IN_DATA_CENTER, INSTALLATION, IO_PROFILE, NAME, SIZE_IN_GB,
    STATE, STORAGE_SPEED, VIRTUAL_MACHINE_FQDN, VIRTUAL_MACHINE_ID, WWN,
};

pub struct Disk;

/// Where protected installation values go, out of `installation`.
const PROTECTED_ATTRIBUTES: &str = "protected_attributes";

static READS: Reads = Reads {
    what: "disks",
    scopes: &["disks", "disks:read"],
    organization: OrganizationUse::Unused,
    data_center: None,
};

static LOOKUP: Lookup = Lookup {
    subject: "disk",
    keys: &[Key::new("id", "disk[id]", "ID", "")],
    rule: Rule::ExactlyOne,
    example: Some("disk_I4Bu3elhTjuAg16W"),
    not_found: "disk_not_found",
    hint: "Check the ID, and that the key belongs to the organization that owns the disk.",
};

static SCHEMA: Block = Block {
    description: "Looks up one Katapult disk by its ID and exposes everything the Core API \
                  (`GET /core/v1/disks/disk`) says of it: size, state, IO profile, data center, \
                  the virtual machine it is attached to, the template it was installed from, \
                  and its annotations. Needs an API token with the `disks` or `disks:read` scope.",
    attributes: &[
        Attribute::required(
            "id",
            Kind::String,
            "The disk's ID, e.g. `disk_I4Bu3elhTjuAg16W`.",
        ),
        NAME,
        SIZE_IN_GB,
        WWN,
        STATE,
        CREATED_AT,
        STORAGE_SPEED,
        IO_PROFILE,
        BUS_TYPE,
        IN_DATA_CENTER,
        ATTACHMENT,
        Attribute::computed(
            "installation",
            Kind::Object(INSTALLATION),
            "What was installed on the disk from a disk template; null for a disk that was not \
             installed from one.",
        ),
        Attribute::computed(
            "annotations",
            Kind::ObjectList(ANNOTATION),
            "Key/value annotations on the disk.",
        ),
        Attribute::computed(
            PROTECTED_ATTRIBUTES,
            Kind::StringMap,
            "The values of the installation's protected attributes (such as an initial root \
             password), keyed by attribute `key`. Sensitive: use it in an output with \
             `sensitive = true`, or reveal one with `nonsensitive()`. Empty when there are none; \
             null when the disk has no installation. The data source `katapult_disk` writes \
             them to the state; the ephemeral resource `katapult_disk` never does.",
        )
        .sensitive(),
        // Katapult's Go provider names these flat; configurations written for
        // it keep working. Each is a copy of a nested value above.
        Attribute::computed(
            "io_profile_id",
            Kind::String,
            "The IO profile's ID (`io_profile.id`); null when the disk has none. As in \
             Katapult's Go provider.",
        )
        .from(&["io_profile", "id"]),
        Attribute::computed(
            "data_center_id",
            Kind::String,
            "The data center's ID (`data_center.id`). As in Katapult's Go provider.",
        )
        .from(&["data_center", "id"]),
        Attribute::computed(
            "data_center_name",
            Kind::String,
            "The data center's name (`data_center.name`). As in Katapult's Go provider.",
        )
        .from(&["data_center", "name"]),
        Attribute::computed(
            "data_center_permalink",
            Kind::String,
            "The data center's permalink (`data_center.permalink`). As in Katapult's Go \
             provider.",
        )
        .from(&["data_center", "permalink"]),
        VIRTUAL_MACHINE_ID,
        VIRTUAL_MACHINE_FQDN,
        Attribute::computed(
            "boot",
            Kind::Bool,
            "Whether the virtual machine boots from this disk (`virtual_machine_disk.boot`); \
             null when it is not attached. As in Katapult's Go provider.",
        )
        .from(&["virtual_machine_disk", "boot"]),
        Attribute::computed(
            "attach_on_boot",
            Kind::Bool,
            "Whether the disk is attached when the virtual machine boots \
             (`virtual_machine_disk.attach_on_boot`); null when it is not attached. As in \
             Katapult's Go provider.",
        )
        .from(&["virtual_machine_disk", "attach_on_boot"]),
        Attribute::computed(
            "attachment_state",
            Kind::String,
            "The attachment's state (`virtual_machine_disk.state`); null when it is not \
             attached. As in Katapult's Go provider.",
        )
        .from(&["virtual_machine_disk", "state"]),
    ],
    blocks: &[TIMEOUTS],
    type_cache: OnceLock::new(),
};

impl DataSource for Disk {
    fn type_name(&self) -> &'static str {
        "katapult_disk"
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
            let given = LOOKUP.read(config)?[0];
            let answer = ctx
                .client
                .get("disks/disk", &given.query(), &ctx.budget)
                .await
                .map_err(|e| LOOKUP.error(e, &given))?;
            Disk::state(answer)
        })
    }
}

impl Disk {
    /// The state for an answer of `GET /disks/disk`, all but what the
    /// configuration holds: the read's own mapping, public so the fuzz
    /// targets check exactly it.
    pub fn state(answer: serde_json::Value) -> Result<Computed, ReadError> {
        let (mut disk, mut beside) = answer::object(answer, "disk")?;
        // The annotations sit beside the disk in the answer; in the schema
        // they are an attribute of the disk.
        let annotations = beside
            .remove("annotations")
            .unwrap_or(serde_json::Value::Null);
        disk.insert("annotations".to_owned(), annotations);
        let mut state = map_object(&disk, SCHEMA.attributes, &AttributePath::default())?;
        let protected = take_protected_values(state.get_mut("installation"));
        state.insert(PROTECTED_ATTRIBUTES.to_owned(), protected);
        Ok(state)
    }
}

/// Takes the values of protected attributes (every one not marked
/// `protect: false`) out of a mapped installation, leaving null in their
/// place, and returns them keyed by attribute key: an empty map when there
/// are none, null without an installation. (A protected attribute without a
/// value or key is left out.)
fn take_protected_values(installation: Option<&mut Value>) -> Value {
    let Some(Value::Object(installation)) = installation else {
        return Value::Null;
    };
    let mut protected = BTreeMap::new();
    if let Some(Value::List(attributes)) = installation.get_mut("attributes") {
        for attribute in attributes {
            let Value::Object(fields) = attribute else {
                continue;
            };
            // Only an explicit `protect: false` says "not secret": the live
            // API leaves fields out, and a password that came without its
            // flag must not land in plain sight.
            if fields.get("protect") == Some(&Value::Bool(false)) {
                continue;
            }
            let value = fields.insert("value".to_owned(), Value::Null);
            if let (Some(Value::String(key)), Some(value @ Value::String(_))) =
                (fields.get("key"), value)
            {
                protected.insert(key.clone(), value);
            }
        }
    }
    Value::Object(protected)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn config(id: Value) -> Value {
        let mut object: BTreeMap<String, Value> = SCHEMA
            .attributes
            .iter()
            .map(|a| (a.name.to_owned(), Value::Null))
            .collect();
        object.insert("id".to_owned(), id);
        Value::Object(object)
    }

    #[test]
    fn validate_flags_only_an_empty_id() {
        let cases = [
            (Value::from(""), 1),
            (Value::from("   "), 1),
            (Value::from("disk_I4Bu3elhTjuAg16W"), 0),
            (Value::Unknown, 0),
        ];
        for (id, errors) in cases {
            let diags = Disk.validate(&config(id.clone()));
            assert_eq!(diags.len(), errors, "{id:?}");
            if let Some(d) = diags.first() {
                assert_eq!(
                    d.path.as_ref().map(ToString::to_string).as_deref(),
                    Some("id")
                );
            }
        }
    }

    #[test]
    fn only_installation_attribute_values_are_sensitive() {
        fn walk(attributes: &[Attribute], prefix: &str, out: &mut Vec<String>) {
            for a in attributes {
                let path = format!("{prefix}{}", a.name);
                if a.sensitive {
                    out.push(path.clone());
                }
                if let Kind::Object(inner) | Kind::ObjectList(inner) = a.kind {
                    walk(inner, &format!("{path}."), out);
                }
            }
        }
        let mut sensitive = Vec::new();
        walk(SCHEMA.attributes, "", &mut sensitive);
        assert_eq!(sensitive, [PROTECTED_ATTRIBUTES]);
    }

    #[test]
    fn the_answer_is_the_disk_with_its_annotations_beside_it() {
        let real = serde_json::json!({
            "disk": {"id": "disk_I4Bu3elhTjuAg16W", "installation": null},
            "annotations": [{"key": "k", "value": "v"}],
        });
        let state = Disk::state(real).unwrap();
        assert_eq!(state["id"], Value::from("disk_I4Bu3elhTjuAg16W"));
        assert_eq!(
            state["annotations"].clone(),
            Value::List(vec![Value::Object(BTreeMap::from([
                ("key".to_owned(), Value::from("k")),
                ("value".to_owned(), Value::from("v")),
            ]))])
        );
        assert_eq!(state[PROTECTED_ATTRIBUTES], Value::Null);
        let err = Disk::state(serde_json::json!({"disks": {}}))
            .unwrap_err()
            .to_string();
        assert!(err.contains("without a \"disk\" object"), "{err}");
    }

    #[test]
    fn protected_values_move_out_of_the_installation() {
        let attribute = |key: &str, value: Value, protect: bool| {
            Value::Object(BTreeMap::from([
                ("key".to_owned(), Value::from(key)),
                ("value".to_owned(), value),
                ("protect".to_owned(), Value::Bool(protect)),
            ]))
        };
        let mut installation = Value::Object(BTreeMap::from([(
            "attributes".to_owned(),
            Value::List(vec![
                attribute("hostname", Value::from("web-1"), false),
                attribute("root_password", Value::from("s3cr3t"), true),
                attribute("empty_secret", Value::Null, true),
                Value::Object(BTreeMap::from([
                    ("key".to_owned(), Value::from("unflagged")),
                    ("value".to_owned(), Value::from("pw-without-flag")),
                    ("protect".to_owned(), Value::Null),
                ])),
                Value::Object(BTreeMap::from([
                    ("key".to_owned(), Value::from("absent_flag")),
                    ("value".to_owned(), Value::from("pw-no-field")),
                ])),
            ]),
        )]));
        let protected = take_protected_values(Some(&mut installation));
        assert_eq!(
            protected,
            Value::Object(BTreeMap::from([
                ("absent_flag".to_owned(), Value::from("pw-no-field")),
                ("root_password".to_owned(), Value::from("s3cr3t")),
                ("unflagged".to_owned(), Value::from("pw-without-flag")),
            ]))
        );
        let Value::Object(fields) = &installation else {
            unreachable!()
        };
        let Value::List(attributes) = &fields["attributes"] else {
            unreachable!()
        };
        let values: Vec<_> = attributes
            .iter()
            .map(|a| a.attribute("value").clone())
            .collect();
        assert_eq!(
            values,
            [
                Value::from("web-1"),
                Value::Null,
                Value::Null,
                Value::Null,
                Value::Null
            ]
        );

        assert_eq!(take_protected_values(Some(&mut Value::Null)), Value::Null);
        assert_eq!(take_protected_values(None), Value::Null);
        let mut none = Value::Object(BTreeMap::from([("attributes".to_owned(), Value::Null)]));
        assert_eq!(
            take_protected_values(Some(&mut none)),
            Value::Object(BTreeMap::new())
        );
    }

    #[test]
    fn every_attribute_has_a_description() {
        fn walk(attributes: &[Attribute]) {
            for a in attributes {
                assert!(
                    a.description.ends_with('.'),
                    "{}: {:?}",
                    a.name,
                    a.description
                );
                if let Kind::Object(inner) | Kind::ObjectList(inner) = a.kind {
                    walk(inner);
                }
            }
        }
        walk(SCHEMA.attributes);
    }
}
