package io.ecsl.runtime.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.runtime.json.Json;
import io.ecsl.runtime.model.ContainerEntity;
import io.ecsl.runtime.model.DeploymentEntity;
import io.ecsl.runtime.model.NetworkBinding;
import io.ecsl.runtime.model.ServiceEntity;
import io.ecsl.runtime.model.TaskEntity;
import io.ecsl.runtime.model.TaskStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which tasks are Cloud Map instances, with which attributes and health: a pure decision. */
class InstanceRegistrationsTest {
  private static final String CLUSTER = "arn:aws:ecs:us-east-1:000000000000:cluster/shop";
  private static final String REGISTRY = "arn:aws:servicediscovery:us-east-1:000000000000:service/srv-api";

  private static ServiceEntity service(String registry) {
    ServiceEntity service = new ServiceEntity();
    service.serviceName = "api";
    service.clusterArn = CLUSTER;
    service.region = "us-east-1";
    service.serviceRegistries = Json.parse(registry);
    return service;
  }

  private static TaskEntity task(String id, String lastStatus, String ip) {
    TaskEntity task = new TaskEntity();
    task.taskId = id;
    task.taskArn = "arn:aws:ecs:us-east-1:000000000000:task/shop/" + id;
    task.region = "us-east-1";
    task.clusterArn = CLUSTER;
    task.clusterName = "shop";
    task.serviceName = "api";
    task.taskDefinitionArn = "arn:aws:ecs:us-east-1:000000000000:task-definition/api-td:7";
    task.availabilityZone = "us-east-1a";
    task.lastStatus = lastStatus;
    task.privateIpv4Address = ip;
    ContainerEntity app = new ContainerEntity();
    app.name = "app";
    task.containers.add(app);
    return task;
  }

  private static Map<String, ObjectNode> cloudMap(boolean customHealth) {
    ObjectNode service = Json.object().put("Id", "srv-api");
    if (customHealth) {
      service.putObject("HealthCheckCustomConfig").put("FailureThreshold", 1);
    }
    return Map.of("srv-api", service);
  }

  private static Map<String, InstanceRegistrations.Registration> desired(ServiceEntity service, List<TaskEntity> tasks,
      boolean customHealth, String mode) {
    return InstanceRegistrations.desired(List.of(service), tasks, cloudMap(customHealth), t -> mode);
  }

  @Test
  void runningAwsvpcTasksAreInstancesWithTheAttributesEcsSets() {
    ServiceEntity service = service("[{\"registryArn\":\"" + REGISTRY + "\",\"containerName\":\"app\","
        + "\"containerPort\":8080}]");
    Map<String, InstanceRegistrations.Registration> out = desired(service,
        List.of(task("t1", TaskStatus.RUNNING, "172.20.0.5"), task("t2", TaskStatus.PENDING, null)), true, "awsvpc");
    assertEquals(List.of("srv-api|t1"), List.copyOf(out.keySet()));
    InstanceRegistrations.Registration registration = out.get("srv-api|t1");
    assertEquals(Map.of("AWS_INSTANCE_IPV4", "172.20.0.5", "AWS_INSTANCE_PORT", "8080", "AVAILABILITY_ZONE",
        "us-east-1a", "REGION", "us-east-1", "ECS_CLUSTER_NAME", "shop", "ECS_SERVICE_NAME", "api",
        "ECS_TASK_DEFINITION_FAMILY", "api-td"), registration.attributes());
    assertTrue(registration.healthy());
  }

  @Test
  void stoppingTasksAndRegistriesTheRuntimeDoesNotHoldAreLeftOut() {
    TaskEntity stopping = task("t1", TaskStatus.RUNNING, "172.20.0.5");
    stopping.desiredStatus = TaskStatus.STOPPED;
    ServiceEntity service = service("[{\"registryArn\":\"" + REGISTRY + "\"}]");
    assertTrue(desired(service, List.of(stopping), true, "awsvpc").isEmpty());
    ServiceEntity elsewhere = service("[{\"registryArn\":\"arn:aws:servicediscovery:us-east-1:1:service/srv-x\"}]");
    assertTrue(desired(elsewhere, List.of(task("t2", TaskStatus.RUNNING, "172.20.0.6")), true, "awsvpc").isEmpty());
  }

  @Test
  void anUnhealthyTaskIsMarkedWithCustomHealthAndDroppedWithout() {
    TaskEntity sick = task("t1", TaskStatus.RUNNING, "172.20.0.5");
    sick.containers.get(0).hasHealthCheck = true;
    sick.containers.get(0).healthStatus = TaskStatus.UNHEALTHY;
    sick.healthStatus = TaskStatus.UNHEALTHY;
    ServiceEntity service = service("[{\"registryArn\":\"" + REGISTRY + "\"}]");
    assertFalse(desired(service, List.of(sick), true, "awsvpc").get("srv-api|t1").healthy());
    assertTrue(desired(service, List.of(sick), false, "awsvpc").isEmpty());
    // A health check that has not passed yet is not healthy either.
    TaskEntity starting = task("t2", TaskStatus.RUNNING, "172.20.0.6");
    starting.containers.get(0).hasHealthCheck = true;
    assertFalse(desired(service, List.of(starting), true, "awsvpc").get("srv-api|t2").healthy());
  }

