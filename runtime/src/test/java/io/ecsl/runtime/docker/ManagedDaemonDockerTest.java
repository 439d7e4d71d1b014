package io.ecsl.runtime.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.runtime.TestRuntimes;
import io.ecsl.runtime.backend.Labels;
import io.ecsl.runtime.backend.ObservedContainer;
import io.ecsl.runtime.client.RuntimeClient;
import io.ecsl.runtime.engine.ControlPlane;
import io.ecsl.runtime.json.Json;
import io.ecsl.testing.NeedsDocker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A Managed Daemon rolled by UpdateDaemon on Docker: two instances of a Managed Instances provider
 * each run an agent container beside a web container; the update replaces half the instances, bakes
 * ten minutes (the runtime's clock jumps them), replaces the other half, bakes again, and ends
 * SUCCESSFUL with every instance running a container of the new revision.
 */
@NeedsDocker
class ManagedDaemonDockerTest {
  private static final String ARN = "arn:aws:ecs:us-east-1:000000000000:";
  private static final String DAEMON = ARN + "daemon/c/agent";
  /** Patient: on two loaded cores each replaced instance starts an agent and a web container. */
  private static final Duration PATIENCE = Duration.ofSeconds(240);
  private TestRuntimes runtime;
  private RuntimeClient ecs;

  @AfterEach
  void stop() {
    if (runtime != null) {
      runtime.close();
    }
  }

  private JsonNode call(String operation, String body) {
    return ecs.ecs(operation, Json.parse(body));
  }

  private static String agent(String message) {
    return "{\"family\":\"agent\",\"cpu\":\"256\",\"memory\":\"64\",\"containerDefinitions\":[{\"name\":\"agent\","
        + "\"image\":\"ecsl/busybox:latest\",\"stopTimeout\":2,\"command\":[\"sh\",\"-c\",\"echo " + message
        + "; exec sleep 3600\"]}]}";
  }

  @Test
  void updateDaemonReplacesHalfTheInstancesPerStepAndBakesBetweenSteps() throws Exception {
    SchedulesAndScalingDockerTest.JumpClock clock = new SchedulesAndScalingDockerTest.JumpClock();
    runtime = TestRuntimes.docker(clock, ControlPlane.Options.defaults());
    ecs = runtime.client();
    call("CreateCluster", "{\"clusterName\":\"c\"}");
    call("CreateCapacityProvider", "{\"name\":\"mi\",\"cluster\":\"c\",\"managedInstancesProvider\":{"
        + "\"infrastructureRoleArn\":\"" + "arn:aws:iam::000000000000:role/infra\",\"instanceLaunchTemplate\":{"
        + "\"ec2InstanceProfileArn\":\"arn:aws:iam::000000000000:instance-profile/p\",\"networkConfiguration\":"
        + "{\"subnets\":[\"subnet-1\"]},\"instanceRequirements\":{\"vCpuCount\":{\"min\":2,\"max\":2},"
        + "\"memoryMiB\":{\"min\":4096},\"cpuManufacturers\":[\"intel\"]}},"
        + "\"infrastructureOptimization\":{\"scaleInAfter\":-1}}}");
    call("RegisterTaskDefinition", "{\"family\":\"web\",\"networkMode\":\"none\",\"requiresCompatibilities\":"
        + "[\"MANAGED_INSTANCES\"],\"containerDefinitions\":[{\"name\":\"web\",\"image\":\"ecsl/busybox:latest\","
        + "\"cpu\":1024,\"memory\":64,\"stopTimeout\":2,\"command\":[\"sh\",\"-c\",\"exec sleep 3600\"]}]}");
    String v1 = call("RegisterDaemonTaskDefinition", agent("v1")).get("daemonTaskDefinitionArn").asText();
    call("CreateDaemon", "{\"daemonName\":\"agent\",\"clusterArn\":\"c\",\"daemonTaskDefinitionArn\":\"" + v1
        + "\",\"capacityProviderArns\":[\"mi\"]}");
    call("CreateService", "{\"cluster\":\"c\",\"serviceName\":\"web\",\"taskDefinition\":\"web\",\"desiredCount\":2,"
        + "\"capacityProviderStrategy\":[{\"capacityProvider\":\"mi\",\"weight\":1}]}");
    await("two instances, each with a running agent and web task", () -> webRunning() == 2 && agentsOn(v1) == 2
        && activeInstances() == 2);
    assertEquals(2, agentContainers(), "each agent task is a container on Docker");

    String v2 = call("RegisterDaemonTaskDefinition", agent("v2")).get("daemonTaskDefinitionArn").asText();
    String update = call("UpdateDaemon", "{\"daemonArn\":\"" + DAEMON + "\",\"daemonTaskDefinitionArn\":\"" + v2
        + "\",\"capacityProviderArns\":[\"mi\"],\"deploymentConfiguration\":{\"drainPercent\":50.0,"
        + "\"bakeTimeInMinutes\":10}}").get("deploymentArn").asText();
    await("the first step: one instance replaced by one with the new agent", () -> agentsOn(v2) == 1
        && agentsOn(v1) == 1 && activeInstances() == 2 && webRunning() == 2 && instances("DRAINING") == 0);
    clock.freeze();
    DockerTestSupport.sleep(5_000);
    assertEquals(1, agentsOn(v1), "baking: the second step waits ten minutes");
    assertEquals("IN_PROGRESS", deployment(update).get("status").asText());

    clock.jump(Duration.ofMinutes(10).plusSeconds(5));
    await("the second step", () -> agentsOn(v2) == 2 && agentsOn(v1) == 0 && webRunning() == 2
        && instances("DRAINING") == 0);
    clock.freeze();
    DockerTestSupport.sleep(3_000);
    assertEquals("IN_PROGRESS", deployment(update).get("status").asText(), "the last step bakes too");
    clock.jump(Duration.ofMinutes(10).plusSeconds(5));
    await("the deployment to succeed", () -> "SUCCESSFUL".equals(deployment(update).get("status").asText()));
    JsonNode done = deployment(update);
    assertEquals(2, done.at("/targetDaemonRevision/totalRunningInstanceCount").asInt(), done.toString());
    // The last old agent's task is stopped once its instance is replaced; its container goes after the
    // stop timeout, which may end just after the deployment counts the new instance as done.
    await("the old agents' containers to be gone, the new ones running", () -> agentContainers() == 2);
    DockerTestSupport.sleep(3_000);
    assertEquals(2, agentContainers(), "no agent container comes back");
  }

  private JsonNode deployment(String arn) {
    return call("DescribeDaemonDeployments", "{\"daemonDeploymentArns\":[\"" + arn + "\"]}").at("/daemonDeployments/0");
  }

  private List<JsonNode> running() {
    JsonNode arns = call("ListTasks", "{\"cluster\":\"c\"}").get("taskArns");
    List<JsonNode> out = new ArrayList<>();
    if (arns.isEmpty()) {
      return out;
    }
    ObjectNode body = Json.object().put("cluster", "c");
    body.set("tasks", arns);
    for (JsonNode task : call("DescribeTasks", Json.write(body)).get("tasks")) {
      if ("RUNNING".equals(task.path("lastStatus").asText())) {
        out.add(task);
      }
    }
    return out;
  }

  private int webRunning() {
    return (int) running().stream().filter(t -> "service:web".equals(t.path("group").asText())).count();
  }

  /** Running agent tasks of a revision, each on its own ACTIVE instance. */
  private int agentsOn(String definition) {
    Set<String> instances = new HashSet<>();
    for (JsonNode task : running()) {
      if (definition.equals(task.path("taskDefinitionArn").asText())) {
        instances.add(task.path("containerInstanceArn").asText());
      }
    }
    return instances.size();
  }

  private int instances(String status) {
    return call("ListContainerInstances", "{\"cluster\":\"c\",\"status\":\"" + status + "\"}").get("containerInstanceArns")
        .size();
  }

  private int activeInstances() {
    return instances("ACTIVE");
  }

  private int agentContainers() {
    int count = 0;
    for (ObservedContainer container : runtime.backend().listContainers(Labels.RUNTIME, runtime.instanceId())) {
      if ("agent".equals(container.label(Labels.CONTAINER)) && container.isRunning()) {
        count++;
      }
    }
    return count;
  }

  private static void await(String what, Supplier<Boolean> condition) {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!condition.get()) {
      assertTrue(System.nanoTime() < deadline, "waited " + PATIENCE.toSeconds() + " s for " + what);
      DockerTestSupport.sleep(1_000);
    }
  }
}
