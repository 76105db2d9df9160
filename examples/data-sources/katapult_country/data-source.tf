terraform {
  required_providers {
    katapult = {
      source = "krystal/katapult"
    }
  }
}

provider "katapult" {}

# By its two-letter ISO code (or by id: exactly one of the two).
data "katapult_country" "uk" {
  iso_code2 = "GB"
}

output "uk" {
  value = {
    name      = data.katapult_country.uk.name
    time_zone = data.katapult_country.uk.time_zone
    eu        = data.katapult_country.uk.eu
  }
}
