terraform {
  required_providers {
    katapult = {
      source = "krystal/katapult"
    }
  }
}

# The organization whose zones the nameservers serve: its sub-domain. Or
# set KATAPULT_ORGANIZATION.
provider "katapult" {
  organization = "acme"
}

# The nameservers to set at a domain's registrar for Katapult to serve its
# zone.
data "katapult_dns_nameservers" "katapult" {}

output "nameservers" {
  value = data.katapult_dns_nameservers.katapult.nameservers
}
