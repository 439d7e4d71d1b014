package io.ecsl.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.runtime.api.ApiException;
import io.ecsl.runtime.json.Json;
import io.ecsl.runtime.model.AutoScalingGroupEntity;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An ECS Managed Instances capacity provider on the local runtime: created for its cluster (which
 * never lists it), it starts with no instance; a service naming it in its strategy gets instances
 * of the type its requirements select, as many as its tasks need, tasks run with the
 * MANAGED_INSTANCES launch type, and idle instances go after {@code scaleInAfter}.
 */
class ManagedInstancesEngineTest {
  private static final String PROVIDER = "arn:aws:ecs:us-east-1:000000000000:capacity-provider/mi";
  private EngineHarness engine;

  @BeforeEach
  void start() throws Exception {
    engine = new EngineHarness();
    engine.ecs("CreateCluster", "{\"clusterName\":\"c\"}");
  }

  @AfterEach
  void stop() throws Exception {
    engine.close();
  }

  private static String provider(String name, String cluster, String requirements) {
    return "{\"name\":\"" + name + "\"" + (cluster == null ? "" : ",\"cluster\":\"" + cluster + "\"")
        + ",\"managedInstancesProvider\":{\"infrastructureRoleArn\":\"arn:aws:iam::000000000000:role/infra\","
        + "\"instanceLaunchTemplate\":{\"ec2InstanceProfileArn\":\"arn:aws:iam::000000000000:instance-profile/p\","
        + "\"networkConfiguration\":{\"subnets\":[\"subnet-1\"],\"securityGroups\":[\"sg-1\"]},"
        + "\"instanceRequirements\":" + requirements + "},\"infrastructureOptimization\":{\"scaleInAfter\":30}}}";
  }

  private AutoScalingGroupEntity instances() {
    return engine.plane().state().atomically(() -> engine.plane().state().autoScalingGroups.get(PROVIDER));
  }

  private int registered() {
    return engine.ecs("ListContainerInstances", "{\"cluster\":\"c\"}").get("containerInstanceArns").size();
  }

  private void webTaskDefinition(String networkMode) {
    engine.registerTaskDefinition("{\"family\":\"web\",\"networkMode\":\"" + networkMode + "\","
        + "\"requiresCompatibilities\":[\"MANAGED_INSTANCES\"],\"containerDefinitions\":[{\"name\":\"app\","
        + "\"image\":\"ecsl/busybox:latest\",\"cpu\":1024,\"memory\":3072,\"command\":[\"sh\",\"-c\",\"sleep 600\"]}]}");
  }

  @Test
  void theProviderLaunchesInstancesOfTheRequiredTypeForItsTasksAndRemovesThemWhenIdle() {
    engine.ecs("CreateCapacityProvider", provider("mi", "c", "{\"vCpuCount\":{\"min\":2,\"max\":2},"
        + "\"memoryMiB\":{\"min\":8192},\"cpuManufacturers\":[\"intel\"]}"));
    engine.ticks(2);
    assertEquals(0, registered(), "no instance before a task needs one");
    webTaskDefinition("none");
    engine.ecs("CreateService", "{\"cluster\":\"c\",\"serviceName\":\"web\",\"taskDefinition\":\"web\","
        + "\"desiredCount\":4,\"capacityProviderStrategy\":[{\"capacityProvider\":\"mi\",\"weight\":1}]}");
    engine.run(12, Duration.ofSeconds(1));
    assertEquals("m6i.large", instances().instanceType, "the smallest Intel type with 2 vCPUs and 8 GiB");
    assertEquals(2, registered(), "two 2-vCPU instances hold four 1-vCPU tasks");
    assertEquals(4, engine.service("c", "web").get("runningCount").asInt());
    for (JsonNode task : engine.tasks("c", "RUNNING")) {
      assertEquals("MANAGED_INSTANCES", task.get("launchType").asText());
      assertEquals("mi", task.get("capacityProviderName").asText());
    }
    JsonNode described = engine.ecs("DescribeClusters", "{\"clusters\":[\"c\"]}").at("/clusters/0");
    assertEquals(0, described.get("capacityProviders").size(), "the cluster does not list it");

    engine.ecs("UpdateService", "{\"cluster\":\"c\",\"service\":\"web\",\"desiredCount\":0}");
    engine.run(20, Duration.ofSeconds(1));
    assertEquals(2, registered(), "not before scaleInAfter");
    // the tasks get their 30 s stop timeout, then the idle instances their 30 s scaleInAfter
    engine.run(70, Duration.ofSeconds(1));
    assertEquals(0, registered(), Json.write(instances().activities));
  }

  @Test
  void aProviderBelongsToAnExistingClusterAndIsNeverAssociatedByPutClusterCapacityProviders() {
    ApiException noCluster = assertThrows(ApiException.class,
        () -> engine.ecs("CreateCapacityProvider", provider("mi", null, "{\"vCpuCount\":{\"min\":2},\"memoryMiB\":{\"min\":1}}")));
    assertTrue(noCluster.getMessage().contains("cluster is required"), noCluster.getMessage());
    ApiException missing = assertThrows(ApiException.class,
        () -> engine.ecs("CreateCapacityProvider", provider("mi", "nope", "{\"vCpuCount\":{\"min\":2},\"memoryMiB\":{\"min\":1}}")));
    assertEquals("ClusterNotFoundException", missing.type());
    engine.ecs("CreateCapacityProvider", provider("mi", "c", "{\"vCpuCount\":{\"min\":2},\"memoryMiB\":{\"min\":1}}"));
    ApiException put = assertThrows(ApiException.class, () -> engine.ecs("PutClusterCapacityProviders",
        "{\"cluster\":\"c\",\"capacityProviders\":[\"mi\"],\"defaultCapacityProviderStrategy\":[]}"));
    assertTrue(put.getMessage().contains("Managed Instances"), put.getMessage());
  }

  @Test
  void aTaskDefinitionInBridgeModeDoesNotRunThere() {
    engine.ecs("CreateCapacityProvider", provider("mi", "c", "{\"vCpuCount\":{\"min\":2},\"memoryMiB\":{\"min\":1}}"));
    webTaskDefinition("bridge");
    ApiException bridge = assertThrows(ApiException.class, () -> engine.ecs("CreateService", "{\"cluster\":\"c\","
        + "\"serviceName\":\"web\",\"taskDefinition\":\"web\",\"desiredCount\":1,"
        + "\"capacityProviderStrategy\":[{\"capacityProvider\":\"mi\",\"weight\":1}]}"));
    assertTrue(bridge.getMessage().contains("MANAGED_INSTANCES"), bridge.getMessage());
  }

  @Test
  void anotherClustersStrategyCannotNameIt() {
    engine.ecs("CreateCluster", "{\"clusterName\":\"other\"}");
    engine.ecs("CreateCapacityProvider", provider("mi", "c", "{\"vCpuCount\":{\"min\":2},\"memoryMiB\":{\"min\":1}}"));
    webTaskDefinition("none");
    assertThrows(ApiException.class, () -> engine.ecs("CreateService", "{\"cluster\":\"other\",\"serviceName\":\"web\","
        + "\"taskDefinition\":\"web\",\"desiredCount\":1,"
        + "\"capacityProviderStrategy\":[{\"capacityProvider\":\"mi\",\"weight\":1}]}"));
    List<JsonNode> none = engine.tasks("other", "RUNNING");
    assertEquals(0, none.size());
  }
}
