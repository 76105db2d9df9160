terraform {
  required_providers {
    katapult = {
      source = "krystal/katapult"
    }
  }
}

provider "katapult" {}

# One package, by its permalink (or by `id`).
data "katapult_virtual_machine_package" "rock_3" {
  permalink = "rock-3"
}

output "rock_3" {
  value = format(
    "%s: %d CPU cores, %d GB memory, %d GB storage, %d IPv4 address(es)",
    data.katapult_virtual_machine_package.rock_3.name,
    data.katapult_virtual_machine_package.rock_3.cpu_cores,
    data.katapult_virtual_machine_package.rock_3.memory_in_gb,
    data.katapult_virtual_machine_package.rock_3.storage_in_gb,
    data.katapult_virtual_machine_package.rock_3.ipv4_addresses,
  )
}

output "rock_3_id" {
  value = data.katapult_virtual_machine_package.rock_3.id
}
