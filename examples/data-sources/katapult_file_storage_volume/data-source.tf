terraform {
  required_providers {
    katapult = {
      source = "krystal/katapult"
    }
  }
}

# One file storage volume, by its ID.
data "katapult_file_storage_volume" "shared" {
  id = "fsv_rXfunTdscpF1BvxL"
}

# What to put in /etc/fstab on the machines in `associations`.
output "fstab" {
  value = "${data.katapult_file_storage_volume.shared.nfs_location} /mnt/shared nfs defaults 0 0"
}

output "machines" {
  value = sort(data.katapult_file_storage_volume.shared.associations)
}

output "data_center" {
  value = data.katapult_file_storage_volume.shared.data_center.permalink
}
