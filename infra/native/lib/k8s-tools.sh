# What the offline check of the cluster manifests needs (infra/k8s/validate): kustomize and
# kubeconform built from the Go module proxy, and strict JSON schemas generated from Kubernetes'
# OpenAPI spec and the operators' CRDs (Go modules too). All of it is cached under $HAMGAM_CACHE;
# versions are in infra/k8s/validate/versions.env. Expects env.sh and lib/common.sh to be sourced.

K8S_VALIDATE_DIR=$HAMGAM_ROOT/infra/k8s/validate
source "$K8S_VALIDATE_DIR/versions.env"
# A module cache of its own, so these downloads live with the rest of the cache.
K8S_GOMODCACHE=$HAMGAM_CACHE/go-mod
KUSTOMIZE_BIN=$HAMGAM_CACHE/bin/kustomize-$KUSTOMIZE_VERSION
KUBECONFORM_BIN=$HAMGAM_CACHE/bin/kubeconform-$KUBECONFORM_VERSION
# Named after what the schemas are made from (the versions and the generator): a change to either
# makes a new directory, and the old ones are removed once it is complete.
K8S_SCHEMAS=$HAMGAM_CACHE/k8s-schemas/$(cat "$K8S_VALIDATE_DIR/versions.env" "$K8S_VALIDATE_DIR/gen-schemas.ts" |
  sha256sum | cut -c1-16)

k8s_tools_ready() { [[ -x $KUSTOMIZE_BIN && -x $KUBECONFORM_BIN && -f $K8S_SCHEMAS/.complete ]]; }

k8s_go() {
  (cd "$HAMGAM_CACHE" && GOMODCACHE=$K8S_GOMODCACHE GOFLAGS="-modcacherw -buildvcs=false" GOTOOLCHAIN=local \
    CGO_ENABLED=0 go "$@")
}

# k8s_go_install MODULE VERSION BIN: builds the module's command into BIN.
k8s_go_install() {
  local module=$1 version=$2 bin=$3 tmp name
  [[ -x $bin ]] && return 0
  name=$(basename "${module%/v[0-9]*}")   # the command's name: .../kustomize/v5 builds "kustomize"
  say "k8s tools: building $name $version (first time ~1 min)"
  tmp=$(mktemp -d "$HAMGAM_CACHE/bin/.build.XXXXXX")
  GOBIN=$tmp k8s_go install "$module@$version" >"$tmp.log" 2>&1 ||
    { tail -n 30 "$tmp.log" >&2; rm -rf "$tmp"; die "k8s tools: go install $module@$version failed (log: $tmp.log)"; }
  mv "$tmp/$name" "$bin" || die "k8s tools: go install $module@$version made no $name"
  rm -rf "$tmp" "$tmp.log"
}

# k8s_module_dir MODULE@VERSION: downloads the module once and prints where its files are.
k8s_module_dir() {
  local json dir
  json=$(k8s_go mod download -json "$1") || die "k8s schemas: go mod download $1 failed: $(grep '"Error"' <<<"$json")"
  dir=$(sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p' <<<"$json")
  [[ -d $dir ]] || die "k8s schemas: go mod download $1 gave no directory"
  echo "$dir"
}

k8s_generate_schemas() {
  local tsx=$HAMGAM_ROOT/node_modules/.bin/tsx dir source module sub file tmp
  local args=() dirs=()
  say "k8s schemas: generating from Kubernetes $KUBERNETES_VERSION and ${#K8S_CRD_SOURCES[@]} operators' CRDs"
  # (Each step says why it failed and stops here: callers run this where set -e does not apply.)
  dir=$(k8s_module_dir "$KUBERNETES_MODULE@$KUBERNETES_VERSION") || return 1
  dirs+=("$dir")
  args+=(--kubernetes "$dir/api/openapi-spec/v3" "Kubernetes $KUBERNETES_VERSION")
  for source in "${K8S_CRD_SOURCES[@]}"; do
    read -r module sub <<<"$source"
    dir=$(k8s_module_dir "$module") || return 1
    dirs+=("$dir")
    local found=0
    for file in "$dir/$sub"/*.yaml "$dir/$sub"/*.yml; do
      [[ -f $file ]] || continue
      args+=(--crd "$file" "$module $sub/${file##*/}")
      found=1
    done
    (( found )) || die "k8s schemas: no CRD files in $module $sub"
  done
  tmp=$K8S_SCHEMAS.tmp
  "$tsx" "$K8S_VALIDATE_DIR/gen-schemas.ts" --out "$tmp" "${args[@]}" || die "k8s schemas: generation failed"
  date -u +%FT%TZ >"$tmp/.complete" && rm -rf "$K8S_SCHEMAS" && mv "$tmp" "$K8S_SCHEMAS" || return 1
  # Older generations, and the modules' unpacked trees (their zips stay in the module cache, so the
  # next generation unpacks them again without the network).
  find "$(dirname "$K8S_SCHEMAS")" -mindepth 1 -maxdepth 1 ! -path "$K8S_SCHEMAS" -exec rm -rf {} +
  rm -rf "${dirs[@]}"
}

# Builds and generates whatever is missing; a no-op when all is in place. Holds its own lock, so
# install.sh (which holds the cache's lock) and validate.sh can both call it.
k8s_tools_install() {
  k8s_tools_ready && return 0
  command -v go >/dev/null || PATH=$PATH:/usr/local/go/bin
  command -v go >/dev/null || die "k8s tools: Go is needed to build kustomize and kubeconform (not found)"
  mkdir -p "$HAMGAM_CACHE/bin" "$HAMGAM_CACHE/k8s-schemas"
  local fd status=0
  exec {fd}>"$HAMGAM_CACHE/.k8s-tools.lock"
  flock -w 900 "$fd" || die "k8s tools: another install holds $HAMGAM_CACHE/.k8s-tools.lock"
  (
    k8s_go_install "$KUSTOMIZE_MODULE" "$KUSTOMIZE_VERSION" "$KUSTOMIZE_BIN"
    k8s_go_install "$KUBECONFORM_MODULE" "$KUBECONFORM_VERSION" "$KUBECONFORM_BIN"
    [[ -f $K8S_SCHEMAS/.complete ]] && exit 0
    # The generator is TypeScript run with the workspace's tsx: before `npm ci` there is none yet, and
    # validate.sh generates the schemas on its first run instead.
    if [[ ! -x $HAMGAM_ROOT/node_modules/.bin/tsx ]]; then
      say "k8s schemas: not generated yet (no node_modules: run npm ci; validate.sh makes them)"
      exit 0
    fi
    k8s_generate_schemas
  ) || status=$?
  exec {fd}>&-
  return $status
}
