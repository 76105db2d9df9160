//! Data sources: the core they stand on (`core/`), Katapult's objects
//! (`objects/`), and the data sources themselves, leaves in family folders
//! (`account/`, `compute/`, `disks/`, `dns/`, `load_balancers/`, `network/`, `reference/`,
//! `security/`, `storage/`), each family with its own registry list that
//! `all()` chains.
//!
//! A leaf is one value of a shape in `core/shapes/` (`One`, `Listed`,
//! `Found`, or `Custom` for a read of its own); the shapes are the only
//! implementations of `DataSource`, and build each schema from the leaf's
//! keys and fields with the `timeouts` block every data source has. A leaf
//! imports the core and `objects/`, never another leaf nor its family's
//! `mod.rs`.
//!
//! ## Adding a data source
//! 1. Its object, if new: in `objects/NAME.rs`, its attributes (each
//!    written once, shared by every data source that shows them) and its
//!    `Object` (`core/object.rs`): nouns, endpoint, answer key, scopes, the
//!    API's "not found" code, and its lookup keys with their query
//!    parameters and an example value; add the file to `objects/mod.rs`.
//! 2. The leaf: `FAMILY/NAME.rs`, one static of a shape, e.g.
//!    ```ignore
//!    pub static TAG: One = One {
//!        type_name: "katapult_tag",
//!        of: &TAG_OBJECT,
//!        fields: &[NAME, COLOR, CREATED_AT],
//!        summary: "Looks up one Katapult tag by its ID.",
//!        hint: "`katapult_tags` lists the organization's tags.",
//!        ..One::PLAIN
//!    };
//!    ```
//!    The shape adds the key arguments, the `timeouts` block and the docs'
//!    sentence on the endpoint and its scopes. A twist is a hook (`check`,
//!    `after`, `beside`, `data_center`, `organization` on `One`; `filters`,
//!    `id`, `Source::Of` on `Listed`); a read that truly differs is a
//!    `Custom` with a `fn read`.
//! 3. Its line in `FAMILY/mod.rs`: `mod NAME;` and `&NAME::STATIC` in
//!    `ALL` (or `EPHEMERAL`).
//!
//! Nothing else under `src/` changes. Beside it: its routes and answers in
//! the test kit's fake API, its example under `examples/`, its docs page
//! (`UPDATE_DOCS=1 cargo test --test e2e docs::`) and its lines in
//! `tests/golden/schemas.txt` (`UPDATE_GOLDEN=1 cargo test --lib schemas_are`).

pub(crate) mod core;
pub(crate) mod objects;

mod account;
mod compute;
mod disks;
mod dns;
mod load_balancers;
mod network;
mod reference;
mod security;
mod storage;

use std::sync::OnceLock;

pub use self::core::mapping;
pub use self::core::pager;
pub use disks::Disk;

pub use self::core::error::{ReadError, setting_unknown};
pub use self::core::reads::{OrganizationUse, Reads};
pub use self::core::source::{Connection, DataSource, Setting, State, read_state};

/// The families' registries, in the order their data sources are offered.
const FAMILIES: &[&[&dyn DataSource]] = &[
    account::ALL,
    compute::ALL,
    disks::ALL,
    dns::ALL,
    load_balancers::ALL,
    network::ALL,
    reference::ALL,
    security::ALL,
    storage::ALL,
];

/// Every data source this provider offers, sorted by type name.
pub fn all() -> &'static [&'static dyn DataSource] {
    static ALL: OnceLock<Vec<&'static dyn DataSource>> = OnceLock::new();
    ALL.get_or_init(|| chained(FAMILIES))
}

/// Every ephemeral resource this provider offers (Terraform 1.10+): opened
/// with a read like a data source's, its result never written to state or
/// plan files; for secrets. One may be a data source offered twice (the
/// disk, whose protected values are sensitive attributes of both), or a
/// read of its own that holds what no data source shows (a secret the API
/// returns).
pub fn ephemeral() -> &'static [&'static dyn DataSource] {
    static EPHEMERAL: OnceLock<Vec<&'static dyn DataSource>> = OnceLock::new();
    EPHEMERAL.get_or_init(|| {
        chained(&[
            compute::EPHEMERAL,
            disks::EPHEMERAL,
            load_balancers::EPHEMERAL,
            security::EPHEMERAL,
        ])
    })
}

