terraform {
  required_providers {
    katapult = {
      source = "krystal/katapult"
    }
  }
}

# The organization whose DNS zones are listed: its sub-domain. Or set
# KATAPULT_ORGANIZATION.
provider "katapult" {
  organization = "acme"
}

data "katapult_dns_zones" "all" {}

# Zone IDs by name, e.g. local.zone_ids["example.com"]; and the zones not
# verified yet.
locals {
  zone_ids   = { for zone in data.katapult_dns_zones.all.dns_zones : zone.name => zone.id }
  unverified = [for zone in data.katapult_dns_zones.all.dns_zones : zone.name if !zone.verified]
}

output "zone_ids" {
  value = local.zone_ids
}

output "unverified" {
  value = local.unverified
}
