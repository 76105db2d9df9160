//! Attribute definitions: the one place each attribute's name, type, flags
//! and description are written. The protocol schema, the API-response
//! mapping and the generated docs are all read off these.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use crate::tftypes::Type;

/// Who sets an attribute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// The user must set it.
    Required,
    /// The user may set it.
    Optional,
    /// The user may set it; when they do not, the provider does (a lookup
    /// by either of two keys returns both).
    OptionalComputed,
    /// The provider sets it.
    Computed,
}

/// What an attribute holds.
#[derive(Debug, Clone, Copy)]
pub enum Kind {
    String,
    Number,
    Bool,
    /// One object with these attributes (or null).
    Object(&'static [Attribute]),
    /// A list of objects with these attributes.
    ObjectList(&'static [Attribute]),
    /// A set of objects with these attributes: each once, in no order (as
    /// Katapult's Go provider has some lists).
    ObjectSet(&'static [Attribute]),
    /// A map of strings, keyed by any string.
    StringMap,
    /// A list of strings, in the API's order.
    StringList,
    /// A set of strings: each once, in no order.
    StringSet,
}

/// One attribute of a provider, data source or nested object.
#[derive(Debug, Clone, Copy)]
pub struct Attribute {
    pub name: &'static str,
    pub kind: Kind,
    pub mode: Mode,
    /// Terraform hides the value in plans and output.
    pub sensitive: bool,
    /// Markdown, shown in the docs and by language servers.
    pub description: &'static str,
    /// Where in the API's object the value is read: a path of field names.
    /// `None` reads the field of the attribute's own name.
    pub source: Option<&'static [&'static str]>,
}

impl Attribute {
    pub const fn required(name: &'static str, kind: Kind, description: &'static str) -> Self {
        Self::new(name, kind, Mode::Required, description)
    }

    pub const fn optional(name: &'static str, kind: Kind, description: &'static str) -> Self {
        Self::new(name, kind, Mode::Optional, description)
    }

    pub const fn optional_computed(
        name: &'static str,
        kind: Kind,
        description: &'static str,
    ) -> Self {
        Self::new(name, kind, Mode::OptionalComputed, description)
    }

    pub const fn computed(name: &'static str, kind: Kind, description: &'static str) -> Self {
        Self::new(name, kind, Mode::Computed, description)
    }

    const fn new(name: &'static str, kind: Kind, mode: Mode, description: &'static str) -> Self {
        Self {
            name,
            kind,
            mode,
            sensitive: false,
            description,
            source: None,
        }
    }

    /// Reads the value from `path` in the API's object rather than from the
    /// field of the attribute's name: a flat copy of a nested value.
    pub const fn from(mut self, path: &'static [&'static str]) -> Self {
        self.source = Some(path);
        self
    }

    pub const fn sensitive(mut self) -> Self {
        self.sensitive = true;
        self
    }

    /// The cty type of this attribute's values.
    pub fn ty(&self) -> Type {
        match self.kind {
            Kind::String => Type::String,
            Kind::Number => Type::Number,
            Kind::Bool => Type::Bool,
            Kind::Object(attributes) => object_type(attributes),
            Kind::ObjectList(attributes) => Type::List(Box::new(object_type(attributes))),
            Kind::ObjectSet(attributes) => Type::Set(Box::new(object_type(attributes))),
            Kind::StringMap => Type::Map(Box::new(Type::String)),
            Kind::StringList => Type::List(Box::new(Type::String)),
            Kind::StringSet => Type::Set(Box::new(Type::String)),
        }
    }
}

/// The top level of a provider's or data source's schema.
#[derive(Debug)]
pub struct Block {
    pub description: &'static str,
    pub attributes: &'static [Attribute],
    /// Blocks the user may write inside, such as `timeouts { ... }`.
    pub blocks: &'static [NestedBlock],
    /// `ty()`, built once: every request decodes and encodes with it, and
    /// building it (a tree of sorted maps) cost more than the decoding.
    /// Write `OnceLock::new()`.
    pub type_cache: OnceLock<Type>,
}

/// An optional block that appears at most once (`timeouts { read = "5m" }`);
/// its value is null when the user leaves it out.
#[derive(Debug, Clone, Copy)]
pub struct NestedBlock {
    pub name: &'static str,
    pub description: &'static str,
    pub attributes: &'static [Attribute],
}

impl Block {
    /// The object type a whole configuration or state of this block has.
    pub fn ty(&self) -> &Type {
        self.type_cache.get_or_init(|| {
            let mut fields = attribute_types(self.attributes);
            for block in self.blocks {
                fields.insert(
                    block.name.to_owned(),
                    Type::Object(attribute_types(block.attributes)),
                );
            }
            Type::Object(fields)
        })
    }
}

fn object_type(attributes: &[Attribute]) -> Type {
    Type::Object(attribute_types(attributes))
}

fn attribute_types(attributes: &[Attribute]) -> BTreeMap<String, Type> {
    attributes
        .iter()
        .map(|a| (a.name.to_owned(), a.ty()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const INNER: &[Attribute] = &[Attribute::computed("n", Kind::Number, "A number.")];
    static BLOCK: Block = Block {
        description: "Test.",
        attributes: &[
            Attribute::required("id", Kind::String, "The id."),
            Attribute::computed("one", Kind::Object(INNER), "One.").sensitive(),
            Attribute::computed("many", Kind::ObjectList(INNER), "Many."),
            Attribute::computed("each", Kind::ObjectSet(INNER), "Each."),
        ],
        blocks: &[NestedBlock {
            name: "timeouts",
            description: "Timeouts.",
            attributes: &[Attribute::optional("read", Kind::String, "Read.")],
        }],
        type_cache: OnceLock::new(),
    };

    #[test]
    fn block_type_follows_the_definitions() {
        assert_eq!(
            BLOCK.ty().to_json().to_string(),
            r#"["object",{"each":["set",["object",{"n":"number"}]],"id":"string","many":["list",["object",{"n":"number"}]],"one":["object",{"n":"number"}],"timeouts":["object",{"read":"string"}]}]"#
        );
        assert!(BLOCK.attributes[1].sensitive);
        assert!(!BLOCK.attributes[0].sensitive);
    }
}
