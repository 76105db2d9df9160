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
ephemeral "katapult_disk" "database" {
  id = "disk_Full0000Populated"
}

# A protected value handed to a provider configuration (here another
# katapult provider, whose key is the disk's root password, as a stand-in
# for any provider that wants a secret).
provider "katapult" {
  alias   = "handed"
  api_key = ephemeral.katapult_disk.database.protected_attributes["root_password"]
}

data "katapult_disk" "read_with_the_handed_key" {
  provider = katapult.handed
  id       = "disk_I4Bu3elhTjuAg16W"
}

output "name" {
  value = data.katapult_disk.read_with_the_handed_key.name
}
