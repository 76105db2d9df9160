//! Our types to protocol messages and back: one small pure function each.

use crate::diag::{Diagnostic, Severity};
use crate::schema::{Attribute, Block, Kind, Mode};
use crate::tftypes::{self, AttributePath, Step, Type, Value};

use super::proto as pb;

/// The data source's configuration from a DynamicValue; an absent value is null.
pub fn value_from_proto(
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

pub fn value_to_proto(value: &Value, ty: &Type) -> Result<pb::DynamicValue, Diagnostic> {
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

pub fn diagnostics_to_proto(diags: Vec<Diagnostic>) -> Vec<pb::Diagnostic> {
    diags.into_iter().map(diagnostic_to_proto).collect()
}

/// The most characters of a summary and a detail Terraform is sent: every
/// echo is cut well below this where it is made; this is the backstop.
const MAX_SUMMARY: usize = 200;
const MAX_DETAIL: usize = 4000;

pub fn diagnostic_to_proto(diag: Diagnostic) -> pb::Diagnostic {
    pb::Diagnostic {
        severity: match diag.severity {
            Severity::Error => pb::diagnostic::Severity::Error,
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

pub fn schema_to_proto(block: &Block) -> pb::Schema {
    pb::Schema {
        version: 0,
        block: Some(pb::schema::Block {
            version: 0,
            attributes: block.attributes.iter().map(attribute_to_proto).collect(),
            block_types: block
                .blocks
                .iter()
                .map(|nested| pb::schema::NestedBlock {
                    type_name: nested.name.to_owned(),
                    block: Some(pb::schema::Block {
                        attributes: nested.attributes.iter().map(attribute_to_proto).collect(),
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

fn attribute_to_proto(attribute: &Attribute) -> pb::schema::Attribute {
    let nested = |attributes: &[Attribute], nesting: pb::schema::object::NestingMode| {
        Some(pb::schema::Object {
            attributes: attributes.iter().map(attribute_to_proto).collect(),
            nesting: nesting as i32,
            ..Default::default()
        })
    };
    // Nested attributes only where a leaf inside is sensitive: that is the
    // one thing a plain object type cannot say. Elsewhere plain cty types,
    // because Terraform before 1.0.9 cannot check references into nested
    // attributes ("This value does not have any attributes").
    let (ty, nested_type) = match attribute.kind {
        Kind::Object(inner) if has_sensitive_leaf(inner) => (
            Vec::new(),
            nested(inner, pb::schema::object::NestingMode::Single),
        ),
        Kind::ObjectList(inner) if has_sensitive_leaf(inner) => (
            Vec::new(),
            nested(inner, pb::schema::object::NestingMode::List),
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
        Kind::Object(inner) | Kind::ObjectList(inner) => has_sensitive_leaf(inner),
        _ => a.sensitive,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::datasource;

    #[test]
    fn schema_attributes_are_well_formed() {
        fn check(attributes: &[pb::schema::Attribute], path: &str) {
            for a in attributes {
                let at = format!("{path}{}", a.name);
                assert!(
                    a.name
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
                    "{at}"
                );
                assert_eq!(
                    [a.required, a.optional, a.computed]
                        .iter()
                        .filter(|f| **f)
                        .count(),
                    1,
                    "{at}"
                );
                assert!(!a.description.is_empty(), "{at}");
                match &a.nested_type {
                    Some(object) => {
                        assert!(a.r#type.is_empty(), "{at}: type and nested_type");
                        check(&object.attributes, &format!("{at}."));
                    }
                    None => {
                        let ty: serde_json::Value =
                            serde_json::from_slice(&a.r#type).expect("type is JSON");
                        assert!(ty.is_string() || ty.is_array(), "{at}: {ty}");
                    }
                }
            }
        }
        let disk = datasource::find("katapult_disk").unwrap();
        let schema = schema_to_proto(disk.schema());
        let block = schema.block.unwrap();
        check(&block.attributes, "");
        let id = block.attributes.iter().find(|a| a.name == "id").unwrap();
        assert!(id.required);
        // Objects without secrets are plain types, which every Terraform can traverse.
        let io_profile = block
            .attributes
            .iter()
            .find(|a| a.name == "io_profile")
            .unwrap();
        assert!(io_profile.nested_type.is_none());
        assert_eq!(
            std::str::from_utf8(&io_profile.r#type).unwrap(),
            r#"["object",{"id":"string","iops":"number","name":"string","permalink":"string","speed_in_mb":"number"}]"#
        );
        // No secret inside `installation` any more: a plain object type too,
        // so Terraform 1.0 can reference into it.
        let installation = block
            .attributes
            .iter()
            .find(|a| a.name == "installation")
            .unwrap();
        assert!(installation.nested_type.is_none());
        assert!(!installation.sensitive);
        // The secrets are in one sensitive map, which every Terraform redacts.
        let protected = block
            .attributes
            .iter()
            .find(|a| a.name == "protected_attributes")
            .unwrap();
        assert!(protected.sensitive && protected.computed);
        assert_eq!(
            std::str::from_utf8(&protected.r#type).unwrap(),
            r#"["map","string"]"#
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
