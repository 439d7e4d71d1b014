package io.ecsl.runtime.docker;

import static io.ecsl.runtime.docker.DockerTestSupport.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.runtime.TestRuntimes;
import io.ecsl.runtime.client.RuntimeClient;
import io.ecsl.runtime.deployments.DeploymentTiming;
import io.ecsl.testing.FreePorts;
import io.ecsl.testing.NeedsAwsCli;
import io.ecsl.testing.NeedsDocker;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A CANARY deployment behind a local Application Load Balancer on real Docker (busybox httpd
 * tasks answering with their revision): the new revision registers in the alternate target
 * group, the test listener sends it everything while production stays on the old one, the canary
 * step sends it exactly its share of production requests (measured through the listener, as
 * curl would), then all of them; the old revision drains. A broken revision then registers in the
 * other group (roles swapped), trips the circuit breaker and rolls back with production never
 * leaving the running revision.
 */
@NeedsDocker
@NeedsAwsCli
class StagedDeploymentDockerTest {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static TestRuntimes runtime;
  private static RuntimeClient client;

  @BeforeAll
  static void start() {
    runtime = TestRuntimes.docker();
    runtime.server().controlPlane().deploymentTiming(new DeploymentTiming(Duration.ofSeconds(2), Duration.ZERO,
        Set.of()));
    client = runtime.client();
  }

  @AfterAll
  static void stop() {
    runtime.close();
  }

  private static String elb(String action, String... pairs) {
    return DockerTestSupport.elb(client, action, pairs);
  }

  private static String text(String xml, String element) {
    return RuntimeClient.xmlElement(xml, element);
  }

  private static String targetGroup(String name) {
    return text(elb("CreateTargetGroup", "Name", name, "Protocol", "HTTP", "Port", "8080", "TargetType", "instance",
        "HealthCheckPath", "/health", "HealthCheckIntervalSeconds", "5", "HealthCheckTimeoutSeconds", "2",
        "HealthyThresholdCount", "2", "UnhealthyThresholdCount", "2"), "TargetGroupArn");
  }

  /** A listener forwarding to {@code tg}, and a rule (priority 10, every path) forwarding there too; the rule ARN. */
  private static String listenerRule(String lb, int port, String tg) {
    String listener = text(elb("CreateListener", "LoadBalancerArn", lb, "Protocol", "HTTP", "Port",
        String.valueOf(port), "DefaultActions.member.1.Type", "forward", "DefaultActions.member.1.TargetGroupArn", tg),
        "ListenerArn");
    return text(elb("CreateRule", "ListenerArn", listener, "Priority", "10",
        "Conditions.member.1.Field", "path-pattern", "Conditions.member.1.Values.member.1", "/*",
        "Actions.member.1.Type", "forward", "Actions.member.1.TargetGroupArn", tg), "RuleArn");
  }

  private static String taskDefinition(String answer) {
    String httpd = "mkdir -p /www && echo " + answer + " > /www/index.html && echo ok > /www/health"
        + " && httpd -f -p 8080 -h /www & trap 'exit 0' TERM; wait";
    return "{\"family\":\"canary\",\"memory\":\"64\",\"containerDefinitions\":[{\"name\":\"app\","
        + "\"image\":\"ecsl/busybox:latest\",\"portMappings\":[{\"containerPort\":8080}],\"stopTimeout\":5,"
        + "\"command\":[\"sh\",\"-c\",\"" + httpd + "\"]}]}";
  }

