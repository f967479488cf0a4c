# The three backing services, each a lib/<name>.sh defining <name>_healthy, _start, _wait and _stop.
# Keycloak is the slowest, so it starts first and up.sh waits for it last.
COMPONENTS=(keycloak rabbitmq ferretdb)

source "$HAMGAM_ROOT/infra/native/lib/common.sh"
for component in "${COMPONENTS[@]}"; do
  source "$HAMGAM_ROOT/infra/native/lib/$component.sh"
done
unset component
