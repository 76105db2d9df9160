terraform {
  required_providers {
    katapult = {
      source = "krystal/katapult"
    }
  }
}

# The organization whose machines are listed: its sub-domain. Or set
# KATAPULT_ORGANIZATION.
provider "katapult" {
  organization = "acme"
}

data "katapult_virtual_machines" "all" {}

# Only the machines carrying every one of these annotations.
data "katapult_virtual_machines" "production_web" {
  annotations = {
    role = "web"
    env  = "production"
  }
}

locals {
  # Machines by FQDN, for lookups such as local.by_fqdn["web-1.acme.katapult.cloud"].
  by_fqdn = { for vm in data.katapult_virtual_machines.all.virtual_machines : vm.fqdn => vm }
}

output "machine_count" {
  value = length(data.katapult_virtual_machines.all.virtual_machines)
}

output "web_1_addresses" {
  value = local.by_fqdn["web-1.acme.katapult.cloud"].ip_addresses
}

output "production_web_servers" {
  value = [for vm in data.katapult_virtual_machines.production_web.virtual_machines : vm.fqdn]
}

locals {
  data_centers = distinct([for vm in data.katapult_virtual_machines.all.virtual_machines : vm.zone.data_center.permalink])
}

output "machines_per_data_center" {
  value = {
    for permalink in local.data_centers : permalink => length([
      for vm in data.katapult_virtual_machines.all.virtual_machines : vm.id
      if vm.zone.data_center.permalink == permalink
    ])
  }
}
