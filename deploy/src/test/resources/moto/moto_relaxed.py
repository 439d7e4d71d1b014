"""moto_server for ecsl's tests: moto as shipped, with two gaps that matter to ECS samples filled.

1. The samples name subnets and security groups that exist in real accounts (subnet-0a1b2c3d),
   not in moto's EC2 mock, and moto's CreateService looks them up there: the lookup is skipped.
2. moto's CreateService/UpdateService ignore several fields that ECS stores and DescribeServices
   returns (deploymentConfiguration, healthCheckGracePeriodSeconds, enableExecuteCommand, …):
   they are kept on the service, as ECS does, so a plan after apply can see them.

3. moto knows only the account setting names of 2023 and has no PutAccountSettingDefault: names
   are not checked, and PutAccountSettingDefault stores the setting like PutAccountSetting.

Usage: python3 moto_relaxed.py PORT
"""
import sys

import moto.ecs.models as ecs_models
import moto.ecs.responses as ecs_responses
from moto.core.utils import camelcase_to_underscores
from moto.server import main

for name in dir(ecs_models):
    cls = getattr(ecs_models, name)
    if isinstance(cls, type) and hasattr(cls, "_validate_network"):
        cls._validate_network = lambda self, nc: nc

KEPT = [
    "deploymentConfiguration",
    "healthCheckGracePeriodSeconds",
    "enableExecuteCommand",
    "enableECSManagedTags",
    "placementConstraints",
    "placementStrategy",
    "capacityProviderStrategy",
    "availabilityZoneRebalancing",
]
DEPLOYMENT_KEPT = ["serviceConnectConfiguration", "volumeConfigurations", "vpcLatticeConfigurations"]


def keep(responses, service):
    for field in KEPT:
        value = responses._get_param(field)
        if value is not None:
            setattr(service, camelcase_to_underscores(field), value)
    for field in DEPLOYMENT_KEPT:
        value = responses._get_param(field)
        if value is not None:
            for deployment in getattr(service, "deployments", []) or []:
                if isinstance(deployment, dict) and deployment.get("status") == "PRIMARY":
                    deployment[field] = value


def wrap(original):
    def handler(self):
        result = original(self)
        service = result.result.get("service") if hasattr(result, "result") else None
        if service is not None:
            keep(self, service)
        return result
    return handler


ecs_responses.EC2ContainerServiceResponse.create_service = wrap(ecs_responses.EC2ContainerServiceResponse.create_service)
ecs_responses.EC2ContainerServiceResponse.update_service = wrap(ecs_responses.EC2ContainerServiceResponse.update_service)



def list_account_settings(self, name=None, value=None):
    return [s for s in self.account_settings.values() if (not name or s.name == name) and (not value or s.value == value)]


ecs_models.EC2ContainerServiceBackend.list_account_settings = list_account_settings
ecs_responses.EC2ContainerServiceResponse.put_account_setting_default = (
    ecs_responses.EC2ContainerServiceResponse.put_account_setting)

main(["-p", sys.argv[1]])
