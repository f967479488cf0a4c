#!/usr/bin/env bash
# Checks the cluster manifests offline: renders every infra/k8s/overlays/*/ with kustomize and checks
# each object strictly against the Kubernetes API's schema or its operator's CRD (README.md beside).
#   infra/k8s/validate/validate.sh [--json] [--verbose] [TARGET...]   a kustomization dir or a YAML file
#   infra/k8s/validate/validate.sh --install                          only install the tools and schemas
# The first run builds the tools and makes the schemas (Go module proxy, ~1-2 min); then it is offline.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../../native/env.sh"
source "$HAMGAM_ROOT/infra/native/lib/common.sh"
source "$HAMGAM_ROOT/infra/native/lib/k8s-tools.sh"

# Progress lines go to stderr, so that --json prints only the report.
k8s_tools_install >&2
k8s_tools_ready || die "k8s validate: tools or schemas missing after install (see above)"
[[ ${1:-} == --install ]] && exit 0
export KUSTOMIZE_BIN KUBECONFORM_BIN K8S_SCHEMAS
exec "$HAMGAM_ROOT/node_modules/.bin/tsx" "$K8S_VALIDATE_DIR/validate.ts" "$@"
