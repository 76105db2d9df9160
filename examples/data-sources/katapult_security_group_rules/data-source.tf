terraform {
  required_providers {
    katapult = {
      source = "krystal/katapult"
    }
  }
}

provider "katapult" {}

# Every rule of one security group, inbound and outbound.
data "katapult_security_group_rules" "web" {
  security_group_id = "sg_pCUakUcbx8xzFh74"
}

output "inbound" {
  value = [for rule in data.katapult_security_group_rules.web.inbound_rules : "${rule.protocol}/${coalesce(rule.ports, "any")} ${rule.notes}"]
}

output "outbound_targets" {
  value = sort(distinct(flatten([for rule in data.katapult_security_group_rules.web.outbound_rules : rule.targets])))
}
