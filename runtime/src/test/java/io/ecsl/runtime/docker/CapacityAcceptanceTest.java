package io.ecsl.runtime.docker;

import static io.ecsl.runtime.docker.DockerTestSupport.SERVE;
import static io.ecsl.runtime.docker.DockerTestSupport.aws;
import static io.ecsl.runtime.docker.DockerTestSupport.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.runtime.TestRuntimes;
import io.ecsl.runtime.json.Json;
import io.ecsl.testing.NeedsAwsCli;
import io.ecsl.testing.NeedsDocker;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Capacity providers on real Docker through the real aws CLI: a Fargate / Fargate Spot split and
 * its scale-in, a Spot interruption replaced on Spot, and a simulated Auto Scaling group that
 * managed scaling grows for waiting tasks and shrinks when they are gone.
 */
@NeedsDocker
@NeedsAwsCli
class CapacityAcceptanceTest {
  private static final String NETWORK = "awsvpcConfiguration={subnets=[subnet-1]}";
  private static TestRuntimes runtime;

  @BeforeAll
  static void start() {
    runtime = TestRuntimes.docker();
  }

  @AfterAll
  static void stop() {
    runtime.close();
  }

  private static Map<String, Integer> perProvider(DockerTestSupport ecs) {
    Map<String, Integer> out = new TreeMap<>();
    for (JsonNode task : ecs.everyTask()) {
      if (task.get("desiredStatus").asText().equals("RUNNING")) {
        out.merge(task.path("capacityProviderName").asText("-"), 1, Integer::sum);
      }
    }
    return out;
  }

  @Test
  void tenTasksSplitFourAndSixScaleInKeepsTheBaseAndAnInterruptedSpotTaskIsReplacedOnSpot() {
    aws(runtime, "ecs", "create-cluster", "--cluster-name", "mix", "--capacity-providers", "FARGATE",
        "FARGATE_SPOT");
    DockerTestSupport ecs = new DockerTestSupport(runtime.client(), "mix");
    ecs.ecs("RegisterTaskDefinition", "{\"family\":\"mix-worker\",\"networkMode\":\"awsvpc\","
        + "\"requiresCompatibilities\":[\"FARGATE\"],\"cpu\":\"256\",\"memory\":\"512\",\"containerDefinitions\":"
        + "[{\"name\":\"app\",\"image\":\"ecsl/busybox:latest\",\"command\":[\"sh\",\"-c\",\"" + SERVE + "\"]}]}");
    aws(runtime, "ecs", "create-service", "--cluster", "mix", "--service-name", "worker", "--task-definition",
        "mix-worker", "--desired-count", "10", "--network-configuration", NETWORK, "--capacity-provider-strategy",
        "capacityProvider=FARGATE,base=2,weight=1", "capacityProvider=FARGATE_SPOT,weight=3");
    await(() -> ecs.service("worker").get("runningCount").asInt() == 10, Duration.ofSeconds(60), "10 running tasks");
    assertEquals(Map.of("FARGATE", 4, "FARGATE_SPOT", 6), perProvider(ecs));
    JsonNode cluster = aws(runtime, "ecs", "describe-clusters", "--clusters", "mix", "--include", "STATISTICS")
        .at("/clusters/0");
    assertTrue(cluster.get("statistics").toString().contains("{\"name\":\"runningFargateTasksCount\",\"value\":\"10\"}"),
        cluster.toString());

    JsonNode spot = ecs.everyTask().stream().filter(t -> "FARGATE_SPOT".equals(t.path("capacityProviderName")
        .asText())).findFirst().orElseThrow();
    // a Fargate task's size is its limit: 256 CPU units are a quarter of a core, 512 MiB its memory
    String taskId = spot.get("taskArn").asText().substring(spot.get("taskArn").asText().lastIndexOf('/') + 1);
    String container = DockerTestSupport.docker("ps", "-q", "--filter", "label=io.ecsl.runtime=" + runtime.instanceId(),
        "--filter", "label=io.ecsl.task=" + taskId, "--filter", "label=io.ecsl.role=app").strip();
    assertEquals("250000000 536870912", DockerTestSupport.docker("inspect", "--format",
        "{{.HostConfig.NanoCpus}} {{.HostConfig.Memory}}", container).strip());
    String spotArn = spot.get("taskArn").asText();
    JsonNode interrupted = runtime.client().interruptSpot(Json.object().put("cluster", "mix").put("noticeSeconds", 5)
        .set("tasks", Json.arrayOf(List.of(spotArn))));
    assertEquals(spotArn, interrupted.at("/interrupted/0/taskArn").asText());
    JsonNode stopped = ecs.awaitTask(spotArn, "STOPPED", Duration.ofSeconds(30));
    assertEquals("SpotInterruption", stopped.get("stopCode").asText());
    assertEquals("Your Spot Task was interrupted.", stopped.get("stoppedReason").asText());
    await(() -> perProvider(ecs).equals(Map.of("FARGATE", 4, "FARGATE_SPOT", 6)), Duration.ofSeconds(30),
        "the interrupted task's replacement on FARGATE_SPOT");

    aws(runtime, "ecs", "update-service", "--cluster", "mix", "--service", "worker", "--desired-count", "3");
    await(() -> perProvider(ecs).equals(Map.of("FARGATE", 2, "FARGATE_SPOT", 1)), Duration.ofSeconds(60),
        "scale-in to 3 keeping the base of 2 on FARGATE: " + perProvider(ecs));
  }

