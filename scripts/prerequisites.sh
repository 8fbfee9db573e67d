#!/usr/bin/env bash
# Installs what the project needs and the machine lacks, with apt (Debian/Ubuntu). Idempotent.
#   scripts/prerequisites.sh           what ./run.sh needs (PostgreSQL, Redis; checks the .NET SDK)
#   scripts/prerequisites.sh --tests   plus what ./test.sh needs (Chromium for the browser tests, Node.js and
#                                      npm to compile and run the generated TypeScript)
#   scripts/prerequisites.sh --bench   plus what bench/ needs (wrk, bc, python3)
set -euo pipefail

want_tests=false
want_bench=false
[ "${1:-}" = "--tests" ] && want_tests=true
[ "${1:-}" = "--bench" ] && want_bench=true

log() { echo "prerequisites: $*" >&2; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    log "need root (or sudo) to run: $*"; return 1; fi
}

apt_updated=false
apt_install() {
  command -v apt-get >/dev/null || { log "apt-get not found: install $* yourself"; return 1; }
  if ! $apt_updated; then as_root apt-get update -qq >&2; apt_updated=true; fi
  log "installing $*"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >&2
}

if ! command -v dotnet >/dev/null || ! dotnet --list-sdks 2>/dev/null | grep -q '^10\.'; then
  # Debian does not package .NET; Ubuntu and Microsoft's apt feed do. Try apt, else say exactly what is needed.
  if command -v apt-cache >/dev/null && apt-cache show dotnet-sdk-10.0 >/dev/null 2>&1; then
    apt_install dotnet-sdk-10.0
  else
    log "the .NET 10 SDK is required: https://learn.microsoft.com/dotnet/core/install/linux (then re-run)"
    exit 1
  fi
fi

missing=()
ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || missing+=(postgresql)
command -v redis-server >/dev/null || missing+=(redis-server)
command -v curl >/dev/null || missing+=(curl)
if $want_tests; then
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  command -v node >/dev/null || missing+=(nodejs)
  command -v npm >/dev/null || missing+=(npm)
fi
if $want_bench; then
  for tool in wrk bc python3; do command -v "$tool" >/dev/null || missing+=("$tool"); done
fi
[ ${#missing[@]} -eq 0 ] || apt_install "${missing[@]}"
