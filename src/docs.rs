//! Registry-layout Markdown docs (`docs/index.md`,
//! `docs/data-sources/NAME.md`, `docs/ephemeral-resources/NAME.md`), generated from the same attribute
//! definitions as the schema, in the layout tfplugindocs produces.
//!
//! `tests/docs.rs` fails when the committed docs differ from these, and
//! rewrites them when run with `UPDATE_DOCS=1`.

use std::fmt::Write;

use crate::datasource::DataSource;
use crate::provider;
use crate::schema::{Attribute, Block, Kind, Mode, NestedBlock};

/// `docs/index.md`: the provider, with its example configuration.
pub fn provider_page(example: &str) -> String {
    let mut page = front_matter("katapult Provider", provider::schema().description);
    let _ = write!(
        page,
        "# katapult Provider\n\n{}\n\n## Example Usage\n\n```terraform\n{}\n```\n\n",
        provider::schema().description,
        example.trim_end()
    );
    page.push_str(&schema_section(provider::schema()));
    page.push_str(NESTED_OBJECTS);
    page
}

/// What the provider page says about nested objects and Terraform versions.
const NESTED_OBJECTS: &str = "\n## Nested objects and Terraform versions\n\n\
     On Terraform built with grpc-go 1.50 or later (releases from late 2022 on) the objects \
     inside a data source (`data_center`, `disks`, ...) are nested attribute types, so editors \
     show a description for every field inside them. Terraform 1.0 to 1.2 cannot check \
     references into nested attribute types, so they (and any client not recognised) get \
     plain object types: the same values, without the inner descriptions. The provider \
     chooses from the gRPC library Terraform announces; set the `KATAPULT_SCHEMA_OBJECTS` \
     environment variable to `nested` or `plain` (default `auto`) to choose by hand.\n";

/// `docs/data-sources/NAME.md`: one data source, with its example.
pub fn data_source_page(data_source: &dyn DataSource, example: &str) -> String {
    page(data_source, "Data Source", "", example)
}

/// What the ephemeral page says before the shared description.
const EPHEMERAL_INTRO: &str = "An ephemeral resource, for Terraform 1.10 and later: Terraform \
     opens it during plan and apply and never writes its values to state or plan files. Use it \
     wherever a secret matters: hand it to a provider configuration, another ephemeral resource, \
     a write-only argument (Terraform 1.11) or an ephemeral output.\n\n";

/// `docs/ephemeral-resources/NAME.md`: an ephemeral resource, with its own
/// example.
pub fn ephemeral_resource_page(resource: &dyn DataSource, example: &str) -> String {
    page(resource, "Ephemeral Resource", EPHEMERAL_INTRO, example)
}

fn page(source: &dyn DataSource, kind: &str, intro: &str, example: &str) -> String {
    let name = source.type_name();
    let schema = source.schema();
    let mut page = front_matter(
        &format!("{name} {kind} - terraform-provider-katapult"),
        schema.description,
    );
    let _ = write!(
        page,
        "# {name} ({kind})\n\n{intro}{}\n\n## Example Usage\n\n```terraform\n{}\n```\n\n",
        schema.description,
        example.trim_end()
    );
    page.push_str(&schema_section(schema));
    page
}

/// The file name of a data source's page: `katapult_disk` → `disk.md`.
pub fn data_source_file(data_source: &dyn DataSource) -> String {
    let name = data_source.type_name();
    format!("{}.md", name.strip_prefix("katapult_").unwrap_or(name))
}

fn front_matter(title: &str, description: &str) -> String {
    format!(
        "---\npage_title: \"{title}\"\nsubcategory: \"\"\ndescription: |-\n  {}\n---\n\n",
        description.replace('\n', "\n  ")
    )
}

fn schema_section(block: &Block) -> String {
    let mut out =
        String::from("<!-- generated from the provider's schema; do not edit -->\n## Schema\n");
    let mut nested = Vec::new();
    write_groups(
        &mut out,
        block.attributes,
        block.blocks,
        "",
        &mut nested,
        "###",
    );
    // Nested objects are described after the top level, breadth first, each
    // under an anchor the parent's line links to.
    let mut i = 0;
    while i < nested.len() {
        let (path, attributes): (String, &[Attribute]) = nested[i].clone();
        let _ = write!(
            out,
            "\n<a id=\"{}\"></a>\n### Nested Schema for `{path}`\n",
            anchor(&path)
        );
        write_groups(
            &mut out,
            attributes,
            &[],
            &format!("{path}."),
            &mut nested,
            "",
        );
        i += 1;
    }
    out
}

