#!/usr/bin/env bash
# Property-based API fuzzing of the running services with schemathesis (from PyPI): every operation of
# every service's OpenAPI document, no 5xx and no answer that breaks its schema (fuzz.py says how).
# Usage: e2e/fuzz/run.sh [install]   — install: only make the venv (infra/native/install.sh calls it).
# The venv lives under $HAMGAM_CACHE, named after requirements.txt's hash: made once, reused by every
# checkout, a new one when the pins change. Needs the stack up and the services started.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../../infra/native/env.sh"
FUZZ_DIR=$HAMGAM_ROOT/e2e/fuzz
VENV=$HAMGAM_CACHE/schemathesis-$(sha256sum "$FUZZ_DIR/requirements.txt" | cut -c1-12)

# Its own lock: two checkouts of one machine never build the same venv at once.
mkdir -p "$HAMGAM_CACHE"
(
  flock -w 300 9
  [[ -f $VENV/.complete ]] && exit 0
  echo "fuzz: installing schemathesis into $VENV (first time ~30 s)"
  rm -rf "$VENV"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check --no-deps -r "$FUZZ_DIR/requirements.txt"
  touch "$VENV/.complete"
) 9>"$HAMGAM_CACHE/schemathesis.lock"
[[ ${1:-} == install ]] && exit 0

STACK_DIR=$STACK_DIR KEYCLOAK_URL=$KEYCLOAK_URL exec "$VENV/bin/python" "$FUZZ_DIR/fuzz.py"
