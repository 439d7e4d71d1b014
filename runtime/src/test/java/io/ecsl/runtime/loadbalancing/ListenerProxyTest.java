package io.ecsl.runtime.loadbalancing;

import static io.ecsl.runtime.loadbalancing.ElbTargets.awaitState;
import static io.ecsl.runtime.loadbalancing.ElbTargets.elb;
import static io.ecsl.runtime.loadbalancing.ElbTargets.get;
import static io.ecsl.runtime.loadbalancing.ElbTargets.register;
import static io.ecsl.runtime.loadbalancing.ElbTargets.state;
import static io.ecsl.runtime.loadbalancing.ElbTargets.targetGroup;
import static io.ecsl.runtime.loadbalancing.ElbTargets.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ecsl.runtime.TestRuntimes;
import io.ecsl.runtime.client.RuntimeClient;
import io.ecsl.testing.FreePorts;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Listeners as real proxies on 127.0.0.1, with small HTTP servers as targets registered through
 * the ELBv2 API: round robin, weighted forwarding, path rules and fixed responses, ALB's 503,
 * health checks that take a target out, draining that lets an in-flight request finish, and a
 * listener whose port is taken served elsewhere and shown in DNSName.
 */
class ListenerProxyTest {
  private TestRuntimes runtime;
  private RuntimeClient client;
  private final List<ElbTargets.Backend> backends = new ArrayList<>();
  private String lb;

  @BeforeEach
  void start() {
    runtime = TestRuntimes.inMemory();
    client = runtime.client();
    lb = text(elb(client, "CreateLoadBalancer", "Name", "proxy", "Subnets.member.1", "a", "Subnets.member.2", "b"),
        "LoadBalancerArn");
  }

  @AfterEach
  void stop() {
    runtime.close();
    backends.forEach(ElbTargets.Backend::close);
  }

  private ElbTargets.Backend backend(String name) throws Exception {
    ElbTargets.Backend backend = new ElbTargets.Backend(name);
    backends.add(backend);
    return backend;
  }

  /** A listener forwarding to {@code forward} (pairs of target group ARN and weight); its port. */
  private int listener(String... forward) {
    int port = FreePorts.forAServerProcess();
    List<String> pairs = new ArrayList<>(List.of("LoadBalancerArn", lb, "Protocol", "HTTP", "Port",
        String.valueOf(port), "DefaultActions.member.1.Type", "forward"));
    for (int i = 0; i < forward.length; i += 2) {
      String prefix = "DefaultActions.member.1.ForwardConfig.TargetGroups.member." + (i / 2 + 1);
      pairs.addAll(List.of(prefix + ".TargetGroupArn", forward[i], prefix + ".Weight", forward[i + 1]));
    }
    elb(client, "CreateListener", pairs.toArray(String[]::new));
    return awaitServed(port);
  }

  private int awaitServed(int port) {
    for (int i = 0; i < 100; i++) {
      try {
        get(port, "/");
        return port;
      } catch (Exception e) {
        sleep(100);
      }
    }
    throw new AssertionError("nothing listens on 127.0.0.1:" + port);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void roundRobinAlternatesBetweenHealthyTargets() throws Exception {
    String tg = targetGroup(client, "rr");
    ElbTargets.Backend a = backend("a");
    ElbTargets.Backend b = backend("b");
    register(client, tg, a);
    register(client, tg, b);
    int port = listener(tg, "1");
    awaitState(client, tg, a, "healthy");
    awaitState(client, tg, b, "healthy");
    List<String> answers = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      HttpResponse<String> response = get(port, "/hello");
      assertEquals(200, response.statusCode());
      answers.add(response.body());
    }
    for (int i = 1; i < answers.size(); i++) {
      assertNotEquals(answers.get(i - 1), answers.get(i), "round robin alternates: " + answers);
    }
    assertTrue(answers.contains("a /hello") && answers.contains("b /hello"), answers.toString());
  }

