//! Load balancers and their rules.
//!
//! A leaf a file; this list is the family's registry, chained by
//! `datasource::all()`. Adding a data source here is its file and its line.

mod load_balancer;
mod load_balancer_key;
mod load_balancer_rule;
mod load_balancer_rules;
mod load_balancers;

use super::core::source::DataSource;

/// The family's data sources.
pub(super) static ALL: &[&dyn DataSource] = &[
    &load_balancer::LoadBalancer,
    &load_balancer_rule::LOAD_BALANCER_RULE,
    &load_balancer_rules::LoadBalancerRules,
    &load_balancers::LoadBalancers,
];

/// The family's ephemeral resources.
pub(super) static EPHEMERAL: &[&dyn DataSource] = &[&load_balancer_key::LoadBalancerKey];
