terraform {
  required_providers {
    katapult = {
      source = "krystal/katapult"
    }
  }
}

# The organization whose trash is listed: its sub-domain. Or set
# KATAPULT_ORGANIZATION.
provider "katapult" {
  organization = "acme"
}

data "katapult_trash_objects" "all" {}

# The IDs of the objects in the trash, by their type.
output "trashed_by_type" {
  value = { for t in data.katapult_trash_objects.all.trash_objects : t.object_type => t.object_id... }
}
