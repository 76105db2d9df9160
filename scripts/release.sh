#!/usr/bin/env bash
# Builds the release artefacts the Terraform Registry expects, into dist/:
#   terraform-provider-katapult_VERSION_linux_amd64.zip  (and _linux_arm64)
#     holding terraform-provider-katapult_vVERSION
#   terraform-provider-katapult_VERSION_manifest.json    (protocol 6.0)
#   terraform-provider-katapult_VERSION_SHA256SUMS
# and reports each binary's size and shared-library dependencies.
#
#   scripts/release.sh                    # release builds for every platform
#   scripts/release.sh --binary PATH      # package an existing linux_amd64 binary
#
# linux_arm64 is cross-compiled with Debian's cross toolchain
# (apt-get install gcc-aarch64-linux-gnu) and Rust's aarch64 standard library
# (rustup target add aarch64-unknown-linux-gnu); a platform whose tools are
# missing is reported and left out, never packaged half-built.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
name=terraform-provider-katapult
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)
dist="${DIST:-$root/dist}"
binary_override=
if [ "${1:-}" = "--binary" ]; then binary_override=$2; fi

rm -rf "$dist"
mkdir -p "$dist"
built=()

package() { # os_arch binary
  local platform=$1 binary=$2 stage
  stage=$(mktemp -d)
  cp "$binary" "$stage/${name}_v${version}"
  chmod 755 "$stage/${name}_v${version}"
  (cd "$stage" && python3 -m zipfile -c "$dist/${name}_${version}_${platform}.zip" "${name}_v${version}")
  rm -rf "$stage"
  local size deps
  size=$(stat -c %s "$binary")
  deps=$(ldd "$binary" 2>/dev/null | awk '{print $1}' | tr '\n' ' ' || true)
  echo "release: ${platform}: $((size / 1024)) KiB stripped; links: ${deps:-static}" >&2
  if ldd "$binary" 2>/dev/null | grep -qiE 'ssl|crypto'; then
    echo "release: ${platform} links an OpenSSL library; it must not" >&2
    exit 1
  fi
  built+=("$platform")
}

has_rust_target() {
  [ -d "$(rustc --print sysroot)/lib/rustlib/$1/lib" ]
}

if [ -n "$binary_override" ]; then
  package linux_amd64 "$binary_override"
else
  cargo build --locked --release --target x86_64-unknown-linux-gnu
  package linux_amd64 "target/x86_64-unknown-linux-gnu/release/$name"

  if ! has_rust_target aarch64-unknown-linux-gnu; then
    echo "release: leaving out linux_arm64: Rust's aarch64 standard library is not installed (rustup target add aarch64-unknown-linux-gnu)" >&2
  elif ! command -v aarch64-linux-gnu-gcc >/dev/null; then
    echo "release: leaving out linux_arm64: no aarch64 cross linker (apt-get install gcc-aarch64-linux-gnu)" >&2
  else
    CARGO_TARGET_AARCH64_UNKNOWN_LINUX_GNU_LINKER=aarch64-linux-gnu-gcc \
      CC_aarch64_unknown_linux_gnu=aarch64-linux-gnu-gcc \
      cargo build --locked --release --target aarch64-unknown-linux-gnu
    package linux_arm64 "target/aarch64-unknown-linux-gnu/release/$name"
  fi
fi

cp terraform-registry-manifest.json "$dist/${name}_${version}_manifest.json"
(cd "$dist" && sha256sum ./*.zip "${name}_${version}_manifest.json" | sed 's| \./| |' >"${name}_${version}_SHA256SUMS")
echo "release: built ${built[*]} in $dist:" >&2
ls -1 "$dist" >&2
