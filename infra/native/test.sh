#!/usr/bin/env bash
# `npm test`: the whole suite on this machine — unit tests of every workspace, then integration and
# browser tests against the real stack (RabbitMQ, FerretDB, Keycloak, Chromium) with every service
# running, then the event bus's fault tests. Prints one closing line "N passed, N failed" and exits non-zero on any failure.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
source "$HAMGAM_ROOT/infra/native/lib/common.sh"
cd "$HAMGAM_ROOT"
export TURBO_TELEMETRY_DISABLED=1
reports=$STACK_DIR/test-results
rm -rf "$reports" && mkdir -p "$reports"
status=0
step() { say "test: $*"; }

# vitest_run NAME ARGS...: one suite, its counts kept as JSON for the closing line.
vitest_run() {
  local name=$1; shift
  step "$name"
  npx vitest run "$@" --reporter=default --reporter=json --outputFile.json="$reports/$name.json" || status=1
}

bash infra/native/up.sh || exit 1
# lint includes the architecture rules (no cross-service imports; no transactions, change streams or
# $lookup in service code), so breaking them fails the run.
step "lint, typecheck and build"
npx turbo run lint typecheck build --output-logs=errors-only || status=1
# The formatter decides layout (.prettierrc.json): a file it would change fails the run.
npx prettier --check --log-level warn . || status=1
vitest_run unit
# The store itself: FerretDB's indexes on PostgreSQL get their GIN companions. Only that backend has
# them: a FerretDB on SQLite (HAMGAM_STORE=sqlite, or one started before the switch) runs without.
if [[ $(cat "$STACK_PIDS/ferretdb.store" 2>/dev/null) == postgresql ]]; then
  FERRETDB_PORT=$FERRETDB_PORT POSTGRES_PORT=$POSTGRES_PORT vitest_run store --config e2e/vitest.store.config.ts
else
  say "test: store suite not run: FerretDB is not on PostgreSQL"
fi
# The test deployment lets tests move the services' clocks (due dates passing) through PUT /api/v1/test-clock.
TEST_CLOCK=true bash infra/native/services.sh start || status=1
vitest_run integration --config e2e/vitest.integration.config.ts
vitest_run browser --config e2e/vitest.browser.config.ts
# Never hang (issue 9): a burst of ~1,000 concurrent requests through the shell; every one answered (2xx or
# 503 with Retry-After), calm again 10 s later, no process restarted. After the others: it loads the stack.
vitest_run load --config e2e/vitest.load.config.ts
# Property-based fuzzing of every route from the services' own OpenAPI documents (e2e/fuzz): no 5xx, no
# answer off its schema. Last while the services run: it writes junk through every route.
step "fuzz"
bash e2e/fuzz/run.sh || status=1
bash infra/native/services.sh stop
# Fault tests stop the broker and kill processes: last, on their own vhost and databases.
vitest_run faults --config e2e/vitest.faults.config.ts

node -e '
  const fs = require("fs"), dir = process.argv[1];
  let passed = 0, failed = 0, suites = 0;
  for (const f of fs.readdirSync(dir).filter((name) => name.endsWith(".json"))) {
    const r = JSON.parse(fs.readFileSync(dir + "/" + f, "utf8"));
    passed += r.numPassedTests; failed += r.numFailedTests; suites++;
  }
  if (suites < 4) failed++;
  console.log(`${passed} passed, ${failed} failed`);
' "$reports" || status=1
exit $status
