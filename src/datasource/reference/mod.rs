//! Reference data every organization shares: data centers, countries,
//! zones, GPU types, operating systems, currencies.
//!
//! A leaf a file; this list is the family's registry, chained by
//! `datasource::all()`. Adding a data source here is its file and its line.

mod countries;
mod country;
mod country_states;
mod currencies;
mod data_center;
mod data_centers;
mod gpu_type;
mod gpu_types;
mod operating_system;
mod operating_systems;
mod zone;
mod zones;

use super::core::source::DataSource;

/// The family's data sources.
pub(super) static ALL: &[&dyn DataSource] = &[
    &countries::COUNTRIES,
    &country::COUNTRY,
    &country_states::COUNTRY_STATES,
    &currencies::CURRENCIES,
    &data_center::DATA_CENTER,
    &data_centers::DATA_CENTERS,
    &gpu_type::GPU_TYPE,
    &gpu_types::GPU_TYPES,
    &operating_system::OPERATING_SYSTEM,
    &operating_systems::OPERATING_SYSTEMS,
    &zone::ZONE,
    &zones::ZONES,
];
