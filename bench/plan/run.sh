#!/usr/bin/env bash
# Offline plan at scale: `ecsl plan --against` for N services (default 10,000), timed apart from
# compiling, in RUNS fresh JVMs (default 5). Usage: bench/plan/run.sh [N] [RUNS]. See README.md.
#
# JVM flags are the ecsl launcher's (./ecsl) unless BENCH_JAVA_OPTS says otherwise, e.g.
#   BENCH_JAVA_OPTS="-XX:+UseG1GC" bench/plan/run.sh      # the JVM's defaults (C2, G1)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
N="${1:-10000}"
RUNS="${2:-5}"
ROUNDS=3
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
# The launcher's own flags (ECSL_PRINT_JVM_FLAGS prints them), so this measures what `ecsl plan` runs with.
JAVA_OPTS="${BENCH_JAVA_OPTS:-$(ECSL_PRINT_JVM_FLAGS=1 ./ecsl)}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/before/shop" "$work/after/shop"  # same directory name: the project name comes from it
python3 bench/gen-services "$N" > "$work/before/shop/main.ecs"
# The change under review: every 100th service's image gets a new tag (a new revision + redeploy each).
python3 - "$work/before/shop/main.ecs" "$work/after/shop/main.ecs" <<'PY'
import re, sys
lines = open(sys.argv[1]).read().split("\n")
out = []
for line in lines:
    m = re.match(r'svc\("svc-(\d+)", "([^"]+)"', line)
    if m and int(m.group(1)) % 100 == 0:
        line = line.replace(m.group(2), m.group(2) + "-next")
    out.append(line)
open(sys.argv[2], "w").write("\n".join(out))
PY
quiet() { "$@" 2>&1 >/dev/null | { grep -v '^WARNING' || true; } >&2; }  # Maven's JDK warnings are noise here
# Built through the reactor (never `install`: the local Maven repository is shared), so the compiler
# on the class path is this checkout's target/classes.
quiet ./mvnw -q -B -o -pl deploy -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
cp=$(cat deploy/target/bench-classpath.txt)
bench() {
  # shellcheck disable=SC2086 # JAVA_OPTS is a list of flags
  "$JAVA_HOME/bin/java" $JAVA_OPTS -cp "deploy/target/test-classes:deploy/target/classes:$cp" io.ecsl.deploy.bench.PlanBench "$@"
}
echo "JVM: $("$JAVA_HOME/bin/java" -version 2>&1 | head -1); flags: $JAVA_OPTS; $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
bench build "$work/before/shop" "$work/build"
for run in $(seq 1 "$RUNS"); do
  echo "--- JVM $run of $RUNS"
  bench plan "$work/after/shop" "$work/build" "$ROUNDS" | tee -a "$work/results" | grep -v '^RESULT'
done
python3 bench/plan/summary.py "$work/results" "$N" "$RUNS"
