#!/usr/bin/env bash
# Brings up RabbitMQ, FerretDB and Keycloak without Docker, each only if it is not already running
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
  else
    "${c}_stop"   # a leftover that is running but not healthy
    say "$c: starting (log: .stack/logs/$c.log)"
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
say "stack: up in $((SECONDS - start))s: keycloak $KEYCLOAK_URL (admin/admin), amqp 127.0.0.1:5672" \
  "(management http://localhost:15672, guest/guest), mongodb 127.0.0.1:27017"
