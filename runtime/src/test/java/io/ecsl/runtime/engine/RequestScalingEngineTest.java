package io.ecsl.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.runtime.api.RequestContext;
import io.ecsl.runtime.api.autoscaling.AutoScalingApi;
import io.ecsl.runtime.api.elb.ElbApi;
import io.ecsl.runtime.api.elb.ListenerAddresses;
import io.ecsl.runtime.autoscaling.ServiceAutoScaling;
import io.ecsl.runtime.json.Json;
import io.ecsl.runtime.loadbalancing.RequestCountSampler;
import io.ecsl.runtime.loadbalancing.TargetHealth;
import io.ecsl.runtime.loadbalancing.Traffic;
import io.ecsl.runtime.metrics.Metric;
import io.ecsl.runtime.metrics.MetricHistory;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Target tracking on ALBRequestCountPerTarget through the engine on a manual clock: the requests
 * the load balancer's proxies count for a target group, over its healthy targets and summed per
 * period, scale the service out when above the target value and back in when traffic stops.
 */
class RequestScalingEngineTest {
  private static final String TARGET = "\"ServiceNamespace\":\"ecs\",\"ResourceId\":\"service/shop/web\","
      + "\"ScalableDimension\":\"ecs:service:DesiredCount\"";
  private static final Duration PERIOD = Duration.ofSeconds(10);
  private EngineHarness engine;
  private MetricHistory history;
  private final Traffic traffic = new Traffic();
  private String targetGroup;

  @BeforeEach
  void start() throws Exception {
    engine = new EngineHarness();
    history = new MetricHistory(PERIOD);
    engine.plane().addStage(new RequestCountSampler(engine.plane().state(), traffic, history));
    engine.plane().addStage(new ServiceAutoScaling(engine.plane().state(), history, () -> { }));
    ElbApi elb = new ElbApi(engine.plane(), ListenerAddresses.NONE);
    targetGroup = elb.call("CreateTargetGroup", Json.parse("{\"Name\":\"web\",\"Protocol\":\"HTTP\",\"Port\":80,"
        + "\"VpcId\":\"vpc-1\",\"TargetType\":\"ip\"}"), new RequestContext("us-east-1"))
        .at("/TargetGroups/0/TargetGroupArn").asText();
    engine.plane().state().atomically(() -> {
      for (String ip : new String[] {"10.0.0.1", "10.0.0.2"}) {
        ObjectNode target = Json.object();
        target.put("TargetGroupArn", targetGroup);
        target.put("State", TargetHealth.HEALTHY);
        engine.plane().state().targets.put(targetGroup + "|" + ip + "|80", target);
      }
      ObjectNode draining = Json.object(); // draining targets do not share the load
      draining.put("TargetGroupArn", targetGroup);
      draining.put("State", TargetHealth.DRAINING);
      engine.plane().state().targets.put(targetGroup + "|10.0.0.3|80", draining);
      return null;
    });
    engine.ecs("CreateCluster", "{\"clusterName\":\"shop\"}");
    engine.registerTaskDefinition("{\"family\":\"web\",\"cpu\":\"256\",\"memory\":\"512\",\"containerDefinitions\":"
        + "[{\"name\":\"app\",\"image\":\"ecsl/busybox:latest\",\"command\":[\"sh\",\"-c\",\"sleep 3600\"]}]}");
    engine.ecs("CreateService", "{\"cluster\":\"shop\",\"serviceName\":\"web\",\"taskDefinition\":\"web\","
        + "\"desiredCount\":2}");
    engine.run(45, Duration.ofSeconds(1));
    AutoScalingApi scaling = new AutoScalingApi(engine.plane());
    RequestContext context = new RequestContext("us-east-1");
    scaling.call("RegisterScalableTarget", Json.parse("{" + TARGET + ",\"MinCapacity\":1,\"MaxCapacity\":10}"), context);
    String label = "app/web/50dc6c495c0c9188/" + targetGroup.substring(targetGroup.indexOf("targetgroup/"));
    scaling.call("PutScalingPolicy", Json.parse("{" + TARGET + ",\"PolicyName\":\"web-requests\","
        + "\"PolicyType\":\"TargetTrackingScaling\",\"TargetTrackingScalingPolicyConfiguration\":{\"TargetValue\":100.0,"
        + "\"ScaleOutCooldown\":60,\"ScaleInCooldown\":10,\"PredefinedMetricSpecification\":{\"PredefinedMetricType\":"
        + "\"ALBRequestCountPerTarget\",\"ResourceLabel\":\"" + label + "\"}}}"), context);
  }

  @AfterEach
  void stop() throws Exception {
    engine.close();
  }

  /** {@code perSecond} requests to the target group every second for {@code seconds}. */
  private void serve(int perSecond, int seconds) {
    for (int s = 0; s < seconds; s++) {
      for (int i = 0; i < perSecond; i++) {
        traffic.started(targetGroup, targetGroup + "|10.0.0.1|80");
        traffic.finished(targetGroup + "|10.0.0.1|80");
      }
      engine.run(1, Duration.ofSeconds(1));
    }
  }

  @Test
  void requestsAboveTheTargetPerTargetScaleOutAndSilenceScalesIn() {
    serve(60, 12); // 600 requests per 10 s period over 2 healthy targets: 300 per target against 100
    assertEquals(2, engine.service("shop", "web").get("desiredCount").asInt(), "one breaching period is not enough");
    serve(60, 30);
    JsonNode periods = Json.tree(history.targetGroupDatapoints(targetGroup, Metric.REQUEST_COUNT_PER_TARGET,
        engine.plane().clock().instant()));
    assertTrue(periods.size() >= 3, periods.toString());
    assertEquals(300.0, periods.get(periods.size() - 1).get("average").asDouble()
        * periods.get(periods.size() - 1).get("samples").asInt(), 1.0, periods.toString());
    assertEquals(6, engine.service("shop", "web").get("desiredCount").asInt(), "ceil(2 running x 300 / 100)");

    serve(0, 200);
    assertEquals(1, engine.service("shop", "web").get("desiredCount").asInt(), "no requests for 15 periods");
  }
}
