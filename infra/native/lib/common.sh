# Helpers shared by the native stack scripts: progress lines, process and port checks, waiting.
# Expects env.sh to be sourced first.

say() { printf '[stack] %s\n' "$*"; }
die() { say "ERROR: $*" >&2; exit 1; }

# run_locked LOCKFILE ARGS...: re-runs the calling script holding an exclusive lock on LOCKFILE, so
# that two runs (several people share a checkout and the cache) never interleave. Daemons the script
# starts do not inherit the lock (flock -o). Call it first thing, with the script's own "$@".
run_locked() {
  local lock=$1
  shift
  [[ ${HAMGAM_LOCKED:-} == *"<$lock>"* ]] && return 0
  mkdir -p "$(dirname "$lock")"
  HAMGAM_LOCKED="${HAMGAM_LOCKED:-}<$lock>" exec flock -o -w 900 "$lock" bash "$0" "$@"
}

port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

# The process whose id is in the file is alive.
pidfile_alive() { [[ -s $1 ]] && kill -0 "$(<"$1")" 2>/dev/null; }

# Who listens on a TCP port, for messages about a port taken by someone else.
port_owner() { ss -ltnpH "sport = :$1" 2>/dev/null | grep -o 'users:(.*)' | head -n1; }

# wait_until NAME SINCE TIMEOUT PIDFILE LOG CHECK...: polls CHECK every second; fails early if the
# process died, or TIMEOUT seconds after SINCE (its start, in $SECONDS), and then shows the end of
# LOG so the cause is on screen. Components boot in parallel, so times count from each one's start.
wait_until() {
  local name=$1 start=$2 timeout=$3 pidfile=$4 log=$5
  shift 5
  until "$@"; do
    if ! pidfile_alive "$pidfile"; then
      say "$name: process exited before it was ready; last lines of $log:" >&2
    elif (( SECONDS - start >= timeout )); then
      say "$name: not ready after ${timeout}s; last lines of $log:" >&2
    else
      sleep 1
      continue
    fi
    tail -n 40 "$log" >&2 2>/dev/null
    return 1
  done
  say "$name: ready in $((SECONDS - start))s"
}

# stop_pidfile NAME PIDFILE: TERM the process group started by setsid, KILL it after 30 s.
stop_pidfile() {
  local name=$1 pidfile=$2 pid deadline=$((SECONDS + 30))
  if ! pidfile_alive "$pidfile"; then
    rm -f "$pidfile"
    return 0
  fi
  pid=$(<"$pidfile")
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid"
  while kill -0 "$pid" 2>/dev/null; do
    if (( SECONDS >= deadline )); then
      say "$name: still running after 30s, killing"
      kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid"
    fi
    sleep 0.2
  done
  rm -f "$pidfile"
  say "$name: stopped"
}

# start_bg PIDFILE LOG CMD...: runs CMD in its own session (so stop can end its whole group);
# the previous run's log is kept as LOG.prev.
start_bg() {
  local pidfile=$1 log=$2
  shift 2
  mkdir -p "$(dirname "$pidfile")" "$(dirname "$log")"
  if [[ -s $log ]]; then mv -f "$log" "$log.prev"; fi
  setsid "$@" >>"$log" 2>&1 </dev/null &
  echo $! >"$pidfile"
}

# checkout_secrets NAME VAR...: the file .stack/secrets/NAME.env, made once per checkout with a random
# value (base64 of 32 bytes) for each VAR and kept, since what was made with them (sealed data, Keycloak's
# admin) needs the same values again; prints its path. A real deployment supplies its own
# (infra/k8s/create-secrets.sh).
checkout_secrets() {
  local file=$STACK_DIR/secrets/$1.env var
  shift
  if [[ ! -s $file ]]; then
    mkdir -p "$(dirname "$file")"
    ( umask 077; for var in "$@"; do printf '%s=%s\n' "$var" "$(head -c 32 /dev/urandom | base64)"; done >"$file" )
  fi
  echo "$file"
}

# checkout_keys NAME VAR...: checkout_secrets, exported to what the script starts next. The clinics' keys
# seal residents' personal data (and index national ids), TVTO's seal permit applicants'.
checkout_keys() {
  local file
  file=$(checkout_secrets "$@")
  set -a; source "$file"; set +a
}
