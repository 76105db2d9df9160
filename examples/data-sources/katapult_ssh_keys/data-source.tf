terraform {
  required_providers {
    katapult = {
      source = "krystal/katapult"
    }
  }
}

# The organization whose SSH keys are listed: its sub-domain. Or set
# KATAPULT_ORGANIZATION.
provider "katapult" {
  organization = "acme"
}

data "katapult_ssh_keys" "all" {}

# Each key's fingerprint by its name, e.g. to check the deploy key is there.
output "fingerprints" {
  value = { for key in data.katapult_ssh_keys.all.ssh_keys : key.name => key.fingerprint }
}
