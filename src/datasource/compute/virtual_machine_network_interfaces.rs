//! `katapult_virtual_machine_network_interfaces`: a virtual machine's
//! network interfaces, by the machine's ID or FQDN, every page, in the
//! API's order.

use crate::schema::{Attribute, Kind};

use crate::datasource::core::shapes::listed::{Listed, Source};
use crate::datasource::objects::network_interface::{LIST, LISTED, NETWORK_INTERFACE_OBJECT};
use crate::datasource::objects::virtual_machine::VIRTUAL_MACHINE_OBJECT;

use crate::datasource::core::lookup::Key;

pub static VIRTUAL_MACHINE_NETWORK_INTERFACES: Listed = Listed {
    type_name: "katapult_virtual_machine_network_interfaces",
    of: &NETWORK_INTERFACE_OBJECT,
    source: Source::Of {
        owner: &VIRTUAL_MACHINE_OBJECT,
        keys: &[
            Key::new(
                "virtual_machine_id",
                "virtual_machine[id]",
                "ID",
                "vm_1MoFv1ecLEy8LLMI",
            ),
            Key::new(
                "virtual_machine_fqdn",
                "virtual_machine[fqdn]",
                "FQDN",
                "web-1.acme.katapult.cloud",
            ),
        ],
        list: &LIST,
    },
    list: Attribute::computed(
        "virtual_machine_network_interfaces",
        Kind::ObjectList(LISTED),
        "The machine's network interfaces, in the API's order, as its list gives them (no MAC \
         address, state or speed profile: `katapult_virtual_machine_network_interface` reads \
         those).",
    ),
    summary: "Lists the network interfaces of one virtual machine, named by its \
              `virtual_machine_id` or its `virtual_machine_fqdn` (exactly one), every page.",
    hint: "`katapult_virtual_machines` lists the organization's virtual machines.",
    ..Listed::PLAIN
};
