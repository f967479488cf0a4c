#!/usr/bin/env bash
# `npm start`: brings up the native stack, builds, starts every service and the shell with demo data,
# and prints where to go. Safe to re-run; `npm stop` ends it all.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
source "$HAMGAM_ROOT/infra/native/lib/common.sh"
t0=$SECONDS
cd "$HAMGAM_ROOT"

bash infra/native/up.sh
say "build: turbo run build"
TURBO_TELEMETRY_DISABLED=1 npx turbo run build --output-logs=errors-only
SEED_DEMO=true bash infra/native/services.sh start

cat <<MSG

  Hamgam (همگام) is running — started in $((SECONDS - t0))s.

  Shell:            http://localhost:3000
  Keycloak admin:   $KEYCLOAK_URL/admin   (admin; password in ${KEYCLOAK_SECRETS#"$HAMGAM_ROOT"/})
  RabbitMQ:         http://localhost:15672 (guest / guest)
  API docs:         http://localhost:4001/docs … http://localhost:4006/docs
  Logs:             .stack/logs/<service>.log

  Demo users (password: hamgam-demo)
    clinic.worker     social-work clinic of Sar Asiab     (clinic.worker2: Motahari)
    coordinator       regeneration HQ, sees every neighbourhood
    representative    people's representative of Sar Asiab (read-only)
    tvto.staff  welfare.officer  relief.officer  basij.liaison  fund.officer  auditor

  Stop everything with: npm stop
MSG
