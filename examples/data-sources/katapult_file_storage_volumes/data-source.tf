terraform {
  required_providers {
    katapult = {
      source = "krystal/katapult"
    }
  }
}

# The organization whose volumes are listed: its sub-domain. Or set
# KATAPULT_ORGANIZATION.
provider "katapult" {
  organization = "acme"
}

data "katapult_file_storage_volumes" "all" {}

# Where to mount each volume from, by name.
output "nfs_locations" {
  value = { for volume in data.katapult_file_storage_volumes.all.file_storage_volumes : volume.name => volume.nfs_location }
}

# Volumes not ready yet (no NFS location).
output "not_ready" {
  value = [for volume in data.katapult_file_storage_volumes.all.file_storage_volumes : volume.id if volume.state != "ready"]
}
