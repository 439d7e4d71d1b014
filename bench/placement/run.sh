#!/usr/bin/env bash
# The placement stage in memory: 1,000 container instances, 10,000 tasks, spread by zone + binpack
# memory + a memberOf constraint; placements per second, and the cost per placement as the
# instances grow. Usage: bench/placement/run.sh [INSTANCES] [TASKS] [ROUNDS]. See README.md.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
quiet() { "$@" 2>&1 >/dev/null | { grep -v '^WARNING' || true; } >&2; }  # Maven's JDK warnings are noise here
# Compiled through the reactor (never installed); the bench needs the runtime's own dependencies only.
quiet ./mvnw -q -B -o -pl runtime -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=runtime
cp=$(cat runtime/target/bench.classpath)
echo "JVM: $("$JAVA_HOME/bin/java" -version 2>&1 | head -1); $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
"$JAVA_HOME/bin/java" -cp "runtime/target/test-classes:runtime/target/classes:$cp" io.ecsl.runtime.bench.PlacementBench "$@"
