terraform {
  required_version = ">= 1.10"
  required_providers {
    katapult = {
      source = "krystal/katapult"
    }
  }
}

# Opened during plan and apply; nothing of it, the private key least of
# all, is written to state or to a saved plan.
ephemeral "katapult_certificate" "web" {
  id = "cert_FullSecret000001"
}

# The servers need the certificate's private key. A provisioner may take
# ephemeral values (so may a provider configuration, or a write-only
# argument from Terraform 1.11): this one stands in for copying the key to
# them, and checks it is a key.
resource "terraform_data" "private_key" {
  input = "cert_FullSecret000001"

  provisioner "local-exec" {
    command = "case \"$PRIVATE_KEY\" in '-----BEGIN '*) ;; *) exit 1 ;; esac"
    environment = {
      PRIVATE_KEY = ephemeral.katapult_certificate.web.private_key
    }
  }
}

output "deployed" {
  value = terraform_data.private_key.output
}
