#!/usr/bin/env bash
# Builds the release artefacts into dist/ (or $DIST):
#
#   terraform-provider-katapult_VERSION_linux_amd64.zip    static x86_64 binary
#   terraform-provider-katapult_VERSION_linux_arm64.zip    static aarch64 binary
#   terraform-provider-katapult_VERSION_darwin_amd64.zip   macOS 11+, Intel
#   terraform-provider-katapult_VERSION_darwin_arm64.zip   macOS 11+, Apple silicon
#     each holding terraform-provider-katapult_vVERSION
#   terraform-provider-katapult_VERSION_windows_amd64.zip  Windows 10+, x86_64
#     holding terraform-provider-katapult_vVERSION.exe
#   terraform-provider-katapult_VERSION_manifest.json      protocol 6.0
#   terraform-provider-katapult_VERSION_SHA256SUMS         the zips and manifest
#   terraform-provider-katapult_VERSION_SHA256SUMS.sig     detached GPG signature
#   terraform-provider-katapult_VERSION_signing-key.asc    its public key
#   registry.terraform.io/krystal/katapult/                a provider mirror:
#     index.json, VERSION.json                             network mirror protocol
#     the zips                                             filesystem mirror (packed)
#   registry.opentofu.org/krystal/katapult/                the same, for OpenTofu
#   HOST/NAMESPACE/katapult/ for each of $MIRROR_ADDRESSES  the same, for a second
#                                                          address (beside the Go provider)
#
# The Linux binaries are statically linked against musl: no program
# interpreter, no shared library, so they start on any Linux of their
# architecture (Alpine, old glibc, distroless, an empty root file system).
# The darwin ones link only libSystem, libiconv and the Security and
# CoreFoundation frameworks (rustls-platform-verifier checks certificates
# against the Keychain), macOS 11.0 or later; the Windows one only system
# DLLs (the UCRT: Windows 10 or later). TLS is rustls everywhere; panics
# still unwind (the server's panic guard needs that).
#
# The toolchain is installed by scripts/install-build-tools.sh (Rust and its
# standard library's source from Debian, zig and cargo-zigbuild from PyPI).
# Any platform that cannot be built stops the script with an error: none is
# ever left out silently.
#
# Signing: GPG_PRIVATE_KEY holds an ASCII-armoured secret key (RSA, as the
# Terraform Registry requires) and PASSPHRASE its passphrase, if it has one;
# GPG_FINGERPRINT picks one key when GPG_PRIVATE_KEY holds several. The key
# is imported into a temporary keyring, never the user's. Without
# GPG_PRIVATE_KEY a throwaway key signs, for local use only, and the script
# says so.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
name=terraform-provider-katapult
namespace=krystal
type=katapult
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)
dist="${DIST:-$root/dist}"
# Terraform platform, Rust target.
platforms=(
  "linux_amd64 x86_64-unknown-linux-musl"
  "linux_arm64 aarch64-unknown-linux-musl"
  "darwin_amd64 x86_64-apple-darwin"
  "darwin_arm64 aarch64-apple-darwin"
  "windows_amd64 x86_64-pc-windows-gnu"
)

say() { echo "release: $*" >&2; }
die() { say "$*"; exit 1; }

# Checked before anything is built: a typo should not cost a build.
for address in ${MIRROR_ADDRESSES:-}; do
  [[ "$address" =~ ^[a-z0-9.-]+(:[0-9]+)?/[a-z0-9_-]+/[a-z0-9_-]+$ ]] ||
    die "MIRROR_ADDRESSES: \"$address\" is not a provider address (HOST/NAMESPACE/TYPE, lower case)"
  [ "${address##*/}" = "$type" ] ||
    die "MIRROR_ADDRESSES: \"$address\" must end in /$type, the type the binary's name carries"
done

for tool in readelf python3 gpg sha256sum; do
  command -v "$tool" >/dev/null 2>&1 || die "$tool is needed (apt-get install binutils python3 gpg coreutils)"
done

tools=$("$root/scripts/install-build-tools.sh") || die "could not install the build toolchain (see above)"
while IFS='=' read -r key value; do
  case "$key" in RELEASE_CARGO | RELEASE_RUSTC | RELEASE_ZIGBUILD | RELEASE_PYTHON | RELEASE_OBJCOPY) printf -v "$key" '%s' "$value" ;; esac
done <<<"$tools"

