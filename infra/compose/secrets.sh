#!/usr/bin/env bash
# `npm run compose:secrets`: writes .env beside docker-compose.yml (docker compose reads it by itself)
# with fresh random values for every secret compose uses, so no two checkouts share a password or a
# key. Compose refuses to start without them. An existing .env is kept as it is: the store's users,
# the personal data sealed with the keys and the tracking codes depend on the values that made them.
# Usage: secrets.sh [DIR]   (default: the repository root)
set -euo pipefail
dir=${1:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
file=$dir/.env
if [[ -e $file ]]; then
  echo "compose secrets: $file exists, kept"
  exit 0
fi

# hex N: N random bytes as hex. Names and passwords are hex: they go into connection URLs, RabbitMQ's
# definitions and command lines, where no character may need quoting or start like an option.
hex() { od -An -tx1 -N"$1" /dev/urandom | tr -d ' \n'; }
key32() { head -c 32 /dev/urandom | base64; }

umask 077
mkdir -p "$dir"
# Written aside and then linked in place, so .env appears whole or not at all.
tmp=$(mktemp "$file.XXXXXX")
trap 'rm -f "$tmp"' EXIT
cat >"$tmp" <<ENV
# docker compose's secrets for this checkout, made by infra/compose/secrets.sh. Keep it, never commit it.
RABBITMQ_USER=hamgam-$(hex 4)
RABBITMQ_PASSWORD=$(hex 24)
MONGO_ROOT_USER=hamgam-$(hex 4)
MONGO_ROOT_PASSWORD=$(hex 24)
# Members of MongoDB's replica set authenticate to each other with it (base64, at most 1024 characters).
MONGO_KEYFILE=$(head -c 756 /dev/urandom | base64 -w0)
KEYCLOAK_ADMIN_PASSWORD=$(hex 24)
# The services derive the demo tracking codes with it.
HAMGAM_DEMO_SECRET=$(key32)
# Residents' and permit applicants' personal data are sealed with these (base64 of 32 bytes).
PII_ENCRYPTION_KEY=$(key32)
PII_BLIND_INDEX_KEY=$(key32)
PERMITS_PII_ENCRYPTION_KEY=$(key32)
ENV
# ln refuses an existing name: a .env made meanwhile by another run wins, and is not overwritten.
if ln "$tmp" "$file" 2>/dev/null; then
  echo "compose secrets: wrote $file"
else
  echo "compose secrets: $file exists, kept"
fi
