//! Networking: IP addresses, networks, speed profiles and virtual networks.
//!
//! A leaf a file; this list is the family's registry, chained by
//! `datasource::all()`. Adding a data source here is its file and its line.

mod ip;
mod ips;
// The leaf is named for its data source, as every leaf is.
#[allow(clippy::module_inception)]
mod network;
mod network_speed_profile;
mod network_speed_profiles;
mod networks;
mod virtual_network;
mod virtual_networks;

use super::core::source::DataSource;

/// The family's data sources.
pub(super) static ALL: &[&dyn DataSource] = &[
    &ip::IP,
    &ips::IPS,
    &network::NETWORK,
    &network_speed_profile::NETWORK_SPEED_PROFILE,
    &network_speed_profiles::NETWORK_SPEED_PROFILES,
    &networks::NETWORKS,
    &virtual_network::VIRTUAL_NETWORK,
    &virtual_networks::VIRTUAL_NETWORKS,
];
