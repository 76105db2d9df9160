terraform {
  required_providers {
    katapult = {
      source = "krystal/katapult"
    }
  }
}

# By ID, as in Katapult's Go provider. `private_key` and
# `certificate_api_url` are sensitive but stored in state like any data
# source's attributes: for the key, prefer the ephemeral resource
# `katapult_certificate`.
data "katapult_certificate" "web" {
  id = "cert_ZwVlQtZNyIBbOxuM"
}

# Every hostname it covers.
output "names" {
  value = concat([data.katapult_certificate.web.name], tolist(data.katapult_certificate.web.additional_names))
}

# When it expires, as an RFC 3339 timestamp: a check can warn ahead.
output "expires_at" {
  value = data.katapult_certificate.web.expires_at
}