# What the darwin and Windows links need besides zig, made once in
# target/release-tools: text stubs of Apple's frameworks (no SDK exists
# here: scripts/lib/darwin-frameworks.py), `rust-objcopy` (rustc strips
# Mach-O binaries with it) pointing at Debian's llvm-objcopy, and two empty
# archives for the -lssp_nonshared -lssp Debian's rustc asks of a
# windows-gnu link (zig's mingw has neither; nothing is used from them).
release_tools="$root/target/release-tools"
prepare_cross_tools() {
  local zig
  zig=$("$RELEASE_PYTHON" -c 'import ziglang, os; print(os.path.join(os.path.dirname(ziglang.__file__), "zig"))')
  mkdir -p "$release_tools/bin" "$release_tools/mingw"
  ln -sf "$RELEASE_OBJCOPY" "$release_tools/bin/rust-objcopy"
  python3 "$root/scripts/lib/darwin-frameworks.py" "$release_tools/frameworks" "$RELEASE_CARGO" ||
    die "could not write the darwin framework stubs (see above)"
  for lib in libssp.a libssp_nonshared.a; do
    [ -f "$release_tools/mingw/$lib" ] || "$zig" ar rcs "$release_tools/mingw/$lib"
  done
}

# Builds every target's binary in one cargo run: the targets share the
# host's build scripts and proc macros, and one target's single-threaded
# LTO step overlaps another's compilation. Only per-target flags: cargo uses
# a global RUSTFLAGS instead of them, and the darwin linker refuses
# link-self-contained.
build_all() {
  local target_args=() entry platform target
  for entry in "${platforms[@]}"; do
    read -r platform target <<<"$entry"
    target_args+=(--target "$target")
  done
  # -Zbuild-std compiles the standard library for each target from Debian's
  # rust-web-src (RUSTC_BOOTSTRAP allows the flag on a stable compiler);
  # link-self-contained=no leaves crt objects, musl and libunwind to zig,
  # since a std built this way brings none of its own.
  CARGO="$RELEASE_CARGO" RUSTC="$RELEASE_RUSTC" RUSTC_BOOTSTRAP=1 \
    CARGO_TARGET_X86_64_UNKNOWN_LINUX_MUSL_RUSTFLAGS="-C link-self-contained=no" \
    CARGO_TARGET_AARCH64_UNKNOWN_LINUX_MUSL_RUSTFLAGS="-C link-self-contained=no" \
    CARGO_TARGET_X86_64_APPLE_DARWIN_RUSTFLAGS="-C link-arg=-F$release_tools/frameworks" \
    CARGO_TARGET_AARCH64_APPLE_DARWIN_RUSTFLAGS="-C link-arg=-F$release_tools/frameworks" \
    CARGO_TARGET_X86_64_PC_WINDOWS_GNU_RUSTFLAGS="-L native=$release_tools/mingw" \
    MACOSX_DEPLOYMENT_TARGET=11.0 \
    PATH="$release_tools/bin:$PATH" \
    CARGO_ZIGBUILD_PYTHON_PATH="$RELEASE_PYTHON" \
    CARGO_TARGET_DIR="$root/target/static" \
    "$RELEASE_ZIGBUILD" zigbuild --locked --release "${target_args[@]}" \
    -Zbuild-std=std,panic_unwind --bin "$name" >&2
}

# Refuses a Linux binary that would need anything from the host to start.
check_static() {
  local platform=$1 binary=$2
  if readelf -l "$binary" | grep -q 'INTERP'; then
    die "$platform: $binary asks for a program interpreter; it must be static"
  fi
  if readelf -d "$binary" | grep -q 'NEEDED'; then
    die "$platform: $binary needs shared libraries: $(readelf -d "$binary" | grep NEEDED | tr -s ' ')"
  fi
}

rm -rf "$dist"
mkdir -p "$dist"
prepare_cross_tools
say "building ${#platforms[@]} platforms in one cargo run (cargo's progress follows; 20 to 40 minutes cold on 2 cores)"
started=$SECONDS
build_all || die "the build failed (see above)"
say "built in $((SECONDS - started)) s"
for entry in "${platforms[@]}"; do
  read -r platform target <<<"$entry"
  exe=
  case "$platform" in windows_*) exe=.exe ;; esac
  binary="$root/target/static/$target/release/$name$exe"
  [ -f "$binary" ] || die "$platform: the build left no $binary"
  case "$platform" in
    linux_*)
      check_static "$platform" "$binary"
      note="statically linked (no interpreter, no shared library)"
      ;;
    *) note="checked by tests/release.rs (Mach-O and PE checks)" ;;
  esac
  stage=$(mktemp -d)
  cp "$binary" "$stage/${name}_v${version}$exe"
  chmod 755 "$stage/${name}_v${version}$exe"
  (cd "$stage" && python3 -m zipfile -c "$dist/${name}_${version}_${platform}.zip" "${name}_v${version}$exe")
  rm -rf "$stage"
  say "$platform: $(($(stat -c %s "$binary") / 1024)) KiB, $note"
done

