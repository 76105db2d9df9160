terraform {
  required_providers {
    katapult = {
      source = "krystal/katapult"
    }
  }
}

provider "katapult" {}

data "katapult_country" "uk" {
  iso_code2 = "GB"
}

# The country's states, by the country's ID.
data "katapult_country_states" "uk" {
  country_id = data.katapult_country.uk.id
}

output "uk_states" {
  value = [for state in data.katapult_country_states.uk.country_states : state.name]
}
