#!/usr/bin/env bash
# Offline plan at scale: `ecsl plan --against` for N services (default 10,000), timed apart from
# compiling. Usage: bench/plan/run.sh [N]. See README.md beside this script.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
N="${1:-10000}"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
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
./mvnw -q -B -o -pl deploy -am install -DskipTests >/dev/null
./mvnw -q -B -o -pl deploy test-compile >/dev/null
cp=$(./mvnw -q -B -o -pl deploy dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)
"$JAVA_HOME/bin/java" -Xmx2g -cp "deploy/target/test-classes:deploy/target/classes:$cp" io.ecsl.deploy.bench.PlanBench \
  "$work/before/shop" "$work/after/shop" "$work/build" 5
