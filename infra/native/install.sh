#!/usr/bin/env bash
# Installs what the native stack needs and is missing: Debian packages, the FerretDB wrapper build
# and the Keycloak dist, cached under $HAMGAM_CACHE. A no-op in a second when all is in place.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
source "$HAMGAM_ROOT/infra/native/lib/common.sh"
run_locked "$HAMGAM_CACHE/.lock" "$@"

# chromium is for the browser tests; docker-compose only validates docker-compose.yml; python3-venv holds
# the API fuzzer (schemathesis, from PyPI); maven fetches
# Keycloak; postgresql is FerretDB's backend (Debian 12's is 15, see env.sh). Go is expected from the
# machine (Debian's is too old for FerretDB's module).
APT_PACKAGES=(rabbitmq-server postgresql chromium docker-compose maven unzip curl python3-venv)

install_apt_packages() {
  local missing=() pkg
  for pkg in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  (( ${#missing[@]} )) || return 0
  say "apt: installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

# Rebuilt only when the wrapper's sources change (their hash is kept beside the binary).
build_ferretdb() {
  local hash
  hash=$(cat "$FERRETDB_SRC"/main.go "$FERRETDB_SRC"/go.mod "$FERRETDB_SRC"/go.sum | sha256sum | cut -d' ' -f1)
  if [[ -x $FERRETDB_BIN && $(cat "$FERRETDB_BIN.sha256" 2>/dev/null) == "$hash" ]]; then
    return 0
  fi
  command -v go >/dev/null || PATH=$PATH:/usr/local/go/bin
  command -v go >/dev/null || die "ferretdb: Go is needed to build $FERRETDB_SRC (not found)"
  say "ferretdb: building the wrapper (first time ~1 min)"
  mkdir -p "$(dirname "$FERRETDB_BIN")"
  (cd "$FERRETDB_SRC" && CGO_ENABLED=0 go build -buildvcs=false -o "$FERRETDB_BIN.tmp" .)
  mv "$FERRETDB_BIN.tmp" "$FERRETDB_BIN"
  echo "$hash" >"$FERRETDB_BIN.sha256"
}

# Maven Central is reachable where GitHub downloads are not, so the dist comes as a Maven artifact.
fetch_keycloak() {
  [[ -x $KEYCLOAK_DIST/bin/kc.sh ]] && return 0
  local downloads=$HAMGAM_CACHE/downloads zip
  zip=$downloads/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip
  if [[ ! -s $zip ]]; then
    say "keycloak: downloading $KEYCLOAK_VERSION with Maven (first time ~1 min)"
    mkdir -p "$downloads"
    mvn -q -B dependency:copy -Dartifact="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" \
      -DoutputDirectory="$downloads" >"$downloads/mvn.log" 2>&1 ||
      { tail -n 30 "$downloads/mvn.log" >&2; die "keycloak: Maven download failed (log: $downloads/mvn.log)"; }
  fi
  say "keycloak: unpacking"
  rm -rf "$KEYCLOAK_DIST.tmp"
  mkdir -p "$KEYCLOAK_DIST.tmp"
  unzip -q "$zip" -d "$KEYCLOAK_DIST.tmp" || { rm -f "$zip"; die "keycloak: $zip is damaged; removed it, run again"; }
  mv "$KEYCLOAK_DIST.tmp/keycloak-$KEYCLOAK_VERSION" "$KEYCLOAK_DIST"
  rmdir "$KEYCLOAK_DIST.tmp"
}

# The offline check of the cluster manifests (infra/k8s/validate, run by the infra tests): kustomize,
# kubeconform and the Kubernetes and operator schemas, from the Go module proxy (lib/k8s-tools.sh).
install_k8s_tools() {
  source "$HAMGAM_ROOT/infra/native/lib/k8s-tools.sh"
  k8s_tools_install
}

start=$SECONDS
install_apt_packages
build_ferretdb
fetch_keycloak
install_k8s_tools
# The API fuzzer of npm test (e2e/fuzz): schemathesis in a venv of its own, cached.
bash "$HAMGAM_ROOT/e2e/fuzz/run.sh" install
say "install: done in $((SECONDS - start))s"
