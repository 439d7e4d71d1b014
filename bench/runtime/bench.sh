#!/usr/bin/env bash
# Benchmark: a TASKS-task ECS service from CreateService to all RUNNING on the ecsl runtime, beside the
# same TASKS containers started with plain `docker run -d`, in the same run. Prints both times and the
# ratio per round and the median ratio. See README.md.
#
# Usage: bench/runtime/bench.sh [TASKS=20] [ROUNDS=3] [NETWORK_MODE=bridge] [start|scale-out]
# scale-out: the service runs 1 task, then UpdateService sets desiredCount TASKS (what Service Auto
# Scaling does); the baseline starts the TASKS-1 added containers.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$here/../lib.sh"
tasks="${1:-20}"
rounds="${2:-3}"
mode="${3:-bridge}"
shape="${4:-start}"
case "$shape" in start|scale-out) ;; *) echo "bench: the 4th argument is start or scale-out" >&2; exit 1 ;; esac
image="ecsl/busybox:latest"
script="trap 'exit 0' TERM; sleep 3600 & wait"

bench_require docker curl jq python3 bc
bench_require_image "$image"
bench_runtime_start ecsl-bench
label="ecsl-bench=$(basename "$data")"
bench_on_exit 'docker ps -aq --filter "label=$label" | xargs -r docker rm -f >/dev/null 2>&1'
now() { date +%s.%N; }

network=""
if [ "$mode" = awsvpc ]; then
  network=',"networkConfiguration":{"awsvpcConfiguration":{"subnets":["subnet-bench"]}}'
  taskdef_extra=',"networkMode":"awsvpc","cpu":"256","memory":"512"'
else
  taskdef_extra=',"memory":"64"'
fi
ecs CreateCluster '{"clusterName":"bench"}' >/dev/null
ecs RegisterTaskDefinition "$(jq -nc --arg s "$script" --arg i "$image" \
  '{family:"bench",containerDefinitions:[{name:"app",image:$i,command:["sh","-c",$s]}]}' \
  | sed "s/^{/{\"_\":0$taskdef_extra,/; s/\"_\":0,//")" >/dev/null
# Warm up once (pause image import for awsvpc, JIT in the runtime) so rounds compare steady states.
ecs CreateService "{\"cluster\":\"bench\",\"serviceName\":\"warmup\",\"taskDefinition\":\"bench\",\"desiredCount\":1$network}" >/dev/null
until [ "$(ecs DescribeServices '{"cluster":"bench","services":["warmup"]}' | jq '.services[0].runningCount')" = 1 ]; do sleep 0.1; done
ecs DeleteService '{"cluster":"bench","service":"warmup","force":true}' >/dev/null

run_runtime() {
  local name="svc$1" t0 t1
  if [ "$shape" = scale-out ]; then
    ecs CreateService "{\"cluster\":\"bench\",\"serviceName\":\"$name\",\"taskDefinition\":\"bench\",\"desiredCount\":1$network}" >/dev/null
    until [ "$(ecs DescribeServices "{\"cluster\":\"bench\",\"services\":[\"$name\"]}" | jq '.services[0].runningCount')" = 1 ]; do
      sleep 0.05
    done
    t0="$(now)"
    ecs UpdateService "{\"cluster\":\"bench\",\"service\":\"$name\",\"desiredCount\":$tasks}" >/dev/null
  else
    t0="$(now)"
    ecs CreateService "{\"cluster\":\"bench\",\"serviceName\":\"$name\",\"taskDefinition\":\"bench\",\"desiredCount\":$tasks$network}" >/dev/null
  fi
  until [ "$(ecs DescribeServices "{\"cluster\":\"bench\",\"services\":[\"$name\"]}" | jq '.services[0].runningCount')" = "$tasks" ]; do
    sleep 0.02
  done
  t1="$(now)"
  echo "$t1 - $t0" | bc -l
  ecs DeleteService "{\"cluster\":\"bench\",\"service\":\"$name\",\"force\":true}" >/dev/null
  until [ "$(ecs DescribeServices "{\"cluster\":\"bench\",\"services\":[\"$name\"]}" | jq -r '.services[0].status')" = INACTIVE ]; do
    sleep 0.1
  done
}

# Plain `docker run -d`, one after the other (parallel=1) or PARALLEL at a time (Docker's own limit).
run_docker() {
  local parallel="$1" t0 t1
  t0="$(now)"
  local count="$tasks"
  if [ "$shape" = scale-out ]; then count=$((tasks - 1)); fi
  seq 1 "$count" | xargs -P "$parallel" -I{} docker run -d --label "$label" --memory 64m "$image" sh -c "$script" >/dev/null
  t1="$(now)"
  echo "$t1 - $t0" | bc -l
  docker ps -aq --filter "label=$label" | xargs -r docker rm -f >/dev/null
}

parallel=8
printf '%-6s %10s %16s %16s %10s %10s\n' round "ecsl (s)" "docker seq (s)" "docker x$parallel (s)" "vs seq" "vs x$parallel"
ratios=()
strict=()
for round in $(seq 1 "$rounds"); do
  # Alternate the order so neither side always runs on a warmer (or busier) engine.
  if [ $((round % 2)) = 1 ]; then
    r="$(run_runtime "$round")"; d="$(run_docker 1)"; p="$(run_docker "$parallel")"
  else
    p="$(run_docker "$parallel")"; d="$(run_docker 1)"; r="$(run_runtime "$round")"
  fi
  ratio="$(echo "$r / $d" | bc -l)"
  ratio_parallel="$(echo "$r / $p" | bc -l)"
  ratios+=("$ratio")
  strict+=("$ratio_parallel")
  printf '%-6s %10.2f %16.2f %16.2f %10.2f %10.2f\n' "$round" "$r" "$d" "$p" "$ratio" "$ratio_parallel"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
printf 'median ratio, %s tasks (%s), %s mode, docker %s: %.2f vs sequential docker run -d, %.2f vs %s in parallel\n' \
  "$tasks" "$shape" "$mode" "$(docker version --format '{{.Server.Version}}')" "$(median "${ratios[@]}")" \
  "$(median "${strict[@]}")" "$parallel"
