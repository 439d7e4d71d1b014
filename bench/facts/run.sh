#!/usr/bin/env bash
# The facts module's hot paths (see FactsBench.java): bench/facts/run.sh [INSTANCES]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME
./mvnw -q -B -o -pl facts compile 2>&1 | { grep -v '^WARNING' || true; } >&2
exec "$JAVA_HOME/bin/java" -cp facts/target/classes bench/facts/FactsBench.java "${1:-1000}"
