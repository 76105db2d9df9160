terraform {
  required_providers {
    katapult = {
      source = "krystal/katapult"
    }
  }
}

provider "katapult" {}

# Every GPU type Katapult has.
data "katapult_gpu_types" "all" {}

# The GPU types of one data center (or by data_center_id).
data "katapult_gpu_types" "amsterdam" {
  data_center_permalink = "nl-ams-01"
}

output "gpu_types" {
  value = {
    all       = [for gpu in data.katapult_gpu_types.all.gpu_types : gpu.permalink]
    amsterdam = [for gpu in data.katapult_gpu_types.amsterdam.gpu_types : gpu.permalink]
  }
}
