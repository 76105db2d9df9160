//! DNS: zones, their records and Katapult's nameservers.
//!
//! A leaf a file; this list is the family's registry, chained by
//! `datasource::all()`. Adding a data source here is its file and its line.

mod dns_nameservers;
mod dns_record;
mod dns_records;
mod dns_zone;
mod dns_zones;

use super::core::source::DataSource;

/// The family's data sources.
pub(super) static ALL: &[&dyn DataSource] = &[
    &dns_nameservers::DNS_NAMESERVERS,
    &dns_record::DNS_RECORD,
    &dns_records::DNS_RECORDS,
    &dns_zone::DNS_ZONE,
    &dns_zones::DNS_ZONES,
];
