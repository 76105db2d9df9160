terraform {
  required_providers {
    katapult = {
      source = "krystal/katapult"
    }
  }
}

provider "katapult" {}

# One security group, by its ID, with its rules.
data "katapult_security_group" "web" {
  id = "sg_LkK4zqz5M5N2HFBj"
}

# The group alone: its rules are not read (inbound_rules and outbound_rules
# are null).
data "katapult_security_group" "web_plain" {
  id            = "sg_LkK4zqz5M5N2HFBj"
  include_rules = false
}

output "name" {
  value = data.katapult_security_group.web_plain.name
}

# The ports the group lets in, whatever the protocol ("any" for a rule that
# covers every port, such as ICMP).
output "inbound_ports" {
  value = distinct([for rule in data.katapult_security_group.web.inbound_rules : coalesce(rule.ports, "any")])
}

output "allows_all_outbound" {
  value = data.katapult_security_group.web.allow_all_outbound
}
