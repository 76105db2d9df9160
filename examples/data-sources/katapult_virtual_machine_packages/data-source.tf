terraform {
  required_providers {
    katapult = {
      source = "krystal/katapult"
    }
  }
}

provider "katapult" {}

data "katapult_virtual_machine_packages" "all" {}

locals {
  # The packages with at least 4 CPU cores and 16 GB of memory, as
  # "memory permalink", smallest memory first.
  fitting = sort([
    for p in data.katapult_virtual_machine_packages.all.packages :
    format("%06d %s", p.memory_in_gb, p.permalink)
    if p.cpu_cores >= 4 && p.memory_in_gb >= 16
  ])
}

# The smallest of them: its permalink, to build a machine with.
output "smallest_fitting" {
  value = split(" ", local.fitting[0])[1]
}

# Every package's size, by permalink.
output "packages" {
  value = {
    for p in data.katapult_virtual_machine_packages.all.packages :
    p.permalink => "${p.cpu_cores} CPU cores, ${p.memory_in_gb} GB memory"
  }
}
