terraform {
  required_providers {
    katapult = {
      source = "krystal/katapult"
    }
  }
}

provider "katapult" {}

# By its permalink (or by id: exactly one of the two).
data "katapult_zone" "lon" {
  permalink = "lon-zone-1"
}

output "lon" {
  value = {
    id          = data.katapult_zone.lon.id
    name        = data.katapult_zone.lon.name
    data_center = data.katapult_zone.lon.data_center.permalink
  }
}
