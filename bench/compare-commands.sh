#!/usr/bin/env bash
# A/B of two whole commands (a launcher, its jar and its cache as a user runs them), alternating
# runs A B A B … so that a machine whose speed drifts treats both alike. Prints each command's
# median wall and CPU (user + system, every process it waited for) and peak RSS, and the median of
# the pair-by-pair ratios A/B, which is the figure to quote on a busy machine.
#   usage: bench/compare-commands.sh RUNS 'COMMAND A' 'COMMAND B'
#   e.g.   bench/compare-commands.sh 15 './ecsl --version' '/tmp/old/ecsl --version'
# One warm-up run each is not counted. Output is thrown away; the exit codes must be 0.
set -euo pipefail
[ $# -eq 3 ] || { sed -n 6,7p "$0" >&2; exit 2; }
runs=$1; a=$2; b=$3
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
one() {  # one run of $2, its times appended to $work/$1
  /usr/bin/time -f "%e %U %S %M" -a -o "$work/$1" bash -c "$2" >/dev/null 2>&1 \
    || { echo "failed: $2" >&2; exit 1; }
}
one warm "$a"; one warm "$b"
for _ in $(seq "$runs"); do one a "$a"; one b "$b"; done
python3 - "$work/a" "$work/b" "$a" "$b" <<'PY'
import statistics as st, sys
rows = [[list(map(float, l.split())) for l in open(f) if l[:1].isdigit()] for f in sys.argv[1:3]]
for name, cmd, r in zip("AB", sys.argv[3:5], rows):
    print(f"{name}: {st.median(x[0] for x in r):7.3f} s wall {st.median(x[1] + x[2] for x in r):7.3f} s cpu"
          f" {st.median(x[3] for x in r) / 1024:6.0f} MB peak  ({len(r)} runs)  {cmd}")
pairs = list(zip(*rows))
print(f"A/B (median of {len(pairs)} pairs): wall {st.median(x[0] / y[0] for x, y in pairs):.2f}x,"
      f" cpu {st.median((x[1] + x[2]) / (y[1] + y[2]) for x, y in pairs):.2f}x")
PY
