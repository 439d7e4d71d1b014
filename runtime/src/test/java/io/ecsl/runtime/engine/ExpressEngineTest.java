package io.ecsl.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.runtime.api.ApiException;
import io.ecsl.runtime.api.RequestContext;
import io.ecsl.runtime.api.autoscaling.AutoScalingApi;
import io.ecsl.runtime.api.elb.ElbApi;
import io.ecsl.runtime.json.Json;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Express Mode services on the in-memory backend: CreateExpressGatewayService makes the task
 * definition (container Main), the target group checking the health check path, the load balancer
 * and its listener, the service on that target group and target tracking on the chosen metric;
 * Describe gives the listener's address as the endpoint; Update changes them in place; Delete
 * drains the service and removes what was made for it.
 */
class ExpressEngineTest {
  private static final RequestContext CONTEXT = new RequestContext("us-east-1");
  private EngineHarness engine;
  private ElbApi elb;
  private AutoScalingApi scaling;

  @BeforeEach
  void start() throws Exception {
    engine = new EngineHarness();
    elb = new ElbApi(engine.plane(), io.ecsl.runtime.api.elb.ListenerAddresses.NONE);
    scaling = new AutoScalingApi(engine.plane());
    engine.ecsApi().enableExpress(elb, scaling, listenerArn -> 18080);
    engine.ecs("CreateCluster", "{\"clusterName\":\"apps\"}");
  }

  @AfterEach
  void stop() throws Exception {
    engine.close();
  }

  private JsonNode elb(String operation, String json) {
    return elb.call(operation, Json.parse(json), CONTEXT);
  }

