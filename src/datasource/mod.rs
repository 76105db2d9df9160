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
//! - `each`: a list whose items are each read by themselves (the list
//!   leaves out what their own read gives), many at once.
//! - `answer`, `mapping`: an answer's object, and JSON to Terraform values
//!   along the attribute definitions.
//! - `objects`: Katapult's objects as attribute groups, each written once.
//! - `shapes` (`one`, `listed`): the two common shapes of data source, as data: one
//!   object by its keys (`One`), a list as one attribute (`Listed`). A leaf
//!   of either shape defines its schema and one static; only a data source
//!   that reads more (a disk's related objects) writes a read of its own.
//! - `each`: a list followed by a read of each item, many at once (each
//!   load balancer, each rule), restarting when an item vanished.
//!
//! Adding a data source is adding its file and its line in `all()`.

mod answer;
mod each;
mod error;
mod lookup;
pub mod mapping;
pub(crate) mod objects;
mod organization;
pub mod pager;
mod reads;
mod shapes;
mod source;
mod timeouts;

mod address_list;
mod address_list_entries;
mod address_list_entry;
mod address_lists;
mod data_center;
mod data_centers;
mod disk;
mod disk_io_profile;
mod disk_io_profiles;
mod disk_template;
mod disk_templates;
mod disks;
mod file_storage_volume;
mod file_storage_volumes;
mod global_address_lists;
mod ip;
mod ips;
mod load_balancer;
mod load_balancer_key;
mod load_balancer_rule;
mod load_balancer_rules;
mod load_balancers;
mod network;
mod network_speed_profile;
mod network_speed_profiles;
mod networks;
mod object_storage_account;
mod object_storage_bucket;
mod security_group;
mod security_group_rule;
mod security_group_rules;
mod security_groups;
mod tag;
mod tags;
mod virtual_machine;
mod virtual_machine_disks;
mod virtual_machine_group;
mod virtual_machine_groups;
mod virtual_machine_package;
mod virtual_machine_packages;
mod virtual_machine_password;
mod virtual_machines;
mod virtual_network;
mod virtual_networks;

pub use disk::Disk;

pub use error::{ReadError, setting_unknown};
pub use reads::{OrganizationUse, Reads};
pub use source::{DataSource, Provided, Setting, State, read_state};

/// Every data source this provider offers.
pub fn all() -> &'static [&'static dyn DataSource] {
    ALL
}

static ALL: &[&dyn DataSource] = &[
    &address_list::ADDRESS_LIST,
    &address_list_entries::ADDRESS_LIST_ENTRIES,
    &address_list_entry::ADDRESS_LIST_ENTRY,
    &address_lists::ADDRESS_LISTS,
    &data_center::DataCenter,
    &data_centers::DATA_CENTERS,
    &disk::Disk,
    &disk_io_profile::DiskIoProfile,
    &disk_io_profiles::DISK_IO_PROFILES,
    &disk_template::DiskTemplate,
    &disk_templates::DiskTemplates,
    &disks::DISKS,
    &file_storage_volume::FILE_STORAGE_VOLUME,
    &file_storage_volumes::FILE_STORAGE_VOLUMES,
    &global_address_lists::GLOBAL_ADDRESS_LISTS,
    &ip::Ip,
    &ips::Ips,
    &load_balancer::LoadBalancer,
    &load_balancer_rule::LOAD_BALANCER_RULE,
    &load_balancer_rules::LoadBalancerRules,
    &load_balancers::LoadBalancers,
    &network::Network,
    &network_speed_profile::NetworkSpeedProfile,
    &network_speed_profiles::NetworkSpeedProfiles,
    &networks::Networks,
    &object_storage_account::ObjectStorageAccount,
    &object_storage_bucket::ObjectStorageBucket,
    &security_group::SecurityGroup,
    &security_group_rule::SECURITY_GROUP_RULE,
    &security_group_rules::SecurityGroupRules,
    &security_groups::SecurityGroups,
    &tag::TAG,
    &tags::TAGS,
    &virtual_machine::VirtualMachine,
    &virtual_machine_disks::VirtualMachineDisks,
    &virtual_machine_group::VIRTUAL_MACHINE_GROUP,
    &virtual_machine_groups::VIRTUAL_MACHINE_GROUPS,
    &virtual_machine_package::VIRTUAL_MACHINE_PACKAGE,
    &virtual_machine_packages::VIRTUAL_MACHINE_PACKAGES,
    &virtual_machines::VIRTUAL_MACHINES,
    &virtual_network::VIRTUAL_NETWORK,
    &virtual_networks::VIRTUAL_NETWORKS,
];

/// Every ephemeral resource this provider offers (Terraform 1.10+): opened
/// with a read like a data source's, its result never written to state or
/// plan files; for secrets. One may be a data source offered twice (the
/// disk, whose protected values are sensitive attributes of both), or a
/// read of its own that holds what no data source shows (a secret the API
/// returns).
pub fn ephemeral() -> &'static [&'static dyn DataSource] {
    EPHEMERAL
}

static EPHEMERAL: &[&dyn DataSource] = &[
    &disk::Disk,
    &load_balancer_key::LoadBalancerKey,
    &virtual_machine_password::VirtualMachinePassword,
];

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
        // A data source is a file named in `all()`; the rest is core.
        let registry = std::fs::read_to_string(dir.join("mod.rs")).unwrap();
        let registry = registry
            .split("static ALL")
            .nth(1)
            .and_then(|rest| rest.split("\n];\n").next())
            .unwrap();
        let mut leaves = Vec::new();
        for line in registry.lines() {
            let Some(stem) = line
                .trim()
                .strip_prefix('&')
                .and_then(|l| l.split("::").next())
            else {
                continue;
            };
            let text = std::fs::read_to_string(dir.join(format!("{stem}.rs"))).unwrap();
            leaves.push((stem.to_owned(), text));
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
