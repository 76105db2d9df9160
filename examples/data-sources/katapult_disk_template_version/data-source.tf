terraform {
  required_providers {
    katapult = {
      source = "krystal/katapult"
    }
  }
}

provider "katapult" {}

# A template version, by its ID, with its specification.
data "katapult_disk_template_version" "ubuntu" {
  id = "dtv_Ha4LXNfpQddNlUcT"
}

output "version" {
  value = {
    template = data.katapult_disk_template_version.ubuntu.disk_template.name
    number   = data.katapult_disk_template_version.ubuntu.number
    stable   = data.katapult_disk_template_version.ubuntu.stable
  }
}

# The fields an installation of the version must be given.
output "required_fields" {
  value = [
    for field in data.katapult_disk_template_version.ubuntu.spec.fields : field.name if field.required
  ]
}
