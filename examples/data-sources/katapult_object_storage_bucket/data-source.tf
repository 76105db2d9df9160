terraform {
  required_providers {
    katapult = {
      source = "krystal/katapult"
    }
  }
}

provider "katapult" {
  organization = "acme"
}

data "katapult_object_storage_account" "main" {
  region = "uk-lon-1"
}

# One bucket, by its name and region.
data "katapult_object_storage_bucket" "site" {
  name   = "tf-acc-test-static-site-duypazh8xfgz"
  region = data.katapult_object_storage_account.main.region
}

output "url" {
  value = data.katapult_object_storage_bucket.site.public_url
}

output "index_page" {
  value = "${data.katapult_object_storage_bucket.site.public_url}${data.katapult_object_storage_bucket.site.static_site_index}"
}

# Whether anyone may read it without a key.
output "public" {
  value = data.katapult_object_storage_bucket.site.access_control_list.public_read
}