  @Test
  void withNoHealthyTargetTheListenerAnswers503AsAlbDoes() throws Exception {
    String tg = targetGroup(client, "empty");
    int port = listener(tg, "1");
    HttpResponse<String> response = get(port, "/");
    assertEquals(503, response.statusCode());
    assertEquals("awselb/2.0", response.headers().firstValue("server").orElse(null));
    assertTrue(response.body().contains("503 Service Temporarily Unavailable"), response.body());

    ElbTargets.Backend a = backend("a");
    register(client, tg, a);
    awaitState(client, tg, a, "healthy");
    assertEquals(200, get(port, "/").statusCode());
  }

  @Test
  void weightedForwardingSplitsByWeight() throws Exception {
    String blue = targetGroup(client, "blue");
    String green = targetGroup(client, "green");
    ElbTargets.Backend a = backend("blue");
    ElbTargets.Backend b = backend("green");
    register(client, blue, a);
    register(client, green, b);
    int port = listener(blue, "3", green, "1");
    awaitState(client, blue, a, "healthy");
    awaitState(client, green, b, "healthy");
    int toBlue = 0;
    for (int i = 0; i < 40; i++) {
      if (get(port, "/").body().startsWith("blue")) {
        toBlue++;
      }
    }
    assertEquals(30, toBlue, "3:1 weights send 30 of 40 requests to blue");
  }

  @Test
  void rulesRouteByPathAndAnswerFixedResponses() throws Exception {
    String web = targetGroup(client, "web");
    String api = targetGroup(client, "api");
    ElbTargets.Backend w = backend("web");
    ElbTargets.Backend p = backend("api");
    register(client, web, w);
    register(client, api, p);
    int port = listener(web, "1");
    String listener = text(elb(client, "DescribeListeners", "LoadBalancerArn", lb), "ListenerArn");
    elb(client, "CreateRule", "ListenerArn", listener, "Priority", "10", "Conditions.member.1.Field", "path-pattern",
        "Conditions.member.1.Values.member.1", "/api/*", "Actions.member.1.Type", "forward",
        "Actions.member.1.TargetGroupArn", api);
    elb(client, "CreateRule", "ListenerArn", listener, "Priority", "5", "Conditions.member.1.Field", "path-pattern",
        "Conditions.member.1.Values.member.1", "/api/teapot", "Actions.member.1.Type", "fixed-response",
        "Actions.member.1.FixedResponseConfig.StatusCode", "418",
        "Actions.member.1.FixedResponseConfig.MessageBody", "short and stout");
    awaitState(client, web, w, "healthy");
    awaitState(client, api, p, "healthy");
    sleep(500); // the rules reach the proxy with the next pass
    assertEquals("api /api/users", get(port, "/api/users").body());
    assertEquals("web /index.html", get(port, "/index.html").body());
    HttpResponse<String> teapot = get(port, "/api/teapot");
    assertEquals(418, teapot.statusCode());
    assertEquals("short and stout", teapot.body());
  }

  @Test
  void aTargetFailingItsHealthCheckGetsNoRequests() throws Exception {
    String tg = targetGroup(client, "checks");
    ElbTargets.Backend good = backend("good");
    ElbTargets.Backend bad = backend("bad");
    bad.healthStatus.set(500);
    register(client, tg, good);
    register(client, tg, bad);
    int port = listener(tg, "1");
    awaitState(client, tg, good, "healthy");
    awaitState(client, tg, bad, "unhealthy");
    String described = elb(client, "DescribeTargetHealth", "TargetGroupArn", tg, "Targets.member.1.Id", "127.0.0.1",
        "Targets.member.1.Port", String.valueOf(bad.port()));
    assertEquals("Target.ResponseCodeMismatch", text(described, "Reason"));
    assertEquals("Health checks failed with these codes: [500]", text(described, "Description"));
    for (int i = 0; i < 6; i++) {
      assertEquals("good /", get(port, "/").body());
    }
  }

