#!/usr/bin/env bash
# Runs samples/cloud-map on the local runtime: `ecsl apply` creates the Cloud Map namespace
# shop.local, the discovery service api in it and the ECS services, api registered in it; then
# shows the instances Cloud Map has for api. Needs the aws CLI and the sample images
# (`bash .ci/setup`). Run from the repository; `./ecsl destroy samples/cloud-map` removes it all.
set -euo pipefail
cd "$(dirname "$0")/../.."
./ecsl runtime start >/dev/null
eval "$(./ecsl runtime env)"
cm() { aws servicediscovery --endpoint-url "$AWS_ENDPOINT_URL" --output text "$@"; }

./ecsl apply samples/cloud-map --auto-approve
ns=$(cm list-namespaces --query "Namespaces[?Name=='shop.local'].Id | [0]")
id=$(cm list-services --filters "Name=NAMESPACE_ID,Values=$ns,Condition=EQ" --query "Services[?Name=='api'].Id | [0]")
echo
echo "Registered instances of api.shop.local (Cloud Map service $id):"
cm list-instances --service-id "$id" --query 'Instances[].[Id, Attributes.AWS_INSTANCE_IPV4]'
echo
echo "curl the address printed for shop/web above: it shows what web resolved for api.shop.local and which api task answered."
