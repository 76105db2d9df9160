//! `katapult_disk`: one disk, looked up by id, with everything
//! `GET /disks/disk` says of it, nested as the API nests it.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use crate::diag::Diagnostic;
use crate::schema::{Attribute, Block, Kind};
use crate::tftypes::{AttributePath, Value};

use super::disk_io_profile::PROFILE;
use super::mapping::map_object;
use super::{
    DataSource, ReadContext, ReadError, ReadFuture, TIMEOUTS, read_budget, timeouts_state,
    validate_timeouts,
};
use crate::katapult;

pub struct Disk;

/// Where protected installation values go, out of `installation`.
const PROTECTED_ATTRIBUTES: &str = "protected_attributes";

pub(super) const DATA_CENTER: &[Attribute] = &[
    Attribute::computed(
        "id",
        Kind::String,
        "The data center's ID, e.g. `loc_UUhPmoCbpic6UX0Y`.",
    ),
    Attribute::computed(
        "name",
        Kind::String,
        "The data center's name, e.g. `London`.",
    ),
    Attribute::computed(
        "permalink",
        Kind::String,
        "The data center's permalink, e.g. `uk-lon-01`.",
    ),
];

const VIRTUAL_MACHINE: &[Attribute] = &[
    Attribute::computed("id", Kind::String, "The virtual machine's ID."),
    Attribute::computed(
        "fqdn",
        Kind::String,
        "The virtual machine's fully qualified domain name.",
    ),
];

pub(super) const VIRTUAL_MACHINE_DISK: &[Attribute] = &[
    Attribute::computed(
        "virtual_machine",
        Kind::Object(VIRTUAL_MACHINE),
        "The virtual machine the disk is attached to.",
    ),
    Attribute::computed(
        "attach_on_boot",
        Kind::Bool,
        "Whether the disk is attached when the virtual machine boots.",
    ),
    Attribute::computed(
        "boot",
        Kind::Bool,
        "Whether the virtual machine boots from this disk.",
    ),
    Attribute::computed(
        "state",
        Kind::String,
        "The attachment's state: `detached`, `failed`, `attached`, `attaching` or `detaching` \
         (values Katapult adds later are passed through).",
    ),
];

/// The Go provider's flat copies of the attachment's machine, shared by
/// `katapult_disk` and `katapult_disks`.
pub(super) const VIRTUAL_MACHINE_ID: Attribute = Attribute::computed(
    "virtual_machine_id",
    Kind::String,
    "The ID of the virtual machine the disk is attached to \
     (`virtual_machine_disk.virtual_machine.id`); null when it is not attached. As in Katapult's \
     Go provider.",
)
.from(&["virtual_machine_disk", "virtual_machine", "id"]);

pub(super) const VIRTUAL_MACHINE_FQDN: Attribute = Attribute::computed(
    "virtual_machine_fqdn",
    Kind::String,
    "The FQDN of the virtual machine the disk is attached to \
     (`virtual_machine_disk.virtual_machine.fqdn`); null when it is not attached. As in \
     Katapult's Go provider.",
)
.from(&["virtual_machine_disk", "virtual_machine", "fqdn"]);

const BADGE: &[Attribute] = &[
    Attribute::computed(
        "url",
        Kind::String,
        "Where the badge image can be downloaded.",
    ),
    Attribute::computed("file_name", Kind::String, "The badge image's file name."),
    Attribute::computed("file_type", Kind::String, "The badge image's MIME type."),
    Attribute::computed(
        "file_size",
        Kind::Number,
        "The badge image's size in bytes.",
    ),
    Attribute::computed("digest", Kind::String, "The badge image's digest."),
    Attribute::computed("token", Kind::String, "The badge image's token."),
];

pub(super) const OPERATING_SYSTEM: &[Attribute] = &[
    Attribute::computed("id", Kind::String, "The operating system's ID."),
    Attribute::computed(
        "name",
        Kind::String,
        "The operating system's name, e.g. `Ubuntu`.",
    ),
    Attribute::computed(
        "badge",
        Kind::Object(BADGE),
        "The operating system's badge image; null when it has none.",
    ),
];

