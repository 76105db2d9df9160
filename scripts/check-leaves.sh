#!/usr/bin/env bash
# A data source is a leaf: removing its file and its lines in its family's
# mod.rs leaves the crate building. Checks that for each leaf named
# (FAMILY/NAME, e.g. compute/tag), by default three of different shapes, in
# a scratch copy of the crate (the work tree is not touched), with
# `cargo check --lib`. Reuses target/ for the dependencies; about a minute
# per leaf on 2 cores.
#
#   scripts/check-leaves.sh [FAMILY/NAME ...]
set -euo pipefail
cd "$(dirname "$0")/.."

leaves=("$@")
if [ ${#leaves[@]} -eq 0 ]; then
  leaves=(compute/tag reference/data_centers network/networks)
fi

scratch=$(mktemp -d "${TMPDIR:-/tmp}/katapult-leaves.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
# The scratch crate's own path keeps its artifacts apart from the work
# tree's; the dependencies are shared.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"

for leaf in "${leaves[@]}"; do
  family=${leaf%%/*}
  name=${leaf##*/}
  file="src/datasource/$family/$name.rs"
  if [ ! -f "$file" ]; then
    echo "check-leaves: no leaf $file" >&2
    exit 1
  fi
  rm -rf "$scratch/crate"
  mkdir -p "$scratch/crate"
  cp -r Cargo.toml Cargo.lock build.rs proto src testkit tests benches .cargo "$scratch/crate/"
  rm "$scratch/crate/$file"
  # Its `mod` line and every registry line naming it.
  sed -i -E -e "/^mod $name;\$/d" -e "s/&$name::[A-Za-z0-9_]+,? ?//g" "$scratch/crate/src/datasource/$family/mod.rs"
  if grep -v "^ *//" "$scratch/crate/src/datasource/$family/mod.rs" | grep -qw "$name"; then
    echo "check-leaves: $family/mod.rs still names $name after removing its lines" >&2
    exit 1
  fi
  echo "check-leaves: without $leaf ..." >&2
  if ! (cd "$scratch/crate" && cargo check --locked --lib --quiet 2>"$scratch/err"); then
    echo "check-leaves: the crate does not build without $leaf:" >&2
    grep -E '^(error|  -->)' "$scratch/err" | head -20 >&2
    exit 1
  fi
  echo "check-leaves: builds without $leaf" >&2
done
