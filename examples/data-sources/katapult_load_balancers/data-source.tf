terraform {
  required_providers {
    katapult = {
      source = "krystal/katapult"
    }
  }
}

# The organization whose load balancers are listed: its sub-domain. Or set
# KATAPULT_ORGANIZATION.
provider "katapult" {
  organization = "acme"
}

data "katapult_load_balancers" "all" {}

# Only those annotated role = web.
data "katapult_load_balancers" "web" {
  annotations = {
    role = "web"
  }
}

# Each load balancer's address, by name.
output "addresses" {
  value = {
    for lb in data.katapult_load_balancers.all.load_balancers : lb.name => lb.ip_address
  }
}

output "web" {
  value = [for lb in data.katapult_load_balancers.web.load_balancers : lb.id]
}
