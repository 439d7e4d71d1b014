#!/usr/bin/env bash
# Runs samples/express-web on the local runtime: applies it, shows what Express Mode made for the
# service (DescribeExpressGatewayService, the target group's health, the scaling policy), curls the
# endpoint, and destroys it. Needs the aws CLI and the sample images (`bash .ci/setup`). Run from
# anywhere; keep the runtime with KEEP=1.
set -euo pipefail
cd "$(dirname "$0")/../.."
./ecsl runtime start >/dev/null
eval "$(./ecsl runtime env)"
ecs() { aws --endpoint-url "$AWS_ENDPOINT_URL" "$@"; }

./ecsl apply samples/express-web --auto-approve
arn=$(ecs ecs describe-services --cluster express --services hello --query 'services[0].serviceArn' --output text)
endpoint=$(ecs ecs describe-express-gateway-service --service-arn "$arn" \
  --query 'service.activeConfigurations[0].ingressPaths[0].endpoint' --output text)
echo
echo "Express service $arn answers at $endpoint"
ecs ecs describe-express-gateway-service --service-arn "$arn" --include TAGS \
  --query 'service.{status: status.statusCode, scaling: activeConfigurations[0].scalingTarget, health: activeConfigurations[0].healthCheckPath}'
tg=$(ecs elbv2 describe-target-groups --query "TargetGroups[?contains(TargetGroupName, 'hello')].TargetGroupArn | [0]" --output text)
echo "Target health (checked on /ping):"
ecs elbv2 describe-target-health --target-group-arn "$tg" --query 'TargetHealthDescriptions[].[Target.Id, TargetHealth.State]' --output text
echo "Scaling policy:"
ecs application-autoscaling describe-scaling-policies --service-namespace ecs \
  --query "ScalingPolicies[?ResourceId=='service/express/hello'].[PolicyName, TargetTrackingScalingPolicyConfiguration.PredefinedMetricSpecification.PredefinedMetricType, TargetTrackingScalingPolicyConfiguration.TargetValue]" --output text
echo
echo "curl $endpoint/"
curl -s "$endpoint/"
echo
./ecsl plan samples/express-web
./ecsl destroy samples/express-web --auto-approve
if [ -z "${KEEP:-}" ]; then ./ecsl runtime stop >/dev/null; fi
