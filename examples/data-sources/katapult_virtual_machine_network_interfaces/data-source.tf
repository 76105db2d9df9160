terraform {
  required_providers {
    katapult = {
      source = "krystal/katapult"
    }
  }
}

provider "katapult" {}

# Every network interface of one virtual machine, by its ID (or set
# virtual_machine_fqdn).
data "katapult_virtual_machine_network_interfaces" "example" {
  virtual_machine_id = "vm_1MoFv1ecLEy8LLMI"
}

# Each interface's addresses with their masks, by the interface's name.
output "addresses" {
  value = {
    for i in data.katapult_virtual_machine_network_interfaces.example.virtual_machine_network_interfaces :
    i.name => [for ip in i.ip_address_details : ip.address_with_mask]
  }
}

# The interfaces on a public network (not a virtual one).
output "public" {
  value = [
    for i in data.katapult_virtual_machine_network_interfaces.example.virtual_machine_network_interfaces :
    i.id if i.network_id != null
  ]
}
