#!/usr/bin/env python3
"""summary.py RESULTS N RUNS: medians of PlanBench's RESULT lines (bench/plan/run.sh).

"cold" is each JVM's first round (what one `ecsl plan --against` does after compiling), "warm"
the later rounds of the same JVMs. CPU is summed over the JVM's Java threads (the planning thread
and the pool threads it hands work to); "process CPU" adds GC and JIT compiler threads.
"""
import statistics
import sys

path, n, runs = sys.argv[1], sys.argv[2], sys.argv[3]
compiles, cold, warm = [], [], []
for line in open(path):
    if not line.startswith("RESULT "):
        continue
    fields = dict(kv.split("=", 1) for kv in line.split()[1:])
    values = {k: float(v) for k, v in fields.items() if k != "phase"}
    if fields["phase"] == "compile":
        compiles.append(values)
    else:
        values["total_wall"] = values["load_wall"] + values["plan_wall"]
        values["total_cpu"] = values["load_cpu"] + values["plan_cpu"]
        (cold if values["round"] == 1 else warm).append(values)


def median(rows, key):
    return statistics.median(r[key] for r in rows) if rows else float("nan")


print(f"\n{n} services, {runs} JVMs: medians (ms, MiB)")
print(f"compile the current project: {median(compiles, 'wall'):.0f} ms wall, {median(compiles, 'cpu'):.0f} ms CPU "
      "(not part of the plan stage)")
rows = [
    ("load + plan, wall", "total_wall"),
    ("load + plan, CPU (Java threads)", "total_cpu"),
    ("  load previous build (manifest), wall", "load_wall"),
    ("  load previous build (manifest), CPU", "load_cpu"),
    ("  plan (reads the build's files), wall", "plan_wall"),
    ("  plan, CPU (Java threads)", "plan_cpu"),
    ("  plan, CPU of the planning thread", "plan_thread_cpu"),
    ("  plan, process CPU (+ GC, JIT)", "plan_process_cpu"),
    ("  plan, GC pauses", "plan_gc"),
    ("render the text plan, wall", "render_wall"),
    ("render the text plan, CPU", "render_cpu"),
    ("peak heap (sum of pool peaks)", "peak_mib"),
    ("heap retained after GC (model + plan)", "retained_mib"),
]
print(f"| {'':40} | {'cold (1st round)':>16} | {'warm (rounds 2+)':>16} |")
print(f"|{'-' * 42}|{'-' * 18}|{'-' * 18}|")
for label, key in rows:
    print(f"| {label:40} | {median(cold, key):16.0f} | {median(warm, key):16.0f} |")
