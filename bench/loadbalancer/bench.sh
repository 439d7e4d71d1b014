#!/usr/bin/env bash
# Benchmark: the local load balancer's throughput and p99 against a task's own port, and requests
# failed during a rolling deployment of a 4-task service under steady load. See README.md.
#
# Usage: bench/loadbalancer/bench.sh [CLIENTS=16] [SECONDS=10]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$here/../lib.sh"
clients="${1:-16}"
seconds="${2:-10}"
bench_require docker
bench_require_image "ecsl/busybox:latest"
bench_runtime_start ecsl-lb-bench
"$java" --enable-native-access=ALL-UNNAMED -cp "$jar" "$here/LoadBench.java" "$data" "$clients" "$seconds"
