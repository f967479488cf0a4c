#!/usr/bin/env bash
# compose's MongoDB: a replica set with authentication needs a keyFile (its members prove themselves to
# each other with it, even a single one), which mongod accepts only unreadable by others and owned by
# its user. Written here from MONGO_KEYFILE (.env) and added to mongod's arguments; then the image's own
# entrypoint runs, which creates the root user from MONGO_INITDB_ROOT_* in an empty data directory.
set -euo pipefail
if [[ -z ${MONGO_KEYFILE:-} ]]; then
  echo 'MONGO_KEYFILE must be set (npm run compose:secrets writes it into .env)' >&2
  exit 1
fi
keyfile=$(mktemp)
printf '%s\n' "$MONGO_KEYFILE" >"$keyfile"
unset MONGO_KEYFILE
chmod 400 "$keyfile"
# The image starts as root and drops to its mongodb user.
if (( $(id -u) == 0 )); then chown mongodb:mongodb "$keyfile"; fi
exec docker-entrypoint.sh "$@" --keyFile "$keyfile"
