package io.ecsl.cli.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.cli.runtime.LogsCommand;
import io.ecsl.deploy.target.AwsApi;
import io.ecsl.deploy.target.ApiException;
import io.ecsl.emit.Json;
import io.ecsl.runtime.client.RuntimeClient;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Waits for the tasks {@code ecsl run} started: follows their containers' output (the local
 * runtime's logs, as each container gets one), polls until every task is STOPPED, says how each
 * ended, and gives the exit status. Ctrl-C asks whether to stop the tasks (on a terminal; without
 * one it stops them, as {@code docker run} passes the signal on); leaving them running exits 130.
 */
final class TaskWatch {
  /** The task never ran its essential container: its stop reason says why (as docker run's 125). */
  static final int COULD_NOT_RUN = 125;
  /** Left running after Ctrl-C (128 + SIGINT, the shell's convention). */
  static final int LEFT_RUNNING = 130;

  private final AwsApi api;
  private final RuntimeClient logs;
  private final String cluster;
  private final List<String> taskArns;
  private final PrintWriter out;
  private final PrintWriter err;
  private final Set<String> following = new HashSet<>();
  private final List<Thread> readers = new ArrayList<>();
  private final AtomicBoolean leaveRunning = new AtomicBoolean();
  private final AtomicBoolean asking = new AtomicBoolean();
  private final Map<String, Set<String>> essentials = new HashMap<>();

  /** {@code logs}: the local runtime to read container output from, or null (no output followed). */
  TaskWatch(AwsApi api, RuntimeClient logs, String cluster, List<String> taskArns, PrintWriter out, PrintWriter err) {
    this.api = api;
    this.logs = logs;
    this.cluster = cluster;
    this.taskArns = List.copyOf(taskArns);
    this.out = out;
    this.err = err;
  }

  /** Waits for every task to stop; returns the exit status. */
  int await(Duration poll) throws InterruptedException {
    List<JsonNode> tasks;
    try (InterruptSignal ignored = InterruptSignal.install(this::interrupted)) {
      while (true) {
        tasks = describe();
        follow(tasks);
        if (tasks.stream().allMatch(t -> "STOPPED".equals(t.path("lastStatus").asText()))) {
          break;
        }
        if (leaveRunning.get()) {
          err.println("ecsl: left running: " + String.join(" ", taskArns));
          err.println("Stop " + (taskArns.size() == 1 ? "it" : "them") + " with: aws ecs stop-task --cluster " + cluster
              + " --task ARN (or ecsl run again later)");
          return LEFT_RUNNING;
        }
        Thread.sleep(poll);
      }
    }
    for (Thread reader : readers) {
      reader.join(Duration.ofSeconds(5));
    }
    out.flush();
    int status = 0;
    for (JsonNode task : tasks) {
      int code = exitStatus(task, essential(task.path("taskDefinitionArn").asText()));
      err.println("ecsl: task " + shortId(task.path("taskArn").asText()) + " stopped (" + task.path("stopCode").asText("")
          + ": " + task.path("stoppedReason").asText("") + ")" + describeExit(task, code));
      if (status == 0) {
        status = code;
      }
    }
    err.flush();
    return status;
  }

  /**
   * A stopped task's exit status: the first essential container's non-zero exit code, else 0; or
   * {@link #COULD_NOT_RUN} when an essential container has no exit code (it never ran).
   */
  static int exitStatus(JsonNode task, Set<String> essential) {
    int status = 0;
    for (JsonNode container : task.path("containers")) {
      if (!essential.contains(container.path("name").asText())) {
        continue;
      }
      JsonNode code = container.get("exitCode");
      if (code == null || code.isNull()) {
        return COULD_NOT_RUN;
      }
      if (status == 0) {
        status = code.asInt();
      }
    }
    return status;
  }

