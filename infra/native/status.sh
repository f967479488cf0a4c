#!/usr/bin/env bash
# One line per component: healthy, running but not answering, or stopped. Exits 1 unless all are healthy.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
source "$HAMGAM_ROOT/infra/native/lib/components.sh"

status=0
for c in "${COMPONENTS[@]}"; do
  pidfile=$STACK_PIDS/$c.pid
  if "${c}_healthy"; then
    say "$c: healthy (pid $(<"$pidfile"))"
    if [[ $c == ferretdb ]]; then ferretdb_store_note; fi
  elif pidfile_alive "$pidfile"; then
    hint="see .stack/logs/$c.log"
    if [[ $c == keycloak ]] && ! keycloak_realm_current; then hint="the realm file changed since import; up.sh re-imports it"; fi
    if [[ $c == postgres ]] && ! postgres_setup_current; then hint="its setup (infra/native/postgres/*.sql, HAMGAM_STORE_INDEXES) changed; up.sh restarts it"; fi
    say "$c: running (pid $(<"$pidfile")) but not healthy: $hint"
    status=1
  else
    say "$c: stopped"
    status=1
  fi
done
exit "$status"
