terraform {
  required_providers {
    katapult = {
      source = "krystal/katapult"
    }
  }
}

data "katapult_load_balancer_rules" "web" {
  load_balancer_id = "lb_Full000Populated"
}

# The ports it listens on, and where each sends its traffic.
output "ports" {
  value = {
    for rule in data.katapult_load_balancer_rules.web.rules :
    tostring(rule.listen_port) => rule.destination_port
  }
}

# The rules whose backends' health is checked.
output "checked" {
  value = [for rule in data.katapult_load_balancer_rules.web.rules : rule.id if rule.check_enabled]
}
