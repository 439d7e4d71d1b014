"""moto_server for ecsl's tests: moto as shipped, with the gaps that matter to ECS samples filled.

1. The samples name subnets and security groups that exist in real accounts (subnet-0a1b2c3d),
   not in moto's EC2 mock, and moto's CreateService looks them up there: the lookup is skipped.
2. moto's CreateService/UpdateService ignore several fields that ECS stores and DescribeServices
   returns (deploymentConfiguration, healthCheckGracePeriodSeconds, enableExecuteCommand, …):
   they are kept on the service, as ECS does, so a plan after apply can see them.

3. moto knows only the account setting names of 2023 and has no PutAccountSettingDefault: names
   are not checked, and PutAccountSettingDefault stores the setting like PutAccountSetting.

4. moto's RegisterTaskDefinition demands a container `memory` when the task requires EC2 and has
   no task-level memory, even if the container sets `memoryReservation`. ECS accepts either
   (docs/ecs-semantics.md §2.2: without task-level memory, every container needs `memory` or
   `memoryReservation`); the corpus's docs-inferentia-neuron-ec2.json (memoryReservation only,
   EC2) is registered by ECS and was refused by moto. The check is ECS's now.

5. moto's RegisterTaskDefinition replaces the declared network mode with `awsvpc` whenever
   requiresCompatibilities is anything but EC2 (it takes EXTERNAL for FARGATE): the corpus's
   docs-ecs-anywhere-windows-external.json (EXTERNAL, `bridge`) came back as `awsvpc`. ECS keeps
   the declared mode (docs/ecs-semantics.md §1: bridge, host, awsvpc or none; only Fargate
   requires awsvpc, and refuses anything else rather than rewriting it); so does moto now.

6. moto's ELBv2 looks up a target group's VPC and a load balancer's subnets in its EC2 mock: as
   for ECS (gap 1), a VPC or subnet it does not know stands for one of the account's own (the
   subnets in zones a, b, c… of the region, in the order named), so samples apply as written.

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


def validate_container_defs(memory, container_definitions, requires_compatibilities):
    for cd in container_definitions:
        if "name" not in cd and "Name" not in cd:
            raise ecs_models.TaskDefinitionMissingPropertyError("name")
        if "image" not in cd and "Image" not in cd:
            raise ecs_models.TaskDefinitionMissingPropertyError("image")
        limits = ("memory", "Memory", "memoryReservation", "MemoryReservation")
        if not memory and not any(k in cd for k in limits):
            raise ecs_models.TaskDefinitionMemoryError(cd.get("name", cd.get("Name")))


ecs_models.EC2ContainerServiceBackend._validate_container_defs = staticmethod(validate_container_defs)

original_task_definition_init = ecs_models.TaskDefinition.__init__


def task_definition_init(self, *args, **kwargs):
    original_task_definition_init(self, *args, **kwargs)
    if kwargs.get("network_mode") is not None:
        self.network_mode = kwargs["network_mode"]


ecs_models.TaskDefinition.__init__ = task_definition_init
ecs_responses.EC2ContainerServiceResponse.put_account_setting_default = (
    ecs_responses.EC2ContainerServiceResponse.put_account_setting)

import types

import moto.elbv2.models as elbv2_models
from moto.ec2.exceptions import InvalidSubnetIdError, InvalidVPCIdError


class RelaxedEc2:
    """The region's EC2 mock, with any VPC or subnet id it does not know standing for an existing one."""

    zones = {}  # subnet id → the zone it stands in, for every load balancer alike

    def __init__(self, backend):
        self._backend = backend

    def __getattr__(self, name):
        return getattr(self._backend, name)

    def get_vpc(self, vpc_id):
        try:
            return self._backend.get_vpc(vpc_id)
        except InvalidVPCIdError:
            return types.SimpleNamespace(id=vpc_id)

    def get_subnet(self, subnet_id):
        try:
            return self._backend.get_subnet(subnet_id)
        except InvalidSubnetIdError:
            zones = RelaxedEc2.zones
            zone = zones.setdefault(subnet_id, self._backend.region_name + "abcdef"[len(zones) % 6])
            return types.SimpleNamespace(id=subnet_id, vpc_id="vpc-relaxed", availability_zone=zone,
                                         cidr_block="10.0.0.0/24", ipv6_cidr_block_associations={})


original_ec2_backend = elbv2_models.ELBv2Backend.ec2_backend
elbv2_models.ELBv2Backend.ec2_backend = property(lambda self: RelaxedEc2(original_ec2_backend.fget(self)))

main(["-p", sys.argv[1]])
