package io.ecsl.deploy.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.deploy.target.AwsApi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Waits for a service to reach a steady state (one deployment, COMPLETED, or running = desired:
 * the ServicesStable criterion of docs/ecs-semantics.md §5.6), and fails fast instead of hanging
 * for the full timeout when the deployment is failing: a FAILED rollout (circuit breaker, alarms)
 * or tasks that keep stopping, reported with the stopped tasks' reasons.
 */
final class ServiceWaiter {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  /** Stopped tasks of the new deployment tolerated before failing fast (the breaker's minimum threshold, §3.4). */
  static final int FAILED_TASKS_LIMIT = 3;

  private final AwsApi api;
  private final Duration poll;
  private final Sleeper sleeper;

  /** How to wait between polls (tests pass a no-op). */
  interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  ServiceWaiter(AwsApi api, Duration poll, Sleeper sleeper) {
    this.api = api;
    this.poll = poll;
    this.sleeper = sleeper;
  }

  void waitStable(String cluster, String service, Duration timeout, Consumer<String> progress) {
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = null;
    while (true) {
      JsonNode s = describe(cluster, service);
      if (s == null) {
        throw new StepFailure("service " + cluster + "/" + service + " disappeared while waiting for it to be stable");
      }
      JsonNode primary = primary(s);
      String rollout = primary.path("rolloutState").asText("");
      int desired = s.path("desiredCount").asInt();
      int running = s.path("runningCount").asInt();
      int deployments = s.path("deployments").size();
      if (rollout.equals("FAILED")) {
        throw new StepFailure("deployment failed: " + primary.path("rolloutStateReason").asText("rollout FAILED")
            + stoppedReasons(cluster, service, primary));
      }
      if (deployments <= 1 && (rollout.equals("COMPLETED") || rollout.isEmpty() && running == desired)) {
        return;
      }
      int failed = primary.path("failedTasks").asInt();
      if (failed >= FAILED_TASKS_LIMIT) {
        throw new StepFailure(failed + " tasks of the new deployment stopped before becoming healthy"
            + stoppedReasons(cluster, service, primary));
      }
      String state = "waiting for steady state: " + running + "/" + desired + " running"
          + (deployments > 1 ? ", " + deployments + " deployments" : "") + (failed > 0 ? ", " + failed + " failed" : "");
      if (!state.equals(last)) {
        progress.accept(state);
        last = state;
      }
      if (System.nanoTime() > deadline) {
        throw new StepFailure("did not reach a steady state within " + human(timeout) + " (" + running + "/" + desired
            + " running); last event: " + s.path("events").path(0).path("message").asText("none")
            + ". Raise --wait-timeout, or use --no-wait");
      }
      sleep();
    }
  }

  void waitInactive(String cluster, String service, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      JsonNode s = describe(cluster, service);
      if (s == null || s.path("status").asText().equals("INACTIVE")) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new StepFailure("service " + cluster + "/" + service + " is still " + s.path("status").asText()
            + " after " + human(timeout));
      }
      sleep();
    }
  }

  private void sleep() {
    try {
      sleeper.sleep(poll);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StepFailure("interrupted while waiting");
    }
  }

  private JsonNode describe(String cluster, String service) {
    ObjectNode req = JSON.objectNode().put("cluster", cluster);
    req.putArray("services").add(service);
    JsonNode answer = api.call("ecs", "DescribeServices", req);
    JsonNode services = answer.path("services");
    return services.isEmpty() ? null : services.get(0);
  }

  private static JsonNode primary(JsonNode service) {
    for (JsonNode d : service.path("deployments")) {
      if (d.path("status").asText().equals("PRIMARY")) {
        return d;
      }
    }
    return JSON.objectNode();
  }

  /** "; stopped tasks: CannotPullContainerError: … (exit 1)" for the deployment's stopped tasks. */
  private String stoppedReasons(String cluster, String service, JsonNode deployment) {
    try {
      ObjectNode list = JSON.objectNode().put("cluster", cluster).put("serviceName", service).put("desiredStatus", "STOPPED");
      JsonNode arns = api.call("ecs", "ListTasks", list).path("taskArns");
      if (arns.isEmpty()) {
        return "";
      }
      ObjectNode describe = JSON.objectNode().put("cluster", cluster);
      var tasks = describe.putArray("tasks");
      for (int i = 0; i < Math.min(arns.size(), 100); i++) {
        tasks.add(arns.get(i).asText());
      }
      Set<String> reasons = new LinkedHashSet<>();
      String td = deployment.path("taskDefinition").asText(null);
      for (JsonNode t : api.call("ecs", "DescribeTasks", describe).path("tasks")) {
        if (td != null && !td.equals(t.path("taskDefinitionArn").asText(td))) {
          continue;
        }
        List<String> parts = new ArrayList<>();
        parts.add(t.path("stoppedReason").asText("stopped"));
        for (JsonNode c : t.path("containers")) {
          if (c.hasNonNull("reason") || c.hasNonNull("exitCode") && c.path("exitCode").asInt() != 0) {
            parts.add(c.path("name").asText() + ": " + c.path("reason").asText("exit code " + c.path("exitCode").asInt()));
          }
        }
        reasons.add(String.join("; ", parts));
      }
      return reasons.isEmpty() ? "" : "; stopped tasks: " + String.join(" | ", reasons);
    } catch (RuntimeException e) {
      return ""; // the failure itself is what matters; its details are a best effort
    }
  }

  static String human(Duration d) {
    long s = d.toSeconds();
    return s >= 60 && s % 60 == 0 ? s / 60 + "m" : s + "s";
  }
}
