#!/usr/bin/env bash
# A real S3-compatible server for tests and trials: OpenStack Swift with its s3api middleware, from
# Debian's packages, all in one on 127.0.0.1 (docs/decisions/100-object-storage.md). Installs the
# packages when missing (apt-get, ~35 s), writes its configs, rings and data under a scratch folder
# (S3_TEST_DIR, default .data/s3; nothing is written to /etc), starts memcached, the account,
# container and object servers and the proxy, waits for /healthcheck, creates the bucket, then
# prints the studio's settings as `export` lines on stdout (everything else goes to stderr):
#   eval "$(bash scripts/ensure-s3.sh)"
# Runs again in a second when it is already up. `bash scripts/ensure-s3.sh stop` stops it.
# Ports: S3_TEST_PORT (proxy, default 18080); the servers use the next ports up (+1..+3, +4 memcached).
set -euo pipefail
cd "$(dirname "$0")/.."
DIR=$(realpath -m "${S3_TEST_DIR:-.data/s3}")
PORT=${S3_TEST_PORT:-18080}
BUCKET=${S3_TEST_BUCKET:-studio-media}
ACCOUNT=studio
USER_NAME=tester
OBJ_PORT=$((PORT + 1)) CONT_PORT=$((PORT + 2)) ACCT_PORT=$((PORT + 3)) MC_PORT=$((PORT + 4))
SERVICES="memcached account container object proxy"

stop() {
  local pids=""
  for name in $SERVICES; do
    local pidfile="$DIR/run/$name.pid"
    if [ -f "$pidfile" ]; then
      pids="$pids $(cat "$pidfile")"
      rm -f "$pidfile"
    fi
  done
  [ -n "$pids" ] || return 0
  # shellcheck disable=SC2086
  kill $pids 2>/dev/null || true
  for _ in $(seq 1 40); do
    local alive=""
    for pid in $pids; do kill -0 "$pid" 2>/dev/null && alive=1; done
    [ -n "$alive" ] || return 0
    sleep 0.25
  done
  # shellcheck disable=SC2086
  kill -9 $pids 2>/dev/null || true
}
if [ "${1:-}" = "stop" ]; then stop; echo "stopped the S3 server in $DIR" >&2; exit 0; fi

SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
PACKAGES="swift swift-proxy swift-account swift-container swift-object python3-swift memcached"
if ! command -v swift-proxy-server >/dev/null || ! command -v swift-object-server >/dev/null ||
  ! command -v swift-account-server >/dev/null || ! command -v swift-container-server >/dev/null ||
  ! command -v memcached >/dev/null; then
  echo "installing $PACKAGES (Debian apt)" >&2
  $SUDO apt-get update -qq >&2
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $PACKAGES >&2
fi

mkdir -p "$DIR/conf" "$DIR/srv/d1" "$DIR/run" "$DIR/log"
# The secret of the one tempauth user, made once (the S3 access key is <account>:<user>).
[ -f "$DIR/secret" ] || head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$DIR/secret"
SECRET=$(cat "$DIR/secret")

healthy() { curl -fsS -m 2 "http://127.0.0.1:$PORT/healthcheck" >/dev/null 2>&1; }

if ! healthy; then
  stop
  common="[DEFAULT]
bind_ip = 127.0.0.1
swift_dir = $DIR/conf
devices = $DIR/srv
mount_check = false
disable_fallocate = true
workers = 0
user = $(id -un)
log_name = swift
log_facility = LOG_LOCAL0
log_level = WARNING"
  printf '%s\nbind_port = %s\n\n[pipeline:main]\npipeline = account-server\n\n[app:account-server]\nuse = egg:swift#account\n' \
    "$common" "$ACCT_PORT" >"$DIR/conf/account-server.conf"
  printf '%s\nbind_port = %s\n\n[pipeline:main]\npipeline = container-server\n\n[app:container-server]\nuse = egg:swift#container\n' \
    "$common" "$CONT_PORT" >"$DIR/conf/container-server.conf"
  printf '%s\nbind_port = %s\n\n[pipeline:main]\npipeline = object-server\n\n[app:object-server]\nuse = egg:swift#object\n' \
    "$common" "$OBJ_PORT" >"$DIR/conf/object-server.conf"
  cat >"$DIR/conf/proxy-server.conf" <<EOF
