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

# The whole disk, nested as the API nests it. `installation` can hold
# protected values (a root password, say), which are sensitive, so it has an
# output of its own, marked sensitive.
output "disk" {
  value = { for name, value in data.katapult_disk.boot : name => value if name != "installation" }
}

output "installation" {
  value     = data.katapult_disk.boot.installation
  sensitive = true
}

# Single fields, nested objects included.
output "data_center" {
  value = data.katapult_disk.boot.data_center.permalink
}

output "attached_to" {
  value = try(data.katapult_disk.boot.virtual_machine_disk.virtual_machine.fqdn, null)
}
