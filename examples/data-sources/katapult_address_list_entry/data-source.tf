terraform {
  required_providers {
    katapult = {
      source = "krystal/katapult"
    }
  }
}

# One entry of an address list, by its ID.
data "katapult_address_list_entry" "dns" {
  id = "adlste_J2SXHEDiybWnySLL"
}

output "entry" {
  value = "${data.katapult_address_list_entry.dns.address} (${data.katapult_address_list_entry.dns.name})"
}
