#!/usr/bin/env bash
# Brings up RabbitMQ, PostgreSQL, FerretDB and Keycloak without Docker, each only if it is not already running
# and healthy, and returns once each one really answers (or fails with the end of its log).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
source "$HAMGAM_ROOT/infra/native/lib/components.sh"
run_locked "$STACK_DIR/.lock" "$@"

start=$SECONDS
bash "$HAMGAM_ROOT/infra/native/install.sh"
mkdir -p "$STACK_LOGS" "$STACK_PIDS"

# Start every missing component first, then wait: they boot in parallel.
declare -A started_at
for c in "${COMPONENTS[@]}"; do
  if "${c}_healthy"; then
    say "$c: already running"
    if [[ $c == ferretdb ]]; then ferretdb_store_note; fi
  else
    "${c}_stop"   # a leftover that is running but not healthy
    say "$c: starting (log: ${STACK_LOGS#"$HAMGAM_ROOT"/}/$c.log)"
    started_at[$c]=$SECONDS
    "${c}_start"
  fi
done
failed=0
for (( i = ${#COMPONENTS[@]} - 1; i >= 0; i-- )); do   # the quickest first
  c=${COMPONENTS[i]}
  [[ -v started_at[$c] ]] || continue
  "${c}_wait" "${started_at[$c]}" || failed=1
done
(( failed == 0 )) || die "stack: not ready (see above); stop it with infra/native/down.sh"
where=()
for c in "${COMPONENTS[@]}"; do
  case $c in
    keycloak) where+=("keycloak $KEYCLOAK_URL (admin, password in ${KEYCLOAK_SECRETS#"$HAMGAM_ROOT"/})") ;;
    rabbitmq) where+=("amqp 127.0.0.1:5672 (management http://localhost:15672, guest/guest)") ;;
    postgres) where+=("postgresql 127.0.0.1:$POSTGRES_PORT") ;;
    ferretdb) where+=("mongodb 127.0.0.1:$FERRETDB_PORT (FerretDB on $(cat "$FERRETDB_STORE" 2>/dev/null || echo sqlite))") ;;
  esac
done
say "stack: up in $((SECONDS - start))s: $(IFS=';'; echo "${where[*]}" | sed 's/;/, /g')"
