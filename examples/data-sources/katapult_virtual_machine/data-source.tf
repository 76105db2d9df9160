terraform {
  required_providers {
    katapult = {
      source = "krystal/katapult"
    }
  }
}

provider "katapult" {}

# A virtual machine by its FQDN (or by its ID: id = "vm_...").
data "katapult_virtual_machine" "web" {
  fqdn = "web-1.acme.katapult.cloud"
}

output "web" {
  value = {
    id           = data.katapult_virtual_machine.web.id
    state        = data.katapult_virtual_machine.web.state
    package      = data.katapult_virtual_machine.web.package
    memory_in_gb = data.katapult_virtual_machine.web.package_details.memory_in_gb
    data_center  = data.katapult_virtual_machine.web.zone.data_center.permalink
  }
}

# Its public IPv4 addresses, with their reverse DNS names.
output "ipv4_reverse_dns" {
  value = {
    for ip in data.katapult_virtual_machine.web.ip_address_details :
    ip.address => ip.reverse_dns if ip.subnet.version == 4
  }
}

# The virtual networks its interfaces are attached to, and their MACs.
output "virtual_networks" {
  value = data.katapult_virtual_machine.web.virtual_network_ids
}

output "mac_addresses" {
  value = [for nic in data.katapult_virtual_machine.web.network_interfaces : nic.mac_address]
}

output "annotations" {
  value = { for a in data.katapult_virtual_machine.web.annotations : a.key => a.value }
}
