terraform {
  required_version = ">= 1.10"
  required_providers {
    katapult = {
      source = "krystal/katapult"
    }
  }
}

# Opened during plan and apply; nothing of it is written to state or to a
# saved plan. The data source katapult_virtual_machine never shows the
# password at all.
ephemeral "katapult_virtual_machine" "web" {
  fqdn = "web-1.acme.katapult.cloud"
}

# The initial root password handed to a provider configuration (here
# another katapult provider, whose key is the password, as a stand-in for
# any provider that logs in to the machine), or to a write-only argument,
# a provisioner's connection or an ephemeral output.
provider "katapult" {
  alias   = "handed"
  api_key = ephemeral.katapult_virtual_machine.web.initial_root_password
}

data "katapult_virtual_machine" "read_with_the_handed_key" {
  provider = katapult.handed
  fqdn     = "web-1.acme.katapult.cloud"
}

output "name" {
  value = data.katapult_virtual_machine.read_with_the_handed_key.name
}