[DEFAULT]
bind_ip = 127.0.0.1
bind_port = $PORT
swift_dir = $DIR/conf
workers = 0
user = $(id -un)
log_level = WARNING

[pipeline:main]
pipeline = catch_errors gatekeeper healthcheck proxy-logging cache listing_formats bulk s3api tempauth copy slo dlo proxy-logging proxy-server

[app:proxy-server]
use = egg:swift#proxy
account_autocreate = true

[filter:s3api]
use = egg:swift#s3api
location = us-east-1

[filter:tempauth]
use = egg:swift#tempauth
user_${ACCOUNT}_${USER_NAME} = $SECRET .admin

[filter:cache]
use = egg:swift#memcache
memcache_servers = 127.0.0.1:$MC_PORT

[filter:catch_errors]
use = egg:swift#catch_errors
[filter:gatekeeper]
use = egg:swift#gatekeeper
[filter:healthcheck]
use = egg:swift#healthcheck
[filter:proxy-logging]
use = egg:swift#proxy_logging
[filter:listing_formats]
use = egg:swift#listing_formats
[filter:bulk]
use = egg:swift#bulk
[filter:copy]
use = egg:swift#copy
[filter:slo]
use = egg:swift#slo
[filter:dlo]
use = egg:swift#dlo
EOF
  # One ring per server, one device each (the rings live in swift_dir, not /etc/swift).
  for pair in "account:$ACCT_PORT" "container:$CONT_PORT" "object:$OBJ_PORT"; do
    name=${pair%%:*} port=${pair##*:}
    rm -f "$DIR/conf/$name.builder" "$DIR/conf/$name.ring.gz"
    (cd "$DIR/conf" && swift-ring-builder "$name.builder" create 8 1 1 >/dev/null &&
      swift-ring-builder "$name.builder" add "r1z1-127.0.0.1:$port/d1" 100 >/dev/null &&
      swift-ring-builder "$name.builder" rebalance >/dev/null) || true
    [ -f "$DIR/conf/$name.ring.gz" ] || { echo "could not build the $name ring" >&2; exit 1; }
  done

  start() { # name, command...
    local name=$1; shift
    nohup "$@" >"$DIR/log/$name.log" 2>&1 &
    echo $! >"$DIR/run/$name.pid"
  }
  start memcached memcached -l 127.0.0.1 -p "$MC_PORT" -U 0 -m 32 -u "$(id -un)"
  start account swift-account-server "$DIR/conf/account-server.conf"
  start container swift-container-server "$DIR/conf/container-server.conf"
  start object swift-object-server "$DIR/conf/object-server.conf"
  start proxy swift-proxy-server "$DIR/conf/proxy-server.conf"
  for _ in $(seq 1 60); do healthy && break; sleep 0.5; done
  if ! healthy; then
    echo "the S3 server did not become healthy; logs in $DIR/log:" >&2
    tail -n 20 "$DIR"/log/*.log >&2 || true
    exit 1
  fi
fi

# The bucket is a Swift container: created through Swift's own API with the tempauth user.
auth=$(curl -fsS -D - -o /dev/null -H "X-Auth-User: $ACCOUNT:$USER_NAME" -H "X-Auth-Key: $SECRET" \
  "http://127.0.0.1:$PORT/auth/v1.0" | tr -d '\r')
token=$(printf '%s\n' "$auth" | sed -n 's/^[Xx]-[Aa]uth-[Tt]oken: //p')
storage=$(printf '%s\n' "$auth" | sed -n 's/^[Xx]-[Ss]torage-[Uu]rl: //p')
[ -n "$token" ] && [ -n "$storage" ] || { echo "tempauth gave no token" >&2; exit 1; }
curl -fsS -o /dev/null -X PUT -H "X-Auth-Token: $token" "$storage/$BUCKET"
echo "S3 server (Swift s3api) on http://127.0.0.1:$PORT, bucket $BUCKET, data in $DIR" >&2

cat <<EOF
export S3_ENDPOINT=http://127.0.0.1:$PORT
export S3_REGION=us-east-1
export S3_BUCKET=$BUCKET
export S3_ACCESS_KEY_ID=$ACCOUNT:$USER_NAME
export S3_SECRET_ACCESS_KEY=$SECRET
export S3_FORCE_PATH_STYLE=true
EOF
