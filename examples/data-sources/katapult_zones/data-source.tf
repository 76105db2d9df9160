terraform {
  required_providers {
    katapult = {
      source = "krystal/katapult"
    }
  }
}

provider "katapult" {}

# Every zone Katapult has.
data "katapult_zones" "all" {}

# Name => data center permalink, e.g. { "LON-1" = "uk-lon-01" }.
output "zone_data_centers" {
  value = {
    for zone in data.katapult_zones.all.zones : zone.name => zone.data_center.permalink
  }
}
