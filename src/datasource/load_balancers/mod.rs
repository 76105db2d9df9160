//! Load balancers and their rules.
//!
//! A leaf a file; this list is the family's registry, chained by
//! `datasource::all()`. Adding a data source here is its file and its line.

mod load_balancer;
mod load_balancer_key;
mod load_balancer_rule;
mod load_balancer_rules;
// The leaf is named for its data source, as every leaf is.
#[allow(clippy::module_inception)]
mod load_balancers;

use super::core::source::DataSource;

/// The family's data sources.
pub(super) static ALL: &[&dyn DataSource] = &[
    &load_balancer::LOAD_BALANCER,
    &load_balancer_rule::LOAD_BALANCER_RULE,
    &load_balancer_rules::LOAD_BALANCER_RULES,
    &load_balancers::LOAD_BALANCERS,
];

/// The family's ephemeral resources.
pub(super) static EPHEMERAL: &[&dyn DataSource] = &[&load_balancer_key::LOAD_BALANCER_KEY];
