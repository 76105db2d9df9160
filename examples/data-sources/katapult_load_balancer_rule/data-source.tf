terraform {
  required_providers {
    katapult = {
      source = "krystal/katapult"
    }
  }
}

data "katapult_load_balancer_rule" "https" {
  id = "lbrule_Full000Populated"
}

locals {
  rule = data.katapult_load_balancer_rule.https
}

# e.g. "HTTPS :443 -> :8443"
output "forwards" {
  value = "${local.rule.protocol} :${local.rule.listen_port} -> :${local.rule.destination_port}"
}

output "health_check" {
  value = local.rule.check_enabled ? "${local.rule.check_protocol} ${local.rule.check_path}" : "off"
}
