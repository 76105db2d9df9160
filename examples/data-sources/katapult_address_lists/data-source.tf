terraform {
  required_providers {
    katapult = {
      source = "krystal/katapult"
    }
  }
}

# The organization whose address lists are listed: its sub-domain. Or set
# KATAPULT_ORGANIZATION.
provider "katapult" {
  organization = "acme"
}

data "katapult_address_lists" "all" {}

# Only the lists carrying every one of these annotations.
data "katapult_address_lists" "production" {
  annotations = {
    env = "prod"
  }
}

# Address list IDs by name, e.g. local.address_list_ids["office"].
locals {
  address_list_ids = { for list in data.katapult_address_lists.all.address_lists : list.name => list.id }
}

output "address_list_ids" {
  value = local.address_list_ids
}

output "production_lists" {
  value = length(data.katapult_address_lists.production.address_lists)
}
