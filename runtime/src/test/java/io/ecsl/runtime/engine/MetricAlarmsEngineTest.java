package io.ecsl.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.runtime.api.RequestContext;
import io.ecsl.runtime.api.autoscaling.AutoScalingApi;
import io.ecsl.runtime.api.cloudwatch.CloudWatchApi;
import io.ecsl.runtime.autoscaling.AlarmEvaluation;
import io.ecsl.runtime.autoscaling.ServiceAutoScaling;
import io.ecsl.runtime.backend.ObservedContainer;
import io.ecsl.runtime.json.Json;
import io.ecsl.runtime.metrics.MetricHistory;
import io.ecsl.runtime.metrics.MetricsCollector;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * CloudWatch alarms on the metrics the runtime measures, through the engine on a manual clock:
 * containers made busy on the in-memory engine push a service's CPU over an alarm's threshold, the
 * alarm goes to ALARM as CloudWatch would judge it, the step scaling policy in its actions scales
 * the service out, and a deployment watching it fails and rolls back.
 */
class MetricAlarmsEngineTest {
  private static final String TARGET = "\"ServiceNamespace\":\"ecs\",\"ResourceId\":\"service/shop/web\","
      + "\"ScalableDimension\":\"ecs:service:DesiredCount\"";
  private static final String CPU_ALARM = "\"MetricName\":\"CPUUtilization\",\"Namespace\":\"AWS/ECS\","
      + "\"Statistic\":\"Average\",\"Dimensions\":[{\"Name\":\"ClusterName\",\"Value\":\"shop\"},"
      + "{\"Name\":\"ServiceName\",\"Value\":\"web\"}],\"Period\":60,\"EvaluationPeriods\":2,\"Threshold\":80,"
      + "\"ComparisonOperator\":\"GreaterThanThreshold\"";
  private EngineHarness engine;
  private AutoScalingApi scaling;
  private CloudWatchApi cloudWatch;

  @BeforeEach
  void start() throws Exception {
    engine = new EngineHarness();
    MetricHistory history = new MetricHistory(Duration.ofSeconds(10));
    engine.plane().addStage(new MetricsCollector(engine.plane().state(), engine.backend, history, true));
    engine.plane().addStage(new AlarmEvaluation(engine.plane().state(), history, () -> { }));
    engine.plane().addStage(new ServiceAutoScaling(engine.plane().state(), history, () -> { }));
    scaling = new AutoScalingApi(engine.plane());
    cloudWatch = new CloudWatchApi(engine.plane());
    engine.ecs("CreateCluster", "{\"clusterName\":\"shop\"}");
    register("");
  }

  @AfterEach
  void stop() throws Exception {
    engine.close();
  }

  private void register(String marker) {
    engine.registerTaskDefinition("{\"family\":\"web\",\"cpu\":\"256\",\"memory\":\"512\",\"containerDefinitions\":"
        + "[{\"name\":\"app\",\"image\":\"ecsl/busybox:latest\",\"command\":[\"sh\",\"-c\",\"sleep 3600" + marker
        + "\"]}]}");
  }

  private JsonNode call(Object api, String operation, String body) {
    RequestContext here = new RequestContext("us-east-1");
    return api == scaling ? scaling.call(operation, Json.parse(body), here)
        : cloudWatch.call(operation, Json.parse(body), here);
  }

