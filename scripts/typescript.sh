#!/usr/bin/env bash
# Installs the pinned TypeScript compiler (tools/typescript, typescript 5.9.3 from its lock file) unless it is
# already there; npm's cache keeps later installs offline. Prints the path of tsc.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
tool="$repo/tools/typescript"
tsc="$tool/node_modules/.bin/tsc"
wanted=$(sed -n 's/.*"typescript": "\([0-9.]*\)".*/\1/p' "$tool/package.json")

if [ ! -x "$tsc" ] || [ "$("$tsc" --version 2>/dev/null)" != "Version $wanted" ]; then
  echo "typescript: installing typescript@$wanted" >&2
  npm ci --prefix "$tool" --no-audit --no-fund --loglevel=error >&2
fi
echo "$tsc"
