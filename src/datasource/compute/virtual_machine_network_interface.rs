//! `katapult_virtual_machine_network_interface`: one network interface of
//! a virtual machine, by its ID.

use crate::datasource::core::shapes::one::One;
use crate::datasource::objects::network_interface::{
    IP_ADDRESS_DETAILS, IP_ADDRESSES, MAC_ADDRESS, NAME, NETWORK_DETAILS, NETWORK_ID,
    NETWORK_INTERFACE_OBJECT, SPEED_PROFILE_DETAILS, STATE, VIRTUAL_MACHINE,
    VIRTUAL_NETWORK_DETAILS, VIRTUAL_NETWORK_ID,
};

pub static VIRTUAL_MACHINE_NETWORK_INTERFACE: One = One {
    type_name: "katapult_virtual_machine_network_interface",
    of: &NETWORK_INTERFACE_OBJECT,
    fields: &[
        NETWORK_ID,
        VIRTUAL_NETWORK_ID,
        MAC_ADDRESS,
        IP_ADDRESSES,
        NAME,
        STATE,
        VIRTUAL_MACHINE,
        NETWORK_DETAILS,
        VIRTUAL_NETWORK_DETAILS,
        SPEED_PROFILE_DETAILS,
        IP_ADDRESS_DETAILS,
    ],
    summary: "Looks up one network interface of a Katapult virtual machine by its ID: its \
              machine, network or virtual network, MAC address, state, speed profile and \
              addresses.",
    hint: "`katapult_virtual_machine_network_interfaces` lists a virtual machine's network \
           interfaces.",
    ..One::PLAIN
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tftypes::Value;
    use serde_json::json;

    fn at(list: &Value) -> &Value {
        let Value::List(items) = list else {
            panic!("{list:?}")
        };
        &items[0]
    }

    /// The recorded interface of DataSourceVirtualMachine_by_id: every
    /// field, the flat names from the nested ones.
    #[test]
    fn the_recorded_interface_maps_whole() {
        let state = VIRTUAL_MACHINE_NETWORK_INTERFACE
            .state(json!({"virtual_machine_network_interface": {
                "id": "vmnet_uyv2nx1sNptIjw5e",
                "virtual_machine": {"id": "vm_1MoFv1ecLEy8LLMI", "name": "web"},
                "name": "Public Network on web",
                "network": {"id": "netw_gVRkZdSKczfNg34P", "name": "Public Network"},
                "virtual_network": null, "mac_address": "3a:ab:32:d8:b9:73",
                "state": "attached",
                "ip_addresses": [{"id": "ip_1mm1JmmMV8dU6Cnb", "address": "185.199.221.195"}],
                "speed_profile": {"id": "nsp_Y8YS65yTivlCAjIY", "name": "1Gbps",
                    "permalink": "1gbps"},
            }}))
            .unwrap();
        assert_eq!(state["network_id"], Value::from("netw_gVRkZdSKczfNg34P"));
        assert_eq!(state["virtual_network_id"], Value::Null);
        assert_eq!(state["mac_address"], Value::from("3a:ab:32:d8:b9:73"));
        assert_eq!(
            state["virtual_machine"].attribute("id"),
            &Value::from("vm_1MoFv1ecLEy8LLMI")
        );
        assert_eq!(
            state["speed_profile"].attribute("permalink"),
            &Value::from("1gbps")
        );
        let address = at(&state["ip_address_details"]);
        assert_eq!(
            address.attribute("address"),
            &Value::from("185.199.221.195")
        );
        assert_eq!(address.attribute("reverse_dns"), &Value::Null);
    }
}
