terraform {
  required_providers {
    katapult = {
      source = "krystal/katapult"
    }
  }
}

# The organization whose profiles are read: its sub-domain. Or set
# KATAPULT_ORGANIZATION.
provider "katapult" {
  organization = "acme"
}

# Look a profile up by permalink (or by id: exactly one of the two).
data "katapult_disk_io_profile" "fast" {
  permalink = "unrestricted"
}

output "fast_profile_id" {
  value = data.katapult_disk_io_profile.fast.id
}

# Null means unlimited.
output "fast_profile_unlimited" {
  value = data.katapult_disk_io_profile.fast.iops == null && data.katapult_disk_io_profile.fast.speed_in_mb == null
}
