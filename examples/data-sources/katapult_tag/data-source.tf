terraform {
  required_providers {
    katapult = {
      source = "krystal/katapult"
    }
  }
}

provider "katapult" {}

# One tag, by its ID.
data "katapult_tag" "web" {
  id = "tag_d93jtFjsKT9bxwnw"
}

output "tag" {
  value = "${data.katapult_tag.web.name} (${data.katapult_tag.web.color})"
}
