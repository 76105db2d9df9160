//! A data source's schema as its shape builds it: the arguments (lookup
//! keys and filters, described from the object's description), the fields,
//! and the `timeouts` block every data source has; built once per shape and
//! kept for the life of the process, so no leaf writes a `Block`.

use std::sync::{Mutex, OnceLock};

use crate::schema::{Attribute, Block, Kind};

use super::lookup::{Key, Rule};
use super::object::Object;
use super::timeouts::TIMEOUTS;

/// The block of the shape at `shape` (a static's address: each shape value
/// lives in a static), built by `build` the first time it is asked for:
/// its description and its attributes.
pub fn built(shape: *const (), build: impl FnOnce() -> (String, Vec<Attribute>)) -> &'static Block {
    static BUILT: Mutex<Vec<(usize, &'static Block)>> = Mutex::new(Vec::new());
    let mut built = BUILT.lock().unwrap_or_else(|e| e.into_inner());
    let at = shape as usize;
    if let Some((_, block)) = built.iter().find(|(a, _)| *a == at) {
        return block;
    }
    let (description, attributes) = build();
    let block: &'static Block = Box::leak(Box::new(Block {
        description: leak(description),
        attributes: attributes.leak(),
        blocks: &[TIMEOUTS],
        type_cache: OnceLock::new(),
    }));
    built.push((at, block));
    block
}

/// Adds `fields` after the arguments, but for those the arguments already
/// name: a leaf may show its object's whole attribute list, and its keys
/// are the arguments the shape made of them.
pub fn add_fields(arguments: &mut Vec<Attribute>, fields: &[Attribute]) {
    let taken: Vec<&str> = arguments.iter().map(|a| a.name).collect();
    let rest: Vec<Attribute> = fields
        .iter()
        .filter(|f| !taken.contains(&f.name))
        .copied()
        .collect();
    arguments.extend(rest);
}

/// Text made once and kept for the process, as a schema's text is.
pub fn leak(text: String) -> &'static str {
    text.leak()
}

/// The arguments an object is looked up by: one required key when the rule
/// asks for exactly one of one key, else each optional and filled in by the
/// read. `also` ends each description (what happens with none set).
pub fn key_attributes(of: &Object, keys: &[Key], rule: Rule, also: &str) -> Vec<Attribute> {
    let names: Vec<String> = keys.iter().map(|k| format!("`{}`", k.attribute)).collect();
    keys.iter()
        .map(|key| {
            let example = if key.example.is_empty() {
                String::new()
            } else {
                format!(", e.g. `{}`", key.example)
            };
            let head = format!("The {}'s {}{example}.", of.noun, key.noun);
            if keys.len() == 1 && rule != Rule::AnyNumber {
                return Attribute::required(key.attribute, Kind::String, leak(head));
            }
            let others: Vec<&String> = names
                .iter()
                .filter(|n| **n != format!("`{}`", key.attribute))
                .collect();
            let others = others
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join(" or ");
            let how = match rule {
                Rule::ExactlyOne => format!(" Set this or {others}, exactly one."),
                Rule::AtLeastOne | Rule::AnyNumber => format!(
                    " Set this, {others}, or both: the {} found by the first must have the \
                     other's value too.",
                    of.noun
                ),
            };
            Attribute::optional_computed(
                key.attribute,
                Kind::String,
                leak(format!("{head}{how}{also}")),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    static THING: Object = Object {
        noun: "thing",
        plural: "things",
        path: "things/thing",
        key: "thing",
        scopes: &[],
        not_found: "thing_not_found",
        keys: &[
            Key::new("id", "thing[id]", "ID", "thing_1"),
            Key::new("permalink", "thing[permalink]", "permalink", ""),
        ],
    };

    #[test]
    fn a_lone_key_is_required_and_several_are_optional() {
        let one = key_attributes(&THING, &THING.keys[..1], Rule::ExactlyOne, "");
        assert_eq!(one[0].mode, crate::schema::Mode::Required);
        assert_eq!(one[0].description, "The thing's ID, e.g. `thing_1`.");
        let two = key_attributes(&THING, THING.keys, Rule::ExactlyOne, "");
        assert_eq!(two[1].mode, crate::schema::Mode::OptionalComputed);
        assert_eq!(
            two[1].description,
            "The thing's permalink. Set this or `id`, exactly one."
        );
    }

    #[test]
    fn fields_an_argument_names_are_left_to_the_argument() {
        let mut attributes = key_attributes(&THING, THING.keys, Rule::ExactlyOne, "");
        add_fields(
            &mut attributes,
            &[
                Attribute::computed("id", Kind::String, "Its ID."),
                Attribute::computed("name", Kind::String, "Its name."),
            ],
        );
        let names: Vec<&str> = attributes.iter().map(|a| a.name).collect();
        assert_eq!(names, ["id", "permalink", "name"]);
        assert_eq!(attributes[0].mode, crate::schema::Mode::OptionalComputed);
    }

    #[test]
    fn a_shape_is_built_once() {
        static SHAPE: u8 = 0;
        let mut calls = 0;
        let mut build = || {
            calls += 1;
            ("A thing.".to_owned(), Vec::new())
        };
        let first = built(&SHAPE as *const u8 as *const (), &mut build);
        let again = built(&SHAPE as *const u8 as *const (), &mut build);
        assert!(std::ptr::eq(first, again));
        assert_eq!(calls, 1);
        assert_eq!(first.blocks[0].name, "timeouts");
    }
}
