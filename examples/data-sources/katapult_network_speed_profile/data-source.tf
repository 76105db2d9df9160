terraform {
  required_providers {
    katapult = {
      source = "krystal/katapult"
    }
  }
}

# The organization whose profiles are searched: its sub-domain. Or set
# KATAPULT_ORGANIZATION.
provider "katapult" {
  organization = "acme"
}

# By permalink (or by `id`; with both, by `id`, and the permalink must match).
data "katapult_network_speed_profile" "gigabit" {
  permalink = "1gbps"
}

# The API's speeds are null where unrestricted (`upload_speed` and
# `download_speed` are 0 then, as in Katapult's Go provider).
output "gigabit_speeds" {
  value = {
    for direction, mbit in {
      upload   = data.katapult_network_speed_profile.gigabit.upload_speed_in_mbit
      download = data.katapult_network_speed_profile.gigabit.download_speed_in_mbit
    } : direction => mbit == null ? "unrestricted" : "${mbit} Mbit/s"
  }
}
