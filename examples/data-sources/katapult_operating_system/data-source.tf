terraform {
  required_providers {
    katapult = {
      source = "krystal/katapult"
    }
  }
}

provider "katapult" {}

data "katapult_operating_system" "ubuntu" {
  id = "os_DH6P34tVwUGYlcEN"
}

output "ubuntu" {
  value = {
    name  = data.katapult_operating_system.ubuntu.name
    badge = data.katapult_operating_system.ubuntu.badge.url
  }
}
