#!/usr/bin/env bash
# Starts (or stops) the six agency services and the shell as background processes of this checkout,
# after the stack (up.sh) and a build. Logs: .stack/logs/<name>.log.
# Usage: services.sh start|stop|status [name…]   (no names: all six services and the shell)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
source "$HAMGAM_ROOT/infra/native/lib/common.sh"

# name:port — the ports table of ARCHITECTURE.md.
SERVICES=(clinics:4001 vocational-training:4002 welfare:4003 relief-partnerships:4004 institute-funding:4005 coordination:4006)
SHELL_PORT=3000


stop_one() {
  local name=$1 pidfile=$STACK_PIDS/$1.pid
  if pidfile_alive "$pidfile"; then
    kill "$(cat "$pidfile")" 2>/dev/null || true
    for _ in $(seq 50); do pidfile_alive "$pidfile" || break; sleep 0.1; done
    pidfile_alive "$pidfile" && kill -9 "$(cat "$pidfile")" 2>/dev/null || true
    say "$name: stopped"
  fi
  rm -f "$pidfile"
}

# start_one NAME URL-TO-WAIT-FOR COMMAND... (environment already exported by the caller)
start_one() {
  local name=$1 ready_url=$2; shift 2
  local pidfile=$STACK_PIDS/$name.pid log=$STACK_LOGS/$name.log
  stop_one "$name"
  "$@" >"$log" 2>&1 &
  echo $! >"$pidfile"
  local t0=$SECONDS
  until curl -fs -o /dev/null "$ready_url"; do
    if ! pidfile_alive "$pidfile" || (( SECONDS - t0 > 90 )); then
      tail -n 30 "$log" >&2
      die "$name: did not become ready at $ready_url"
    fi
    sleep 0.3
  done
  say "$name: ready in $((SECONDS - t0))s on $ready_url"
}

# The clinics' keys for residents' national ids (encryption + blind index): made once per checkout and kept
# in .stack/secrets, since data encrypted with them is unreadable without them. A real deployment supplies its own.
pii_keys() {
  local file=$STACK_DIR/secrets/pii.env
  if [[ ! -s $file ]]; then
    mkdir -p "$(dirname "$file")"
    ( umask 077; printf 'PII_ENCRYPTION_KEY=%s\nPII_BLIND_INDEX_KEY=%s\n' "$(head -c 32 /dev/urandom | base64)" "$(head -c 32 /dev/urandom | base64)" >"$file" )
  fi
  set -a; source "$file"; set +a
}

# chosen NAME: the command line named no one, or named NAME.
chosen() { (( ${#NAMES[@]} == 0 )) || [[ " ${NAMES[*]} " == *" $1 "* ]]; }

start_all() {
  mkdir -p "$STACK_LOGS" "$STACK_PIDS"
  for entry in "${SERVICES[@]}"; do
    local name=${entry%%:*} port=${entry##*:}
    chosen "$name" || continue
    (
      export PORT=$port \
        MONGO_URL=${MONGO_URL_BASE:-mongodb://127.0.0.1:27017}/hamgam_${name//-/_} \
        AMQP_URL=${AMQP_URL:-amqp://guest:guest@127.0.0.1:5672} \
        OIDC_ISSUER=${OIDC_ISSUER:-$KEYCLOAK_URL/realms/hamgam} \
        UI_DIST=$HAMGAM_ROOT/services/$name/ui/dist \
        SEED_DEMO=${SEED_DEMO:-false} \
        TEST_CLOCK=${TEST_CLOCK:-false} \
        LOG_LEVEL=${LOG_LEVEL:-info}
      [[ $name == clinics ]] && pii_keys
      start_one "$name" "http://127.0.0.1:$port/readyz" node "$HAMGAM_ROOT/services/$name/api/dist/main.js"
    )
  done
  chosen shell || return 0
  (
    export PORT=$SHELL_PORT KEYCLOAK_URL
    start_one shell "http://127.0.0.1:$SHELL_PORT/healthz" node "$HAMGAM_ROOT/apps/shell/server/main.js"
  )
}

command=${1:-}
NAMES=("${@:2}")
case $command in
  start) start_all ;;
  stop) for name in shell "${SERVICES[@]%%:*}"; do if chosen "$name"; then stop_one "$name"; fi; done ;;
  status)
    for name in shell "${SERVICES[@]%%:*}"; do
      if pidfile_alive "$STACK_PIDS/$name.pid"; then echo "$name: running"; else echo "$name: stopped"; fi
    done ;;
  *) die "usage: services.sh start|stop|status" ;;
esac
