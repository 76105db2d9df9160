terraform {
  required_providers {
    katapult = {
      source = "krystal/katapult"
    }
  }
}

# By address (or by `id`; with both, by `id`, and the address must match).
data "katapult_ip" "web" {
  address = "185.199.222.115"
}

output "web_address" {
  value = "${data.katapult_ip.web.address_with_mask} (IPv${data.katapult_ip.web.version})"
}

# The network and its data center, as the API nests them.
output "web_location" {
  value = "${data.katapult_ip.web.network.name}, ${data.katapult_ip.web.network.data_center.name}"
}
