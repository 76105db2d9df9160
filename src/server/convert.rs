//! Our types to protocol messages and back (values, diagnostics, schemas),
//! one small pure function each. Which object style a schema is written in
//! is `object_style`'s decision; when to convert is each RPC's.

use crate::diag::{Diagnostic, Severity};
use crate::schema::{Attribute, Block, Kind, Mode};
use crate::tftypes::{self, AttributePath, Step, Type, Value};

use super::object_style::ObjectStyle;
use super::proto as pb;

/// The data source's configuration from a DynamicValue; an absent value is null.
pub(super) fn value_from_proto(
    dynamic: Option<&pb::DynamicValue>,
    ty: &Type,
) -> Result<Value, Diagnostic> {
    let decoded = match dynamic {
        Some(d) if !d.msgpack.is_empty() => tftypes::decode_msgpack(&d.msgpack, ty),
        Some(d) if !d.json.is_empty() => tftypes::decode_json(&d.json, ty),
        _ => Ok(Value::Null),
    };
    decoded.map_err(|e| {
        let diag = Diagnostic::error(
            "Invalid value from Terraform",
            format!("The provider could not decode the value Terraform sent: {e}."),
        );
        if e.path.is_empty() {
            diag
        } else {
            diag.at(e.path)
        }
    })
}

pub(super) fn value_to_proto(value: &Value, ty: &Type) -> Result<pb::DynamicValue, Diagnostic> {
    tftypes::encode_msgpack(value, ty)
        .map(|msgpack| pb::DynamicValue {
            msgpack,
            json: Vec::new(),
        })
        .map_err(|e| {
            Diagnostic::error(
                "Provider produced a value it cannot encode",
                format!("{e}. This is a bug in the provider; please report it."),
            )
        })
}

pub(super) fn diagnostics_to_proto(diags: Vec<Diagnostic>) -> Vec<pb::Diagnostic> {
    diags.into_iter().map(diagnostic_to_proto).collect()
}

/// The most characters of a summary and a detail Terraform is sent: every
/// echo is cut well below this where it is made; this is the backstop.
const MAX_SUMMARY: usize = 200;
const MAX_DETAIL: usize = 4000;

pub(super) fn diagnostic_to_proto(diag: Diagnostic) -> pb::Diagnostic {
    pb::Diagnostic {
        severity: match diag.severity {
            Severity::Error => pb::diagnostic::Severity::Error,
            Severity::Warning => pb::diagnostic::Severity::Warning,
        } as i32,
        summary: cut(diag.summary, MAX_SUMMARY),
        detail: cut(diag.detail, MAX_DETAIL),
        attribute: diag.path.as_ref().map(path_to_proto),
    }
}

/// `text` with at most `max` characters, noting any cut.
fn cut(text: String, max: usize) -> String {
    match text.char_indices().nth(max) {
        None => text,
        Some((at, _)) => format!(
            "{}… ({} more characters cut)",
            &text[..at],
            text[at..].chars().count()
        ),
    }
}

fn path_to_proto(path: &AttributePath) -> pb::AttributePath {
    use pb::attribute_path::step::Selector;
    pb::AttributePath {
        steps: path
            .steps()
            .iter()
            .map(|step| pb::attribute_path::Step {
                selector: Some(match step {
                    Step::Attribute(name) => Selector::AttributeName(name.clone()),
                    Step::Index(i) => Selector::ElementKeyInt(*i),
                    Step::Key(k) => Selector::ElementKeyString(k.clone()),
                }),
            })
            .collect(),
    }
}

pub(super) fn schema_to_proto(block: &Block, style: ObjectStyle) -> pb::Schema {
    let attributes = |attributes: &[Attribute]| {
        attributes
            .iter()
            .map(|a| attribute_to_proto(a, style))
            .collect()
    };
    pb::Schema {
        version: 0,
        block: Some(pb::schema::Block {
            version: 0,
            attributes: attributes(block.attributes),
            block_types: block
                .blocks
                .iter()
                .map(|nested| pb::schema::NestedBlock {
                    type_name: nested.name.to_owned(),
                    block: Some(pb::schema::Block {
                        attributes: attributes(nested.attributes),
                        description: nested.description.to_owned(),
                        description_kind: pb::StringKind::Markdown as i32,
                        ..Default::default()
                    }),
                    nesting: pb::schema::nested_block::NestingMode::Single as i32,
                    min_items: 0,
                    max_items: 0,
                })
                .collect(),
            description: block.description.to_owned(),
            description_kind: pb::StringKind::Markdown as i32,
            deprecated: false,
        }),
    }
}

