terraform {
  required_providers {
    katapult = {
      source = "krystal/katapult"
    }
  }
}

# The organization whose templates are listed: its sub-domain. Or set
# KATAPULT_ORGANIZATION.
provider "katapult" {
  organization = "acme"
}

# Get all disk templates
data "katapult_disk_templates" "all" {}

# Only the organization's own templates, without Katapult's universal ones.
data "katapult_disk_templates" "own" {
  include_universal = false
}

locals {
  # The latest Ubuntu template, by name.
  ubuntu = [for t in data.katapult_disk_templates.all.templates : t if t.os_family == "Ubuntu"]
}

output "template_permalinks" {
  value = [for t in data.katapult_disk_templates.all.templates : t.permalink]
}

output "own_template_count" {
  value = length(data.katapult_disk_templates.own.templates)
}
