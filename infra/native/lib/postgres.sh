# PostgreSQL (Debian's 15) under FerretDB's postgresql backend: a cluster of this checkout in
# .stack/postgres/data, listening only on 127.0.0.1:$POSTGRES_PORT (no Unix socket, so no socket
# directory to share with a system cluster), trust auth for the local FerretDB.

POSTGRES_DIR=$STACK_DIR/postgres
POSTGRES_DATA=$POSTGRES_DIR/data
POSTGRES_PID=$STACK_PIDS/postgres.pid
POSTGRES_LOG=$STACK_LOGS/postgres.log
POSTGRES_SQL=$HAMGAM_ROOT/infra/native/postgres
# What the running cluster was set up with; a change (new SQL, indexes switched) makes it unhealthy,
# so up.sh restarts it and applies the new setup.
POSTGRES_SETUP=$POSTGRES_DIR/setup.done

# PostgreSQL refuses to run as root (CI runs as root): then the cluster belongs to Debian's
# `postgres` system user and its binaries run as that user (setpriv execs, so pid files stay right).
POSTGRES_AS_OWNER=()
if (( EUID == 0 )); then POSTGRES_AS_OWNER=(setpriv --reuid=postgres --regid=postgres --init-groups); fi
postgres_as_owner() { "${POSTGRES_AS_OWNER[@]}" "$@"; }

postgres_psql() {
  "$POSTGRES_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$POSTGRES_PORT" -U postgres "$@"
}

postgres_answers() { "$POSTGRES_BIN/pg_isready" -q -h 127.0.0.1 -p "$POSTGRES_PORT" -U postgres -d postgres; }

postgres_setup_id() { echo "indexes=$HAMGAM_STORE_INDEXES $(cat "$POSTGRES_SQL"/*.sql | sha256sum | cut -d' ' -f1)"; }

postgres_setup_current() { [[ $(cat "$POSTGRES_SETUP" 2>/dev/null) == "$(postgres_setup_id)" ]]; }

postgres_healthy() { pidfile_alive "$POSTGRES_PID" && postgres_answers && postgres_setup_current; }

postgres_init() {
  [[ -s $POSTGRES_DATA/PG_VERSION ]] && return 0
  [[ -x $POSTGRES_BIN/initdb ]] || die "postgres: $POSTGRES_BIN/initdb not found (run infra/native/install.sh)"
  mkdir -p "$POSTGRES_DIR"
  if (( EUID == 0 )); then chown postgres:postgres "$POSTGRES_DIR"; fi
  postgres_as_owner test -w "$POSTGRES_DIR" ||
    die "postgres: the postgres user cannot write $POSTGRES_DIR (is a parent folder closed to other users?)"
  say "postgres: creating the cluster in ${POSTGRES_DATA#"$HAMGAM_ROOT"/}"
  postgres_as_owner "$POSTGRES_BIN/initdb" -D "$POSTGRES_DATA" -U postgres -A trust -E UTF8 \
    --locale=C.UTF-8 >"$POSTGRES_DIR/initdb.log" 2>&1 ||
    { tail -n 20 "$POSTGRES_DIR/initdb.log" >&2; die "postgres: initdb failed"; }
}

# FerretDB's database, its index companions (or none, HAMGAM_STORE_INDEXES=off), and append-only access logs.
postgres_setup() {
  if [[ -z $(postgres_psql -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$POSTGRES_DB'") ]]; then
    postgres_psql -d postgres -c "CREATE DATABASE $POSTGRES_DB" || return 1
  fi
  local sql=$POSTGRES_SQL/ferretdb-indexes.sql
  [[ $HAMGAM_STORE_INDEXES == on ]] || sql=$POSTGRES_SQL/ferretdb-indexes-off.sql
  postgres_psql -d "$POSTGRES_DB" -f "$sql" >/dev/null || return 1
  postgres_psql -d "$POSTGRES_DB" -f "$POSTGRES_SQL/ferretdb-append-only.sql" >/dev/null || return 1
  postgres_setup_id >"$POSTGRES_SETUP"
}

postgres_start() {
  port_open 127.0.0.1 "$POSTGRES_PORT" &&
    die "postgres: port $POSTGRES_PORT is taken by another process: $(port_owner "$POSTGRES_PORT") (set POSTGRES_PORT)"
  postgres_init
  rm -f "$POSTGRES_SETUP"
  start_bg "$POSTGRES_PID" "$POSTGRES_LOG" "${POSTGRES_AS_OWNER[@]}" "$POSTGRES_BIN/postgres" -D "$POSTGRES_DATA" \
    -c listen_addresses=127.0.0.1 -c port="$POSTGRES_PORT" -c unix_socket_directories= \
    -c max_connections="$POSTGRES_MAX_CONNECTIONS"
  # FerretDB connects to the database made here as soon as it starts, so this waits (about 1 s)
  # instead of leaving it to postgres_wait.
  local started=$SECONDS
  wait_until postgres "$started" 30 "$POSTGRES_PID" "$POSTGRES_LOG" postgres_answers >/dev/null ||
    die "postgres: did not start"
  postgres_setup || die "postgres: setting up database $POSTGRES_DB failed"
}

postgres_wait() { wait_until postgres "$1" 30 "$POSTGRES_PID" "$POSTGRES_LOG" postgres_healthy; }

# SIGINT is PostgreSQL's fast shutdown: it ends FerretDB's pooled sessions instead of waiting for them.
postgres_stop() {
  if pidfile_alive "$POSTGRES_PID"; then kill -INT "$(<"$POSTGRES_PID")" 2>/dev/null || true; fi
  stop_pidfile postgres "$POSTGRES_PID"
}
