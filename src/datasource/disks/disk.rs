//! `katapult_disk`: one disk, looked up by id, with everything
//! `GET /disks/disk` says of it, nested as the API nests it; its protected
//! installation values moved to the sensitive `protected_attributes`. Also
//! offered as an ephemeral resource, the same data source.

use std::collections::BTreeMap;

use crate::tftypes::Value;

use crate::datasource::core::shapes::one::One;
use crate::datasource::core::source::Computed;
use crate::datasource::objects::disk::{
    ANNOTATIONS, ATTACH_ON_BOOT, ATTACHMENT, ATTACHMENT_STATE, BOOT, BUS_TYPE, CREATED_AT,
    DATA_CENTER_ID, DATA_CENTER_NAME, DATA_CENTER_PERMALINK, DISK_OBJECT, IN_DATA_CENTER,
    INSTALLED, IO_PROFILE, IO_PROFILE_ID, NAME, PROTECTED_ATTRIBUTES, SIZE_IN_GB, STATE,
    STORAGE_SPEED, VIRTUAL_MACHINE_FQDN, VIRTUAL_MACHINE_ID, WWN,
};

pub static DISK: One = One {
    type_name: "katapult_disk",
    of: &DISK_OBJECT,
    fields: &[
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
        INSTALLED,
        ANNOTATIONS,
        PROTECTED_ATTRIBUTES,
        IO_PROFILE_ID,
        DATA_CENTER_ID,
        DATA_CENTER_NAME,
        DATA_CENTER_PERMALINK,
        VIRTUAL_MACHINE_ID,
        VIRTUAL_MACHINE_FQDN,
        BOOT,
        ATTACH_ON_BOOT,
        ATTACHMENT_STATE,
    ],
    summary: "Looks up one Katapult disk by its ID and exposes everything the Core API says of \
              it: size, state, IO profile, data center, the virtual machine it is attached to, \
              the template it was installed from, and its annotations.",
    hint: "Check the ID, and that the key belongs to the organization that owns the disk.",
    // The annotations sit beside the disk in the answer; in the schema they
    // are an attribute of the disk.
    beside: &["annotations"],
    after: Some(protect),
    ..One::PLAIN
};

/// Moves the installation's protected values to `protected_attributes`.
fn protect(state: &mut Computed) {
    let protected = take_protected_values(state.get_mut("installation"));
    state.insert(PROTECTED_ATTRIBUTES.name.to_owned(), protected);
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
    use crate::datasource::core::source::DataSource;
    use crate::schema::{Attribute, Kind};
    use std::collections::BTreeMap;

    const PROTECTED: &str = "protected_attributes";

    fn config(id: Value) -> Value {
        let mut object: BTreeMap<String, Value> = DISK
            .schema()
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
            let diags = DISK.validate(&config(id.clone()));
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
        walk(DISK.schema().attributes, "", &mut sensitive);
        assert_eq!(sensitive, [PROTECTED]);
    }

    #[test]
    fn the_answer_is_the_disk_with_its_annotations_beside_it() {
        let real = serde_json::json!({
            "disk": {"id": "disk_I4Bu3elhTjuAg16W", "installation": null},
            "annotations": [{"key": "k", "value": "v"}],
        });
        let state = DISK.state(real).unwrap();
        assert_eq!(state["id"], Value::from("disk_I4Bu3elhTjuAg16W"));
        assert_eq!(
            state["annotations"].clone(),
            Value::List(vec![Value::Object(BTreeMap::from([
                ("key".to_owned(), Value::from("k")),
                ("value".to_owned(), Value::from("v")),
            ]))])
        );
        assert_eq!(state[PROTECTED], Value::Null);
        let err = DISK
            .state(serde_json::json!({"disks": {}}))
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
        walk(DISK.schema().attributes);
    }
}
