terraform {
  required_providers {
    katapult = {
      source = "krystal/katapult"
    }
  }
}

# The default data center, by permalink. Or set KATAPULT_DATA_CENTER.
provider "katapult" {
  data_center = "uk-lon-01"
}

# With neither id nor permalink: the provider's data center.
data "katapult_data_center" "default" {}

# By permalink (or by id: at most one of the two).
data "katapult_data_center" "lon" {
  permalink = "uk-lon-01"
}

output "default_data_center_id" {
  value = data.katapult_data_center.default.id
}

output "lon_country" {
  value = data.katapult_data_center.lon.country.name
}