  @Test
  void drainingLetsTheInFlightRequestFinishAndSendsNoNewOnes() throws Exception {
    String tg = targetGroup(client, "drain");
    ElbTargets.Backend slow = backend("slow");
    register(client, tg, slow);
    int port = listener(tg, "1");
    awaitState(client, tg, slow, "healthy");
    CompletableFuture<HttpResponse<String>> inFlight = CompletableFuture.supplyAsync(() -> {
      try {
        return get(port, "/slow");
      } catch (Exception e) {
        throw new RuntimeException(e);
      }
    });
    slow.slowStarted.await();
    elb(client, "DeregisterTargets", "TargetGroupArn", tg, "Targets.member.1.Id", "127.0.0.1",
        "Targets.member.1.Port", String.valueOf(slow.port()));
    sleep(1500); // longer than the minimum drain: only the request in flight keeps it draining
    assertEquals("draining", state(client, tg, slow));
    assertEquals(503, get(port, "/").statusCode(), "a draining target gets no new request");
    slow.slowRelease.countDown();
    HttpResponse<String> finished = inFlight.get();
    assertEquals(200, finished.statusCode());
    assertEquals("slow /slow", finished.body());
    awaitState(client, tg, slow, "unused");
  }

  @Test
  void aListenerWhosePortIsTakenIsServedElsewhereAndDnsNameSaysWhere() throws Exception {
    String tg = targetGroup(client, "moved");
    ElbTargets.Backend a = backend("a");
    register(client, tg, a);
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      elb(client, "CreateListener", "LoadBalancerArn", lb, "Protocol", "HTTP", "Port",
          String.valueOf(taken.getLocalPort()), "DefaultActions.member.1.Type", "forward",
          "DefaultActions.member.1.TargetGroupArn", tg);
      String dns = null;
      for (int i = 0; i < 50 && (dns == null || !dns.contains(":")); i++) {
        sleep(100);
        dns = text(elb(client, "DescribeLoadBalancers", "LoadBalancerArns.member.1", lb), "DNSName");
      }
      assertTrue(dns.startsWith("127.0.0.1:"), dns);
      int served = Integer.parseInt(dns.substring("127.0.0.1:".length()));
      assertNotEquals(taken.getLocalPort(), served);
      awaitState(client, tg, a, "healthy");
      assertEquals("a /x", get(served, "/x").body());
    }
  }

  @Test
  void aNetworkLoadBalancerSplicesTcpConnectionsToHealthyTargets() throws Exception {
    String nlb = text(elb(client, "CreateLoadBalancer", "Name", "tcp", "Type", "network", "Subnets.member.1", "a"),
        "LoadBalancerArn");
    String tg = text(elb(client, "CreateTargetGroup", "Name", "tcp", "Protocol", "TCP", "Port", "80", "TargetType",
        "ip", "HealthCheckIntervalSeconds", "5", "HealthCheckTimeoutSeconds", "2"), "TargetGroupArn");
    ElbTargets.Backend a = backend("a");
    ElbTargets.Backend b = backend("b");
    register(client, tg, a);
    register(client, tg, b);
    int port = FreePorts.forAServerProcess();
    elb(client, "CreateListener", "LoadBalancerArn", nlb, "Protocol", "TCP", "Port", String.valueOf(port),
        "DefaultActions.member.1.Type", "forward", "DefaultActions.member.1.TargetGroupArn", tg);
    awaitState(client, tg, a, "healthy");
    awaitState(client, tg, b, "healthy");
    awaitServed(port);
    java.util.Set<String> answeredBy = new java.util.HashSet<>();
    for (int i = 0; i < 4; i++) {
      // a new connection each time: an NLB balances connections, not requests
      try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
        socket.getOutputStream().write("GET /tcp HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".getBytes());
        String response = new String(socket.getInputStream().readAllBytes());
        assertTrue(response.startsWith("HTTP/1.1 200"), response);
        answeredBy.add(response.substring(response.indexOf("\r\n\r\n") + 4));
      }
    }
    assertEquals(java.util.Set.of("a /tcp", "b /tcp"), answeredBy);
  }
}