/// One line of an attribute list: name, kind as tfplugindocs words it,
/// description, and the attributes nested in it, if any.
struct Entry<'a> {
    name: &'a str,
    kind: String,
    description: &'a str,
    inner: Option<&'a [Attribute]>,
}

impl<'a> Entry<'a> {
    fn attribute(a: &'a Attribute) -> Self {
        let sensitive = if a.sensitive { ", Sensitive" } else { "" };
        let (kind, inner) = match a.kind {
            Kind::String => ("String", None),
            Kind::Number => ("Number", None),
            Kind::Bool => ("Boolean", None),
            Kind::Object(inner) => ("Attributes", Some(inner)),
            Kind::ObjectList(inner) => ("Attributes List", Some(inner)),
            Kind::ObjectSet(inner) => ("Attributes Set", Some(inner)),
            Kind::StringMap => ("Map of String", None),
            Kind::StringList => ("List of String", None),
            Kind::StringSet => ("Set of String", None),
        };
        Entry {
            name: a.name,
            kind: format!("{kind}{sensitive}"),
            description: a.description,
            inner,
        }
    }

    fn block(b: &'a NestedBlock) -> Self {
        Entry {
            name: b.name,
            kind: "Block, Optional".to_owned(),
            description: b.description,
            inner: Some(b.attributes),
        }
    }
}

/// The entries of one group, by name. Blocks are optional; tfplugindocs
/// lists optional-and-computed attributes as optional.
fn group<'a>(mode: Mode, attributes: &'a [Attribute], blocks: &'a [NestedBlock]) -> Vec<Entry<'a>> {
    let mut group: Vec<Entry<'a>> = attributes
        .iter()
        .filter(|a| match a.mode {
            Mode::OptionalComputed => mode == Mode::Optional,
            other => other == mode,
        })
        .map(Entry::attribute)
        .collect();
    if mode == Mode::Optional {
        group.extend(blocks.iter().map(Entry::block));
    }
    group.sort_by_key(|entry| entry.name);
    group
}

/// Lists attributes (and blocks, which are optional) grouped as tfplugindocs
/// groups them: Required, Optional, Read-Only.
fn write_groups<'a>(
    out: &mut String,
    attributes: &'a [Attribute],
    blocks: &'a [NestedBlock],
    prefix: &str,
    nested: &mut Vec<(String, &'a [Attribute])>,
    heading: &str,
) {
    for (mode, title) in [
        (Mode::Required, "Required"),
        (Mode::Optional, "Optional"),
        (Mode::Computed, "Read-Only"),
    ] {
        let group = group(mode, attributes, blocks);
        if group.is_empty() {
            continue;
        }
        if heading.is_empty() {
            let _ = write!(out, "\n{title}:\n\n");
        } else {
            let _ = write!(out, "\n{heading} {title}\n\n");
        }
        for entry in group {
            let path = format!("{prefix}{}", entry.name);
            let _ = write!(
                out,
                "- `{}` ({}) {}",
                entry.name, entry.kind, entry.description
            );
            if let Some(inner) = entry.inner {
                let _ = write!(out, " (see [below for nested schema](#{}))", anchor(&path));
                nested.push((path, inner));
            }
            out.push('\n');
        }
    }
}

fn anchor(path: &str) -> String {
    format!("nestedatt--{}", path.replace('.', "--"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::datasource;

    #[test]
    fn disk_page_lists_every_attribute_with_its_kind() {
        let page = data_source_page(
            datasource::find("katapult_disk").unwrap(),
            "data \"katapult_disk\" \"x\" {}",
        );
        for want in [
            "# katapult_disk (Data Source)",
            "### Required\n\n- `id` (String)",
            "### Read-Only",
            "- `io_profile` (Attributes) ",
            "(see [below for nested schema](#nestedatt--io_profile))",
            "### Nested Schema for `installation.attributes`",
            "- `value` (String) ",
            "- `protected_attributes` (Map of String, Sensitive) ",
            "<a id=\"nestedatt--installation--disk_template_version--disk_template--operating_system--badge\"></a>",
            "- `annotations` (Attributes List) ",
            "### Optional\n\n- `timeouts` (Block, Optional) ",
            "### Nested Schema for `timeouts`\n\nOptional:\n\n- `read` (String) ",
        ] {
            assert!(page.contains(want), "missing {want:?} in\n{page}");
        }
    }
}
