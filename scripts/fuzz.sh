#!/usr/bin/env bash
# Fuzzes the msgpack decoder and the API-response mapping for a fixed budget
# each (seconds, default 60): scripts/fuzz.sh [SECONDS].
# Needs a nightly toolchain and cargo-fuzz (`cargo install cargo-fuzz`).
# A crash is saved under fuzz/artifacts/TARGET/; once fixed, copy the input
# to fuzz/regressions/TARGET/, where the test suite replays it for good.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
budget=${1:-60}

if ! cargo +nightly --version >/dev/null 2>&1; then
  echo "fuzz: a nightly toolchain is needed: rustup toolchain install nightly" >&2
  exit 1
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "fuzz: cargo-fuzz is needed: cargo install cargo-fuzz" >&2
  exit 1
fi

for target in msgpack_decode disk_mapping; do
  corpus="corpus/$target"
  mkdir -p "$corpus"
  cp -n regressions/"$target"/* "$corpus"/ 2>/dev/null || true
  echo "fuzz: $target for ${budget}s" >&2
  cargo +nightly fuzz run "$target" "$corpus" -- -max_total_time="$budget" -rss_limit_mb=2048 -max_len=65536
done
echo "fuzz: no crash in ${budget}s per target" >&2
