#!/usr/bin/env bash
# Benchmark: the local load balancer's throughput and p99 against a task's own port, and requests
# failed during a rolling deployment of a 4-task service under steady load. See README.md.
#
# Usage: bench/loadbalancer/bench.sh [CLIENTS=16] [SECONDS=10]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
clients="${1:-16}"
seconds="${2:-10}"
image="ecsl/busybox:latest"
docker image inspect "$image" >/dev/null 2>&1 || { echo "bench: image $image missing; run bash .ci/setup" >&2; exit 1; }

java="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
jar="$root/cli/target/ecsl.jar"
if [ ! -f "$jar" ]; then
  echo "bench: building the CLI jar" >&2
  (cd "$root" && ./mvnw -q -B -DskipTests -pl cli -am package >&2)
fi
ecsl() { "$java" --enable-native-access=ALL-UNNAMED -jar "$jar" "$@"; }

data="$(mktemp -d /tmp/ecsl-lb-bench.XXXXXX)"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
cleanup() {
  ecsl runtime stop --clean --data-dir "$data" >/dev/null 2>&1 || true
  rm -rf "$data"
}
trap cleanup EXIT
ecsl runtime start --port "$port" --data-dir "$data" >/dev/null
"$java" --enable-native-access=ALL-UNNAMED -cp "$jar" "$here/LoadBench.java" "$data" "$clients" "$seconds"
