package io.ecsl.runtime.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.runtime.json.Json;
import io.ecsl.runtime.model.ContainerEntity;
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
}
