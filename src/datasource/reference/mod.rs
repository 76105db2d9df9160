//! Reference data every organization shares: data centers, countries.
//!
//! A leaf a file; this list is the family's registry, chained by
//! `datasource::all()`. Adding a data source here is its file and its line.

mod countries;
mod country;
mod country_states;
mod data_center;
mod data_centers;

use super::core::source::DataSource;

/// The family's data sources.
pub(super) static ALL: &[&dyn DataSource] = &[
    &countries::COUNTRIES,
    &country::COUNTRY,
    &country_states::COUNTRY_STATES,
    &data_center::DATA_CENTER,
    &data_centers::DATA_CENTERS,
];
