package io.ecsl.runtime.docker;

import static io.ecsl.runtime.docker.DockerTestSupport.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.runtime.TestRuntimes;
import io.ecsl.runtime.client.RuntimeClient;
import io.ecsl.testing.FreePorts;
import io.ecsl.testing.NeedsDocker;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Services behind a local Application Load Balancer on real Docker (busybox httpd tasks): tasks
 * registered when they run and answered in turn through the listener, a rolling deployment under
 * steady load with no failed request (new tasks healthy in the target group before old ones
 * drain, DEACTIVATING until drained, SIGTERM after), and a task failing its target-group health
 * check replaced.
 */
@NeedsDocker
class LoadBalancedServiceDockerTest {
  /** Serves its hostname on / and "ok" on /health; exits 0 on SIGTERM. */
  private static final String HTTPD = "mkdir -p /www && hostname > /www/index.html && echo ok > /www/health"
      + " && httpd -f -p 8080 -h /www & trap 'exit 0' TERM; wait";
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static TestRuntimes runtime;
  private static RuntimeClient client;

  @BeforeAll
  static void start() {
    runtime = TestRuntimes.docker();
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

  /** A load balancer with a listener forwarding to a new target group; the target group ARN and the port. */
  private static String[] loadBalancer(String name, int port) {
    String lb = text(elb("CreateLoadBalancer", "Name", name, "Subnets.member.1", "a", "Subnets.member.2", "b"),
        "LoadBalancerArn");
    String tg = text(elb("CreateTargetGroup", "Name", name, "Protocol", "HTTP", "Port", "8080", "TargetType",
        "instance", "HealthCheckPath", "/health", "HealthCheckIntervalSeconds", "5", "HealthCheckTimeoutSeconds", "2",
        "HealthyThresholdCount", "2", "UnhealthyThresholdCount", "2"), "TargetGroupArn");
    elb("ModifyTargetGroupAttributes", "TargetGroupArn", tg, "Attributes.member.1.Key",
        "deregistration_delay.timeout_seconds", "Attributes.member.1.Value", "10");
    elb("CreateListener", "LoadBalancerArn", lb, "Protocol", "HTTP", "Port", String.valueOf(port),
        "DefaultActions.member.1.Type", "forward", "DefaultActions.member.1.TargetGroupArn", tg);
    return new String[] {tg, String.valueOf(port)};
  }

  private static String taskDefinition(String family) {
    return "{\"family\":\"" + family + "\",\"memory\":\"64\",\"containerDefinitions\":[{\"name\":\"app\","
        + "\"image\":\"ecsl/busybox:latest\",\"portMappings\":[{\"containerPort\":8080}],\"stopTimeout\":5,"
        + "\"command\":[\"sh\",\"-c\",\"" + HTTPD + "\"]}]}";
  }

  private static String service(String tg, int desired) {
    return "{\"serviceName\":\"web\",\"taskDefinition\":\"%s\",\"desiredCount\":" + desired
        + ",\"loadBalancers\":[{\"targetGroupArn\":\"" + tg + "\",\"containerName\":\"app\",\"containerPort\":8080}],"
        + "\"deploymentConfiguration\":{\"minimumHealthyPercent\":100,\"maximumPercent\":200}}";
  }

  private static int healthyTargets(String tg) {
    String health = elb("DescribeTargetHealth", "TargetGroupArn", tg);
    return health.split("<State>healthy</State>", -1).length - 1;
  }

  private static HttpResponse<String> get(int port) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).timeout(Duration.ofSeconds(20))
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aRollingDeploymentUnderLoadFailsNoRequest() throws Exception {
    DockerTestSupport ecs = new DockerTestSupport(client, "lb-roll");
    String[] lb = loadBalancer("roll", FreePorts.forAServerProcess());
    String tg = lb[0];
    int port = Integer.parseInt(lb[1]);
    ecs.ecs("RegisterTaskDefinition", taskDefinition("lb-web"));
    ecs.ecs("CreateService", service(tg, 4).formatted("lb-web:1"));
    await(() -> healthyTargets(tg) == 4 && "COMPLETED".equals(ecs.service("web").at("/deployments/0/rolloutState")
        .asText()), Duration.ofSeconds(40), "4 healthy targets and a completed deployment");

    Set<String> answeredBy = new LinkedHashSet<>();
    for (int i = 0; i < 8; i++) {
      HttpResponse<String> response = get(port);
      assertEquals(200, response.statusCode());
      answeredBy.add(response.body().trim());
    }
    assertEquals(4, answeredBy.size(), "round robin reaches every task: " + answeredBy);

    AtomicBoolean loading = new AtomicBoolean(true);
    AtomicInteger served = new AtomicInteger();
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    List<Thread> clients = new ArrayList<>();
    for (int c = 0; c < 4; c++) {
      clients.add(Thread.ofVirtual().start(() -> {
        while (loading.get()) {
          try {
            HttpResponse<String> response = get(port);
            if (response.statusCode() == 200) {
              served.incrementAndGet();
            } else {
              failures.add(response.statusCode() + " " + response.body());
            }
          } catch (Exception e) {
            failures.add(e.toString());
          }
        }
      }));
    }
    ecs.ecs("RegisterTaskDefinition", taskDefinition("lb-web"));
    ecs.ecs("UpdateService", "{\"service\":\"web\",\"taskDefinition\":\"lb-web:2\"}");
    Set<String> statuses = new LinkedHashSet<>();
    await(() -> {
      ecs.everyTask().forEach(task -> statuses.add(task.get("lastStatus").asText()));
      JsonNode service = ecs.service("web");
      return service.get("deployments").size() == 1
          && "COMPLETED".equals(service.at("/deployments/0/rolloutState").asText())
          && service.get("runningCount").asInt() == 4 && healthyTargets(tg) == 4;
    }, Duration.ofSeconds(90), "the rolling deployment to complete");
    loading.set(false);
    for (Thread thread : clients) {
      thread.join();
    }
    assertEquals(List.of(), List.copyOf(failures), "requests that failed during the deployment");
    assertTrue(served.get() > 50, "the load was steady: " + served.get() + " requests served");
    assertTrue(statuses.contains("DEACTIVATING"), "old tasks drained before stopping: " + statuses);
  }

