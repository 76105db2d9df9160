terraform {
  required_providers {
    katapult = {
      source = "krystal/katapult"
    }
  }
}

provider "katapult" {}

# One DNS record, by its ID.
data "katapult_dns_record" "www" {
  id = "dnsrec_Www0000000000001"
}

# An A record's address, from its content split by type.
output "www" {
  value = {
    name       = data.katapult_dns_record.www.full_name
    type       = data.katapult_dns_record.www.type
    ip_address = data.katapult_dns_record.www.content_attributes.a.ip_address
  }
}
