terraform {
  required_providers {
    katapult = {
      source = "krystal/katapult"
    }
  }
}

provider "katapult" {}

# Every country Katapult knows.
data "katapult_countries" "all" {}

# Name => ID, e.g. { "United Kingdom" = "ctry_6AO9tYYugvTGnd5b" }.
output "country_ids" {
  value = {
    for country in data.katapult_countries.all.countries : country.name => country.id
  }
}
