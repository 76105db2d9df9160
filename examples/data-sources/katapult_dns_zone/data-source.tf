terraform {
  required_providers {
    katapult = {
      source = "krystal/katapult"
    }
  }
}

provider "katapult" {}

# One DNS zone, by its name (or set id instead).
data "katapult_dns_zone" "example" {
  name = "test1.example.com"
}

output "zone" {
  value = {
    id          = data.katapult_dns_zone.example.id
    default_ttl = data.katapult_dns_zone.example.default_ttl
    verified    = data.katapult_dns_zone.example.verified
  }
}
