terraform {
  required_providers {
    katapult = {
      source = "krystal/katapult"
    }
  }
}

provider "katapult" {}

# Every record of one zone, by the zone's name (or set dns_zone_id).
data "katapult_dns_records" "example" {
  dns_zone_name = "test1.example.com"
}

# Each record's content, by its full name and type; and where the HTTP
# redirects send visitors.
output "records" {
  value = { for r in data.katapult_dns_records.example.dns_records : "${r.full_name} ${r.type}" => r.content }
}

output "redirects" {
  value = {
    for r in data.katapult_dns_records.example.dns_records :
    r.full_name => r.content_attributes.http_redirect.url if r.type == "HTTPRedirect"
  }
}