  @Test
  void anExpressServiceIsItsTaskDefinitionLoadBalancerServiceAndScaling() {
    JsonNode created = engine.ecs("CreateExpressGatewayService", "{\"serviceName\":\"hello\",\"cluster\":\"apps\","
        + "\"infrastructureRoleArn\":\"arn:aws:iam::123456789012:role/infra\",\"healthCheckPath\":\"/health\","
        + "\"primaryContainer\":{\"image\":\"" + EngineHarness.IMAGE + "\",\"containerPort\":8080},"
        + "\"scalingTarget\":{\"minTaskCount\":2,\"maxTaskCount\":5,\"autoScalingMetric\":\"AVERAGE_MEMORY\","
        + "\"autoScalingTargetValue\":70}}").path("service");
    String arn = created.path("serviceArn").asText();
    assertEquals("ACTIVE", created.at("/status/statusCode").asText());

    JsonNode td = engine.ecs("DescribeTaskDefinition", "{\"taskDefinition\":\"express-apps-hello\"}").path("taskDefinition");
    assertEquals("Main", td.at("/containerDefinitions/0/name").asText());
    assertEquals(8080, td.at("/containerDefinitions/0/portMappings/0/containerPort").asInt());
    assertEquals("256", td.path("cpu").asText(), "Express Mode's default size");
    assertEquals("awsvpc", td.path("networkMode").asText());

    JsonNode tg = elb("DescribeTargetGroups", "{}").at("/TargetGroups/0");
    assertEquals("/health", tg.path("HealthCheckPath").asText());
    assertEquals("ip", tg.path("TargetType").asText());
    JsonNode lb = elb("DescribeLoadBalancers", "{}").at("/LoadBalancers/0");
    assertEquals("internet-facing", lb.path("Scheme").asText());
    JsonNode listener = elb("DescribeListeners", "{\"LoadBalancerArn\":\"" + lb.path("LoadBalancerArn").asText() + "\"}")
        .at("/Listeners/0");
    assertEquals(tg.path("TargetGroupArn").asText(), listener.at("/DefaultActions/0/TargetGroupArn").asText());

    JsonNode service = engine.service("apps", "hello");
    assertEquals(2, service.path("desiredCount").asInt(), "starts at the fewest tasks scaling keeps");
    assertEquals(tg.path("TargetGroupArn").asText(), service.at("/loadBalancers/0/targetGroupArn").asText());
    assertEquals("Main", service.at("/loadBalancers/0/containerName").asText());

    JsonNode policy = scaling.call("DescribeScalingPolicies", Json.parse("{\"ServiceNamespace\":\"ecs\"}"), CONTEXT)
        .at("/ScalingPolicies/0");
    assertEquals("ECSServiceAverageMemoryUtilization",
        policy.at("/TargetTrackingScalingPolicyConfiguration/PredefinedMetricSpecification/PredefinedMetricType").asText());
    assertEquals(70, policy.at("/TargetTrackingScalingPolicyConfiguration/TargetValue").asInt());
    JsonNode target = scaling.call("DescribeScalableTargets", Json.parse("{\"ServiceNamespace\":\"ecs\"}"), CONTEXT)
        .at("/ScalableTargets/0");
    assertEquals(5, target.path("MaxCapacity").asInt());

    JsonNode described = engine.ecs("DescribeExpressGatewayService", "{\"serviceArn\":\"" + arn + "\"}").path("service");
    assertEquals("http://127.0.0.1:18080", described.at("/activeConfigurations/0/ingressPaths/0/endpoint").asText());
    assertEquals("arn:aws:iam::123456789012:role/infra", described.path("infrastructureRoleArn").asText());

    engine.ecs("UpdateExpressGatewayService", "{\"serviceArn\":\"" + arn + "\",\"healthCheckPath\":\"/ready\","
        + "\"cpu\":\"512\",\"memory\":\"1024\"}");
    assertEquals("/ready", elb("DescribeTargetGroups", "{}").at("/TargetGroups/0/HealthCheckPath").asText());
    assertTrue(engine.service("apps", "hello").path("taskDefinition").asText().endsWith("express-apps-hello:2"),
        "a new size is a new revision: " + engine.service("apps", "hello"));
    assertEquals("512", engine.ecs("DescribeExpressGatewayService", "{\"serviceArn\":\"" + arn + "\"}")
        .at("/service/activeConfigurations/0/cpu").asText());

    JsonNode deleted = engine.ecs("DeleteExpressGatewayService", "{\"serviceArn\":\"" + arn + "\"}").path("service");
    assertEquals("DRAINING", deleted.at("/status/statusCode").asText());
    assertEquals(0, elb("DescribeLoadBalancers", "{}").path("LoadBalancers").size());
    assertEquals(0, elb("DescribeTargetGroups", "{}").path("TargetGroups").size());
    assertEquals(0, scaling.call("DescribeScalableTargets", Json.parse("{\"ServiceNamespace\":\"ecs\"}"), CONTEXT)
        .path("ScalableTargets").size());
    engine.run(30, Duration.ofSeconds(1));
    assertEquals("INACTIVE", engine.ecs("DescribeExpressGatewayService", "{\"serviceArn\":\"" + arn + "\"}")
        .at("/service/status/statusCode").asText());
  }

  @Test
  void aBroughtTaskDefinitionExcludesWhatItDecides() {
    ApiException e = assertThrows(ApiException.class, () -> engine.ecs("CreateExpressGatewayService",
        "{\"serviceName\":\"own\",\"cluster\":\"apps\",\"infrastructureRoleArn\":\"arn:aws:iam::123456789012:role/infra\","
            + "\"taskDefinitionArn\":\"web:1\",\"cpu\":\"512\"}"));
    assertEquals("InvalidParameterException", e.type());
    ApiException missing = assertThrows(ApiException.class, () -> engine.ecs("CreateExpressGatewayService",
        "{\"serviceName\":\"none\",\"cluster\":\"apps\",\"infrastructureRoleArn\":\"arn:aws:iam::123456789012:role/infra\"}"));
    assertEquals("InvalidParameterException", missing.type());
  }
}
