#!/usr/bin/env bash
# The language server's latency, as an editor sees it (bench/lsp/LspBench.java): for each N, the
# compile benchmark's workload (bench/gen-services N: N services in one file), `ecsl lsp` started
# as the launcher starts it, EDITS edits timed from didChange to their diagnostics, COMPLETIONS
# completions timed from request to answer.   usage: bench/lsp/run.sh [N ...]   (100 10000)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$(dirname "$here")")"
edits=${EDITS:-20}; completions=${COMPLETIONS:-30}
work="${BENCH_WORK:-/tmp/ecsl-bench-lsp}"
"$repo/ecsl" --version >/dev/null   # builds the jar if needed
java="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
for n in "${@:-100 10000}"; do
  dir="$work/n$n"; mkdir -p "$dir"
  [ -f "$dir/main.ecs" ] || "$repo/bench/gen-services" "$n" > "$dir/main.ecs"
  # SERVER overrides how the server is started (to compare JVM settings), e.g.
  # SERVER="$java -XX:TieredStopAtLevel=1 -jar cli/target/ecsl.jar lsp"
  read -r -a server <<< "${SERVER:-$repo/ecsl lsp}"
  "$java" ${WARMUP:+-Dwarmup=$WARMUP} -cp "$repo/cli/target/ecsl.jar" "$here/LspBench.java" "$n" "$edits" "$completions" "$dir" -- "${server[@]}"
done
