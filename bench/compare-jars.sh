#!/usr/bin/env bash
# A/B of two or more builds of the CLI jar on the compile workload, alternating runs in one go (this
# machine's speed drifts too much to compare separate runs). Each jar gets its own class-data
# archive trained like the launcher's, and runs with the launcher's JVM flags.
#   usage: bench/compare-jars.sh N RUNS JAR_A JAR_B [JAR ...]
#   e.g.   cp cli/target/ecsl.jar /tmp/before.jar; (change, rebuild); bench/compare-jars.sh 10000 5 /tmp/before.jar cli/target/ecsl.jar
# Prints the median wall and CPU (user + system) time per jar; outputs go to $BENCH_WORK/ab_<i>.
set -euo pipefail
[ $# -ge 4 ] || { sed -n 2,7p "$0" >&2; exit 2; }
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$here")"
n=$1; runs=$2; shift 2
work="${BENCH_WORK:-/tmp/ecsl-bench}"; mkdir -p "$work"
java="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
flags=(-Xmx2g -XX:+UseParallelGC -XX:TieredStopAtLevel=1 -XX:InitialTenuringThreshold=0 -XX:MaxTenuringThreshold=0)
src="$work/svc_$n.ecs"
[ -f "$src" ] || "$here/gen-services" "$n" > "$src"

jars=("$@")
for i in "${!jars[@]}"; do
  rm -f "$work/ab_$i.jsa" "$work/ab_$i.times"
  "$java" "${flags[@]}" -XX:ArchiveClassesAtExit="$work/ab_$i.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off \
    -jar "${jars[$i]}" build "$repo/samples/fargate-web" --out "$work/ab_train_$i" >/dev/null 2>&1
  "$java" "${flags[@]}" -XX:SharedArchiveFile="$work/ab_$i.jsa" -Xlog:cds=off \
    -jar "${jars[$i]}" build "$src" --out "$work/ab_$i" >/dev/null 2>"$work/ab_$i.err" \
    || { cat "$work/ab_$i.err" >&2; echo "${jars[$i]}: the build failed" >&2; exit 1; }   # warm-up run
done
for _ in $(seq "$runs"); do
  for i in "${!jars[@]}"; do
    /usr/bin/time -f "%e %U %S" -a -o "$work/ab_$i.times" "$java" "${flags[@]}" -XX:SharedArchiveFile="$work/ab_$i.jsa" \
      -Xlog:cds=off -jar "${jars[$i]}" build "$src" --out "$work/ab_$i" >/dev/null 2>&1
  done
done
for i in "${!jars[@]}"; do
  python3 - "$work/ab_$i.times" "$n" "${jars[$i]}" <<'PY'
import statistics, sys
rows = [list(map(float, l.split())) for l in open(sys.argv[1]) if l[:1].isdigit()]
print(f"N={sys.argv[2]}  {statistics.median(r[0] for r in rows):6.3f} s wall  "
      f"{statistics.median(r[1] + r[2] for r in rows):6.3f} s cpu  ({len(rows)} runs)  {sys.argv[3]}")
PY
done
if [ ${#jars[@]} -ge 2 ] && ! diff -rq "$work/ab_0" "$work/ab_1" >/dev/null; then
  echo "note: the first two jars' outputs differ (diff -r $work/ab_0 $work/ab_1)" >&2
fi
