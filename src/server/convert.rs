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

/// How an attribute holding an object (or a list of them) is put to
/// Terraform. Both give the value the same type, so state written under one
/// reads under the other.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ObjectStyle {
    /// Nested attribute types: every field inside carries its description
    /// (editors show it on hover). Terraform before 1.2.7 cannot check a
    /// reference into one (`data.katapult_disk.boot.data_center.permalink`
    /// fails with "This value does not have any attributes":
    /// hashicorp/terraform#31527).
    Nested,
    /// Plain object types, which every Terraform can reference into; the
    /// fields inside have no description.
    Plain,
}

/// The environment variable that chooses the object style by hand:
/// `nested`, `plain` or `auto` (the default).
pub const OBJECT_STYLE_VARIABLE: &str = "KATAPULT_SCHEMA_OBJECTS";

/// The first grpc-go release made after the last Terraform that lacks the
/// fix for references into nested attributes: 1.50.0 came out in October
/// 2022, after Terraform 1.2.9 (September 2022), so a client built with it
/// is Terraform 1.3 or later (or OpenTofu, forked from 1.6). Terraform
/// 1.0.3 sends `grpc-go/1.27.1`, 1.6.6 and 1.11.4 `grpc-go/1.59.0`, 1.15.5
/// `grpc-go/1.80.0`.
const FIRST_FIXED_GRPC_GO: (u64, u64) = (1, 50);

impl ObjectStyle {
    /// The style for a client: the variable's choice when set, else nested
    /// for a Terraform known to take it (from the gRPC user agent), plain
    /// for every other client. Plain is the safe guess: it costs
    /// descriptions, never a working configuration.
    pub fn choose(user_agent: Option<&str>, chosen: Option<&str>) -> Result<Self, Diagnostic> {
        match chosen.map(str::trim) {
            Some(v) if v.eq_ignore_ascii_case("nested") => return Ok(Self::Nested),
            Some(v) if v.eq_ignore_ascii_case("plain") => return Ok(Self::Plain),
            Some(v) if v.is_empty() || v.eq_ignore_ascii_case("auto") => {}
            None => {}
            Some(v) => {
                return Err(Diagnostic::error(
                    format!("Invalid {OBJECT_STYLE_VARIABLE}"),
                    format!(
                        "{OBJECT_STYLE_VARIABLE} is {}; it takes \"nested\" (descriptions on \
                         nested fields; Terraform 1.2.7 or later), \"plain\" (any Terraform) \
                         or \"auto\" (the default: nested when Terraform is known to take it). \
                         Unset it to let the provider choose.",
                        crate::text::quoted(v)
                    ),
                ));
            }
        }
        Ok(match user_agent.and_then(grpc_go_version) {
            Some(version) if version >= FIRST_FIXED_GRPC_GO => Self::Nested,
            _ => Self::Plain,
        })
    }
}

/// `(major, minor)` of a `grpc-go/1.59.0` user agent (the product token may
/// be followed by others, and the version by a suffix such as `-dev`).
fn grpc_go_version(user_agent: &str) -> Option<(u64, u64)> {
    let rest = user_agent
        .split_whitespace()
        .find_map(|token| token.strip_prefix("grpc-go/"))?;
    let mut numbers = rest.split('.');
    let major = numbers.next()?.parse().ok()?;
    let minor: String = numbers
        .next()?
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    Some((major, minor.parse().ok()?))
}

pub fn schema_to_proto(block: &Block, style: ObjectStyle) -> pb::Schema {
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
                .filter(|a| matches!(a.kind, Kind::Object(_) | Kind::ObjectList(_)))
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
    fn object_style_follows_the_client_unless_chosen() {
        let choose = |agent, chosen| ObjectStyle::choose(agent, chosen).unwrap();
        use ObjectStyle::{Nested, Plain};
        // Terraform 1.0.3, 1.6.6 / 1.11.4, 1.15.5 as measured.
        assert_eq!(choose(Some("grpc-go/1.27.1"), None), Plain);
        assert_eq!(choose(Some("grpc-go/1.59.0"), None), Nested);
        assert_eq!(choose(Some("grpc-go/1.80.0"), None), Nested);
        // The boundary, suffixes, other tokens, a later major.
        assert_eq!(choose(Some("grpc-go/1.49.9"), None), Plain);
        assert_eq!(choose(Some("grpc-go/1.50.0"), None), Nested);
        assert_eq!(choose(Some("grpc-go/1.81.0-dev"), None), Nested);
        assert_eq!(choose(Some("opentofu grpc-go/1.66.2"), None), Nested);
        assert_eq!(choose(Some("grpc-go/2.0.0"), None), Nested);
        // Anything else is not known to take nested types.
        for agent in [
            None,
            Some(""),
            Some("grpc-python/1.62.0 grpc-c/39.0.0 (linux; chttp2)"),
            Some("grpc-go/"),
            Some("grpc-go/1"),
            Some("grpc-go/x.y"),
            Some("grpc-go/1.99999999999999999999999"),
            Some("my-grpc-go/1.80.0"),
        ] {
            assert_eq!(choose(agent, None), Plain, "{agent:?}");
        }
        // The variable wins, any case; empty or auto is the default.
        assert_eq!(choose(Some("grpc-go/1.27.1"), Some("nested")), Nested);
        assert_eq!(choose(Some("grpc-go/1.80.0"), Some(" PLAIN ")), Plain);
        assert_eq!(choose(Some("grpc-go/1.80.0"), Some("auto")), Nested);
        assert_eq!(choose(Some("grpc-go/1.27.1"), Some("")), Plain);
        let err = ObjectStyle::choose(None, Some("yes\nplease")).unwrap_err();
        assert!(
            err.summary.contains(OBJECT_STYLE_VARIABLE),
            "{}",
            err.summary
        );
        assert!(
            err.detail.contains("yes") && !err.detail.contains('\n'),
            "{}",
            err.detail
        );
        assert!(err.detail.contains("\"nested\""), "{}", err.detail);
        // What a non-Unicode value becomes (server/mod.rs reads it lossily).
        let lossy = String::from_utf8_lossy(b"nest\xffed").into_owned();
        assert!(ObjectStyle::choose(None, Some(&lossy)).is_err());
        let long = "x".repeat(10_000);
        let err = ObjectStyle::choose(None, Some(&long)).unwrap_err();
        assert!(err.detail.len() < 1_000, "{}", err.detail.len());
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
