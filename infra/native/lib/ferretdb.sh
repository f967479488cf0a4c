# FerretDB (MongoDB wire protocol) for the native stack, on the backend HAMGAM_STORE names:
# postgresql (lib/postgres.sh's cluster) or sqlite (data under .stack/ferretdb).

FERRETDB_PID=$STACK_PIDS/ferretdb.pid
FERRETDB_LOG=$STACK_LOGS/ferretdb.log
# The backend the running FerretDB was started on.
FERRETDB_STORE=$STACK_PIDS/ferretdb.store

# A real round trip with the driver mongoose brings; before `npm ci` only the port can be checked.
ferretdb_ping() {
  if [[ -d $HAMGAM_ROOT/node_modules/mongodb ]]; then
    (cd "$HAMGAM_ROOT" && node -e '
      const { MongoClient } = require("mongodb");
      const client = new MongoClient(`mongodb://127.0.0.1:${process.argv[1]}/?directConnection=true`, { serverSelectionTimeoutMS: 2000 });
      client.db("admin").command({ ping: 1 }).then(() => process.exit(0), () => process.exit(1));
    ' "$FERRETDB_PORT") 2>/dev/null
  else
    port_open 127.0.0.1 "$FERRETDB_PORT"
  fi
}

ferretdb_healthy() { pidfile_alive "$FERRETDB_PID" && ferretdb_ping; }

# A FerretDB started before a HAMGAM_STORE change keeps running on its old backend (others may be
# using it); this says so. One started before the store file existed ran on SQLite.
ferretdb_store_note() {
  local running
  running=$(cat "$FERRETDB_STORE" 2>/dev/null || echo sqlite)
  [[ $running == "$HAMGAM_STORE" ]] && return 0
  say "ferretdb: running on $running, not HAMGAM_STORE=$HAMGAM_STORE; restart the stack to switch" \
    "(infra/native/down.sh && infra/native/up.sh; the other backend's data is not moved)"
}

ferretdb_start() {
  port_open 127.0.0.1 "$FERRETDB_PORT" &&
    die "ferretdb: port $FERRETDB_PORT is taken by another process: $(port_owner "$FERRETDB_PORT")"
  local backend
  case $HAMGAM_STORE in
    postgresql) backend=(-handler postgresql -postgresql-url "$FERRETDB_PG_URL") ;;
    sqlite) backend=(-handler sqlite -data-dir "$STACK_DIR/ferretdb") ;;
    *) die "ferretdb: HAMGAM_STORE must be postgresql or sqlite, not '$HAMGAM_STORE'" ;;
  esac
  start_bg "$FERRETDB_PID" "$FERRETDB_LOG" \
    "$FERRETDB_BIN" -listen-addr "127.0.0.1:$FERRETDB_PORT" "${backend[@]}" -log-level warn
  echo "$HAMGAM_STORE" >"$FERRETDB_STORE"
}

ferretdb_wait() { wait_until ferretdb "$1" 30 "$FERRETDB_PID" "$FERRETDB_LOG" ferretdb_healthy; }

ferretdb_stop() {
  stop_pidfile ferretdb "$FERRETDB_PID"
  rm -f "$FERRETDB_STORE"
}
