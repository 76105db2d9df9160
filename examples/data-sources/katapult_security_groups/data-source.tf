terraform {
  required_providers {
    katapult = {
      source = "krystal/katapult"
    }
  }
}

# The organization whose security groups are listed: its sub-domain. Or set
# KATAPULT_ORGANIZATION.
provider "katapult" {
  organization = "acme"
}

data "katapult_security_groups" "all" {}

# Only the groups annotated role = web, each with its rules.
data "katapult_security_groups" "web" {
  annotations = {
    role = "web"
  }
  include_rules = true
}

# Security group IDs by name, e.g. local.security_group_ids["web-servers"].
locals {
  security_group_ids = { for group in data.katapult_security_groups.all.security_groups : group.name => group.id }
}

output "security_group_ids" {
  value = local.security_group_ids
}

output "web_inbound_rules" {
  value = flatten([
    for group in data.katapult_security_groups.web.security_groups : [
      for rule in group.inbound_rules : "${group.name}: ${rule.protocol} ${coalesce(rule.ports, "any")}"
    ]
  ])
}
