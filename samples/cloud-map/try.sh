#!/usr/bin/env bash
# Runs samples/cloud-map on the local runtime: makes the Cloud Map namespace and service with the
# aws CLI against the runtime, applies the project with the service's ARN, and shows what `web`
# resolves. Needs the aws CLI and the sample images (`bash .ci/setup`). Run from the repository.
set -euo pipefail
cd "$(dirname "$0")/../.."
./ecsl runtime start >/dev/null
eval "$(./ecsl runtime env)"
cm() { aws servicediscovery --endpoint-url "$AWS_ENDPOINT_URL" --output text "$@"; }

ns=$(cm list-namespaces --query "Namespaces[?Name=='shop.local'].Id | [0]")
if [ "$ns" = "None" ] || [ -z "$ns" ]; then
  op=$(cm create-private-dns-namespace --name shop.local --vpc vpc-local --query OperationId)
  ns=$(cm get-operation --operation-id "$op" --query Operation.Targets.NAMESPACE)
fi
arn=$(cm list-services --filters "Name=NAMESPACE_ID,Values=$ns,Condition=EQ" --query "Services[?Name=='api'].Arn | [0]")
if [ "$arn" = "None" ] || [ -z "$arn" ]; then
  arn=$(cm create-service --name api --namespace-id "$ns" \
    --dns-config 'RoutingPolicy=MULTIVALUE,DnsRecords=[{Type=A,TTL=5}]' \
    --health-check-custom-config FailureThreshold=1 --query Service.Arn)
fi
echo "Cloud Map service api.shop.local: $arn"
./ecsl apply samples/cloud-map --var "registry=$arn" --auto-approve
echo
echo "Registered instances (DiscoverInstances):"
cm list-instances --service-id "${arn##*/}" --query 'Instances[].[Id, Attributes.AWS_INSTANCE_IPV4]'
echo
echo "curl the address printed for shop/web above: it shows what web resolved for api.shop.local and which api task answered."
