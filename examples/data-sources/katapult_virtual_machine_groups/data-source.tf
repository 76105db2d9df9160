terraform {
  required_providers {
    katapult = {
      source = "krystal/katapult"
    }
  }
}

# The organization whose groups are listed: its sub-domain. Or set
# KATAPULT_ORGANIZATION.
provider "katapult" {
  organization = "acme"
}

data "katapult_virtual_machine_groups" "all" {}

# Group IDs by name (several groups may share a name), e.g.
# local.group_ids["web"][0], to put a new machine in one.
locals {
  group_ids = {
    for group in data.katapult_virtual_machine_groups.all.groups : group.name => group.id...
  }
}

output "group_ids" {
  value = local.group_ids
}

# The groups whose machines Katapult keeps on separate hosts.
output "segregated" {
  value = [for group in data.katapult_virtual_machine_groups.all.groups : group.name if group.segregate]
}
