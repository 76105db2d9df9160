terraform {
  required_providers {
    katapult = {
      source = "krystal/katapult"
    }
  }
}

# The data center whose default network is read when no key is set. Or set
# KATAPULT_DATA_CENTER.
provider "katapult" {
  data_center = "uk-lon-01"
}

# The default network of the provider's data center.
data "katapult_network" "default" {}

# By permalink (or by `id`; or `data_center_id` for that data center's
# default network: at most one of the three).
data "katapult_network" "ams" {
  permalink = "eu-ams-01"
}

output "default_network_id" {
  value = data.katapult_network.default.id
}

output "ams_network" {
  value = "${data.katapult_network.ams.name} (${data.katapult_network.ams.data_center.country.name})"
}
