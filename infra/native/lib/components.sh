# The backing services, each a lib/<name>.sh defining <name>_healthy, _start, _wait and _stop.
# Keycloak is the slowest, so it starts first and up.sh waits for it last; PostgreSQL starts before
# FerretDB, which connects to it. STACK_COMPONENTS="postgres ferretdb" picks a subset (a second stack
# on other ports for benchmarks, where Keycloak's and RabbitMQ's fixed ports are taken).
# down.sh stops ALL_COMPONENTS; up.sh and status.sh skip PostgreSQL while FerretDB runs on SQLite.
read -r -a ALL_COMPONENTS <<<"${STACK_COMPONENTS:-keycloak rabbitmq postgres ferretdb}"
COMPONENTS=()

source "$HAMGAM_ROOT/infra/native/lib/common.sh"
for component in "${ALL_COMPONENTS[@]}"; do
  source "$HAMGAM_ROOT/infra/native/lib/$component.sh"
  [[ $component == postgres && $HAMGAM_STORE != postgresql ]] || COMPONENTS+=("$component")
done
unset component
