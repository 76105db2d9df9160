terraform {
  required_providers {
    katapult = {
      source = "krystal/katapult"
    }
  }
}

provider "katapult" {}

# Every data center Katapult has.
data "katapult_data_centers" "all" {}

# Permalink => name, e.g. { "uk-lon-01" = "London" }.
output "data_centers" {
  value = {
    for dc in data.katapult_data_centers.all.data_centers : dc.permalink => dc.name
  }
}
