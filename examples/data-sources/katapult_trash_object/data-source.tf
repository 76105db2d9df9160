terraform {
  required_providers {
    katapult = {
      source = "krystal/katapult"
    }
  }
}

provider "katapult" {}

# The trash object of a deleted virtual machine, by the machine's ID (or
# the trash object's own `id`): until when it can be restored.
data "katapult_trash_object" "vm" {
  object_id = "vm_KTKc6pwFxLjJ40QY"
}

output "vm_trash" {
  value = {
    id         = data.katapult_trash_object.vm.id
    keep_until = data.katapult_trash_object.vm.keep_until
  }
}
