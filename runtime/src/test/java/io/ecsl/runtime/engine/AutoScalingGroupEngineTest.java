package io.ecsl.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.runtime.json.Json;
import io.ecsl.runtime.model.AutoScalingGroupEntity;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A simulated Auto Scaling group behind a capacity provider with managed scaling: tasks that
 * cannot be placed wait in PROVISIONING, CapacityProviderReservation rises above the target, the
 * group scales out, the tasks run; idle, it scales back in after the delay, draining first.
 */
class AutoScalingGroupEngineTest {
  private static final String ASG = "arn:aws:autoscaling:us-east-1:000000000000:autoScalingGroup:1f0e:"
      + "autoScalingGroupName/fleet-asg";
  private EngineHarness engine;

  @BeforeEach
  void start() throws Exception {
    engine = new EngineHarness();
  }

  @AfterEach
  void stop() throws Exception {
    engine.close();
  }

  private void fleet(String managedScaling, String protection) {
    engine.ecs("CreateCapacityProvider", "{\"name\":\"fleet\",\"autoScalingGroupProvider\":{\"autoScalingGroupArn\":\""
        + ASG + "\",\"managedScaling\":" + managedScaling + ",\"managedTerminationProtection\":\"" + protection + "\"}}");
    engine.plane().state().atomically(() -> AutoScalingGroups.declare(engine.plane().state(),
        new AutoScalingGroups.Declaration(ASG, null, "t3.small", List.of("us-east-1a", "us-east-1b"), 0, 5, 0, 10, 60)));
    engine.ecs("CreateCluster", "{\"clusterName\":\"c\",\"capacityProviders\":[\"fleet\"],"
        + "\"defaultCapacityProviderStrategy\":[{\"capacityProvider\":\"fleet\",\"weight\":1}]}");
    PlacementEngineTest.taskDefinition(engine, "web", 0, 1024, "");
  }

  private AutoScalingGroupEntity group() {
    return engine.plane().state().atomically(() -> engine.plane().state().autoScalingGroups.get(ASG));
  }

  private int registered() {
    return engine.ecs("ListContainerInstances", "{\"cluster\":\"c\"}").get("containerInstanceArns").size();
  }

  @Test
  void theGroupScalesOutForWaitingTasksAndBackInWhenIdle() {
    fleet("{\"status\":\"ENABLED\",\"targetCapacity\":100}", "DISABLED");
    engine.ecs("CreateService", "{\"cluster\":\"c\",\"serviceName\":\"web\",\"taskDefinition\":\"web\","
        + "\"desiredCount\":4}");
    engine.ticks(1);
    List<JsonNode> waiting = engine.tasks("c", "RUNNING");
    assertEquals(4, waiting.size(), "the tasks exist, waiting for capacity");
    for (JsonNode task : waiting) {
      assertEquals("PROVISIONING", task.get("lastStatus").asText());
      assertEquals("fleet", task.get("capacityProviderName").asText());
      assertTrue(task.path("containerInstanceArn").isMissingNode());
    }
    engine.ticks(3);
    assertEquals(2, group().desiredCapacity, "two t3.small (2 GiB) hold four 1 GiB tasks");
    assertTrue(group().activities.stream().anyMatch(a -> a.description().equals("Setting desired capacity from 0 to 2")
        && a.cause().startsWith("ECS managed scaling: CapacityProviderReservation 200 against target 100")),
        Json.write(group().activities));
    assertEquals(2, registered());
    engine.ticks(5);
    assertEquals(4, engine.service("c", "web").get("runningCount").asInt());
    assertEquals(100.0, group().capacityProviderReservation, 0.001);
    JsonNode cluster = engine.ecs("DescribeClusters", "{\"clusters\":[\"c\"],\"include\":[\"STATISTICS\"]}")
        .at("/clusters/0");
    assertEquals("4", PlacementEngineTest.statistic(cluster, "runningEC2TasksCount"));

    engine.ecs("UpdateService", "{\"cluster\":\"c\",\"service\":\"web\",\"desiredCount\":0}");
    engine.run(30, Duration.ofSeconds(1));
    assertEquals(2, group().desiredCapacity, "not before the scale-in delay");
    engine.run(40, Duration.ofSeconds(1));
    assertEquals(0, group().desiredCapacity);
    assertEquals(0, registered());
    assertTrue(group().activities.stream().anyMatch(a -> a.description().startsWith("Terminating EC2 instance")),
        Json.write(group().activities));
  }

  @Test
  void withoutManagedScalingAnUnplaceableTaskIsNotRun() {
    fleet("{\"status\":\"DISABLED\"}", "DISABLED");
    JsonNode run = engine.ecs("RunTask", "{\"cluster\":\"c\",\"taskDefinition\":\"web\"}");
    assertEquals(0, run.get("tasks").size());
    assertEquals("No Container Instances were found in your capacity provider.", run.at("/failures/0/reason").asText());
  }

  @Test
  void managedTerminationProtectionKeepsInstancesWithTasks() {
    fleet("{\"status\":\"ENABLED\",\"targetCapacity\":100}", "ENABLED");
    engine.ecs("CreateService", "{\"cluster\":\"c\",\"serviceName\":\"web\",\"taskDefinition\":\"web\","
        + "\"desiredCount\":3}");
    engine.run(10, Duration.ofSeconds(1));
    assertEquals(2, registered());
    assertEquals(3, engine.service("c", "web").get("runningCount").asInt());
    // someone lowers the group's desired capacity: both instances run tasks, so neither goes
    engine.plane().state().atomically(() -> AutoScalingGroups.declare(engine.plane().state(),
        new AutoScalingGroups.Declaration(ASG, null, "t3.small", List.of("us-east-1a", "us-east-1b"), 0, 5, 1, 10, 60)));
    engine.run(5, Duration.ofSeconds(1));
    assertEquals(2, registered());
    assertTrue(group().inService().stream().allMatch(i -> i.protectedFromScaleIn));
  }
}
