#!/usr/bin/env bash
# The launcher's dynamic class-data archive against JDK 25's AOT cache (JEP 483/514), same jar and
# JVM flags, alternating cold runs on the compile workload. Needs JDK 25+.
#   usage: bench/compare-aot-cache.sh N RUNS      e.g. bench/compare-aot-cache.sh 10000 6
# Prints the median wall, CPU and peak RSS of each; outputs go to $BENCH_WORK/aot_{archive,cache}.
set -euo pipefail
[ $# -eq 2 ] || { sed -n 4p "$0" >&2; exit 2; }
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$here")"
n=$1; runs=$2
work="${BENCH_WORK:-/tmp/ecsl-bench}"; mkdir -p "$work"
java="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
jar="$work/aot_ecsl.jar"; cp "$repo/cli/target/ecsl.jar" "$jar"
flags=(-XX:+UseParallelGC -XX:TieredStopAtLevel=1 -XX:InitialTenuringThreshold=0 -XX:MaxTenuringThreshold=0
  -XX:+UseCompactObjectHeaders)
src="$work/svc_$n.ecs"
[ -f "$src" ] || "$here/gen-services" "$n" > "$src"
sample="$repo/samples/fargate-web"

rm -f "$work/aot.jsa" "$work/aot.aot" "$work"/aot_*.times
"$java" "${flags[@]}" -XX:ArchiveClassesAtExit="$work/aot.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off \
  -jar "$jar" build "$sample" --out "$work/aot_train" >/dev/null 2>&1
"$java" "${flags[@]}" -XX:AOTCacheOutput="$work/aot.aot" -jar "$jar" build "$sample" --out "$work/aot_train" \
  >/dev/null 2>&1
declare -A mode=([archive]="-XX:SharedArchiveFile=$work/aot.jsa -Xlog:cds=off" [cache]="-XX:AOTCache=$work/aot.aot")
for m in archive cache; do   # warm-up run each
  # shellcheck disable=SC2086
  "$java" "${flags[@]}" ${mode[$m]} -jar "$jar" build "$src" --out "$work/aot_$m" >/dev/null 2>&1
done
for _ in $(seq "$runs"); do
  for m in archive cache; do
    # shellcheck disable=SC2086
    /usr/bin/time -f "%e %U %S %M" -a -o "$work/aot_$m.times" \
      "$java" "${flags[@]}" ${mode[$m]} -jar "$jar" build "$src" --out "$work/aot_$m" >/dev/null 2>&1
  done
done
for m in archive cache; do
  python3 - "$work/aot_$m.times" "$n" "$m" <<'PY'
import statistics, sys
rows = [list(map(float, l.split())) for l in open(sys.argv[1]) if l[:1].isdigit()]
print(f"N={sys.argv[2]}  {sys.argv[3]:8}  {statistics.median(r[0] for r in rows):6.3f} s wall  "
      f"{statistics.median(r[1] + r[2] for r in rows):6.3f} s cpu  "
      f"{statistics.median(r[3] for r in rows) / 1024:5.0f} MB peak RSS  ({len(rows)} runs)")
PY
done
diff -rq "$work/aot_archive" "$work/aot_cache" >/dev/null || echo "note: the two outputs differ" >&2