const DISK_TEMPLATE: &[Attribute] = &[
    Attribute::computed("id", Kind::String, "The disk template's ID."),
    Attribute::computed("name", Kind::String, "The disk template's name."),
    Attribute::computed(
        "description",
        Kind::String,
        "The disk template's description; may be null.",
    ),
    Attribute::computed("permalink", Kind::String, "The disk template's permalink."),
    Attribute::computed(
        "universal",
        Kind::Bool,
        "Whether the template is offered to every organization.",
    ),
    Attribute::computed(
        "size_in_gb",
        Kind::Number,
        "The smallest disk, in GB, the template installs on; may be null.",
    ),
    Attribute::computed(
        "operating_system",
        Kind::Object(OPERATING_SYSTEM),
        "The operating system the template installs; null when it names none.",
    ),
];

const DISK_TEMPLATE_VERSION: &[Attribute] = &[
    Attribute::computed("id", Kind::String, "The template version's ID."),
    Attribute::computed("number", Kind::Number, "The template version's number."),
    Attribute::computed(
        "stable",
        Kind::Bool,
        "Whether this version is marked stable.",
    ),
    Attribute::computed(
        "size_in_gb",
        Kind::Number,
        "The disk size, in GB, this version needs.",
    ),
    Attribute::computed(
        "disk_template",
        Kind::Object(DISK_TEMPLATE),
        "The template this is a version of.",
    ),
];

const INSTALLATION_ATTRIBUTE: &[Attribute] = &[
    Attribute::computed("key", Kind::String, "The attribute's key."),
    Attribute::computed("label", Kind::String, "The attribute's label, for people."),
    Attribute::computed(
        "value",
        Kind::String,
        "The attribute's value; may be null. Null for a protected attribute (one Katapult does \
         not mark `protect: false`, so one whose flag is missing counts as protected): its value, \
         which can be a secret such as a password, is in the sensitive `protected_attributes`.",
    ),
    Attribute::computed(
        "description",
        Kind::String,
        "What the attribute is for; may be null.",
    ),
    Attribute::computed(
        "protect",
        Kind::Bool,
        "Whether Katapult treats the value as a secret; null when the API did not say (the \
         value is then treated as protected).",
    ),
];

const INSTALLATION: &[Attribute] = &[
    Attribute::computed("id", Kind::String, "The installation's ID."),
    Attribute::computed(
        "disk_template_version",
        Kind::Object(DISK_TEMPLATE_VERSION),
        "The disk template version that was installed.",
    ),
    Attribute::computed(
        "attributes",
        Kind::ObjectList(INSTALLATION_ATTRIBUTE),
        "The values the template was installed with.",
    ),
];

const ANNOTATION: &[Attribute] = &[
    Attribute::computed("key", Kind::String, "The annotation's key."),
    Attribute::computed("value", Kind::String, "The annotation's value."),
];

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
        Attribute::computed("name", Kind::String, "The disk's name."),
        Attribute::computed("size_in_gb", Kind::Number, "The disk's size in GB."),
        Attribute::computed("wwn", Kind::String, "The disk's World Wide Name."),
        Attribute::computed(
            "state",
            Kind::String,
            "The disk's state: `not_built`, `failed`, `built`, `building`, `installing`, \
             `restoring`, `formatting`, `resizing`, `configuring` or `importing` (values \
             Katapult adds later are passed through).",
        ),
        Attribute::computed(
            "created_at",
            Kind::Number,
            "When the disk was created, as a Unix timestamp in seconds.",
        ),
        Attribute::computed(
            "storage_speed",
            Kind::String,
            "The class of storage the disk is on: `nvme` or `ssd`.",
        ),
        Attribute::computed(
            "io_profile",
            Kind::Object(PROFILE),
            "The IO profile that limits the disk's throughput; null when it has none.",
        ),
        Attribute::computed(
            "bus_type",
            Kind::String,
            "How the disk is presented to its virtual machine: `scsi` or `virtio`; may be null.",
        ),
        Attribute::computed(
            "data_center",
            Kind::Object(DATA_CENTER),
            "The data center the disk is in.",
        ),
        Attribute::computed(
            "virtual_machine_disk",
            Kind::Object(VIRTUAL_MACHINE_DISK),
            "The disk's attachment to a virtual machine; null when it is not attached.",
        ),
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

    fn validate(&self, config: &Value) -> Vec<Diagnostic> {
        let mut diags: Vec<Diagnostic> = disk_id(config).err().into_iter().collect();
        diags.extend(validate_timeouts(config));
        diags
    }

    /// Its protected values are the reason to open it ephemerally.
    fn ephemeral(&self) -> bool {
        true
    }

    fn read<'a>(&'a self, ctx: &'a ReadContext<'a>, config: &'a Value) -> ReadFuture<'a> {
        Box::pin(async move {
            let id = disk_id(config)
                .map_err(ReadError::Invalid)?
                .ok_or(ReadError::Config {
                    attribute: "id",
                    problem: "not known yet",
                })?;
            let budget = read_budget(ctx, config)?;
            let query = [("disk[id]", id)];
            let answer = ctx
                .client
                .get("disks/disk", &query, &budget)
                .await
                .map_err(|e| disk_error(e, id))?;
            let mut state = Disk::state(answer)?;
            // `id` is the user's: Terraform wants it back exactly as written.
            state.insert("id".to_owned(), Value::String(id.to_owned()));
            // Blocks are configuration: the state holds them as written.
            state.insert("timeouts".to_owned(), timeouts_state(config));
            Ok(Value::Object(state))
        })
    }
}