  /** Who answers {@code n} requests in a row on the listener's port, by answer. */
  private static Map<String, Integer> answers(int port, int n) throws Exception {
    Map<String, Integer> out = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
          .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
      out.merge(response.statusCode() == 200 ? response.body().trim() : "HTTP " + response.statusCode(), 1,
          Integer::sum);
    }
    return out;
  }

  private static JsonNode newest(DockerTestSupport ecs) {
    String arn = ecs.ecs("ListServiceDeployments", "{\"service\":\"web\"}").at("/serviceDeployments/0/serviceDeploymentArn")
        .asText();
    return ecs.ecs("DescribeServiceDeployments", "{\"serviceDeploymentArns\":[\"" + arn + "\"]}")
        .at("/serviceDeployments/0");
  }

  private static JsonNode awaitPause(DockerTestSupport ecs, String what) {
    return await(() -> {
      JsonNode deployment = newest(ecs);
      return "AWAITING_ACTION".equals(deployment.at("/lifecycleHookDetails/0/status").asText()) ? deployment : null;
    }, Duration.ofSeconds(40), what);
  }

  private static void proceed(DockerTestSupport ecs, JsonNode paused) {
    ecs.ecs("ContinueServiceDeployment", "{\"serviceDeploymentArn\":\"" + paused.get("serviceDeploymentArn").asText()
        + "\",\"hookId\":\"" + paused.at("/lifecycleHookDetails/0/hookId").asText() + "\"}");
  }

  @Test
  void aCanarySplitsProductionTrafficThroughTheListenerAndABrokenRevisionRollsBack() throws Exception {
    DockerTestSupport ecs = new DockerTestSupport(client, "canary");
    String lb = text(elb("CreateLoadBalancer", "Name", "canary", "Subnets.member.1", "a", "Subnets.member.2", "b"),
        "LoadBalancerArn");
    String blue = targetGroup("canary-blue");
    String green = targetGroup("canary-green");
    int production = FreePorts.forAServerProcess();
    int test = FreePorts.forAServerProcess();
    String productionRule = listenerRule(lb, production, blue);
    String testRule = listenerRule(lb, test, blue);
    ecs.ecs("RegisterTaskDefinition", taskDefinition("v1"));
    ecs.ecs("CreateService", "{\"serviceName\":\"web\",\"taskDefinition\":\"canary:1\",\"desiredCount\":2,"
        + "\"loadBalancers\":[{\"targetGroupArn\":\"" + blue + "\",\"containerName\":\"app\",\"containerPort\":8080,"
        + "\"advancedConfiguration\":{\"alternateTargetGroupArn\":\"" + green + "\",\"productionListenerRule\":\""
        + productionRule + "\",\"testListenerRule\":\"" + testRule + "\",\"roleArn\":"
        + "\"arn:aws:iam::000000000000:role/ecs-elb\"}}],"
        + "\"deploymentConfiguration\":{\"strategy\":\"CANARY\",\"bakeTimeInMinutes\":1,"
        + "\"canaryConfiguration\":{\"canaryPercent\":25.0,\"canaryBakeTimeInMinutes\":0},"
        + "\"deploymentCircuitBreaker\":{\"enable\":true,\"rollback\":true},"
        + "\"lifecycleHooks\":[{\"targetType\":\"PAUSE\",\"lifecycleStages\":[\"PRE_PRODUCTION_TRAFFIC_SHIFT\"]}]}}");
    await(() -> "COMPLETED".equals(ecs.service("web").at("/deployments/0/rolloutState").asText()),
        Duration.ofSeconds(40), "the first revision to be deployed");
    assertEquals(Map.of("v1", 8), answers(production, 8));

    ecs.ecs("RegisterTaskDefinition", taskDefinition("v2"));
    ecs.ecs("UpdateService", "{\"service\":\"web\",\"taskDefinition\":\"canary:2\"}");
    JsonNode beforeShift = awaitPause(ecs, "the pause before the first production shift");
    assertEquals(0.0, beforeShift.at("/targetServiceRevision/requestedProductionTrafficWeight").asDouble());
    assertEquals(100.0, beforeShift.at("/targetServiceRevision/requestedTestTrafficWeight").asDouble());
    assertEquals(Map.of("v2", 8), answers(test, 8), "the test listener rule reaches the new revision only");
    assertEquals(Map.of("v1", 8), answers(production, 8), "production has not moved");
    String health = elb("DescribeTargetHealth", "TargetGroupArn", green);
    assertEquals(2, health.split("<State>healthy</State>", -1).length - 1, "the new revision is in the alternate group");

    // The aws CLI (v1) speaks the new operations to the runtime too.
    JsonNode listed = DockerTestSupport.aws(runtime, "ecs", "list-service-deployments", "--cluster", "canary",
        "--service", "web", "--status", "IN_PROGRESS");
    assertEquals(beforeShift.get("serviceDeploymentArn").asText(),
        listed.at("/serviceDeployments/0/serviceDeploymentArn").asText());
    JsonNode revisions = DockerTestSupport.aws(runtime, "ecs", "describe-service-revisions", "--service-revision-arns",
        beforeShift.at("/targetServiceRevision/arn").asText());
    assertEquals(green, revisions.at("/serviceRevisions/0/resolvedConfiguration/loadBalancers/0/targetGroupArn").asText());
    DockerTestSupport.aws(runtime, "ecs", "continue-service-deployment", "--service-deployment-arn",
        beforeShift.get("serviceDeploymentArn").asText(), "--hook-id",
        beforeShift.at("/lifecycleHookDetails/0/hookId").asText(), "--action", "CONTINUE");
    JsonNode canary = awaitPause(ecs, "the pause before the second production shift");
    assertEquals(25.0, canary.at("/targetServiceRevision/requestedProductionTrafficWeight").asDouble());
    assertEquals(Map.of("v1", 75, "v2", 25), answers(production, 100), "the canary's share, exactly per 100 requests");

    proceed(ecs, canary);
    JsonNode done = await(() -> {
      JsonNode deployment = newest(ecs);
      return "SUCCESSFUL".equals(deployment.get("status").asText()) ? deployment : null;
    }, Duration.ofSeconds(60), "the canary deployment to succeed");
    assertEquals(100.0, done.at("/targetServiceRevision/requestedProductionTrafficWeight").asDouble());
    assertEquals(Map.of("v2", 8), answers(production, 8));
    await(() -> ecs.service("web").get("deployments").size() == 1 && ecs.service("web").get("runningCount").asInt() == 2,
        Duration.ofSeconds(40), "the old revision to be gone");

    ecs.ecs("RegisterTaskDefinition", taskDefinition("v3").replace("httpd -f", "exit 1; httpd -f"));
    ecs.ecs("UpdateService", "{\"service\":\"web\",\"taskDefinition\":\"canary:3\"}");
    JsonNode back = await(() -> {
      JsonNode deployment = newest(ecs);
      return deployment.get("status").asText().startsWith("ROLLBACK_SUCCESS") ? deployment : null;
    }, Duration.ofSeconds(60), "the broken revision to roll back");
    assertEquals("ECS deployment circuit breaker: tasks failed to start.", back.at("/rollback/reason").asText());
    assertEquals(Map.of("v2", 20), answers(production, 20), "production never left the running revision");
    assertTrue(ecs.service("web").get("taskDefinition").asText().endsWith("canary:2"));
    String rule = elb("DescribeRules", "RuleArns.member.1", productionRule);
    assertTrue(rule.contains(blue) && rule.contains(green), rule);
    JsonNode events = client.deploymentEvents(ecs.service("web").get("serviceArn").asText());
    JsonNode last = events.get(events.size() - 1);
    assertEquals("ECS Deployment State Change", last.get("detail-type").asText());
    assertEquals("SERVICE_DEPLOYMENT_FAILED", last.at("/detail/eventName").asText());
    assertEquals("ECS deployment circuit breaker: tasks failed to start.", last.at("/detail/reason").asText());
  }
}
