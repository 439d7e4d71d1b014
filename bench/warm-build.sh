#!/usr/bin/env bash
# Builds N services RUNS times in one JVM (bench/WarmBuild.java), with the launcher's JVM flags but
# C2 allowed: the last runs are the build's work with every method compiled, the floor a cold
# build could reach with a native binary.   usage: bench/warm-build.sh [N] [RUNS]   (10000 12)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$here")"
n=${1:-10000}; runs=${2:-12}
work="${BENCH_WORK:-/tmp/ecsl-bench}"; mkdir -p "$work"
java="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
"$repo/ecsl" --version >/dev/null   # builds the jar if needed
src="$work/svc_$n.ecs"
[ -f "$src" ] || "$here/gen-services" "$n" > "$src"
rm -rf "$work/warm_$n"
exec "$java" -XX:+UseParallelGC -Xms2g -Xmn1g -cp "$repo/cli/target/ecsl.jar" "$here/WarmBuild.java" "$runs" "$src" "$work/warm_$n"
