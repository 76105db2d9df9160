//! Data sources. The core every data source stands on, each piece in a
//! file named for it, and the data sources themselves: leaves, one file
//! each (its schema, its read), importing the core and never each other.
//!
//! The core:
//! - `source`: the `DataSource` trait, what a read is handed, and
//!   `read_state`, the one way a read runs (the state starts as the
//!   configuration; the data source fills in what it computes).
//! - `reads`: what a data source reads, the scopes that allow it, whether
//!   it needs the organization.
//! - `error`: why a read failed, and those reasons as diagnostics.
//! - `lookup`: the keys an object is found by, their reading and their
//!   "not found".
//! - `timeouts`: the `timeouts { read }` block and a read's budget.
//! - `organization`: the organization setting and an organization's lists.
//! - `pager`: every page of a list as one consistent listing.
//! - `answer`, `mapping`: an answer's object, and JSON to Terraform values
//!   along the attribute definitions.
//! - `objects`: Katapult's objects as attribute groups, each written once.
//!
//! Adding a data source is adding its file and its line in `all()`.

mod answer;
mod error;
mod lookup;
pub mod mapping;
pub(crate) mod objects;
mod organization;
pub mod pager;
mod reads;
mod source;
mod timeouts;

mod data_center;
mod data_centers;
mod disk;
mod disk_io_profile;
mod disk_io_profiles;
mod disk_template;
mod disk_templates;
mod disks;
mod virtual_machine_disks;

pub use disk::Disk;

pub use error::{ReadError, setting_unknown};
pub use reads::{OrganizationUse, Reads};
pub use source::{DataSource, Provided, Setting, State, read_state};

/// Every data source this provider offers.
pub fn all() -> &'static [&'static dyn DataSource] {
    &[
        &data_center::DataCenter,
        &data_centers::DataCenters,
        &disk::Disk,
        &disks::Disks,
        &disk_io_profile::DiskIoProfile,
        &disk_io_profiles::DiskIoProfiles,
        &disk_template::DiskTemplate,
        &disk_templates::DiskTemplates,
        &virtual_machine_disks::VirtualMachineDisks,
    ]
}

/// The data source of this type name, if the provider has one.
pub fn find(type_name: &str) -> Option<&'static dyn DataSource> {
    all().iter().copied().find(|ds| ds.type_name() == type_name)
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    /// A data source imports the core, never another data source nor this
    /// module's own re-exports: each stands alone, and removing one breaks
    /// nothing but its line in `all()`.
    #[test]
    fn data_sources_are_leaves() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/datasource");
        let mut leaves = Vec::new();
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            // A data source is a file that implements one; the rest is core.
            if path.extension().is_some_and(|e| e == "rs") && text.contains("impl DataSource for") {
                leaves.push((stem, text));
            }
        }
        assert!(leaves.len() >= 9, "{leaves:?}");
        let modules: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
            .filter(|stem| stem != "mod")
            .collect();
        for (name, text) in &leaves {
            for (other, _) in &leaves {
                for pattern in [format!("super::{other}"), format!("datasource::{other}")] {
                    assert!(
                        !text.contains(&format!("{pattern}::"))
                            && !text.contains(&format!("{pattern};")),
                        "{name}.rs imports the data source {other}: move what they share into the core"
                    );
                }
            }
            // Outside its tests, a leaf names the core file it imports
            // from: `use super::lookup::Lookup`, never `use super::Lookup`
            // (the parent's re-exports) nor `use super::{...}`.
            let code = text.split("#[cfg(test)]").next().unwrap_or_default();
            for line in code.lines().filter(|l| l.trim_start().starts_with("use ")) {
                let parent = line
                    .trim_start()
                    .strip_prefix("use super::")
                    .or_else(|| line.trim_start().strip_prefix("use crate::datasource::"));
                let Some(rest) = parent else { continue };
                let first = rest.split([':', ';', ' ']).next().unwrap_or_default();
                assert!(
                    modules.contains(&first.to_owned()),
                    "{name}.rs imports {first:?} from the data sources' parent ({line}): import the core file"
                );
            }
        }
    }
}
