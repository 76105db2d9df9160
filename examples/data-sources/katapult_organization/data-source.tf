terraform {
  required_providers {
    katapult = {
      source = "krystal/katapult"
    }
  }
}

# With neither `id` nor `sub_domain`, the organization the provider names:
# its sub-domain. Or set KATAPULT_ORGANIZATION.
provider "katapult" {
  organization = "terraform-acc-test"
}

data "katapult_organization" "current" {}

# Another one, by its sub-domain (or `id`).
data "katapult_organization" "acme" {
  sub_domain = "acme"
}

output "current" {
  value = {
    id                    = data.katapult_organization.current.id
    infrastructure_domain = data.katapult_organization.current.infrastructure_domain
    currency              = data.katapult_organization.current.currency.iso_code
  }
}

output "acme_id" {
  value = data.katapult_organization.acme.id
}
