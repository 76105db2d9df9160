terraform {
  required_providers {
    katapult = {
      source = "krystal/katapult"
    }
  }
}

# Katapult's global address lists: those of CDNs and monitoring services,
# which every organization can use.
data "katapult_global_address_lists" "global" {}

# The Cloudflare list's ID, e.g. to allow only Cloudflare through a firewall.
output "cloudflare" {
  value = one([for list in data.katapult_global_address_lists.global.address_lists : list.id if list.name == "Cloudflare"])
}

output "names" {
  value = sort([for list in data.katapult_global_address_lists.global.address_lists : list.name])
}
