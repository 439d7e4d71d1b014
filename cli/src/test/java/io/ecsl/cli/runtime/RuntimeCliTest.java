package io.ecsl.cli.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.cli.Main;
import io.ecsl.runtime.client.LocalRuntime;
import io.ecsl.runtime.client.RuntimeClient;
import io.ecsl.runtime.client.RuntimeStatus;
import io.ecsl.runtime.backend.Labels;
import io.ecsl.runtime.docker.DockerBackend;
import io.ecsl.runtime.json.Json;
import io.ecsl.testing.AwsCli;
import io.ecsl.testing.FreePorts;
import io.ecsl.testing.InProcessCli;
import io.ecsl.testing.NeedsAwsCli;
import io.ecsl.testing.NeedsDocker;
import io.ecsl.testing.Processes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The runtime commands run in-process through {@link Main#run}, against a real runtime process on Docker. */
class RuntimeCliTest {
  private static final InProcessCli ECSL = new InProcessCli(Main::run);
  private Path dataDir;

  @BeforeEach
  void createDataDir() throws IOException {
    dataDir = Files.createTempDirectory("ecsl-cli-runtime-test");
  }

  @AfterEach
  void cleanUp() throws IOException {
    RuntimeStatus status = LocalRuntime.status(dataDir);
    if (status.running() || Files.exists(dataDir)) {
      LocalRuntime.stop(dataDir, Files.exists(dataDir.resolve("state.db")), message -> { });
    }
    if (Files.exists(dataDir)) {
      try (var paths = Files.walk(dataDir)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(path);
        }
      }
    }
  }

  private String dir() {
    return dataDir.toString();
  }

  @Test
  void everyRuntimeCommandHasHelp() {
    for (List<String> command : List.of(List.of("runtime"), List.of("runtime", "start"), List.of("runtime", "stop"),
        List.of("runtime", "status"), List.of("runtime", "env"), List.of("runtime", "logs"), List.of("runtime", "secret"),
        List.of("runtime", "secret", "put"), List.of("ps"), List.of("logs"), List.of("events"), List.of("top"), List.of("schedules"), List.of("run"), List.of("exec"))) {
      String[] args = new java.util.ArrayList<>(command) {{ add("--help"); }}.toArray(String[]::new);
      Processes.Result result = ECSL.run(args);
      assertEquals(0, result.exitCode(), String.join(" ", command));
      assertTrue(result.stdout().startsWith("Usage: ecsl " + String.join(" ", command)), result.stdout());
    }
  }

  @Test
  void commandsThatNeedTheRuntimeSaySoInOneLine() {
    for (List<String> command : List.of(List.of("ps"), List.of("logs", "web"), List.of("events", "web"), List.of("top"),
        List.of("schedules"), List.of("runtime", "instances"))) {
      String[] args = new java.util.ArrayList<>(command) {{ add("--data-dir"); add(dir()); }}.toArray(String[]::new);
      Processes.Result result = ECSL.run(args);
      assertEquals(1, result.exitCode());
      assertEquals("ecsl: the local runtime is not running (data directory " + dir()
          + "); start it with: ecsl runtime start\n", result.stderr());
    }
    Processes.Result env = ECSL.run("runtime", "env", "--data-dir", dir());
    assertEquals(1, env.exitCode());
    assertEquals("ecsl: the local runtime is not running (data directory " + dir()
        + "); start it with: ecsl runtime start\n", env.stderr());
    Processes.Result status = ECSL.run("runtime", "status", "--data-dir", dir(), "--format", "json");
    assertEquals(1, status.exitCode(), "status exits 1 when the runtime is not running");
    assertFalse(Json.parse(status.stdout()).get("running").asBoolean());
    Processes.Result badPort = ECSL.run("runtime", "start", "--port", "70000", "--data-dir", dir());
    assertEquals(1, badPort.exitCode());
    assertEquals("ecsl: --port must be between 1 and 65535; got 70000\n", badPort.stderr());
  }

  @Test
  @NeedsDocker
  void aFailedStartIsExplainedInWordsByStartAndLaterByStatus() throws IOException {
    Files.writeString(dataDir.resolve("state.db"), "not an SQLite database, only its name\n".repeat(100));
    Processes.Result start = ECSL.run("runtime", "start", "--port", Integer.toString(FreePorts.forAServerProcess()),
        "--data-dir", dir());
    assertEquals(1, start.exitCode(), start.output());
    assertTrue(start.stderr().contains("ecsl: cannot start the local runtime: "), start.stderr());
    assertTrue(start.stderr().contains("ecsl runtime start --adopt"), "says what to do: " + start.stderr());
    assertFalse(start.stderr().contains("\tat "), "no stack trace: " + start.stderr());

    Processes.Result status = ECSL.run("runtime", "status", "--data-dir", dir());
    assertEquals(1, status.exitCode());
    assertTrue(status.stdout().startsWith("not running (data " + dir() + "): its last start failed: "), status.stdout());
    assertTrue(status.stdout().contains("state.db"), status.stdout());
    JsonNode json = Json.parse(ECSL.run("runtime", "status", "--data-dir", dir(), "--format", "json").stdout());
    assertFalse(json.get("running").asBoolean());
    assertTrue(json.get("problem").asText().startsWith("its last start failed: "), json.toString());
    Files.delete(dataDir.resolve("state.db"));
  }

  @Test
  @NeedsDocker
  @NeedsAwsCli
  void startPsLogsEventsSecretsAndStopClean() throws Exception {
    int port = FreePorts.forAServerProcess();
    Processes.Result start = ECSL.run("runtime", "start", "--port", Integer.toString(port), "--data-dir", dir());
    assertEquals(0, start.exitCode(), start.stderr());
    assertEquals("http://127.0.0.1:" + port + "\n", start.stdout());
    assertTrue(start.stderr().contains("local runtime ready"), start.stderr());

    Processes.Result status = ECSL.run("runtime", "status", "--data-dir", dir(), "--format", "json");
    assertEquals(0, status.exitCode());
    JsonNode statusJson = Json.parse(status.stdout());
    assertEquals("http://127.0.0.1:" + port, statusJson.get("endpoint").asText());
    String instance = statusJson.get("instanceId").asText();

    assertEquals(0, ECSL.run("runtime", "secret", "put", "greeting", "hello-secret", "--data-dir", dir()).exitCode());
    assertEquals("greeting\n", ECSL.run("runtime", "secret", "list", "--data-dir", dir()).stdout());

    RuntimeClient client = LocalRuntime.client(dataDir);
    client.ecs("CreateCluster", Json.parse("{\"clusterName\":\"cli\"}"));
    client.ecs("RegisterTaskDefinition", Json.parse("""
        {"family":"cli-web","memory":"64","containerDefinitions":[{"name":"app","image":"ecsl/busybox:latest",
         "portMappings":[{"containerPort":8080}],"secrets":[{"name":"GREETING","valueFrom":"greeting"}],
         "command":["sh","-c","echo says $GREETING; trap 'exit 0' TERM; sleep 3600 & wait"]}]}
        """));
    client.ecs("CreateService", Json.parse("{\"cluster\":\"cli\",\"serviceName\":\"web\",\"taskDefinition\":"
        + "\"cli-web\",\"desiredCount\":1}"));
    Processes.Result ps = await(() -> {
      Processes.Result result = ECSL.run("ps", "--data-dir", dir());
      return result.stdout().contains("RUNNING") ? result : null;
    }, "ecsl ps to show a RUNNING task");
    assertTrue(ps.stdout().startsWith("TASK"), ps.stdout());
    assertTrue(ps.stdout().matches("(?s).*service:web\\s+cli-web:1\\s+RUNNING\\s+UNKNOWN\\s+EC2\\s+us-east-1[a-z]\\s+127\\.0\\.0\\.1:\\d+->8080/tcp.*"),
        ps.stdout());
    JsonNode psJson = Json.parse(ECSL.run("ps", "--data-dir", dir(), "--format", "json").stdout());
    assertEquals("RUNNING", psJson.get(0).get("status").asText());

    String lb = RuntimeClient.xmlElement(client.elb("CreateLoadBalancer", java.util.Map.of("Name", "cli-alb",
        "Subnets.member.1", "a", "Subnets.member.2", "b")), "LoadBalancerArn");
    String tg = RuntimeClient.xmlElement(client.elb("CreateTargetGroup", java.util.Map.of("Name", "cli-tg",
        "Protocol", "HTTP", "Port", "8080")), "TargetGroupArn");
    int listenerPort = io.ecsl.testing.FreePorts.forAServerProcess();
    client.elb("CreateListener", java.util.Map.of("LoadBalancerArn", lb, "Protocol", "HTTP", "Port",
        String.valueOf(listenerPort), "DefaultActions.member.1.Type", "forward",
        "DefaultActions.member.1.TargetGroupArn", tg));
    Processes.Result withListener = await(() -> {
      Processes.Result result = ECSL.run("ps", "--data-dir", dir());
      // The listener is listed at once and served from the control loop's next pass: until then ps
      // says "(not served)" (a loaded machine shows it).
      return result.stdout().contains("http://127.0.0.1:" + listenerPort) ? result : null;
    }, "ecsl ps to show the listener served");
    assertTrue(withListener.stdout().matches("(?s).*\\ncli-alb\\s+HTTP:" + listenerPort + "\\s+http://127\\.0\\.0\\.1:"
        + listenerPort + "\\s+0/0 healthy\\n.*"), withListener.stdout());

    Processes.Result logs = await(() -> {
      Processes.Result result = ECSL.run("logs", "web", "--data-dir", dir());
      return result.stdout().contains("says hello-secret") ? result : null;
    }, "the service's output");
    assertEquals(0, logs.exitCode());
    String taskId = psJson.get(0).get("task").asText();
    assertEquals("says hello-secret\n", ECSL.run("logs", taskId, "--container", "app", "--data-dir", dir()).stdout());
    Processes.Result wrongContainer = ECSL.run("logs", taskId, "--container", "db", "--data-dir", dir());
    assertEquals(1, wrongContainer.exitCode());
    assertTrue(wrongContainer.stderr().contains("no container named db"), wrongContainer.stderr());

    Processes.Result events = ECSL.run("events", "web", "--data-dir", dir());
    assertEquals(0, events.exitCode());
    assertTrue(events.stdout().contains("(service web) has started 1 tasks: (task " + taskId), events.stdout());
    assertEquals(1, ECSL.run("events", "nope", "--data-dir", dir()).exitCode());

    Processes.Result env = ECSL.run("runtime", "env", "--data-dir", dir());
    assertEquals(0, env.exitCode(), env.stderr());
    assertTrue(env.stdout().startsWith("export AWS_ENDPOINT_URL='http://127.0.0.1:" + port + "'\n"), env.stdout());
    assertTrue(env.stdout().contains("\nunset AWS_SESSION_TOKEN\n"), env.stdout());
    JsonNode envJson = Json.parse(ECSL.run("runtime", "env", "--data-dir", dir(), "--format", "json").stdout());
    assertEquals(List.of("AWS_ENDPOINT_URL", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_REGION",
        "AWS_DEFAULT_REGION"), iterate(envJson.fieldNames()));
    // What `eval "$(ecsl runtime env)"` sets, over the harness's isolated aws environment.
    Map<String, String> awsEnv = new HashMap<>(AwsCli.environment("http://127.0.0.1:" + port,
        envJson.get("AWS_ACCESS_KEY_ID").asText(), envJson.get("AWS_SECRET_ACCESS_KEY").asText()));
    envJson.properties().forEach(e -> awsEnv.put(e.getKey(), e.getValue().asText()));
    // The README's example: the endpoint given as --endpoint-url, as older aws CLI releases need.
    JsonNode described = AwsCli.json(awsEnv, "ecs", "describe-services", "--cluster", "cli", "--services", "web",
        "--endpoint-url", "http://127.0.0.1:" + port);
    assertEquals(1, described.at("/services/0/desiredCount").asInt(), described.toString());
    awsEnv.put("AWS_SECRET_ACCESS_KEY", "guessed");
    Processes.Result refused = AwsCli.run(awsEnv, "ecs", "list-clusters");
    assertEquals(255, refused.exitCode());
    assertTrue(refused.stderr().contains("InvalidSignatureException"), refused.stderr());

    Processes.Result runtimeLogs = ECSL.run("runtime", "logs", "--data-dir", dir());
    assertTrue(runtimeLogs.stdout().contains("listening on http://127.0.0.1:" + port), runtimeLogs.stdout());

    Processes.Result stop = ECSL.run("runtime", "stop", "--clean", "--data-dir", dir());
    assertEquals(0, stop.exitCode(), stop.stderr());
    assertEquals("stopped the local runtime and removed everything it created\n", stop.stdout());
    try (DockerBackend docker = DockerBackend.connect()) {
      assertTrue(docker.listContainers(Labels.RUNTIME, instance).isEmpty());
      assertTrue(docker.listNetworks(Labels.RUNTIME, instance).isEmpty());
      assertTrue(docker.listVolumes(Labels.RUNTIME, instance).isEmpty());
    }
    assertFalse(Files.exists(dataDir));
  }


  private static List<String> iterate(java.util.Iterator<String> names) {
    List<String> out = new java.util.ArrayList<>();
    names.forEachRemaining(out::add);
    return out;
  }

  private static <T> T await(Supplier<T> probe, String what) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (Instant.now().isBefore(deadline)) {
      T value = probe.get();
      if (value != null) {
        return value;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    throw new AssertionError("timed out waiting for " + what);
  }
}
