terraform {
  required_providers {
    katapult = {
      source = "krystal/katapult"
    }
  }
}

# By ID, as in Katapult's Go provider.
data "katapult_load_balancer" "web" {
  id = "lb_Full000Populated"
}

# Or by the API reference it was given.
data "katapult_load_balancer" "by_reference" {
  api_reference = "web-frontend"
}

# Its address, for a DNS record.
output "address" {
  value = data.katapult_load_balancer.web.ip_address
}

# What it sends traffic to: each object's kind and name.
output "targets" {
  value = [
    for target in data.katapult_load_balancer.by_reference.resources :
    "${target.type} ${target.name}"
  ]
}
