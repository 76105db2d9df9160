terraform {
  required_providers {
    katapult = {
      source = "krystal/katapult"
    }
  }
}

# The organization's template list supplies template_version (the single
# template's answer lacks it); without an organization it is null.
provider "katapult" {
  organization = "acme"
}

# Get disk template by permalink
data "katapult_disk_template" "ubuntu-20-04" {
  permalink = "templates/ubuntu-20-04"
}

# Get disk template by ID
data "katapult_disk_template" "ubuntu-18-04" {
  id = "dtpl_dHTYevsvwvsL0Hea"
}

output "ubuntu_20_04" {
  value = {
    id               = data.katapult_disk_template.ubuntu-20-04.id
    template_version = data.katapult_disk_template.ubuntu-20-04.template_version
    os_family        = data.katapult_disk_template.ubuntu-20-04.os_family
    badge            = data.katapult_disk_template.ubuntu-20-04.operating_system.badge.url
  }
}
