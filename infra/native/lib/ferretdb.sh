# FerretDB (MongoDB wire protocol over SQLite) for the native stack: data under .stack/ferretdb.

FERRETDB_PID=$STACK_PIDS/ferretdb.pid
FERRETDB_LOG=$STACK_LOGS/ferretdb.log

# A real round trip with the driver mongoose brings; before `npm ci` only the port can be checked.
ferretdb_ping() {
  if [[ -d $HAMGAM_ROOT/node_modules/mongodb ]]; then
    (cd "$HAMGAM_ROOT" && node -e '
      const { MongoClient } = require("mongodb");
      const client = new MongoClient("mongodb://127.0.0.1:27017/?directConnection=true", { serverSelectionTimeoutMS: 2000 });
      client.db("admin").command({ ping: 1 }).then(() => process.exit(0), () => process.exit(1));
    ') 2>/dev/null
  else
    port_open 127.0.0.1 27017
  fi
}

ferretdb_healthy() { pidfile_alive "$FERRETDB_PID" && ferretdb_ping; }

ferretdb_start() {
  port_open 127.0.0.1 27017 && die "ferretdb: port 27017 is taken by another process: $(port_owner 27017)"
  start_bg "$FERRETDB_PID" "$FERRETDB_LOG" \
    "$FERRETDB_BIN" -listen-addr 127.0.0.1:27017 -data-dir "$STACK_DIR/ferretdb" -log-level warn
}

ferretdb_wait() { wait_until ferretdb "$1" 30 "$FERRETDB_PID" "$FERRETDB_LOG" ferretdb_healthy; }

ferretdb_stop() { stop_pidfile ferretdb "$FERRETDB_PID"; }
