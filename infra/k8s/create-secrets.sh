#!/usr/bin/env bash
# Creates, in the namespace hamgam, every Secret the manifests reference and no operator creates, with
# fresh random values; a Secret that already exists is left as it is (so running it again is safe and
# never rotates anything by accident). Needs kubectl pointed at the cluster. Usage:
#   bash infra/k8s/create-secrets.sh && kubectl apply -k infra/k8s/overlays/production
# The TLS certificate (Secret hamgam-tls) is yours to provide, or cert-manager's (README). The services
# and the keys each needs are the registry's (packages/registry), read with node.
set -euo pipefail
NAMESPACE=${NAMESPACE:-hamgam}
registry() { node "$(dirname "${BASH_SOURCE[0]}")/../../packages/registry/src/cli.js" "$@"; }
users=$(registry services service)
sealed=$(registry services service keys.current)

# URL-safe: the services put these passwords into connection URLs.
password() { head -c 24 /dev/urandom | base64 | tr '+/' '-_' | tr -d '='; }
key32() { head -c 32 /dev/urandom | base64; }

create() {
  local name=$1
  shift
  if kubectl -n "$NAMESPACE" get secret "$name" >/dev/null 2>&1; then
    echo "secret/$name exists, kept"
  else
    kubectl -n "$NAMESPACE" create secret generic "$name" "$@"
  fi
}

kubectl get namespace "$NAMESPACE" >/dev/null 2>&1 || kubectl create namespace "$NAMESPACE"
for user in $users backup; do
  create "mongo-$user-password" --from-literal=password="$(password)"
done
create rabbitmq-hamgam-services --from-literal=username=hamgam-services --from-literal=password="$(password)"
# Prometheus scrapes /metrics with it (the services refuse shorter than 32 characters).
create hamgam-metrics-token --from-literal=token="$(password)$(password)"
# The keys that seal a service's personal data, in the Secret <service>-pii (the previous keys are added
# only while keys rotate: README).
while read -r service keys; do
  [[ $keys == - ]] && continue
  literals=()
  for key in ${keys//,/ }; do literals+=(--from-literal="$key=$(key32)"); done
  create "$service-pii" "${literals[@]}"
done <<<"$sealed"
