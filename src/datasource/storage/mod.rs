//! Storage: file storage volumes, object storage accounts and buckets.
//!
//! A leaf a file; this list is the family's registry, chained by
//! `datasource::all()`. Adding a data source here is its file and its line.

mod file_storage_volume;
mod file_storage_volumes;
mod object_storage_account;
mod object_storage_bucket;

use super::core::source::DataSource;

/// The family's data sources.
pub(super) static ALL: &[&dyn DataSource] = &[
    &file_storage_volume::FILE_STORAGE_VOLUME,
    &file_storage_volumes::FILE_STORAGE_VOLUMES,
    &object_storage_account::OBJECT_STORAGE_ACCOUNT,
    &object_storage_bucket::OBJECT_STORAGE_BUCKET,
];
