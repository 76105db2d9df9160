terraform {
  required_providers {
    katapult = {
      source = "krystal/katapult"
    }
  }
}

# The organization whose profiles are listed: its sub-domain. Or set
# KATAPULT_ORGANIZATION.
provider "katapult" {
  organization = "acme"
}

data "katapult_network_speed_profiles" "all" {}

# Profile IDs by permalink, e.g. local.speed_profile_ids["1gbps"].
locals {
  speed_profile_ids = {
    for profile in data.katapult_network_speed_profiles.all.profiles :
    profile.permalink => profile.id
  }
}

output "speed_profile_ids" {
  value = local.speed_profile_ids
}
