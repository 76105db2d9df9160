terraform {
  required_providers {
    katapult = {
      source = "krystal/katapult"
    }
  }
}

# Every entry of an address list, by the list's ID (all pages).
data "katapult_address_list_entries" "office" {
  address_list_id = "adlst_CyG9WoN6qklT89yj"
}

# The entries are a set: sort what you take from them.
output "addresses" {
  value = sort([for entry in data.katapult_address_list_entries.office.entries : entry.address])
}

output "entry_ids" {
  value = { for entry in data.katapult_address_list_entries.office.entries : entry.address => entry.id }
}
