# Shared start-up of the benchmarks that drive a local runtime: source it from a bench script,
#   here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"; . "$here/../lib.sh"
# It sets $root (the repository), $java and $jar (the CLI, built when missing) and defines:
#   bench_require TOOL...        stop unless each tool is on PATH
#   bench_require_image IMAGE    stop unless the Docker image is built (bash .ci/setup builds ours)
#   ecsl ARGS...                 the CLI jar
#   bench_runtime_start PREFIX   a runtime of the benchmark's own: $data (a fresh directory under
#                                /tmp named PREFIX.XXXXXX), $port (ECSL_RUNTIME_PORT, else a free
#                                one), $endpoint and $key (its signing key); stopped with --clean
#                                and removed on exit, after each command given to bench_on_exit
#   ecs OPERATION JSON           a signed ECS API call to that runtime (curl --aws-sigv4)
# shellcheck shell=bash

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
java="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
jar="$root/cli/target/ecsl.jar"

bench_require() {
  local tool
  for tool in "$@"; do
    command -v "$tool" >/dev/null || { echo "bench: $tool is required" >&2; exit 1; }
  done
}

bench_require_image() {
  docker image inspect "$1" >/dev/null 2>&1 || { echo "bench: image $1 missing; run bash .ci/setup" >&2; exit 1; }
}

if [ ! -f "$jar" ]; then
  echo "bench: building the CLI jar" >&2
  (cd "$root" && ./mvnw -q -B -DskipTests -pl cli -am package >&2)
fi

ecsl() { "$java" --enable-native-access=ALL-UNNAMED -jar "$jar" "$@"; }

bench_exit_hooks=()
bench_on_exit() { bench_exit_hooks+=("$1"); }

bench_cleanup() {
  local hook
  for hook in "${bench_exit_hooks[@]}"; do
    eval "$hook" || true
  done
  if [ -n "${data:-}" ]; then
    ecsl runtime stop --clean --data-dir "$data" >/dev/null 2>&1 || true
    rm -rf "$data"
  fi
}

bench_runtime_start() {
  bench_require curl jq python3
  data="$(mktemp -d "/tmp/$1.XXXXXX")"
  port="${ECSL_RUNTIME_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')}"
  trap bench_cleanup EXIT
  endpoint="$(ecsl runtime start --port "$port" --data-dir "$data" 2>/dev/null)"
  # Every request to the runtime is signed (AWS Signature Version 4) with its key, as `ecsl runtime env` prints it.
  local env_json
  env_json="$(ecsl runtime env --data-dir "$data" --format json)"
  key="$(jq -r .AWS_ACCESS_KEY_ID <<<"$env_json"):$(jq -r .AWS_SECRET_ACCESS_KEY <<<"$env_json")"
}

ecs() {
  curl -sf -X POST "$endpoint/" --aws-sigv4 "aws:amz:us-east-1:ecs" --user "$key" \
    -H 'Content-Type: application/x-amz-json-1.1' -H "X-Amz-Target: AmazonEC2ContainerServiceV20141113.$1" -d "$2"
}
