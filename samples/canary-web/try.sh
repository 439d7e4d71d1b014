#!/usr/bin/env bash
# Runs samples/canary-web on a local runtime of its own: applies the service behind its load
# balancer, deploys a new image as a canary while counting who answers on the listener, then deploys
# an image whose container exits and shows the rollback. A deployment "minute" lasts 10 seconds here
# (ECSL_RUNTIME_DEPLOYMENT_MINUTE), so the canary bakes 10 s. Needs Docker and the sample image
# (`bash .ci/setup`). Run from anywhere; `./ecsl runtime stop --clean` with the same
# ECSL_RUNTIME_DIR removes it all.
set -euo pipefail
cd "$(dirname "$0")/../.."
export ECSL_RUNTIME_DIR="${ECSL_RUNTIME_DIR:-/tmp/ecsl-canary-web}"
export ECSL_RUNTIME_PORT="${ECSL_RUNTIME_PORT:-4750}"
export ECSL_RUNTIME_DEPLOYMENT_MINUTE="${ECSL_RUNTIME_DEPLOYMENT_MINUTE:-10}"
broken=ecsl/canary-web-broken:1

# The broken image: its entry point exits at once, whatever command the task gives it.
if ! docker image inspect "$broken" >/dev/null 2>&1; then
  printf '%s\n' 'FROM ecsl/busybox:1.35' \
    'ENTRYPOINT ["sh", "-c", "echo canary-web: /etc/canary-web.conf is missing >&2; exit 1", "--"]' |
    docker build -q -t "$broken" - >/dev/null
fi

./ecsl runtime start >/dev/null
./ecsl apply samples/canary-web --auto-approve --var image=ecsl/busybox:1.35 | tee /tmp/canary-web-apply.txt
listener=$(grep -o 'load balancer canary-web  http://127.0.0.1:[0-9]*' /tmp/canary-web-apply.txt | grep -o 'http://.*')
echo
echo "Deploying ecsl/busybox:latest as a canary; who answers $listener, ten requests a second:"
./ecsl apply samples/canary-web --auto-approve --var image=ecsl/busybox:latest --poll-interval 1s &
deploy=$!
while kill -0 "$deploy" 2>/dev/null; do
  for _ in $(seq 10); do curl -s -m 2 "$listener" | cut -d' ' -f2; done | sort | uniq -c | tr -s ' \n' ' '
  echo
  sleep 1
done
wait "$deploy"
echo
echo "Deploying $broken, whose container exits: the circuit breaker rolls it back."
if ./ecsl apply samples/canary-web --auto-approve --var image="$broken" --poll-interval 1s; then
  echo "unexpected: the broken image deployed" >&2
  exit 1
fi
echo
echo "Still answering from the running revision:"
curl -s "$listener"