  @Test
  void bridgeTasksRegisterTheHostPortOnceDockerHasBoundIt() {
    ServiceEntity service = service("[{\"registryArn\":\"" + REGISTRY + "\",\"containerName\":\"app\","
        + "\"containerPort\":80}]");
    TaskEntity task = task("t1", TaskStatus.RUNNING, null);
    assertTrue(desired(service, List.of(task), true, "bridge").isEmpty(), "no binding yet");
    task.containers.get(0).networkBindings.add(new NetworkBinding("127.0.0.1", 80, 49153, "tcp"));
    Map<String, String> attributes = desired(service, List.of(task), true, "bridge").get("srv-api|t1").attributes();
    assertEquals("49153", attributes.get("AWS_INSTANCE_PORT"));
    assertEquals(InstanceRegistrations.LOCAL_INSTANCE_ADDRESS, attributes.get("AWS_INSTANCE_IPV4"));
  }

  private static DeploymentEntity deployment(String id, String status, String registries) {
    DeploymentEntity deployment = new DeploymentEntity();
    deployment.id = id;
    deployment.status = status;
    deployment.serviceRegistries = Json.parse(registries);
    return deployment;
  }

  private static TaskEntity task(String id, String deploymentId) {
    TaskEntity task = task(id, TaskStatus.RUNNING, "172.20.0." + (10 + id.length()));
    task.deploymentId = deploymentId;
    task.startedBy = deploymentId;
    return task;
  }

  /**
   * Registries belong to the deployment (service revision): after an UpdateService that moves the
   * service to another Cloud Map service, the old deployment's task stays in the old one and the new
   * deployment's tasks register in the new one; the old task leaves the old one when it stops.
   */
  @Test
  void aTaskStaysInTheRegistryOfTheDeploymentThatStartedIt() {
    String other = "arn:aws:servicediscovery:us-east-1:000000000000:service/srv-web";
    ServiceEntity service = service("[{\"registryArn\":\"" + other + "\"}]"); // the current (updated) registries
    service.deployments.add(deployment("ecs-svc/new", DeploymentEntity.PRIMARY, "[{\"registryArn\":\"" + other
        + "\"}]"));
    service.deployments.add(deployment("ecs-svc/old", DeploymentEntity.ACTIVE, "[{\"registryArn\":\"" + REGISTRY
        + "\"}]"));
    Map<String, ObjectNode> cloudMap = Map.of("srv-api", Json.object().put("Id", "srv-api"), "srv-web",
        Json.object().put("Id", "srv-web"));
    TaskEntity old = task("old1", "ecs-svc/old");
    TaskEntity fresh = task("new1", "ecs-svc/new");
    Map<String, InstanceRegistrations.Registration> out = InstanceRegistrations.desired(List.of(service),
        List.of(old, fresh), cloudMap, t -> "awsvpc");
    assertEquals(List.of("srv-api|old1", "srv-web|new1"), List.copyOf(out.keySet()));

    old.desiredStatus = TaskStatus.STOPPED;
    out = InstanceRegistrations.desired(List.of(service), List.of(old, fresh), cloudMap, t -> "awsvpc");
    assertEquals(List.of("srv-web|new1"), List.copyOf(out.keySet()), "the old task deregistered once it stops");
  }

  /** Removing the registries ({@code []}) leaves the old deployment's tasks registered until they stop. */
  @Test
  void aNewDeploymentWithoutRegistriesLeavesTheOldTasksRegistered() {
    ServiceEntity service = service("[]");
    service.deployments.add(deployment("ecs-svc/new", DeploymentEntity.PRIMARY, "[]"));
    // The old deployment has left the current ones (it is a past deployment) while its task still runs.
    service.pastDeployments.add(deployment("ecs-svc/old", DeploymentEntity.ACTIVE, "[{\"registryArn\":\"" + REGISTRY
        + "\"}]"));
    Map<String, InstanceRegistrations.Registration> out = desired(service,
        List.of(task("old1", "ecs-svc/old"), task("new1", "ecs-svc/new")), true, "awsvpc");
    assertEquals(List.of("srv-api|old1"), List.copyOf(out.keySet()));
  }

  /** A deployment stored before deployments recorded their registries: the service's current ones. */
  @Test
  void aDeploymentWithoutRecordedRegistriesFollowsTheServices() {
    ServiceEntity service = service("[{\"registryArn\":\"" + REGISTRY + "\"}]");
    DeploymentEntity legacy = deployment("ecs-svc/old", DeploymentEntity.PRIMARY, "[]");
    legacy.serviceRegistries = null;
    service.deployments.add(legacy);
    assertEquals(List.of("srv-api|old1"), List.copyOf(desired(service, List.of(task("old1", "ecs-svc/old")), true,
        "awsvpc").keySet()));
  }
}