  @Test
  void aSimulatedAutoScalingGroupScalesOutForWaitingTasksAndBackIn() {
    String asg = "arn:aws:autoscaling:us-east-1:000000000000:autoScalingGroup:9f1:autoScalingGroupName/acceptance";
    aws(runtime, "ecs", "create-capacity-provider", "--name", "fleet", "--auto-scaling-group-provider",
        "autoScalingGroupArn=" + asg + ",managedScaling={status=ENABLED,targetCapacity=100}");
    runtime.client().putAutoScalingGroup(Json.object().put("autoScalingGroupArn", asg).put("instanceType", "t3.small")
        .put("minSize", 0).put("maxSize", 4).put("desiredCapacity", 0).put("warmupSeconds", 1)
        .put("scaleInAfterSeconds", 3));
    DockerTestSupport ecs = new DockerTestSupport(runtime.client(), "asg");
    aws(runtime, "ecs", "put-cluster-capacity-providers", "--cluster", "asg", "--capacity-providers", "fleet",
        "--default-capacity-provider-strategy", "capacityProvider=fleet,weight=1");
    ecs.ecs("RegisterTaskDefinition", "{\"family\":\"asg-web\",\"containerDefinitions\":[{\"name\":\"app\","
        + "\"image\":\"ecsl/busybox:latest\",\"memory\":1024,\"command\":[\"sh\",\"-c\",\"" + SERVE + "\"]}]}");
    aws(runtime, "ecs", "create-service", "--cluster", "asg", "--service-name", "web", "--task-definition",
        "asg-web", "--desired-count", "3");
    await(() -> ecs.service("web").get("runningCount").asInt() == 3, Duration.ofSeconds(60),
        "3 tasks running on instances the group launched");
    JsonNode instances = aws(runtime, "ecs", "list-container-instances", "--cluster", "asg");
    assertEquals(2, instances.get("containerInstanceArns").size(), "two t3.small (2 GiB) for three 1 GiB tasks");
    for (JsonNode task : ecs.everyTask()) {
      assertEquals("fleet", task.get("capacityProviderName").asText());
    }
    ecs.ecs("UpdateService", "{\"service\":\"web\",\"desiredCount\":0}");
    await(() -> ecs.ecs("ListContainerInstances", "{}").get("containerInstanceArns").isEmpty(),
        Duration.ofSeconds(40), "the idle group to scale in");
    JsonNode group = runtime.client().autoScalingGroups().get(0);
    assertEquals(0, group.get("desiredCapacity").asInt());
  }
}
