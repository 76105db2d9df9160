terraform {
  required_version = ">= 1.10"
  required_providers {
    katapult = {
      source = "krystal/katapult"
    }
  }
}

# Opened during plan and apply; nothing of it is written to state or to a
# saved plan.
ephemeral "katapult_load_balancer" "web" {
  id = "lb_Full000Populated"
}

# What is not secret comes from the data source, which may be stored.
data "katapult_load_balancer" "web" {
  id = "lb_Full000Populated"
}

# The backends need the private key of the certificate the load balancer
# presents to them. A provisioner may take ephemeral values (so may a
# provider configuration, or a write-only argument from Terraform 1.11):
# this one stands in for copying the key to the servers, and checks it is
# a key. It runs again when the certificate changes.
resource "terraform_data" "backend_key" {
  triggers_replace = [data.katapult_load_balancer.web.backend_certificate]

  provisioner "local-exec" {
    command = "case \"$BACKEND_KEY\" in '-----BEGIN '*) ;; *) exit 1 ;; esac"
    environment = {
      BACKEND_KEY = ephemeral.katapult_load_balancer.web.backend_certificate_key
    }
  }
}

output "load_balancer" {
  value = data.katapult_load_balancer.web.name
}