/// The lists as one, sorted by type name.
fn chained(lists: &[&[&'static dyn DataSource]]) -> Vec<&'static dyn DataSource> {
    let mut all: Vec<_> = lists.iter().flat_map(|l| l.iter().copied()).collect();
    all.sort_by_key(|ds| ds.type_name());
    all
}

/// The data source of this type name, if the provider has one.
pub fn find(type_name: &str) -> Option<&'static dyn DataSource> {
    all().iter().copied().find(|ds| ds.type_name() == type_name)
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    /// The family folders: each holds its leaves and its `mod.rs`, nothing
    /// else.
    const FAMILIES: &[&str] = &[
        "account",
        "compute",
        "disks",
        "dns",
        "load_balancers",
        "network",
        "reference",
        "security",
        "storage",
    ];

    /// Every leaf: (family, file stem, text).
    fn leaves() -> Vec<(String, String, String)> {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/datasource");
        let mut leaves = Vec::new();
        for family in FAMILIES {
            for entry in std::fs::read_dir(dir.join(family)).unwrap() {
                let path = entry.unwrap().path();
                assert!(
                    path.is_file(),
                    "{}: a family holds files only",
                    path.display()
                );
                let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
                if stem != "mod" {
                    let text = std::fs::read_to_string(&path).unwrap();
                    leaves.push(((*family).to_owned(), stem, text));
                }
            }
        }
        leaves
    }

    /// Every data source's and ephemeral resource's schema as Terraform
    /// sees it (each attribute's name, who sets it, whether it is
    /// sensitive, its type), against `tests/golden/schemas.txt`: a change
    /// here breaks configurations written for this provider. Rewrite it
    /// with `UPDATE_GOLDEN=1` and review the diff.
    #[test]
    fn schemas_are_as_configurations_know_them() {
        let mut lines = Vec::new();
        for (kind, list) in [("data", super::all()), ("ephemeral", super::ephemeral())] {
            for ds in list {
                let schema = ds.schema();
                for a in schema.attributes {
                    lines.push(format!(
                        "{kind} {} {} {:?}{} {}",
                        ds.type_name(),
                        a.name,
                        a.mode,
                        if a.sensitive { " sensitive" } else { "" },
                        a.ty().to_json()
                    ));
                }
                for b in schema.blocks {
                    lines.push(format!("{kind} {} block {}", ds.type_name(), b.name));
                }
            }
        }
        // Order is not part of a schema: sorted, so moving a definition is no change.
        lines.sort();
        let text = lines.join("\n") + "\n";
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/schemas.txt");
        if std::env::var_os("UPDATE_GOLDEN").is_some() {
            std::fs::write(&path, &text).unwrap();
        }
        let want = std::fs::read_to_string(&path).unwrap_or_default();
        for (got, want) in text.lines().zip(want.lines()) {
            assert_eq!(got, want, "a schema differs from tests/golden/schemas.txt");
        }
        assert_eq!(
            text.lines().count(),
            want.lines().count(),
            "tests/golden/schemas.txt"
        );
    }

    /// Every recorded answer each data source maps, read to its golden
    /// state (`core::golden`).
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn every_recorded_answer_reads_to_its_golden_state() {
        super::core::golden::check(&[("", super::all()), (".ephemeral", super::ephemeral())]).await;
    }

    /// A leaf imports the core and `objects/`, never another leaf nor its
    /// family's `mod.rs`: each stands alone, and removing one breaks nothing
    /// but its line in its family's list.
    #[test]
    fn data_sources_are_leaves() {
        let leaves = leaves();
        assert!(leaves.len() >= 44, "{}", leaves.len());
        for (family, name, text) in &leaves {
            // Outside its tests.
            let code = text.split("#[cfg(test)]").next().unwrap_or_default();
            assert!(
                !code.contains("super::"),
                "{family}/{name}.rs imports from its family: import the core or objects/"
            );
            for other in FAMILIES {
                assert!(
                    !code.contains(&format!("datasource::{other}::")),
                    "{family}/{name}.rs imports from the family {other}"
                );
            }
            // Every name it imports from the data sources is core or objects.
            for (at, _) in code.match_indices("crate::datasource::") {
                let rest = &code[at + "crate::datasource::".len()..];
                assert!(
                    rest.starts_with("core::") || rest.starts_with("objects::"),
                    "{family}/{name}.rs imports {}: only the core and objects/",
                    rest.lines().next().unwrap_or_default()
                );
            }
            assert!(
                text.contains("\"katapult_"),
                "{family}/{name}.rs is no data source: the core or objects/ is its place"
            );
        }
    }
}
