terraform {
  required_providers {
    katapult = {
      source = "krystal/katapult"
    }
  }
}

provider "katapult" {}

# Every operating system Katapult offers.
data "katapult_operating_systems" "all" {}

# Name => ID, e.g. { "Ubuntu" = "os_DH6P34tVwUGYlcEN" }.
output "operating_system_ids" {
  value = {
    for os in data.katapult_operating_systems.all.operating_systems : os.name => os.id
  }
}
