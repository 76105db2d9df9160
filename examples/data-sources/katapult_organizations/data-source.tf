terraform {
  required_providers {
    katapult = {
      source = "krystal/katapult"
    }
  }
}

# The organizations the API token can see; no `organization` needed.
provider "katapult" {}

data "katapult_organizations" "all" {}

# Organization IDs by sub-domain, and the managed ones.
locals {
  organization_ids = { for o in data.katapult_organizations.all.organizations : o.sub_domain => o.id }
  managed          = [for o in data.katapult_organizations.all.organizations : o.sub_domain if o.managed == true]
}

output "organization_ids" {
  value = local.organization_ids
}

output "managed" {
  value = local.managed
}
