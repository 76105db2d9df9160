terraform {
  required_providers {
    katapult = {
      source = "krystal/katapult"
    }
  }
}

data "katapult_virtual_network" "backbone" {
  id = "vnet_Pm2Tokrw4bwUlKHV"
}

output "backbone" {
  value = "${data.katapult_virtual_network.backbone.name} in ${data.katapult_virtual_network.backbone.data_center.name}"
}
