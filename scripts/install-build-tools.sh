#!/usr/bin/env bash
# Installs what scripts/release.sh builds the five platforms' binaries with,
# and fails loudly, saying what to do, when it cannot. Idempotent. Touches
# no other Rust toolchain (rustup's stays as it was).
#
#   - Rust from Debian (rustc-web, cargo-web) with the source of its standard
#     library (rust-web-src): release.sh builds a musl standard library for
#     each target from that source (-Zbuild-std), so no prebuilt target from
#     rustup's server is needed, and the source always matches the compiler.
#   - zig, from PyPI (ziglang), as C compiler and linker: it carries musl and
#     LLVM's libunwind for every target, so one tool links x86_64 and aarch64
#     alike, and mingw and a libSystem stub for Windows and macOS;
#     cargo-zigbuild (PyPI) wires it into cargo. Both in .tools/zig.
#   - llvm-objcopy (Debian's llvm), which rustc runs as rust-objcopy to
#     strip the macOS binaries.
#   - With --test, what the release checks need besides: qemu-user, to run
#     the arm64 binary on this machine; gpg, to check the signature; and
#     Python's grpcio (gRPC C-core, BoringSSL) in .tools/grpc-python, a
#     second gRPC client stack for the transport tests.
#   - With --grpc-python, only that grpcio (the README's tests use it).
#
# Prints the lines release.sh reads: RELEASE_CARGO=..., RELEASE_RUSTC=...,
# RELEASE_ZIGBUILD=..., RELEASE_PYTHON=...
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
venv="$root/.tools/zig"
zigbuild_version=0.24.1
ziglang_version=0.17.1

grpc_python() {
  local grpc_venv="$root/.tools/grpc-python" grpcio_version=1.85.3
  if ! "$grpc_venv/bin/python" -c "import grpc, sys; sys.exit(grpc.__version__ != '$grpcio_version')" 2>/dev/null; then
    echo "install-build-tools: installing grpcio $grpcio_version from PyPI into $grpc_venv" >&2
    rm -rf "$grpc_venv"
    python3 -m venv "$grpc_venv" >&2
    "$grpc_venv/bin/pip" install --quiet --disable-pip-version-check "grpcio==$grpcio_version" >&2
  fi
  echo "TEST_GRPC_PYTHON=$grpc_venv/bin/python"
}
# --grpc-python: only that (the README's tests need no build toolchain).
if [ "${1:-}" = "--grpc-python" ]; then
  grpc_python
  exit 0
fi

debs=(rustc-web cargo-web rust-web-src llvm)
if [ "${1:-}" = "--test" ]; then debs+=(qemu-user gpg); fi

# The crate's rust-version (and its dependencies') is 1.88: an older
# rustc-web counts as missing. (bookworm's main suite carries 1.85; the
# newer one comes from bookworm-security, which a stale package list does
# not know: hence the apt-get update below.)
min_minor=$(sed -n 's/^rust-version = "1\.\([0-9]*\)"/\1/p' "$root/Cargo.toml")
debian_rust_ok() {
  local minor
  minor=$(/usr/bin/rustc --version 2>/dev/null | sed -n 's/^rustc 1\.\([0-9]*\)\..*/\1/p')
  [ -n "$minor" ] && [ "$minor" -ge "${min_minor:-0}" ]
}
missing=()
for p in "${debs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ] && ! debian_rust_ok; then
  echo "install-build-tools: Debian's $(/usr/bin/rustc --version 2>/dev/null) is older than the 1.$min_minor the crate needs; upgrading" >&2
  missing=(rustc-web cargo-web rust-web-src)
fi
if [ ${#missing[@]} -gt 0 ]; then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "install-build-tools: needs Debian's packages ${missing[*]} (a Debian 12 or newer machine), or build on one." >&2
    exit 1
  fi
  if [ "$(id -u)" != 0 ]; then
    echo "install-build-tools: needs Debian's packages ${missing[*]}: run 'sudo apt-get install ${missing[*]}', then run this again." >&2
    exit 1
  fi
  echo "install-build-tools: installing ${missing[*]} from Debian" >&2
  export DEBIAN_FRONTEND=noninteractive
  # A stale package list installs an old rustc-web (or none): refresh first.
  apt-get update -q >&2
  apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
fi
if ! debian_rust_ok; then
  echo "install-build-tools: Debian's rustc is $(/usr/bin/rustc --version 2>/dev/null || echo missing); the release build needs 1.$min_minor or newer (package rustc-web from bookworm-security, or a newer Debian)." >&2
  exit 1
fi

cargo=/usr/bin/cargo
rustc=/usr/bin/rustc
sysroot=$("$rustc" --print sysroot)
if [ ! -d "$sysroot/lib/rustlib/src/rust/library/std" ]; then
  echo "install-build-tools: $rustc has no standard library source under $sysroot/lib/rustlib/src (package rust-web-src)." >&2
  exit 1
fi

if [ ! -x "$venv/bin/cargo-zigbuild" ] || ! "$venv/bin/cargo-zigbuild" --version 2>/dev/null | grep -q " $zigbuild_version"; then
  python=$(command -v python3 || true)
  if [ -z "$python" ]; then
    echo "install-build-tools: python3 is needed to install zig and cargo-zigbuild from PyPI (apt-get install python3 python3-venv)." >&2
    exit 1
  fi
  echo "install-build-tools: installing zig $ziglang_version and cargo-zigbuild $zigbuild_version from PyPI into $venv" >&2
  rm -rf "$venv"
  mkdir -p "$root/.tools"
  "$python" -m venv "$venv" >&2
  "$venv/bin/pip" install --quiet --disable-pip-version-check \
    "ziglang==$ziglang_version" "cargo-zigbuild==$zigbuild_version" >&2
fi
"$venv/bin/python" -m ziglang version >/dev/null

if [ "${1:-}" = "--test" ]; then
  grpc_python
fi

echo "RELEASE_CARGO=$cargo"
echo "RELEASE_RUSTC=$rustc"
echo "RELEASE_ZIGBUILD=$venv/bin/cargo-zigbuild"
echo "RELEASE_PYTHON=$venv/bin/python"
objcopy=$(command -v llvm-objcopy || true)
if [ -z "$objcopy" ]; then
  echo "install-build-tools: llvm-objcopy missing (package llvm)" >&2
  exit 1
fi
echo "RELEASE_OBJCOPY=$objcopy"
