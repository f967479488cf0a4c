#!/usr/bin/env bash
# Stops whatever this checkout's native stack has running; fine when nothing runs.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
source "$HAMGAM_ROOT/infra/native/lib/components.sh"
run_locked "$STACK_DIR/.lock" "$@"

# They do not depend on each other at shutdown, so they stop in parallel.
pids=()
for c in "${ALL_COMPONENTS[@]}"; do
  "${c}_stop" &
  pids+=($!)
done
failed=0
for pid in "${pids[@]}"; do wait "$pid" || failed=1; done
(( failed == 0 )) || die "stack: something did not stop (see above)"
say "stack: down"
