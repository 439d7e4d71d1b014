package io.ecsl.runtime.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.runtime.client.RuntimeClient;
import io.ecsl.runtime.json.Json;
import io.ecsl.testing.AwsCli;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Helpers for tests that drive a runtime on real Docker through its ECS API. */
final class DockerTestSupport {
  /** A process that runs until SIGTERM and then exits 0 at once. */
  static final String SERVE = "trap 'exit 0' TERM; sleep 3600 & wait";
  /** How much longer than an idle machine needs {@link #await} waits (see there). */
  static final int LOADED_MACHINE_FACTOR = 3;

  private final RuntimeClient client;
  private final String cluster;

  DockerTestSupport(RuntimeClient client, String cluster) {
    this.client = client;
    this.cluster = cluster;
    client.ecs("CreateCluster", Json.object().put("clusterName", cluster));
  }

  JsonNode ecs(String operation, String json) {
    ObjectNode body = (ObjectNode) Json.parse(json);
    if (!body.has("cluster") && !operation.contains("TaskDefinition")) {
      body.put("cluster", cluster);
    }
    return client.ecs(operation, body);
  }

  JsonNode service(String name) {
    return ecs("DescribeServices", "{\"services\":[\"" + name + "\"]}").at("/services/0");
  }

  JsonNode task(String arn) {
    return ecs("DescribeTasks", "{\"tasks\":[\"" + arn + "\"]}").at("/tasks/0");
  }

  /** All tasks whose desired status is RUNNING and all STOPPED ones, in one DescribeTasks call. */
  List<JsonNode> everyTask() {
    // A set: a task being stopped between the two listings is listed by both, and counting it twice
    // once made the rolling-deployment test see 9 tasks where the service never had more than 8.
    java.util.Set<String> arns = new java.util.LinkedHashSet<>();
    for (String status : List.of("RUNNING", "STOPPED")) {
      ecs("ListTasks", "{\"desiredStatus\":\"" + status + "\"}").get("taskArns").forEach(a -> arns.add(a.asText()));
    }
    List<JsonNode> out = new ArrayList<>();
    if (!arns.isEmpty()) {
      ObjectNode body = Json.object().put("cluster", cluster);
      body.set("tasks", Json.arrayOf(new ArrayList<>(arns)));
      client.ecs("DescribeTasks", body).get("tasks").forEach(out::add);
    }
    return out;
  }

  String runTask(String family) {
    return ecs("RunTask", "{\"taskDefinition\":\"" + family + "\"}").at("/tasks/0/taskArn").asText();
  }

  JsonNode awaitTask(String arn, String lastStatus, Duration timeout) {
    return await(() -> {
      JsonNode task = task(arn);
      return lastStatus.equals(task.get("lastStatus").asText()) ? task : null;
    }, timeout, "task " + arn + " to be " + lastStatus);
  }

  String logs(String taskArn, String container) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    client.logs(taskArn.substring(taskArn.lastIndexOf('/') + 1), container, false, -1, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  /**
   * Polls until {@code probe} gives a value (not null, not false). {@code timeout} is what the
   * behaviour needs on an idle machine; the wait allows {@value #LOADED_MACHINE_FACTOR} times as
   * much, because these are liveness bounds, not speed targets (those are in {@code bench/}): a
   * Docker engine shared with parallel builds can be several times slower without anything being
   * wrong, and a passing probe returns at once either way.
   */
  /**
   * {@code aws ARGS --output json} against {@code runtime} (the real aws CLI, signing with the
   * runtime's key); it must succeed. Its parsed output.
   */
  static JsonNode aws(io.ecsl.runtime.TestRuntimes runtime, String... args) {
    try {
      return AwsCli.json(runtime.awsEnvironment(), args);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** An ELBv2 Query call ({@code action} and its parameters as name, value pairs); the XML answer. */
  static String elb(RuntimeClient client, String action, String... pairs) {
    java.util.Map<String, String> parameters = new java.util.LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      parameters.put(pairs[i], pairs[i + 1]);
    }
    return client.elb(action, parameters);
  }

  static <T> T await(Supplier<T> probe, Duration timeout, String what) {
    Duration allowed = timeout.multipliedBy(LOADED_MACHINE_FACTOR);
    Instant deadline = Instant.now().plus(allowed);
    while (Instant.now().isBefore(deadline)) {
      T value = probe.get();
      if (value != null && !Boolean.FALSE.equals(value)) {
        return value;
      }
      sleep(100);
    }
    throw new AssertionError("timed out after " + allowed.toSeconds() + "s waiting for " + what);
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Runs the docker CLI (as a user would), returning stdout. */
  static String docker(String... args) {
    List<String> command = new ArrayList<>();
    command.add("docker");
    command.addAll(List.of(args));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (process.waitFor() != 0) {
        throw new AssertionError("docker " + String.join(" ", args) + " failed: " + out);
      }
      return out.trim();
    } catch (IOException e) {
      throw new AssertionError("cannot run the docker CLI: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** A one-container task definition (bridge mode) running {@code script}, with optional extras. */
  static String taskDefinition(String family, String script, String containerExtras, String taskExtras) {
    return "{\"family\":\"" + family + "\",\"memory\":\"128\"" + taskExtras + ",\"containerDefinitions\":[{"
        + "\"name\":\"app\",\"image\":\"ecsl/busybox:latest\",\"command\":[\"sh\",\"-c\",\""
        + script.replace("\"", "\\\"") + "\"]" + containerExtras + "}]}";
  }
}
