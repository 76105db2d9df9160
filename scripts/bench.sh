#!/usr/bin/env bash
# The performance benchmark: builds the release binary (the bench profile is
# the release profile) and measures start-up, read overhead, whole plans and
# footprint. Writes bench/results.md and prints it. Takes a few minutes.
#   BENCH_QUICK=1 scripts/bench.sh   # a quick look; results not written
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-terraform.sh >/dev/null
command -v /usr/bin/time >/dev/null || { echo "bench: /usr/bin/time is needed (apt-get install time)" >&2; exit 1; }
cargo bench --locked --bench provider
