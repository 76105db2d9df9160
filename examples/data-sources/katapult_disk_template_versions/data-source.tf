terraform {
  required_providers {
    katapult = {
      source = "krystal/katapult"
    }
  }
}

provider "katapult" {}

# A template's versions, by the template's permalink (or disk_template_id).
data "katapult_disk_template_versions" "ubuntu" {
  disk_template_permalink = "templates/ubuntu-20-04"
}

# The stable versions' numbers, and the newest stable version's ID.
locals {
  stable = [for v in data.katapult_disk_template_versions.ubuntu.disk_template_versions : v if v.stable]
}

output "stable_numbers" {
  value = [for v in local.stable : v.number]
}

output "newest_stable_id" {
  value = local.stable[length(local.stable) - 1].id
}
