terraform {
  required_providers {
    katapult = {
      source = "krystal/katapult"
    }
  }
}

# The organization whose tags are listed: its sub-domain. Or set
# KATAPULT_ORGANIZATION.
provider "katapult" {
  organization = "acme"
}

data "katapult_tags" "all" {}

# Tag IDs by name, e.g. local.tag_ids["web"], to tag what you create.
locals {
  tag_ids = { for tag in data.katapult_tags.all.tags : tag.name => tag.id }
}

output "tag_ids" {
  value = local.tag_ids
}