cp terraform-registry-manifest.json "$dist/${name}_${version}_manifest.json"
sums="${name}_${version}_SHA256SUMS"
(cd "$dist" && sha256sum ./*.zip "${name}_${version}_manifest.json" | sed 's| \./| |' >"$sums")

# The mirror: the packed filesystem-mirror layout and, in the same folder,
# the network mirror protocol's index.json and VERSION.json, whose archive
# URLs are relative to it. h1: is Terraform's hash of the archive's contents,
# zh: the SHA-256 of the archive itself.
# One mirror per address: Terraform's and OpenTofu's for krystal/katapult,
# and any the user names in MIRROR_ADDRESSES (HOST/NAMESPACE/TYPE, space
# separated), such as the second address that runs this provider beside
# Katapult's Go provider (see README).
addresses="registry.terraform.io/$namespace/$type registry.opentofu.org/$namespace/$type ${MIRROR_ADDRESSES:-}"
for address in $addresses; do
  mirror="$dist/$address"
  mkdir -p "$mirror"
  for zip in "$dist"/*.zip; do
    ln "$zip" "$mirror/" 2>/dev/null || cp "$zip" "$mirror/"
  done
  python3 - "$mirror" "$version" <<'EOF'
import base64, hashlib, json, os, re, sys, zipfile
mirror, version = sys.argv[1], sys.argv[2]
def h1(path):
    with zipfile.ZipFile(path) as z:
        lines = "".join(
            "%s  %s\n" % (hashlib.sha256(z.read(n)).hexdigest(), n)
            for n in sorted(z.namelist()) if not n.endswith("/"))
    return "h1:" + base64.b64encode(hashlib.sha256(lines.encode()).digest()).decode()
def zh(path):
    with open(path, "rb") as f:
        return "zh:" + hashlib.sha256(f.read()).hexdigest()
archives = {}
for zip_name in sorted(os.listdir(mirror)):
    m = re.fullmatch(r"terraform-provider-[a-z0-9-]+_%s_([a-z0-9]+_[a-z0-9]+)\.zip" % re.escape(version), zip_name)
    if m:
        path = os.path.join(mirror, zip_name)
        archives[m.group(1)] = {"url": zip_name, "hashes": [h1(path), zh(path)]}
with open(os.path.join(mirror, "index.json"), "w") as f:
    json.dump({"versions": {version: {}}}, f, indent=2)
with open(os.path.join(mirror, version + ".json"), "w") as f:
    json.dump({"archives": archives}, f, indent=2)
EOF
done

# The signature, from a keyring of its own that is removed afterwards.
gnupghome=$(mktemp -d)
cleanup() {
  GNUPGHOME="$gnupghome" gpgconf --kill gpg-agent 2>/dev/null || true
  rm -rf "$gnupghome"
}
trap cleanup EXIT
export GNUPGHOME="$gnupghome"
chmod 700 "$gnupghome"
if [ -n "${GPG_PRIVATE_KEY:-}" ]; then
  printf '%s\n' "$GPG_PRIVATE_KEY" | gpg --batch --quiet --import 2>/dev/null ||
    die "GPG_PRIVATE_KEY is not an ASCII-armoured GPG secret key"
  fingerprint=${GPG_FINGERPRINT:-$(gpg --batch --with-colons --list-secret-keys | awk -F: '$1 == "fpr" { print $10; exit }')}
  [ -n "$fingerprint" ] || die "GPG_PRIVATE_KEY holds no secret key"
  key_note="key $fingerprint from GPG_PRIVATE_KEY"
else
  gpg --batch --quiet --passphrase '' \
    --quick-generate-key "$name local release (throwaway) <release@localhost>" rsa3072 sign 1d 2>/dev/null
  fingerprint=$(gpg --batch --with-colons --list-secret-keys | awk -F: '$1 == "fpr" { print $10; exit }')
  key_note="a THROWAWAY key made for this build (no GPG_PRIVATE_KEY set): fine for a local mirror, not for the Registry"
fi
gpg --batch --quiet --armor --export "$fingerprint" >"$dist/${name}_${version}_signing-key.asc"
sign=(gpg --batch --quiet --yes --local-user "$fingerprint" --detach-sign --output "$dist/$sums.sig")
if [ -n "${PASSPHRASE:-}" ]; then
  "${sign[@]}" --pinentry-mode loopback --passphrase-fd 3 "$dist/$sums" 3<<<"$PASSPHRASE" ||
    die "signing with $fingerprint failed (is PASSPHRASE right?)"
else
  "${sign[@]}" "$dist/$sums" || die "signing with $fingerprint failed (does the key need PASSPHRASE?)"
fi
say "signed $sums with $key_note"
say "built ${#platforms[@]} platforms into $dist:"
(cd "$dist" && find . -type f | sort | sed 's|^\./|  |') >&2
