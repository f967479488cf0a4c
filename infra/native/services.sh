#!/usr/bin/env bash
# Starts (or stops) the six agency services and the shell as background processes of this checkout,
# after the stack (up.sh) and a build. Logs: .stack/logs/<name>.log.
# Usage: services.sh start|stop|status [name…]   (no names: all six services and the shell)
# The services, their ports, databases and keys are the registry's (packages/registry).
# HAMGAM_REPLICAS=N starts every service N times (default 1): replica i (0-based) listens on its port
# + 100*i (clinics: 4001, 4101, …), with its own pid and log (clinics.pid, clinics-2.pid, …); the shell
# gets them as UPSTREAMS_<SERVICE>=http://127.0.0.1:4001,http://127.0.0.1:4101 and spreads requests over them.
# Only replica 0 seeds demo data (SEED_DEMO); every replica writes reference data (idempotent, and
# its repairs take the same leases as requests).
# Every process runs as in production (NODE_ENV=production: no development error pages) and listens on
# loopback only (HOST=127.0.0.1): browsers come in through the shell, and /metrics, /docs and the
# services' ports are not offered to the network.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
source "$HAMGAM_ROOT/infra/native/lib/common.sh"

# One row per agency service: name port database env-name keyring keys (comma-separated; '-': none).
registry() { node "$HAMGAM_ROOT/packages/registry/src/cli.js" "$@"; }
rows=$(registry services service port database env keys.keyring keys.current)
mapfile -t SERVICES <<<"$rows"
SERVICE_NAMES=("${SERVICES[@]%% *}")
SHELL_PORT=$(registry shell port)
REPLICAS=${HAMGAM_REPLICAS:-1}
[[ $REPLICAS =~ ^[1-9][0-9]?$ ]] || { echo "HAMGAM_REPLICAS must be a number from 1 to 99 (got '$REPLICAS')" >&2; exit 1; }

# replica_name NAME I: what replica I of NAME is called in pid and log files (clinics, clinics-2, …).
replica_name() { if (( $2 == 0 )); then echo "$1"; else echo "$1-$(( $2 + 1 ))"; fi; }

# replica_names NAME: every replica of NAME that has a pid file now (whatever HAMGAM_REPLICAS was at start).
replica_names() {
  local name=$1 f
  echo "$name"
  for f in "$STACK_PIDS/$name"-[0-9]*.pid; do
    [[ -e $f ]] && basename "$f" .pid
  done
  return 0
}

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

# chosen NAME: the command line named no one, or named NAME.
chosen() { (( ${#NAMES[@]} == 0 )) || [[ " ${NAMES[*]} " == *" $1 "* ]]; }

start_all() {
  mkdir -p "$STACK_LOGS" "$STACK_PIDS"
  # Every service derives the demo tracking codes with it, so they agree and no one else can derive them.
  checkout_keys demo HAMGAM_DEMO_SECRET
  export NODE_ENV=production HOST=127.0.0.1
  local upstreams=() row
  for row in "${SERVICES[@]}"; do
    local name base database env keyring keys urls=() i
    read -r name base database env keyring keys <<<"$row"
    for (( i = 0; i < REPLICAS; i++ )); do urls+=("http://127.0.0.1:$(( base + 100 * i ))"); done
    upstreams+=("UPSTREAMS_$env=$(IFS=,; echo "${urls[*]}")")
    chosen "$name" || continue
    # Replicas left over from a start with more of them.
    local extra
    for extra in $(replica_names "$name"); do
      [[ $extra =~ -([0-9]+)$ ]] && (( BASH_REMATCH[1] > REPLICAS )) && stop_one "$extra"
    done
    # One after another: replica 0 seeds (once ready, the others find its data); the rest only write
    # reference data, which is idempotent and takes the same leases as requests.
    for (( i = 0; i < REPLICAS; i++ )); do
      local port=$(( base + 100 * i )) seed=false
      (( i == 0 )) && seed=${SEED_DEMO:-false}
      (
        export PORT=$port \
          MONGO_URL=${MONGO_URL_BASE:-mongodb://127.0.0.1:27017}/$database \
          AMQP_URL=${AMQP_URL:-amqp://guest:guest@127.0.0.1:5672} \
          OIDC_ISSUER=${OIDC_ISSUER:-$KEYCLOAK_URL/realms/hamgam} \
          UI_DIST=$HAMGAM_ROOT/services/$name/ui/dist \
          SEED_DEMO=$seed \
          TEST_CLOCK=${TEST_CLOCK:-false} \
          LOG_LEVEL=${LOG_LEVEL:-info}
        # The keys that seal its personal data, made once per checkout (.stack/secrets/<keyring>.env).
        [[ $keyring == - ]] || checkout_keys "$keyring" ${keys//,/ }
        start_one "$(replica_name "$name" "$i")" "http://127.0.0.1:$port/readyz" node "$HAMGAM_ROOT/services/$name/api/dist/main.js"
      )
    done
  done
  chosen shell || return 0
  (
    export PORT=$SHELL_PORT KEYCLOAK_URL "${upstreams[@]}"
    start_one shell "http://127.0.0.1:$SHELL_PORT/healthz" node "$HAMGAM_ROOT/apps/shell/server/main.js"
  )
}

main() {
  local command=${1:-} name replica
  NAMES=("${@:2}")
  case $command in
    start) start_all ;;
    stop)
      for name in shell "${SERVICE_NAMES[@]}"; do
        chosen "$name" || continue
        for replica in $(replica_names "$name"); do stop_one "$replica"; done
      done ;;
    status)
      for name in shell "${SERVICE_NAMES[@]}"; do
        for replica in $(replica_names "$name"); do
          [[ $replica != "$name" && ! -e $STACK_PIDS/$replica.pid ]] && continue
          if pidfile_alive "$STACK_PIDS/$replica.pid"; then echo "$replica: running"; else echo "$replica: stopped"; fi
        done
      done ;;
    *) die "usage: services.sh start|stop|status" ;;
  esac
}

# Sourced (by infra/test/native-services.test.ts), it only defines the above.
if [[ ${BASH_SOURCE[0]} == "$0" ]]; then main "$@"; fi
