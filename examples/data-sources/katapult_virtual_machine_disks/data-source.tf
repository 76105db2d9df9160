terraform {
  required_providers {
    katapult = {
      source = "krystal/katapult"
    }
  }
}

provider "katapult" {}

# The disks of a virtual machine, by its ID (or virtual_machine_fqdn).
data "katapult_virtual_machine_disks" "web" {
  virtual_machine_id = "vm_WebServer00000001"
}

output "boot_disk" {
  value = one([for disk in data.katapult_virtual_machine_disks.web.disks : disk.id if disk.boot])
}

output "disks" {
  value = {
    for disk in data.katapult_virtual_machine_disks.web.disks : disk.name => {
      size_in_gb       = disk.size_in_gb
      storage_speed    = disk.storage_speed
      io_profile       = disk.io_profile.permalink
      attachment_state = disk.attachment_state
    }
  }
}
