terraform {
  required_providers {
    katapult = {
      source = "krystal/katapult"
    }
  }
}

# The organization whose addresses are listed: its sub-domain. Or set
# KATAPULT_ORGANIZATION.
provider "katapult" {
  organization = "acme"
}

# The addresses allocated to nothing (leave `allocated` out for all).
data "katapult_ips" "free" {
  allocated = false
}

output "free_ipv4_addresses" {
  value = [for ip in data.katapult_ips.free.ips : ip.address if ip.version == 4]
}
