//! The account: organizations, and what is in their trash.
//!
//! A leaf a file; this list is the family's registry, chained by
//! `datasource::all()`. Adding a data source here is its file and its line.

mod organization;
mod organizations;
mod trash_object;
mod trash_objects;

use super::core::source::DataSource;

/// The family's data sources.
pub(super) static ALL: &[&dyn DataSource] = &[
    &organization::ORGANIZATION,
    &organizations::ORGANIZATIONS,
    &trash_object::TRASH_OBJECT,
    &trash_objects::TRASH_OBJECTS,
];
