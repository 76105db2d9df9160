//! Disks: a disk, the organization's disks, a machine's disks, IO profiles and templates.
//!
//! A leaf a file; this list is the family's registry, chained by
//! `datasource::all()`. Adding a data source here is its file and its line.

mod disk;
mod disk_io_profile;
mod disk_io_profiles;
mod disk_template;
mod disk_template_version;
mod disk_template_versions;
mod disk_templates;
// The leaf `katapult_disks`, named for its data source as every leaf is.
#[allow(clippy::module_inception)]
mod disks;
mod virtual_machine_disks;

use super::core::source::DataSource;

/// The family's data sources.
pub(super) static ALL: &[&dyn DataSource] = &[
    &disk::DISK,
    &disk_io_profile::DISK_IO_PROFILE,
    &disk_io_profiles::DISK_IO_PROFILES,
    &disk_template::DISK_TEMPLATE,
    &disk_template_version::DISK_TEMPLATE_VERSION,
    &disk_template_versions::DISK_TEMPLATE_VERSIONS,
    &disk_templates::DISK_TEMPLATES,
    &disks::DISKS,
    &virtual_machine_disks::VIRTUAL_MACHINE_DISKS,
];

/// The family's ephemeral resources: the disk data source offered again,
/// the same value (its protected values are sensitive attributes of both).
pub(super) static EPHEMERAL: &[&dyn DataSource] = &[&disk::DISK];

/// The disk data source, for the fuzz targets' `datasource::Disk.state(..)`.
pub use disk::DISK as Disk;
