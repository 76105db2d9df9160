//! Security: security groups and their rules, address lists and their entries,
//! certificates and SSH keys.
//!
//! A leaf a file; this list is the family's registry, chained by
//! `datasource::all()`. Adding a data source here is its file and its line.

mod address_list;
mod address_list_entries;
mod address_list_entry;
mod address_lists;
mod certificate;
mod certificate_key;
mod certificates;
mod global_address_lists;
mod security_group;
mod security_group_rule;
mod security_group_rules;
mod security_groups;
mod ssh_keys;

use super::core::source::DataSource;

/// The family's data sources.
pub(super) static ALL: &[&dyn DataSource] = &[
    &address_list::ADDRESS_LIST,
    &address_list_entries::ADDRESS_LIST_ENTRIES,
    &address_list_entry::ADDRESS_LIST_ENTRY,
    &address_lists::ADDRESS_LISTS,
    &certificate::CERTIFICATE,
    &certificates::CERTIFICATES_LIST,
    &global_address_lists::GLOBAL_ADDRESS_LISTS,
    &security_group::SECURITY_GROUP,
    &security_group_rule::SECURITY_GROUP_RULE,
    &security_group_rules::SECURITY_GROUP_RULES,
    &security_groups::SECURITY_GROUPS,
    &ssh_keys::SSH_KEYS,
];

/// The family's ephemeral resources.
pub(super) static EPHEMERAL: &[&dyn DataSource] = &[&certificate_key::CERTIFICATE_KEY];
