# RabbitMQ (Debian's 3.10 package) for the native stack: config, data and logs under .stack/rabbitmq.

RABBITMQ_DIR=$STACK_DIR/rabbitmq
RABBITMQ_LOG=$STACK_LOGS/rabbitmq.log

rabbitmq_healthy() {
  pidfile_alive "$RABBITMQ_PID_FILE" && port_open 127.0.0.1 5672 && port_open 127.0.0.1 15672 &&
    rabbitmq-diagnostics -q check_port_connectivity >/dev/null 2>&1
}

rabbitmq_start() {
  port_open 127.0.0.1 5672 && die "rabbitmq: port 5672 is taken by another process: $(port_owner 5672)"
  mkdir -p "$RABBITMQ_MNESIA_BASE" "$RABBITMQ_LOG_BASE" "$STACK_LOGS" "$STACK_PIDS"
  cat >"$RABBITMQ_CONFIG_FILE" <<CONF
load_definitions = $HAMGAM_ROOT/infra/rabbitmq/definitions.json
listeners.tcp.default = 5672
management.tcp.port = 15672
CONF
  echo '[rabbitmq_management].' >"$RABBITMQ_ENABLED_PLUGINS_FILE"
  rm -f "$RABBITMQ_PID_FILE"
  # The broker writes its own log file; a link keeps every log in .stack/logs.
  ln -sfn "$RABBITMQ_LOG_BASE/rabbit@$(hostname -s).log" "$RABBITMQ_LOG"
  # The node runs as root, bypassing Debian's wrapper (which switches to the rabbitmq user, who
  # may not be able to reach a checkout under a private folder). HOME points at the package's
  # cookie so that the wrapped rabbitmqctl, running as rabbitmq, is let in.
  (cd "$RABBITMQ_DIR" && HOME=/var/lib/rabbitmq /usr/lib/rabbitmq/bin/rabbitmq-server -detached) \
    >>"$STACK_LOGS/rabbitmq-start.log" 2>&1
}

rabbitmq_wait() {
  # -detached returns before the node writes its pid file.
  local waited=0
  until [[ -s $RABBITMQ_PID_FILE ]] || (( waited++ >= 20 )); do sleep 0.5; done
  wait_until rabbitmq "$1" 90 "$RABBITMQ_PID_FILE" "$RABBITMQ_LOG" rabbitmq_healthy
}

rabbitmq_stop() {
  pidfile_alive "$RABBITMQ_PID_FILE" || return 0
  if rabbitmqctl -q shutdown >/dev/null 2>&1; then
    rm -f "$RABBITMQ_PID_FILE"
    say "rabbitmq: stopped"
  else
    stop_pidfile rabbitmq "$RABBITMQ_PID_FILE"
  fi
}
