terraform {
  required_providers {
    katapult = {
      source = "krystal/katapult"
    }
  }
}

# The organization whose account is read: its sub-domain. Or set
# KATAPULT_ORGANIZATION.
provider "katapult" {
  organization = "acme"
}

# The organization's object storage account in a region.
data "katapult_object_storage_account" "main" {
  region = "uk-lon-1"
}

output "ready" {
  value = data.katapult_object_storage_account.main.provisioning_state == "provisioned"
}

output "buckets" {
  value = data.katapult_object_storage_account.main.bucket_count
}

output "data_center" {
  value = data.katapult_object_storage_account.main.data_center.name
}
