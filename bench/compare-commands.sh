#!/usr/bin/env bash
# A/B of two whole commands (a launcher, its jar and its cache as a user runs them), alternating
# runs A B A B … so that a machine whose speed drifts treats both alike. Prints each command's
# median wall and CPU (user + system, every process it waited for) and peak RSS, and the median of
# the pair-by-pair ratios A/B, which is the figure to quote on a busy machine.
#   usage: bench/compare-commands.sh RUNS 'COMMAND A' 'COMMAND B'
#   e.g.   bench/compare-commands.sh 15 './ecsl --version' '/tmp/old/ecsl --version'
# One warm-up run each is not counted. Output is thrown away; the exit codes must be 0.
# Times are read from wait4's resource usage in microseconds (/usr/bin/time rounds to 10 ms, too
# coarse for a 50 ms `--version`).
set -euo pipefail
[ $# -eq 3 ] || { sed -n 6,7p "$0" >&2; exit 2; }
exec python3 - "$@" <<'PY'
import os, statistics as st, subprocess, sys, time

runs, cmds = int(sys.argv[1]), sys.argv[2:4]

def one(cmd):
    start = time.monotonic()
    with open(os.devnull, "wb") as null:
        p = subprocess.Popen(["bash", "-c", cmd], stdout=null, stderr=null)
        _, status, ru = os.wait4(p.pid, 0)
    wall = time.monotonic() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed: {cmd}")
    return wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss / 1024

for cmd in cmds:
    one(cmd)
rows = ([], [])
for _ in range(runs):
    for i, cmd in enumerate(cmds):
        rows[i].append(one(cmd))
for name, cmd, r in zip("AB", cmds, rows):
    print(f"{name}: {st.median(x[0] for x in r):7.3f} s wall {st.median(x[1] for x in r):7.3f} s cpu"
          f" {st.median(x[2] for x in r):6.0f} MB peak  ({len(r)} runs)  {cmd}")
pairs = list(zip(*rows))
print(f"A/B (median of {len(pairs)} pairs): wall {st.median(x[0] / y[0] for x, y in pairs):.2f}x,"
      f" cpu {st.median(x[1] / y[1] for x, y in pairs):.2f}x")
PY
