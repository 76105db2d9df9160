terraform {
  required_providers {
    katapult = {
      source = "krystal/katapult"
    }
  }
}

provider "katapult" {}

# One security group rule, by its ID.
data "katapult_security_group_rule" "ssh" {
  id = "sgr_cDHuiAQalZ1ZkaXg"
}

locals {
  ssh = data.katapult_security_group_rule.ssh
}

output "rule" {
  value = "${local.ssh.direction} ${local.ssh.protocol} ${local.ssh.ports} from ${join(", ", sort(local.ssh.targets))} (${local.ssh.notes})"
}

output "security_group" {
  value = local.ssh.security_group.name
}