fn attribute_to_proto(attribute: &Attribute, style: ObjectStyle) -> pb::schema::Attribute {
    let nested = |attributes: &[Attribute], nesting: pb::schema::object::NestingMode| {
        Some(pb::schema::Object {
            attributes: attributes
                .iter()
                .map(|a| attribute_to_proto(a, style))
                .collect(),
            nesting: nesting as i32,
            ..Default::default()
        })
    };
    // A sensitive leaf inside an object can only be said with nested
    // attributes, whatever the style (no attribute has one today: the
    // protected values are in a map of their own).
    let nest = |inner: &[Attribute]| style == ObjectStyle::Nested || has_sensitive_leaf(inner);
    let (ty, nested_type) = match attribute.kind {
        Kind::Object(inner) if nest(inner) => (
            Vec::new(),
            nested(inner, pb::schema::object::NestingMode::Single),
        ),
        Kind::ObjectList(inner) if nest(inner) => (
            Vec::new(),
            nested(inner, pb::schema::object::NestingMode::List),
        ),
        Kind::ObjectSet(inner) if nest(inner) => (
            Vec::new(),
            nested(inner, pb::schema::object::NestingMode::Set),
        ),
        _ => (attribute.ty().to_json().to_string().into_bytes(), None),
    };
    pb::schema::Attribute {
        name: attribute.name.to_owned(),
        r#type: ty,
        nested_type,
        description: attribute.description.to_owned(),
        required: attribute.mode == Mode::Required,
        optional: matches!(attribute.mode, Mode::Optional | Mode::OptionalComputed),
        computed: matches!(attribute.mode, Mode::Computed | Mode::OptionalComputed),
        sensitive: attribute.sensitive,
        description_kind: pb::StringKind::Markdown as i32,
        deprecated: false,
        write_only: false,
    }
}

