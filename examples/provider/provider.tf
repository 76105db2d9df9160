terraform {
  required_providers {
    katapult = {
      source = "krystal/katapult"
    }
  }
}

# Every argument is optional: with none, the provider reads the API token
# from KATAPULT_API_KEY and talks to https://api.katapult.io.
provider "katapult" {
  # api_key       = var.katapult_api_key # or KATAPULT_API_KEY
  # api_url       = "https://api.katapult.io" # or KATAPULT_API_URL
  # request_timeout = "30s"
}
