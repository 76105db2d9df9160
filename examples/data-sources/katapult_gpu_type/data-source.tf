terraform {
  required_providers {
    katapult = {
      source = "krystal/katapult"
    }
  }
}

provider "katapult" {}

# By its permalink (or by id: exactly one of the two).
data "katapult_gpu_type" "l40s" {
  permalink = "nvidia-l40s"
}

output "l40s" {
  value = {
    name         = data.katapult_gpu_type.l40s.name
    memory_in_gb = data.katapult_gpu_type.l40s.memory_in_gb
    data_centers = [for dc in data.katapult_gpu_type.l40s.data_centers : dc.permalink]
  }
}
