terraform {
  required_providers {
    katapult = {
      source = "krystal/katapult"
    }
  }
}

# The organization whose disks are listed: its sub-domain. Or set
# KATAPULT_ORGANIZATION.
provider "katapult" {
  organization = "acme"
}

data "katapult_disks" "all" {}

locals {
  # Disks by ID, for lookups such as local.disks_by_id["disk_..."].
  disks_by_id = { for disk in data.katapult_disks.all.disks : disk.id => disk }

  # A disk found by name (names are not unique: this takes the first).
  database = one([for disk in data.katapult_disks.all.disks : disk if disk.name == "acme-disk-42"])
}

output "disk_count" {
  value = length(data.katapult_disks.all.disks)
}

output "database_disk_id" {
  value = local.database.id
}

output "attached" {
  value = [for disk in data.katapult_disks.all.disks : disk.id if disk.virtual_machine_id != null]
}
