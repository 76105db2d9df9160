terraform {
  required_providers {
    katapult = {
      source = "krystal/katapult"
    }
  }
}

# The organization whose virtual networks are listed: its sub-domain. Or set
# KATAPULT_ORGANIZATION.
provider "katapult" {
  organization = "acme"
}

data "katapult_virtual_networks" "all" {}

# Virtual network IDs by name, with the data center each is in.
output "virtual_networks" {
  value = {
    for network in data.katapult_virtual_networks.all.virtual_networks :
    network.name => "${network.id} (${network.data_center.permalink})"
  }
}
