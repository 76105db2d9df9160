terraform {
  required_providers {
    katapult = {
      source = "krystal/katapult"
    }
  }
}

# The organization whose certificates are listed: its sub-domain. Or set
# KATAPULT_ORGANIZATION.
provider "katapult" {
  organization = "acme"
}

data "katapult_certificates" "all" {}

# When each issued certificate expires, by its hostname.
output "expiry" {
  value = {
    for cert in data.katapult_certificates.all.certificates :
    cert.name => cert.expires_at if cert.state == "issued"
  }
}