fn has_sensitive_leaf(attributes: &[Attribute]) -> bool {
    attributes.iter().any(|a| match a.kind {
        Kind::Object(inner) | Kind::ObjectList(inner) | Kind::ObjectSet(inner) => {
            has_sensitive_leaf(inner)
        }
        _ => a.sensitive,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::datasource;

    /// Checks every attribute, nested ones included, and returns how many
    /// attributes sit inside nested attribute types.
    fn check(attributes: &[pb::schema::Attribute], path: &str) -> usize {
        let mut inside = 0;
        for a in attributes {
            let at = format!("{path}{}", a.name);
            assert!(
                a.name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
                "{at}"
            );
            // Required, optional, computed, or optional and computed.
            assert!(
                a.required != (a.optional || a.computed) && !(a.required && a.optional),
                "{at}"
            );
            assert!(!a.description.is_empty(), "{at} has no description");
            match &a.nested_type {
                Some(object) => {
                    assert!(a.r#type.is_empty(), "{at}: type and nested_type");
                    assert!(!object.attributes.is_empty(), "{at}: empty nested type");
                    inside +=
                        object.attributes.len() + check(&object.attributes, &format!("{at}."));
                }
                None => {
                    let ty: serde_json::Value =
                        serde_json::from_slice(&a.r#type).expect("type is JSON");
                    assert!(ty.is_string() || ty.is_array(), "{at}: {ty}");
                }
            }
        }
        inside
    }

    fn attribute<'a>(block: &'a pb::schema::Block, name: &str) -> &'a pb::schema::Attribute {
        block.attributes.iter().find(|a| a.name == name).unwrap()
    }

    #[test]
    fn plain_style_has_object_types_every_terraform_can_traverse() {
        let disk = datasource::find("katapult_disk").unwrap();
        let block = schema_to_proto(disk.schema(), ObjectStyle::Plain)
            .block
            .unwrap();
        assert_eq!(check(&block.attributes, ""), 0);
        assert!(attribute(&block, "id").required);
        let io_profile = attribute(&block, "io_profile");
        assert!(io_profile.nested_type.is_none());
        assert_eq!(
            std::str::from_utf8(&io_profile.r#type).unwrap(),
            r#"["object",{"id":"string","iops":"number","name":"string","permalink":"string","speed_in_mb":"number"}]"#
        );
        // No secret inside `installation`: a plain object type too.
        let installation = attribute(&block, "installation");
        assert!(installation.nested_type.is_none());
        assert!(!installation.sensitive);
        // The secrets are in one sensitive map, which every Terraform redacts.
        let protected = attribute(&block, "protected_attributes");
        assert!(protected.sensitive && protected.computed);
        assert_eq!(
            std::str::from_utf8(&protected.r#type).unwrap(),
            r#"["map","string"]"#
        );
    }

    #[test]
    fn nested_style_describes_every_field_of_every_data_source() {
        for ds in datasource::all() {
            let schema = ds.schema();
            let block = schema_to_proto(schema, ObjectStyle::Nested).block.unwrap();
            let inside = check(&block.attributes, &format!("{}.", ds.type_name()));
            // Every object attribute became a nested type: none is left as
            // a plain type holding undescribed fields.
            for a in &block.attributes {
                let plain: serde_json::Value = if a.r#type.is_empty() {
                    serde_json::Value::Null
                } else {
                    serde_json::from_slice(&a.r#type).unwrap()
                };
                assert!(
                    !plain.to_string().contains("object"),
                    "{}.{} is still a plain object type",
                    ds.type_name(),
                    a.name
                );
            }
            let objects = schema
                .attributes
                .iter()
                .filter(|a| {
                    matches!(
                        a.kind,
                        Kind::Object(_) | Kind::ObjectList(_) | Kind::ObjectSet(_)
                    )
                })
                .count();
            assert_eq!(inside > 0, objects > 0, "{}", ds.type_name());
        }
        let disk = datasource::find("katapult_disk").unwrap();
        let block = schema_to_proto(disk.schema(), ObjectStyle::Nested)
            .block
            .unwrap();
        let data_center = attribute(&block, "data_center")
            .nested_type
            .as_ref()
            .unwrap();
        assert_eq!(
            data_center.nesting,
            pb::schema::object::NestingMode::Single as i32
        );
        let permalink = data_center
            .attributes
            .iter()
            .find(|a| a.name == "permalink")
            .unwrap();
        assert!(
            permalink.description.contains("permalink"),
            "{}",
            permalink.description
        );
    }

    #[test]
    fn diagnostics_carry_their_path() {
        let d = diagnostic_to_proto(
            Diagnostic::error("S", "D").at(AttributePath::root("a").index(1).key("k")),
        );
        assert_eq!(d.severity, pb::diagnostic::Severity::Error as i32);
        use pb::attribute_path::step::Selector;
        let steps: Vec<_> = d
            .attribute
            .unwrap()
            .steps
            .into_iter()
            .map(|s| s.selector.unwrap())
            .collect();
        assert_eq!(
            steps,
            [
                Selector::AttributeName("a".into()),
                Selector::ElementKeyInt(1),
                Selector::ElementKeyString("k".into())
            ]
        );
    }

    #[test]
    fn undecodable_values_become_diagnostics() {
        let ty = Type::Object([("id".to_owned(), Type::String)].into());
        let bad = pb::DynamicValue {
            msgpack: vec![0x81, 0xa2, b'i', b'd', 0x05],
            json: vec![],
        };
        let d = value_from_proto(Some(&bad), &ty).unwrap_err();
        assert_eq!(d.path.unwrap().to_string(), "id");
        assert_eq!(value_from_proto(None, &ty), Ok(Value::Null));
        let json = pb::DynamicValue {
            msgpack: vec![],
            json: br#"{"id":"x"}"#.to_vec(),
        };
        assert_eq!(
            value_from_proto(Some(&json), &ty).unwrap().attribute("id"),
            &Value::from("x")
        );
    }
}
