# Keycloak (dev mode, H2 file database) for the native stack: a per-checkout copy of the cached dist
# in .stack/keycloak, since Keycloak keeps its data and re-augmented build inside its home.

KEYCLOAK_PID=$STACK_PIDS/keycloak.pid
KEYCLOAK_LOG=$STACK_LOGS/keycloak.log
KEYCLOAK_DISCOVERY=$KEYCLOAK_URL/realms/hamgam/.well-known/openid-configuration
# Hash of what the current database was made from, the realm file and the admin's password; written once
# Keycloak is ready.
KEYCLOAK_IMPORTED=$KEYCLOAK_HOME/data/imported-realm.sha256

keycloak_import_hash() { cat "$KEYCLOAK_REALM_FILE" "$KEYCLOAK_SECRETS" | sha256sum | cut -d' ' -f1; }

# Keycloak creates its admin only in an empty database, so a new password (or none yet: a database from
# when the admin's password was admin) calls for a fresh import just as a changed realm file does.
keycloak_realm_current() {
  [[ -s $KEYCLOAK_SECRETS && $(cat "$KEYCLOAK_IMPORTED" 2>/dev/null) == "$(keycloak_import_hash)" ]]
}

keycloak_answers() { curl -fs -o /dev/null --max-time 3 "$KEYCLOAK_DISCOVERY"; }

keycloak_healthy() { pidfile_alive "$KEYCLOAK_PID" && keycloak_answers && keycloak_realm_current; }

keycloak_start() {
  port_open 127.0.0.1 8080 && die "keycloak: port 8080 is taken by another process: $(port_owner 8080)"
  if ! cmp -s "$KEYCLOAK_DIST/version.txt" "$KEYCLOAK_HOME/version.txt"; then
    say "keycloak: copying the $KEYCLOAK_VERSION dist into .stack/keycloak"
    rm -rf "$KEYCLOAK_HOME"
    cp -a "$KEYCLOAK_DIST" "$KEYCLOAK_HOME"
  fi
  local KEYCLOAK_ADMIN_PASSWORD   # read from the file, not exported to the other components
  source "$(checkout_secrets keycloak KEYCLOAK_ADMIN_PASSWORD)"
  # --import-realm skips a realm that already exists, so a changed realm file needs a fresh database.
  if ! keycloak_realm_current; then
    say "keycloak: realm file or admin password is new or changed, importing the realm into an empty database"
    rm -rf "$KEYCLOAK_HOME/data/h2" "$KEYCLOAK_HOME/data/import" "$KEYCLOAK_IMPORTED"
    mkdir -p "$KEYCLOAK_HOME/data/import"
    cp "$KEYCLOAK_REALM_FILE" "$KEYCLOAK_HOME/data/import/"
  fi
  start_bg "$KEYCLOAK_PID" "$KEYCLOAK_LOG" env JAVA_HOME="$KEYCLOAK_JAVA_HOME" \
    KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD="$KEYCLOAK_ADMIN_PASSWORD" \
    JAVA_OPTS_KC_HEAP="-Xms256m -Xmx768m" \
    "$KEYCLOAK_HOME/bin/kc.sh" start-dev --http-port 8080 --import-realm --health-enabled=true \
    --hostname "$KEYCLOAK_URL"
}

keycloak_wait() {
  wait_until keycloak "$1" 240 "$KEYCLOAK_PID" "$KEYCLOAK_LOG" keycloak_answers || return 1
  keycloak_import_hash >"$KEYCLOAK_IMPORTED"
}

keycloak_stop() { stop_pidfile keycloak "$KEYCLOAK_PID"; }
