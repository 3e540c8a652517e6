#!/usr/bin/env bash
# Installs (when missing) and starts Debian's PostgreSQL on 127.0.0.1:5432, then creates the
# role and database the integration suite uses. Prints the DATABASE_URL to use on its last line.
set -euo pipefail
DB_NAME=${PG_TEST_DB:-sora_studio_test}
DB_USER=${PG_TEST_USER:-sora}
DB_PASS=${PG_TEST_PASSWORD:-sora}
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
if ! command -v pg_ctlcluster >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >&2
fi
VERSION=$(ls /usr/lib/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h | grep -q "^$VERSION main"; then $SUDO pg_createcluster "$VERSION" main >&2; fi
$SUDO pg_ctlcluster "$VERSION" main start >&2 2>/dev/null || true
for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done
psql_as_postgres() { $SUDO -u postgres psql -v ON_ERROR_STOP=1 -q "$@" 2>/dev/null || su postgres -c "psql -v ON_ERROR_STOP=1 -q $(printf '%q ' "$@")"; }
psql_as_postgres -c "DO \$\$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname='$DB_USER') THEN CREATE ROLE $DB_USER LOGIN PASSWORD '$DB_PASS' CREATEDB; END IF; END\$\$;" >&2
psql_as_postgres -c "DROP DATABASE IF EXISTS $DB_NAME WITH (FORCE);" >&2
psql_as_postgres -c "CREATE DATABASE $DB_NAME OWNER $DB_USER;" >&2
echo "postgresql://$DB_USER:$DB_PASS@127.0.0.1:5432/$DB_NAME"