  private JsonNode alarm(String name) {
    return call(cloudWatch, "DescribeAlarms", "{\"AlarmNames\":[\"" + name + "\"]}").at("/MetricAlarms/0");
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
  void aBusyServiceSetsOffItsAlarmWhichRunsTheStepPolicyInItsActions() {
    engine.ecs("CreateService", "{\"cluster\":\"shop\",\"serviceName\":\"web\",\"taskDefinition\":\"web\","
        + "\"desiredCount\":2}");
    engine.run(45, Duration.ofSeconds(1));
    call(scaling, "RegisterScalableTarget", "{" + TARGET + ",\"MinCapacity\":1,\"MaxCapacity\":6}");
    String policyArn = call(scaling, "PutScalingPolicy", "{" + TARGET + ",\"PolicyName\":\"web-steps\","
        + "\"PolicyType\":\"StepScaling\",\"StepScalingPolicyConfiguration\":{\"AdjustmentType\":\"ChangeInCapacity\","
        + "\"Cooldown\":300,\"MetricAggregationType\":\"Average\",\"StepAdjustments\":[{\"MetricIntervalLowerBound\":0,"
        + "\"MetricIntervalUpperBound\":10,\"ScalingAdjustment\":1},{\"MetricIntervalLowerBound\":10,"
        + "\"ScalingAdjustment\":3}]}}").get("PolicyARN").asText();
    call(cloudWatch, "PutMetricAlarm", "{\"AlarmName\":\"web-cpu-high\"," + CPU_ALARM + ",\"AlarmActions\":[\""
        + policyArn + "\"]}");
    engine.run(25, Duration.ofSeconds(1));
    assertEquals("OK", alarm("web-cpu-high").get("StateValue").asText(), "idle: " + alarm("web-cpu-high"));
    assertEquals(2, engine.service("shop", "web").get("desiredCount").asInt());

    load(0.25); // 100% of the 256 CPU units reserved: 20 points over the threshold, the second step
    engine.run(30, Duration.ofSeconds(1));
    JsonNode firing = alarm("web-cpu-high");
    assertEquals("ALARM", firing.get("StateValue").asText(), firing.toString());
    assertTrue(firing.get("StateReason").asText().startsWith("Threshold Crossed: 2 out of the last 2 datapoints ["),
        firing.toString());
    assertTrue(firing.get("StateReason").asText().contains("were greater than the threshold (80.0)"), firing.toString());
    assertEquals(5, engine.service("shop", "web").get("desiredCount").asInt(), "2 + 3, the step for 10 and above");
    JsonNode activities = call(scaling, "DescribeScalingActivities", "{\"ServiceNamespace\":\"ecs\","
        + "\"ResourceId\":\"service/shop/web\"}").get("ScalingActivities");
    assertTrue(activities.at("/0/Cause").asText().contains("web-cpu-high"), activities.toString());
  }

  @Test
  void aDeploymentThatMakesTheServiceBusyFailsOnItsAlarmAndRollsBack() {
    call(cloudWatch, "PutMetricAlarm", "{\"AlarmName\":\"web-cpu-high\"," + CPU_ALARM.replace("\"Period\":60",
        "\"Period\":10") + "}");
    engine.ecs("CreateService", "{\"cluster\":\"shop\",\"serviceName\":\"web\",\"taskDefinition\":\"web:1\","
        + "\"desiredCount\":2,\"deploymentConfiguration\":{\"alarms\":{\"alarmNames\":[\"web-cpu-high\"],"
        + "\"enable\":true,\"rollback\":true}}}");
    engine.run(90, Duration.ofSeconds(1));
    assertEquals("COMPLETED", engine.service("shop", "web").at("/deployments/0/rolloutState").asText());
    assertEquals("OK", alarm("web-cpu-high").get("StateValue").asText());

    register(" ");
    engine.ecs("UpdateService", "{\"cluster\":\"shop\",\"service\":\"web\",\"taskDefinition\":\"web:2\"}");
    engine.run(3, Duration.ofSeconds(1));
    load(0.25); // the new revision's tasks (and the old ones still running) burn their CPU
    engine.run(60, Duration.ofSeconds(1));
    assertEquals("ALARM", alarm("web-cpu-high").get("StateValue").asText(), alarm("web-cpu-high").toString());
    JsonNode service = engine.service("shop", "web");
    assertTrue(service.get("taskDefinition").asText().endsWith("web:1"), service.toString());
    List<String> events = Json.list(service, "events").stream().map(e -> e.get("message").asText()).toList();
    assertTrue(events.stream().anyMatch(m -> m.contains("deployment failed: alarm web-cpu-high in ALARM state")),
        events.toString());
  }
}
