//! Networking: IP addresses, networks, speed profiles and virtual networks.
//!
//! A leaf a file; this list is the family's registry, chained by
//! `datasource::all()`. Adding a data source here is its file and its line.

mod ip;
mod ips;
mod network;
mod network_speed_profile;
mod network_speed_profiles;
mod networks;
mod virtual_network;
mod virtual_networks;

use super::core::source::DataSource;

/// The family's data sources.
pub(super) static ALL: &[&dyn DataSource] = &[
    &ip::Ip,
    &ips::Ips,
    &network::Network,
    &network_speed_profile::NetworkSpeedProfile,
    &network_speed_profiles::NetworkSpeedProfiles,
    &networks::NETWORKS,
    &virtual_network::VIRTUAL_NETWORK,
    &virtual_networks::VIRTUAL_NETWORKS,
];
