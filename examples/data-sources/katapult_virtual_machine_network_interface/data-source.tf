terraform {
  required_providers {
    katapult = {
      source = "krystal/katapult"
    }
  }
}

provider "katapult" {}

# One network interface of a virtual machine, by its ID.
data "katapult_virtual_machine_network_interface" "example" {
  id = "vmnet_uyv2nx1sNptIjw5e"
}

# Its machine, MAC address, state, speed and addresses.
output "interface" {
  value = {
    machine     = data.katapult_virtual_machine_network_interface.example.virtual_machine.id
    mac_address = data.katapult_virtual_machine_network_interface.example.mac_address
    state       = data.katapult_virtual_machine_network_interface.example.state
    speed       = data.katapult_virtual_machine_network_interface.example.speed_profile.permalink
    addresses   = data.katapult_virtual_machine_network_interface.example.ip_addresses
  }
}