  @Test
  void aTaskFailingItsTargetGroupHealthCheckIsReplaced() throws Exception {
    DockerTestSupport ecs = new DockerTestSupport(client, "lb-heal");
    String[] lb = loadBalancer("heal", FreePorts.forAServerProcess());
    String tg = lb[0];
    ecs.ecs("RegisterTaskDefinition", taskDefinition("lb-heal"));
    ecs.ecs("CreateService", service(tg, 1).formatted("lb-heal:1"));
    await(() -> healthyTargets(tg) == 1, Duration.ofSeconds(30), "a healthy target");
    String taskArn = ecs.ecs("ListTasks", "{\"serviceName\":\"web\"}").at("/taskArns/0").asText();
    String taskId = taskArn.substring(taskArn.lastIndexOf('/') + 1);
    String container = DockerTestSupport.docker("ps", "-q", "--filter", "label=io.ecsl.task=" + taskId,
        "--filter", "label=io.ecsl.container=app");
    DockerTestSupport.docker("exec", container, "rm", "/www/health");
    JsonNode stopped = await(() -> {
      JsonNode task = ecs.task(taskArn);
      return "STOPPED".equals(task.get("desiredStatus").asText()) ? task : null;
    }, Duration.ofSeconds(30), "the unhealthy task to be stopped");
    assertEquals("ServiceSchedulerInitiated", stopped.get("stopCode").asText());
    assertEquals("Task failed ELB health checks in (target-group " + tg + ")", stopped.get("stoppedReason").asText());
    await(() -> healthyTargets(tg) == 1 && !elb("DescribeTargetHealth", "TargetGroupArn", tg).contains(
        "<State>unhealthy</State>"), Duration.ofSeconds(40), "a healthy replacement");
  }
}
