#!/usr/bin/env bash
# compose's RabbitMQ: the topology of infra/rabbitmq/definitions.json (shared with the native stack)
# plus the user from .env (RABBITMQ_USER, RABBITMQ_PASSWORD), as definitions that rabbitmq.conf loads at
# every boot, file by file in name order. A broker that loads definitions creates no default user; the
# guest account the topology file declares (the native broker's, loopback-only) gets a random password
# that nobody keeps. Then the image's own entrypoint runs.
set -euo pipefail
for var in RABBITMQ_USER RABBITMQ_PASSWORD; do
  if [[ ! ${!var:-} =~ ^[A-Za-z0-9._-]+$ ]]; then
    echo "$var must be set (npm run compose:secrets writes it into .env), letters, digits, '.', '_' and '-' only" >&2
    exit 1
  fi
done
dir=/tmp/hamgam-definitions
mkdir -p "$dir"
cp /etc/rabbitmq/definitions.json "$dir/10-topology.json"
guest_password=$(od -An -tx1 -N24 /dev/urandom | tr -d ' \n')
(
  umask 077
  cat >"$dir/20-users.json" <<JSON
{
  "users": [
    { "name": "guest", "password": "$guest_password", "tags": [] },
    { "name": "$RABBITMQ_USER", "password": "$RABBITMQ_PASSWORD", "tags": ["administrator"] }
  ],
  "permissions": [
    { "user": "$RABBITMQ_USER", "vhost": "/", "configure": ".*", "write": ".*", "read": ".*" }
  ]
}
JSON
)
# The image starts as root and drops to its rabbitmq user, who must read them.
if (( $(id -u) == 0 )); then chown -R rabbitmq:rabbitmq "$dir"; fi
exec docker-entrypoint.sh "$@"
