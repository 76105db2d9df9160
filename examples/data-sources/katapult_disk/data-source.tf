terraform {
  required_providers {
    katapult = {
      source = "krystal/katapult"
    }
  }
}

provider "katapult" {}

variable "disk_id" {
  description = "The ID of the disk to look up."
  type        = string
  default     = "disk_I4Bu3elhTjuAg16W"
}

data "katapult_disk" "boot" {
  id = var.disk_id
}

# The whole disk, nested as the API nests it. The values of protected
# installation attributes (a root password, say) are only in the sensitive
# `protected_attributes`, so that has an output of its own, marked sensitive.
output "disk" {
  value = { for name, value in data.katapult_disk.boot : name => value if name != "protected_attributes" }
}

output "protected_attributes" {
  value     = data.katapult_disk.boot.protected_attributes
  sensitive = true
}

# Single fields, nested objects included.
output "data_center" {
  value = data.katapult_disk.boot.data_center.permalink
}

output "attached_to" {
  value = try(data.katapult_disk.boot.virtual_machine_disk.virtual_machine.fqdn, null)
}
