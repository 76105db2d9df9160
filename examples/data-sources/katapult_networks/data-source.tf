terraform {
  required_providers {
    katapult = {
      source = "krystal/katapult"
    }
  }
}

# The organization whose networks are listed: its sub-domain. Or set
# KATAPULT_ORGANIZATION.
provider "katapult" {
  organization = "acme"
}

data "katapult_networks" "all" {}

# The default network of each data center, by the data center's permalink.
output "default_networks" {
  value = {
    for network in data.katapult_networks.all.networks :
    network.data_center.permalink => network.id if network.default
  }
}

output "virtual_networks" {
  value = [for network in data.katapult_networks.all.virtual_networks : network.name]
}
