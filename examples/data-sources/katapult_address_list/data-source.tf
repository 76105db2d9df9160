terraform {
  required_providers {
    katapult = {
      source = "krystal/katapult"
    }
  }
}

# One address list, by its ID, with its entries.
data "katapult_address_list" "office" {
  id = "adlst_CyG9WoN6qklT89yj"
}

output "name" {
  value = data.katapult_address_list.office.name
}

# Every address or network on the list, e.g. for a firewall rule.
output "addresses" {
  value = [for entry in data.katapult_address_list.office.entries : entry.address]
}
