//! Disks: a disk, the organization's disks, a machine's disks, IO profiles and templates.
//!
//! A leaf a file; this list is the family's registry, chained by
//! `datasource::all()`. Adding a data source here is its file and its line.

mod disk;
mod disk_io_profile;
mod disk_io_profiles;
mod disk_template;
mod disk_templates;
mod disks;
mod virtual_machine_disks;

use super::core::source::DataSource;

/// The family's data sources.
pub(super) static ALL: &[&dyn DataSource] = &[
    &disk::Disk,
    &disk_io_profile::DiskIoProfile,
    &disk_io_profiles::DISK_IO_PROFILES,
    &disk_template::DiskTemplate,
    &disk_templates::DiskTemplates,
    &disks::DISKS,
    &virtual_machine_disks::VirtualMachineDisks,
];

/// The family's ephemeral resources.
pub(super) static EPHEMERAL: &[&dyn DataSource] = &[&disk::Disk];
pub use disk::Disk;