/// The `id` argument, the one reading of it for validate and read: `None`
/// while it is not known yet; an error when empty (or absent, which
/// Terraform's own check of a required argument prevents).
fn disk_id(config: &Value) -> Result<Option<&str>, Diagnostic> {
    match config.attribute("id") {
        Value::Unknown => Ok(None),
        Value::String(id) if !id.trim().is_empty() => Ok(Some(id)),
        _ => Err(Diagnostic::error(
            "Empty disk ID",
            "`id` must be the ID of a Katapult disk, such as \"disk_I4Bu3elhTjuAg16W\". Find it \
             in the Katapult console or in the output of the resource that created the disk.",
        )
        .at(AttributePath::root("id"))),
    }
}

impl Disk {
    /// The state for an answer of `GET /disks/disk`, all but what the
    /// configuration holds (`id`, `timeouts`): the read's own mapping, public
    /// so the fuzz targets check exactly it.
    pub fn state(answer: serde_json::Value) -> Result<BTreeMap<String, Value>, ReadError> {
        let fields = disk_fields(answer)?;
        let mut state = map_object(&fields, SCHEMA.attributes, &AttributePath::default())?;
        let protected = take_protected_values(state.get_mut("installation"));
        state.insert(PROTECTED_ATTRIBUTES.to_owned(), protected);
        Ok(state)
    }
}

/// The API's answer as one object to map: the `disk` object, with the
/// `annotations` that sit beside it in the answer (in the schema they are an
/// attribute of the disk).
fn disk_fields(
    answer: serde_json::Value,
) -> Result<serde_json::Map<String, serde_json::Value>, ReadError> {
    let serde_json::Value::Object(mut root) = answer else {
        return Err(unexpected("JSON that is not an object"));
    };
    let Some(serde_json::Value::Object(mut disk)) = root.remove("disk") else {
        return Err(unexpected("JSON without a \"disk\" object"));
    };
    let annotations = root
        .remove("annotations")
        .unwrap_or(serde_json::Value::Null);
    disk.insert("annotations".to_owned(), annotations);
    Ok(disk)
}

fn unexpected(problem: &str) -> ReadError {
    ReadError::Api(katapult::Error::UnexpectedResponse {
        status: 200,
        problem: problem.to_owned(),
    })
}

/// What the API's errors mean for a lookup by `id`.
fn disk_error(error: katapult::Error, id: &str) -> ReadError {
    match error {
        katapult::Error::NotFound { .. } => ReadError::Missing {
            summary: "Disk not found".to_owned(),
            detail: format!(
                "Katapult has no disk with ID {} that this API key can see. Check the ID, \
                 and that the key belongs to the organization that owns the disk.",
                crate::text::quoted(id)
            ),
            at: Some(AttributePath::root("id")),
        },
        error @ katapult::Error::InTrash { .. } => ReadError::About {
            error,
            at: AttributePath::root("id"),
        },
        error => ReadError::Api(error),
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
            "annotations": [],
        });
        let fields = disk_fields(real).unwrap();
        assert_eq!(fields["id"], "disk_I4Bu3elhTjuAg16W");
        assert_eq!(fields["annotations"], serde_json::json!([]));
        for (answer, want) in [
            (serde_json::json!([]), "not an object"),
            (serde_json::json!({"disk": []}), "without a \"disk\" object"),
            (
                serde_json::json!({"disks": {}}),
                "without a \"disk\" object",
            ),
        ] {
            let err = disk_fields(answer).unwrap_err().to_string();
            assert!(err.contains(want), "{err}");
        }
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
