#!/usr/bin/env bash
# The one command to run Discogsography.NET on this machine: installs what is missing, starts private
# PostgreSQL and Redis (127.0.0.1, free ports, data in .services/dev), builds, migrates, and runs the API and
# the Admin dashboard, printing their URLs. Ctrl-C stops everything this script started.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

configuration=${CONFIGURATION:-Release}
services_dir=.services/dev
pids=()
started_services=false

stop_all() {
  trap - INT TERM EXIT
  [ ${#pids[@]} -gt 0 ] && kill "${pids[@]}" 2>/dev/null && wait "${pids[@]}" 2>/dev/null
  $started_services && scripts/services.sh stop --dir "$services_dir" >/dev/null 2>&1
  echo "run.sh: stopped."
}

scripts/prerequisites.sh
scripts/services.sh status --dir "$services_dir" | grep -q 'postgresql: running' || started_services=true
trap stop_all INT TERM EXIT
scripts/services.sh start --dir "$services_dir" >/dev/null
# shellcheck disable=SC1091
source "$services_dir/env"

# Development secrets are generated once and kept (git-ignored) so tokens survive restarts.
[ -f "$services_dir/jwt-secret" ] || (umask 077; head -c 48 /dev/urandom | base64 | tr -d '\n' > "$services_dir/jwt-secret")
export JWT_SECRET_KEY=${JWT_SECRET_KEY:-$(cat "$services_dir/jwt-secret")}
[ -f "$services_dir/fernet-key" ] || (umask 077; head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '\n' > "$services_dir/fernet-key")
export OAUTH_ENCRYPTION_KEY=${OAUTH_ENCRYPTION_KEY:-$(cat "$services_dir/fernet-key")}
# The master key from which the OAuth and TOTP keys are derived; the older fernet-key still reads what it wrote.
[ -f "$services_dir/master-key" ] || (umask 077; head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '\n' > "$services_dir/master-key")
export ENCRYPTION_MASTER_KEY=${ENCRYPTION_MASTER_KEY:-$(cat "$services_dir/master-key")}
export API_PORT=${API_PORT:-8004} HEALTH_PORT=${HEALTH_PORT:-8005} ADMIN_PORT=${ADMIN_PORT:-8003}
export API_BASE_URL=${API_BASE_URL:-http://127.0.0.1:$API_PORT}
export IMPORT_DIR=${IMPORT_DIR:-$PWD/$services_dir/imports}
mkdir -p "$IMPORT_DIR"
# A local mail catcher (smtp4dev, a dotnet tool of this repository) receives the password-reset mail unless SMTP_HOST
# points elsewhere; its web inbox shows what was sent.
mail_inbox=""
if [ -z "${SMTP_HOST:-}" ]; then
  dotnet tool restore >/dev/null
  export SMTP_HOST=127.0.0.1 SMTP_PORT=${MAIL_SMTP_PORT:-2525} SMTP_TLS=none
  mail_inbox="http://127.0.0.1:${MAIL_WEB_PORT:-5080}"
  dotnet smtp4dev --urls="$mail_inbox" --smtpport="$SMTP_PORT" --imapport= --pop3port= --hostname=localhost --bindaddress=127.0.0.1 \
    --db="$PWD/$services_dir/smtp4dev.db" >"$services_dir/smtp4dev.log" 2>&1 & pids+=($!)
fi

dotnet build Discogsography.sln -c "$configuration" -nologo -clp:ErrorsOnly
host_dir=Discogsography.Host/bin/$configuration/net10.0
admin_dir=Discogsography.Admin/bin/$configuration/net10.0
dotnet "$host_dir/Discogsography.Host.dll" migrate

# A first run gets a catalogue to explore: the real Discogs samples when they are next to the repository, else a
# generated one, written into IMPORT_DIR so the Imports page lists it. Later runs keep whatever was imported (import
# newer dumps with the `import` verb or from the Imports page).
if [ "$(PGPASSWORD=$POSTGRES_PASSWORD psql -h "${POSTGRES_HOST%:*}" -p "${POSTGRES_HOST##*:}" -U "$POSTGRES_USERNAME" -d "$POSTGRES_DATABASE" -tAc 'SELECT count(*) FROM graph.catalog_info')" = 0 ]; then
  samples=../shared/data/discogs
  if ! ls "$samples"/discogs_*_releases.xml.gz >/dev/null 2>&1; then
    samples="$IMPORT_DIR/generated-sample"
    dotnet "$host_dir/Discogsography.Host.dll" generate-sample --out "$samples" --releases 20000
  fi
  dotnet "$host_dir/Discogsography.Host.dll" import "$samples"
fi

# `exec` so the PID we keep is the app's own (killing a `dotnet run` wrapper leaves the app running).
# The Admin runs on this machine and forwards each operator's address: the API believes loopback's X-Forwarded-For.
(cd "$host_dir" && TRUSTED_PROXIES=${TRUSTED_PROXIES:-127.0.0.1} exec dotnet Discogsography.Host.dll serve) & pids+=($!)
(cd "$admin_dir" && exec dotnet Discogsography.Admin.dll) & pids+=($!)

for _ in $(seq 1 100); do
  curl -fs "http://127.0.0.1:$HEALTH_PORT/health" >/dev/null 2>&1 && curl -fs "http://127.0.0.1:$ADMIN_PORT/" >/dev/null 2>&1 && break
  sleep 0.3
done

cat <<INFO

  Discogsography.NET is running.
    API            http://127.0.0.1:$API_PORT        (OpenAPI: /openapi/v1.json, Swagger UI: /docs)
    Health         http://127.0.0.1:$HEALTH_PORT/health
    Admin          http://127.0.0.1:$ADMIN_PORT
    PostgreSQL     $POSTGRES_HOST   Redis: ${REDIS_HOST##*@}   (environment: source $services_dir/env)
    Mail           ${mail_inbox:-SMTP $SMTP_HOST:${SMTP_PORT:-587}}   (password-reset e-mail lands here)
    Import folder  $IMPORT_DIR   (dump files here can be imported again from the Admin's Imports page)

  First administrator (in another terminal):
    source $services_dir/env && dotnet $host_dir/Discogsography.Host.dll create-admin --email you@example.com
  Discogs app credentials (from https://www.discogs.com/settings/developers):
    source $services_dir/env && ENCRYPTION_MASTER_KEY=\$(cat $services_dir/master-key) dotnet $host_dir/Discogsography.Host.dll discogs-setup --consumer-key KEY --consumer-secret SECRET
  Press Ctrl-C to stop.

INFO
wait -n "${pids[@]}"
