terraform {
  required_providers {
    katapult = {
      source = "krystal/katapult"
    }
  }
}

provider "katapult" {}

# One virtual machine group, by its ID.
data "katapult_virtual_machine_group" "web" {
  id = "vmgrp_XHyMwDWA9qhiEPhJ"
}

output "group" {
  value = "${data.katapult_virtual_machine_group.web.name} (segregated: ${data.katapult_virtual_machine_group.web.segregate})"
}
