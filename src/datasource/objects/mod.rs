//! Katapult's API objects as attribute groups: each object's fields
//! written once (name, type, description), for every data source that shows
//! it, whole or nested in another, and for the docs. An object's list
//! endpoint, where several data sources read it, is defined beside it.
//!
//! One file per object, named for it; a group is `pub` for data sources to
//! nest or list, a field `pub` where a data source shows it at its top level.

pub mod address_list;
pub mod annotation;
pub mod certificate;
pub mod country;
pub mod currency;
pub mod data_center;
pub mod disk;
pub mod disk_template;
pub mod dns_record;
pub mod dns_zone;
pub mod file_storage_volume;
pub mod gpu_type;
pub mod io_profile;
pub mod ip_address;
pub mod iso;
pub mod load_balancer;
pub mod load_balancer_rule;
pub mod network;
pub mod network_interface;
pub mod network_speed_profile;
pub mod object_storage;
pub mod operating_system;
pub mod organization;
pub mod security_group;
pub mod ssh_key;
pub mod tag;
pub mod trash_object;
pub mod virtual_machine;
pub mod virtual_machine_group;
pub mod virtual_machine_package;
pub mod virtual_network;
pub mod zone;

#[cfg(test)]
mod tests {
    use crate::schema::{Attribute, Kind};

    /// Every group a data source can reach, with its nested groups.
    const GROUPS: &[&[Attribute]] = &[
        super::address_list::ENTRY,
        super::address_list::LISTED,
        super::annotation::ANNOTATION,
        super::certificate::FIELDS,
        super::certificate::LISTED,
        super::country::FIELDS,
        super::data_center::DATA_CENTER,
        super::data_center::LISTED,
        super::disk::LISTED,
        super::disk::INSTALLATION,
        super::disk_template::TEMPLATE,
        super::dns_record::RECORD,
        super::dns_zone::ZONE,
        super::file_storage_volume::VOLUME,
        super::io_profile::PROFILE,
        super::ip_address::LISTED,
        super::ip_address::SUBNET_FIELDS,
        super::ip_address::ALLOCATION_FIELDS,
        super::load_balancer::LOAD_BALANCER,
        super::load_balancer_rule::RULE,
        super::network::NETWORK,
        super::network::LISTED,
        super::network_speed_profile::PROFILE,
        super::security_group::RULE,
        super::security_group::RULE_GROUP,
        super::ssh_key::SSH_KEY,
        super::object_storage::ACCESS_CONTROL_LIST,
        super::object_storage::DATA_CENTER,
        super::tag::LISTED,
        super::virtual_machine::VIRTUAL_MACHINE_DISK,
        super::virtual_network::VIRTUAL_NETWORK,
        super::virtual_network::AVAILABLE,
        super::virtual_machine_group::GROUP,
        super::virtual_machine_package::PACKAGE,
        super::gpu_type::WITH_DATA_CENTERS,
        super::iso::ISO,
        super::network_interface::NETWORK_INTERFACE,
        super::organization::ORGANIZATION,
        super::tag::TAG,
        super::trash_object::FIELDS,
        super::virtual_machine::LISTED,
        super::zone::ZONE,
        super::zone::LISTED,
        super::currency::LISTED,
        super::operating_system::OPERATING_SYSTEM,
        super::operating_system::LISTED,
        super::gpu_type::OWN,
    ];

    #[test]
    fn every_field_is_described_as_a_sentence() {
        fn walk(attributes: &[Attribute]) {
            for a in attributes {
                assert!(
                    a.description.ends_with('.') && a.description.len() > 10,
                    "{}: {:?}",
                    a.name,
                    a.description
                );
                if let Kind::Object(inner) | Kind::ObjectList(inner) | Kind::ObjectSet(inner) =
                    a.kind
                {
                    walk(inner);
                }
            }
        }
        for group in GROUPS {
            walk(group);
        }
    }
}
