//! Compute: virtual machines, their groups and packages, and tags.
//!
//! A leaf a file; this list is the family's registry, chained by
//! `datasource::all()`. Adding a data source here is its file and its line.

mod tag;
mod tags;
mod virtual_machine;
mod virtual_machine_group;
mod virtual_machine_groups;
mod virtual_machine_network_interface;
mod virtual_machine_network_interfaces;
mod virtual_machine_package;
mod virtual_machine_packages;
mod virtual_machine_password;
mod virtual_machines;

use super::core::source::DataSource;

/// The family's data sources.
pub(super) static ALL: &[&dyn DataSource] = &[
    &tag::TAG,
    &tags::TAGS,
    &virtual_machine::VIRTUAL_MACHINE,
    &virtual_machine_group::VIRTUAL_MACHINE_GROUP,
    &virtual_machine_groups::VIRTUAL_MACHINE_GROUPS,
    &virtual_machine_network_interface::VIRTUAL_MACHINE_NETWORK_INTERFACE,
    &virtual_machine_network_interfaces::VIRTUAL_MACHINE_NETWORK_INTERFACES,
    &virtual_machine_package::VIRTUAL_MACHINE_PACKAGE,
    &virtual_machine_packages::VIRTUAL_MACHINE_PACKAGES,
    &virtual_machines::VIRTUAL_MACHINES,
];

/// The family's ephemeral resources.
pub(super) static EPHEMERAL: &[&dyn DataSource] =
    &[&virtual_machine_password::VIRTUAL_MACHINE_PASSWORD];
