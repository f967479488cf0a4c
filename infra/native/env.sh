# Paths and settings of the native stack. Sourced by every infra/native script; source it yourself
# to talk to this repo's stack by hand (e.g. `source infra/native/env.sh && rabbitmqctl list_queues`).
# Only variables here: sourcing must not change the caller's shell options.

HAMGAM_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# Binaries live outside the checkout so fresh clones on the same machine reuse them.
HAMGAM_CACHE=${HAMGAM_CACHE:-$HOME/.cache/hamgam}
# Overridable, with the ports below, to run a second stack beside this checkout's (benchmarks, tests
# of these scripts): STACK_DIR=/tmp/x FERRETDB_PORT=27018 POSTGRES_PORT=5433 STACK_COMPONENTS="postgres ferretdb".
STACK_DIR=${STACK_DIR:-$HAMGAM_ROOT/.stack}
STACK_LOGS=$STACK_DIR/logs
STACK_PIDS=$STACK_DIR/pids

KEYCLOAK_VERSION=26.7.3
KEYCLOAK_DIST=$HAMGAM_CACHE/keycloak-$KEYCLOAK_VERSION
KEYCLOAK_REALM_FILE=$HAMGAM_ROOT/infra/keycloak/hamgam-realm.json
# Keycloak writes its data, import folder and re-augmented build into its own home, so each
# checkout runs a copy of the cached dist.
KEYCLOAK_HOME=$STACK_DIR/keycloak
# The master realm's admin (user admin) signs in with KEYCLOAK_ADMIN_PASSWORD from this file, made once
# per checkout by lib/keycloak.sh.
KEYCLOAK_SECRETS=$STACK_DIR/secrets/keycloak.env
KEYCLOAK_URL=http://localhost:8080

FERRETDB_SRC=$HAMGAM_ROOT/infra/native/ferretdb
FERRETDB_BIN=$HAMGAM_CACHE/bin/hamgam-ferretdb
FERRETDB_PORT=${FERRETDB_PORT:-27017}
# FerretDB's backend: postgresql (the default, lib/postgres.sh's cluster; docs/adr/0001) or sqlite.
HAMGAM_STORE=${HAMGAM_STORE:-postgresql}
# on: GIN companions for FerretDB's indexes (infra/native/postgres/ferretdb-indexes.sql); off: none.
HAMGAM_STORE_INDEXES=${HAMGAM_STORE_INDEXES:-on}

# Debian's PostgreSQL 15, a cluster of this checkout under .stack/postgres, only on 127.0.0.1.
POSTGRES_BIN=${POSTGRES_BIN:-/usr/lib/postgresql/15/bin}
POSTGRES_PORT=${POSTGRES_PORT:-5432}
POSTGRES_DB=ferretdb
# FerretDB keeps one pool for all databases (one per credentials). The services use at most ~10
# connections each, 2 replicas of 6 services plus tests; a write holds its read's connection while it
# waits for another, so the pool must stay well above that. max_connections leaves room for psql and
# autovacuum. pool_max_conn_idle_time closes idle connections (FerretDB 1.24 turns any value into 1m).
FERRETDB_PG_POOL=200
POSTGRES_MAX_CONNECTIONS=260
FERRETDB_PG_URL="postgres://postgres@127.0.0.1:$POSTGRES_PORT/$POSTGRES_DB?pool_max_conns=$FERRETDB_PG_POOL&pool_max_conn_idle_time=1m"

# Keycloak 26 prefers a recent JDK; Java 17 (the machine default) is the fallback. Only Keycloak
# gets it, so Maven and anything else keep the machine's JAVA_HOME.
KEYCLOAK_JAVA_HOME=${JAVA_HOME:-}
if [[ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]]; then
  KEYCLOAK_JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi

# RabbitMQ keeps config, data and logs under .stack/rabbitmq. The CLI tools only need the node name
# and the package's cookie, so plain `rabbitmqctl` reaches it even without these variables.
export RABBITMQ_MNESIA_BASE=$STACK_DIR/rabbitmq/mnesia
export RABBITMQ_LOG_BASE=$STACK_DIR/rabbitmq/log
export RABBITMQ_CONFIG_FILE=$STACK_DIR/rabbitmq/rabbitmq.conf
export RABBITMQ_ENABLED_PLUGINS_FILE=$STACK_DIR/rabbitmq/enabled_plugins
export RABBITMQ_PID_FILE=$STACK_PIDS/rabbitmq.pid
