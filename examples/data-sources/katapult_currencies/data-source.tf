terraform {
  required_providers {
    katapult = {
      source = "krystal/katapult"
    }
  }
}

provider "katapult" {}

# Every currency Katapult knows.
data "katapult_currencies" "all" {}

output "currency_names" {
  value = [for currency in data.katapult_currencies.all.currencies : currency.name]
}
