package io.ecsl.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.runtime.api.RequestContext;
import io.ecsl.runtime.api.autoscaling.AutoScalingApi;
import io.ecsl.runtime.autoscaling.ServiceAutoScaling;
import io.ecsl.runtime.backend.ObservedContainer;
import io.ecsl.runtime.json.Json;
import io.ecsl.runtime.metrics.Metric;
import io.ecsl.runtime.metrics.MetricHistory;
import io.ecsl.runtime.metrics.MetricsCollector;
import io.ecsl.runtime.metrics.TaskUsage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Service Auto Scaling through the engine on a manual clock: containers made busy on the in-memory
 * engine are measured against their reservation, the CPU policy scales the service out, idleness
 * scales it back in, and each action is a scaling activity and a service event.
 */
class AutoScalingEngineTest {
  private static final String TARGET = "\"ServiceNamespace\":\"ecs\",\"ResourceId\":\"service/shop/web\","
      + "\"ScalableDimension\":\"ecs:service:DesiredCount\"";
  private EngineHarness engine;
  private AutoScalingApi scaling;
  private MetricHistory history;

  @BeforeEach
  void start() throws Exception {
    engine = new EngineHarness();
    history = new MetricHistory(Duration.ofSeconds(10));
    engine.plane().addStage(new MetricsCollector(engine.plane().state(), engine.backend, history, true));
    engine.plane().addStage(new ServiceAutoScaling(engine.plane().state(), history, () -> { }));
    scaling = new AutoScalingApi(engine.plane());
    engine.ecs("CreateCluster", "{\"clusterName\":\"shop\"}");
    engine.registerTaskDefinition("{\"family\":\"web\",\"cpu\":\"256\",\"memory\":\"512\",\"containerDefinitions\":"
        + "[{\"name\":\"app\",\"image\":\"ecsl/busybox:latest\",\"command\":[\"sh\",\"-c\",\"sleep 3600\"]}]}");
    engine.ecs("CreateService", "{\"cluster\":\"shop\",\"serviceName\":\"web\",\"taskDefinition\":\"web\","
        + "\"desiredCount\":2}");
    engine.run(45, Duration.ofSeconds(1));
    assertEquals("COMPLETED", engine.service("shop", "web").at("/deployments/0/rolloutState").asText());
  }

  @AfterEach
  void stop() throws Exception {
    engine.close();
  }

  private JsonNode scaling(String operation, String body) {
    return scaling.call(operation, Json.parse(body), new RequestContext("us-east-1"));
  }

  /** Sets every running container of the service to {@code cores} of CPU. */
  private void load(double cores) {
    for (ObservedContainer container : engine.containers()) {
      if ("web".equals(container.label("io.ecsl.service")) && container.isRunning()) {
        engine.backend.setLoad(container.id(), cores, 100L << 20);
      }
    }
  }

  @Test
  void cpuLoadScalesTheServiceOutAndIdlenessBackIn() {
    scaling("RegisterScalableTarget", "{" + TARGET + ",\"MinCapacity\":1,\"MaxCapacity\":6}");
    scaling("PutScalingPolicy", "{" + TARGET + ",\"PolicyName\":\"web-cpu\",\"PolicyType\":\"TargetTrackingScaling\","
        + "\"TargetTrackingScalingPolicyConfiguration\":{\"TargetValue\":50.0,\"ScaleOutCooldown\":60,"
        + "\"ScaleInCooldown\":10,\"PredefinedMetricSpecification\":{\"PredefinedMetricType\":"
        + "\"ECSServiceAverageCPUUtilization\"}}}");
    load(0.25); // 256 units used of 256 reserved: 100% against a 50% target
    engine.run(12, Duration.ofSeconds(1));
    List<TaskUsage> usage = history.latest();
    assertEquals(2, usage.size());
    assertEquals(100.0, usage.get(0).cpuPercent(), 0.5);
    assertEquals(20.0, usage.get(0).memoryPercent(), 0.5, "100 MiB of 512");
    assertEquals(2, engine.service("shop", "web").get("desiredCount").asInt(), "one breaching period is not enough");

    engine.run(33, Duration.ofSeconds(1));
    assertTrue(history.datapoints(engine.service("shop", "web").get("clusterArn").asText(), "web",
        Metric.CPU_UTILIZATION, engine.plane().clock().instant()).size() >= 3);
    JsonNode service = engine.service("shop", "web");
    assertEquals(4, service.get("desiredCount").asInt(), "ceil(2 x 100 / 50)");
    engine.run(5, Duration.ofSeconds(1));
    assertEquals(4, engine.service("shop", "web").get("runningCount").asInt());

    load(0);
    engine.run(200, Duration.ofSeconds(1));
    service = engine.service("shop", "web");
    assertEquals(1, service.get("desiredCount").asInt(), "idle for 15 periods: back to the minimum");
    assertEquals(1, service.get("runningCount").asInt());

    JsonNode activities = scaling("DescribeScalingActivities", "{\"ServiceNamespace\":\"ecs\","
        + "\"ResourceId\":\"service/shop/web\"}").get("ScalingActivities");
    assertEquals("Setting desired count to 1.", activities.at("/0/Description").asText(), "newest first");
    assertTrue(activities.at("/0/Cause").asText().contains("AlarmLow"), activities.toString());
    assertEquals("Setting desired count to 4.", activities.at("/1/Description").asText());
    assertTrue(activities.at("/1/Cause").asText().contains("AlarmHigh"), activities.toString());
    assertEquals("Successful", activities.at("/1/StatusCode").asText());
    List<String> events = Json.list(service, "events").stream().map(e -> e.get("message").asText()).toList();
    assertTrue(events.stream().anyMatch(m -> m.startsWith("(service web) Application Auto Scaling set the desired count"
        + " from 2 to 4: monitor alarm")), events.toString());
  }

  @Test
  void aScheduledActionRaisesTheMinimumAtItsTime() {
    scaling("RegisterScalableTarget", "{" + TARGET + ",\"MinCapacity\":1,\"MaxCapacity\":6}");
    scaling("PutScheduledAction", "{" + TARGET + ",\"ScheduledActionName\":\"busy-hour\","
        + "\"Schedule\":\"cron(2 0 * * ? *)\",\"ScalableTargetAction\":{\"MinCapacity\":3,\"MaxCapacity\":5}}");
    engine.run(30, Duration.ofSeconds(1));
    assertEquals(2, engine.service("shop", "web").get("desiredCount").asInt(), "the clock is before 00:02");
    engine.run(60, Duration.ofSeconds(1));
    assertEquals(3, engine.service("shop", "web").get("desiredCount").asInt());
    JsonNode target = scaling("DescribeScalableTargets", "{\"ServiceNamespace\":\"ecs\"}").at("/ScalableTargets/0");
    assertEquals(3, target.get("MinCapacity").asInt());
    assertEquals(5, target.get("MaxCapacity").asInt());
    JsonNode actions = scaling("DescribeScheduledActions", "{\"ServiceNamespace\":\"ecs\"}").get("ScheduledActions");
    assertEquals("busy-hour", actions.at("/0/ScheduledActionName").asText());
  }
}
