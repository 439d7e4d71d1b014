package io.ecsl.runtime.loadbalancing;

import com.sun.net.httpserver.HttpServer;
import io.ecsl.runtime.client.RuntimeClient;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** Test helpers: small HTTP servers standing in for targets, and ELBv2 calls through the runtime's client. */
final class ElbTargets {
  static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private ElbTargets() {}

  /** A target answering its name on every path, 200 on /health unless told to fail, and /slow after a latch opens. */
  static final class Backend implements AutoCloseable {
    final String name;
    final HttpServer server;
    final AtomicInteger healthStatus = new AtomicInteger(200);
    final CountDownLatch slowStarted = new CountDownLatch(1);
    final CountDownLatch slowRelease = new CountDownLatch(1);

    Backend(String name) throws IOException {
      this.name = name;
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
      server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
      server.createContext("/", exchange -> {
        try (exchange) {
          String path = exchange.getRequestURI().getPath();
          int status = 200;
          if (path.equals("/health")) {
            status = healthStatus.get();
          } else if (path.equals("/slow")) {
            slowStarted.countDown();
            try {
              slowRelease.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          byte[] body = (name + " " + path).getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(status, body.length);
          exchange.getResponseBody().write(body);
        }
      });
      server.start();
    }

    int port() {
      return server.getAddress().getPort();
    }

    @Override
    public void close() {
      slowRelease.countDown();
      server.stop(0);
    }
  }

  static String elb(RuntimeClient client, String action, String... pairs) {
    Map<String, String> parameters = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      parameters.put(pairs[i], pairs[i + 1]);
    }
    return client.elb(action, parameters);
  }

  static String text(String xml, String element) {
    return RuntimeClient.xmlElement(xml, element);
  }

  /** A target group of ip targets checked on /health every 5 s (the minimum), healthy after 2 passes. */
  static String targetGroup(RuntimeClient client, String name) {
    return text(elb(client, "CreateTargetGroup", "Name", name, "Protocol", "HTTP", "Port", "80", "TargetType", "ip",
        "HealthCheckPath", "/health", "HealthCheckIntervalSeconds", "5", "HealthCheckTimeoutSeconds", "2",
        "HealthyThresholdCount", "2", "UnhealthyThresholdCount", "2"), "TargetGroupArn");
  }

  static void register(RuntimeClient client, String tgArn, Backend backend) {
    elb(client, "RegisterTargets", "TargetGroupArn", tgArn, "Targets.member.1.Id", "127.0.0.1",
        "Targets.member.1.Port", String.valueOf(backend.port()));
  }

  static String state(RuntimeClient client, String tgArn, Backend backend) {
    return text(elb(client, "DescribeTargetHealth", "TargetGroupArn", tgArn, "Targets.member.1.Id", "127.0.0.1",
        "Targets.member.1.Port", String.valueOf(backend.port())), "State");
  }

  static void awaitState(RuntimeClient client, String tgArn, Backend backend, String wanted) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(30);
    String seen = null;
    while (Instant.now().isBefore(deadline)) {
      seen = state(client, tgArn, backend);
      if (wanted.equals(seen)) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("target " + backend.name + " is " + seen + ", not " + wanted + ", after 30 s");
  }

  static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