  /** The essential containers of a task's definition (essential unless it says otherwise). */
  private Set<String> essential(String taskDefinitionArn) {
    return essentials.computeIfAbsent(taskDefinitionArn, arn -> {
      Set<String> names = new HashSet<>();
      JsonNode definition = api.call("ecs", "DescribeTaskDefinition",
          Json.mapper().createObjectNode().put("taskDefinition", arn)).path("taskDefinition");
      for (JsonNode container : definition.path("containerDefinitions")) {
        if (container.path("essential").asBoolean(true)) {
          names.add(container.path("name").asText());
        }
      }
      return names;
    });
  }

  private static String describeExit(JsonNode task, int status) {
    if (status == COULD_NOT_RUN) {
      return ": it could not run";
    }
    List<String> codes = new ArrayList<>();
    for (JsonNode container : task.path("containers")) {
      if (container.has("exitCode")) {
        codes.add(container.path("name").asText() + " exited " + container.path("exitCode").asInt());
      }
    }
    return codes.isEmpty() ? "" : ": " + String.join(", ", codes);
  }

  private List<JsonNode> describe() {
    ObjectNode request = Json.mapper().createObjectNode().put("cluster", cluster);
    request.set("tasks", Json.mapper().valueToTree(taskArns));
    List<JsonNode> tasks = new ArrayList<>();
    api.call("ecs", "DescribeTasks", request).path("tasks").forEach(tasks::add);
    return tasks;
  }

  /** Starts reading each container's output once the container exists. */
  private void follow(List<JsonNode> tasks) {
    if (logs == null) {
      return;
    }
    int containers = 0;
    for (JsonNode task : tasks) {
      containers += task.path("containers").size();
    }
    boolean prefix = containers > 1;
    for (JsonNode task : tasks) {
      String taskId = shortId(task.path("taskArn").asText());
      String fullId = task.path("taskArn").asText().substring(task.path("taskArn").asText().lastIndexOf('/') + 1);
      for (JsonNode container : task.path("containers")) {
        String name = container.path("name").asText();
        if (!container.hasNonNull("runtimeId") || !following.add(fullId + "/" + name)) {
          continue;
        }
        String linePrefix = prefix ? name + "/" + taskId.substring(0, Math.min(8, taskId.length())) + " | " : "";
        readers.add(Thread.ofVirtual().start(() -> {
          try {
            logs.logs(fullId, name, true, -1, new LogsCommand.LineWriter(out, linePrefix));
          } catch (RuntimeClient.ApiError e) {
            synchronized (out) {
              err.println("ecsl: cannot follow " + name + " of task " + taskId + ": " + e.getMessage());
            }
          }
        }));
      }
    }
  }

  private void interrupted() {
    if (!asking.compareAndSet(false, true)) {
      leaveRunning.set(true); // a second Ctrl-C while asking: leave them
      return;
    }
    try {
      var console = System.console();
      if (console == null) {
        stopAll();
        return;
      }
      String answer = console.readLine("%nStop the task%s? [y/N] (Ctrl-C again leaves %s running) ",
          taskArns.size() == 1 ? "" : "s", taskArns.size() == 1 ? "it" : "them");
      if (answer != null && answer.trim().toLowerCase(java.util.Locale.ROOT).startsWith("y")) {
        stopAll();
      } else {
        leaveRunning.set(true);
      }
    } finally {
      asking.set(false);
    }
  }

  private void stopAll() {
    for (String arn : taskArns) {
      try {
        api.call("ecs", "StopTask", Json.mapper().createObjectNode().put("cluster", cluster).put("task", arn)
            .put("reason", "Stopped by ecsl run (interrupted)"));
      } catch (ApiException e) {
        err.println("ecsl: cannot stop " + arn + ": " + e.getMessage());
      }
    }
    err.println("ecsl: stopping " + (taskArns.size() == 1 ? "the task" : "the tasks") + "...");
  }

  static String shortId(String taskArn) {
    String id = taskArn.substring(taskArn.lastIndexOf('/') + 1);
    return id.substring(0, Math.min(12, id.length()));
  }
}
