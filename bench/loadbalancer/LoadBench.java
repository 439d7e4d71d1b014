import io.ecsl.runtime.client.LocalRuntime;
import io.ecsl.runtime.client.RuntimeClient;
import io.ecsl.runtime.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The local load balancer under load (see README.md), against a runtime already started on
 * DATA_DIR: (1) throughput and latency through a listener against the task's own port, one task
 * behind it, CLIENTS keep-alive clients for SECONDS each way; (2) a rolling deployment of a 4-task
 * service under CLIENTS steady clients, counting failed requests.
 *
 * Usage: java -cp ecsl.jar LoadBench.java DATA_DIR [CLIENTS=16] [SECONDS=10]
 */
public final class LoadBench {
  private static final String HTTPD = "mkdir -p /www && hostname > /www/index.html && echo ok > /www/health"
      + " && httpd -f -p 8080 -h /www & trap 'exit 0' TERM; wait";
  private static RuntimeClient client;
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();

  public static void main(String[] args) throws Exception {
    Path dataDir = Path.of(args[0]);
    int clients = args.length > 1 ? Integer.parseInt(args[1]) : 16;
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    client = LocalRuntime.client(dataDir);
    client.ecs("CreateCluster", Json.parse("{\"clusterName\":\"bench\"}"));
    client.ecs("RegisterTaskDefinition", Json.parse(taskDefinition()));

    // 1. one task: direct against the listener
    String[] one = loadBalancer("one");
    service("one", one[0], 1);
    awaitHealthy(one[0], 1);
    int direct = hostPort("one");
    int listener = Integer.parseInt(one[1]);
    load(listener, clients, 2, null); // warm-up: JIT, connection pools
    load(direct, clients, 2, null);
    Result viaDirect = load(direct, clients, seconds, null);
    Result viaProxy = load(listener, clients, seconds, null);
    System.out.printf("%-28s %10s %10s %10s %10s%n", "path", "req/s", "p50 ms", "p99 ms", "failed");
    print("task port 127.0.0.1:" + direct, viaDirect);
    print("listener 127.0.0.1:" + listener, viaProxy);
    System.out.printf("ratio proxy/direct: throughput %.2f, p99 %.2f (%d clients, %d s each, 1 task)%n",
        viaProxy.perSecond() / viaDirect.perSecond(), viaProxy.p99() / viaDirect.p99(), clients, seconds);

    // 1b. the proxy's own ceiling: an in-process keep-alive target (no fork per request, unlike httpd)
    var fast = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 512);
    fast.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
    byte[] ok = "ok\n".getBytes();
    fast.createContext("/", exchange -> {
      try (exchange) {
        exchange.sendResponseHeaders(200, ok.length);
        exchange.getResponseBody().write(ok);
      }
    });
    fast.start();
    String fastTg = RuntimeClient.xmlElement(elb("CreateTargetGroup", "Name", "fast", "Protocol", "HTTP", "Port",
        String.valueOf(fast.getAddress().getPort()), "TargetType", "ip", "HealthCheckIntervalSeconds", "5",
        "HealthCheckTimeoutSeconds", "2"), "TargetGroupArn");
    String fastLb = RuntimeClient.xmlElement(elb("CreateLoadBalancer", "Name", "fast", "Subnets.member.1", "a",
        "Subnets.member.2", "b"), "LoadBalancerArn");
    int fastListener;
    try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      fastListener = socket.getLocalPort();
    }
    elb("CreateListener", "LoadBalancerArn", fastLb, "Protocol", "HTTP", "Port", String.valueOf(fastListener),
        "DefaultActions.member.1.Type", "forward", "DefaultActions.member.1.TargetGroupArn", fastTg);
    elb("RegisterTargets", "TargetGroupArn", fastTg, "Targets.member.1.Id", "127.0.0.1");
    awaitHealthy(fastTg, 1);
    load(fastListener, clients, 2, null);
    load(fast.getAddress().getPort(), clients, 2, null);
    Result fastDirect = load(fast.getAddress().getPort(), clients, seconds, null);
    Result fastProxy = load(fastListener, clients, seconds, null);
    print("in-process target (direct)", fastDirect);
    print("its listener", fastProxy);
    System.out.printf("ratio proxy/direct: throughput %.2f, p99 %.2f (keep-alive target in the bench's JVM)%n",
        fastProxy.perSecond() / fastDirect.perSecond(), fastProxy.p99() / fastDirect.p99());
    fast.stop(0);

    // 2. a rolling deployment of 4 tasks under steady load
    String[] four = loadBalancer("roll");
    service("roll", four[0], 4);
    awaitHealthy(four[0], 4);
    int port = Integer.parseInt(four[1]);
    AtomicBoolean deploying = new AtomicBoolean(true);
    long started = System.nanoTime();
    Thread deployment = Thread.ofPlatform().start(() -> {
      client.ecs("RegisterTaskDefinition", Json.parse(taskDefinition()));
      client.ecs("UpdateService", Json.parse("{\"cluster\":\"bench\",\"service\":\"roll\",\"taskDefinition\":\"lb-bench:2\"}"));
      while (true) {
        var service = client.ecs("DescribeServices", Json.parse("{\"cluster\":\"bench\",\"services\":[\"roll\"]}"))
            .at("/services/0");
        if (service.get("deployments").size() == 1 && "COMPLETED".equals(service.at("/deployments/0/rolloutState").asText())
            && service.get("runningCount").asInt() == 4 && healthy(four[0]) == 4) {
          break;
        }
        sleep(100);
      }
      deploying.set(false);
    });
    Result rolling = load(port, clients, 600, deploying);
    deployment.join();
    double took = (System.nanoTime() - started) / 1e9;
    System.out.printf("rolling deployment of 4 tasks: %.1f s, %d requests, %d failed (%.0f req/s, p99 %.1f ms)%n",
        took, rolling.count(), rolling.failures().size(), rolling.perSecond(), rolling.p99());
    rolling.failures().stream().limit(5).forEach(f -> System.out.println("  failed: " + f));
  }

  record Result(long count, double seconds, long[] latenciesNanos, List<String> failures) {
    double perSecond() {
      return count / seconds;
    }

    double percentile(double p) {
      if (latenciesNanos.length == 0) {
        return 0;
      }
      return latenciesNanos[(int) Math.min(latenciesNanos.length - 1, Math.ceil(p * latenciesNanos.length) - 1)] / 1e6;
    }

    double p99() {
      return percentile(0.99);
    }
  }

  private static void print(String what, Result r) {
    System.out.printf("%-28s %10.0f %10.2f %10.2f %10d%n", what, r.perSecond(), r.percentile(0.5), r.p99(),
        r.failures().size());
  }

  /** CLIENTS loops of GET / on 127.0.0.1:PORT for SECONDS, or while {@code until} holds. */
  private static Result load(int port, int clients, int seconds, AtomicBoolean until) throws InterruptedException {
    URI uri = URI.create("http://127.0.0.1:" + port + "/");
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    List<long[]> perClient = new ArrayList<>();
    List<int[]> counts = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    long began = System.nanoTime();
    for (int c = 0; c < clients; c++) {
      long[] latencies = new long[2_000_000];
      int[] n = new int[1];
      perClient.add(latencies);
      counts.add(n);
      threads.add(Thread.ofVirtual().start(() -> {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build();
        while (until != null ? until.get() : System.nanoTime() < deadline) {
          long t0 = System.nanoTime();
          try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
              failures.add(response.statusCode() + " " + response.body().strip().replace('\n', ' '));
              continue;
            }
          } catch (Exception e) {
            failures.add(e.toString());
            continue;
          }
          if (n[0] < latencies.length) {
            latencies[n[0]++] = System.nanoTime() - t0;
          }
        }
      }));
    }
    for (Thread thread : threads) {
      thread.join();
    }
    double elapsed = (System.nanoTime() - began) / 1e9;
    long total = 0;
    for (int[] n : counts) {
      total += n[0];
    }
    long[] all = new long[(int) total];
    int at = 0;
    for (int c = 0; c < clients; c++) {
      System.arraycopy(perClient.get(c), 0, all, at, counts.get(c)[0]);
      at += counts.get(c)[0];
    }
    Arrays.sort(all);
    return new Result(total, elapsed, all, List.copyOf(failures));
  }

  private static String taskDefinition() {
    return "{\"family\":\"lb-bench\",\"memory\":\"64\",\"containerDefinitions\":[{\"name\":\"app\","
        + "\"image\":\"ecsl/busybox:latest\",\"portMappings\":[{\"containerPort\":8080}],\"stopTimeout\":5,"
        + "\"command\":[\"sh\",\"-c\",\"" + HTTPD + "\"]}]}";
  }

  private static String elb(String action, String... pairs) {
    Map<String, String> parameters = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      parameters.put(pairs[i], pairs[i + 1]);
    }
    return client.elb(action, parameters);
  }

  /** A load balancer with a listener on a free port forwarding to a new target group: {target group ARN, port}. */
  private static String[] loadBalancer(String name) throws Exception {
    String lb = RuntimeClient.xmlElement(elb("CreateLoadBalancer", "Name", name, "Subnets.member.1", "a",
        "Subnets.member.2", "b"), "LoadBalancerArn");
    String tg = RuntimeClient.xmlElement(elb("CreateTargetGroup", "Name", name, "Protocol", "HTTP", "Port", "8080",
        "TargetType", "instance", "HealthCheckPath", "/health", "HealthCheckIntervalSeconds", "5",
        "HealthCheckTimeoutSeconds", "2", "HealthyThresholdCount", "2"), "TargetGroupArn");
    elb("ModifyTargetGroupAttributes", "TargetGroupArn", tg, "Attributes.member.1.Key",
        "deregistration_delay.timeout_seconds", "Attributes.member.1.Value", "5");
    int port;
    try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    elb("CreateListener", "LoadBalancerArn", lb, "Protocol", "HTTP", "Port", String.valueOf(port),
        "DefaultActions.member.1.Type", "forward", "DefaultActions.member.1.TargetGroupArn", tg);
    return new String[] {tg, String.valueOf(port)};
  }

  private static void service(String name, String tg, int count) {
    client.ecs("CreateService", Json.parse("{\"cluster\":\"bench\",\"serviceName\":\"" + name + "\",\"taskDefinition\":"
        + "\"lb-bench:1\",\"desiredCount\":" + count + ",\"loadBalancers\":[{\"targetGroupArn\":\"" + tg
        + "\",\"containerName\":\"app\",\"containerPort\":8080}],\"deploymentConfiguration\":"
        + "{\"minimumHealthyPercent\":100,\"maximumPercent\":200}}"));
  }

  private static int healthy(String tg) {
    return elb("DescribeTargetHealth", "TargetGroupArn", tg).split("<State>healthy</State>", -1).length - 1;
  }

  private static void awaitHealthy(String tg, int count) {
    long deadline = System.nanoTime() + 180_000_000_000L;
    while (healthy(tg) < count) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(count + " healthy targets not reached in 3 minutes");
      }
      sleep(200);
    }
  }

  private static int hostPort(String service) {
    var tasks = client.ecs("ListTasks", Json.parse("{\"cluster\":\"bench\",\"serviceName\":\"" + service + "\"}"));
    var described = client.ecs("DescribeTasks", Json.parse("{\"cluster\":\"bench\",\"tasks\":[\""
        + tasks.at("/taskArns/0").asText() + "\"]}"));
    return described.at("/tasks/0/containers/0/networkBindings/0/hostPort").asInt();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
