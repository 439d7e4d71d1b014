package io.ecsl.deploy.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.deploy.target.ApiException;
import io.ecsl.deploy.target.AwsApi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Follows a Managed Daemon deployment (DescribeDaemonDeployments) until it is SUCCESSFUL, printing
 * how many instances run the new revision and how many drain, and fails fast with the reason as soon
 * as it rolls back or stops (ecs-runtime-integrations §7.4: PENDING, IN_PROGRESS, SUCCESSFUL,
 * STOP_REQUESTED, STOPPED, ROLLBACK_IN_PROGRESS, ROLLBACK_SUCCESSFUL, ROLLBACK_FAILED). Also waits for
 * a deleted daemon to be gone, so that its capacity providers and cluster can be deleted after it.
 */
final class DaemonWaiter {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final AwsApi api;
  private final Duration poll;
  private final ServiceWaiter.Sleeper sleeper;

  DaemonWaiter(AwsApi api, Duration poll, ServiceWaiter.Sleeper sleeper) {
    this.api = api;
    this.poll = poll;
    this.sleeper = sleeper;
  }

  /**
   * Waits for the deployment that CreateDaemon or UpdateDaemon answered with ({@code started}: its
   * answer, holding {@code daemonArn} and {@code deploymentArn}); without a deployment ARN, the
   * daemon's newest deployment.
   */
  void waitDeployment(JsonNode started, Duration timeout, Consumer<String> progress) {
    String daemonArn = started == null ? null : started.path("daemonArn").asText(null);
    String deploymentArn = started == null ? null : started.path("deploymentArn").asText(null);
    if (deploymentArn == null && daemonArn != null) {
      deploymentArn = newestDeployment(daemonArn);
    }
    if (deploymentArn == null) {
      throw new StepFailure("the daemon answered with no deployment to follow");
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = null;
    while (true) {
      ObjectNode req = JSON.objectNode();
      req.putArray("daemonDeploymentArns").add(deploymentArn);
      JsonNode d = api.call("ecs", "DescribeDaemonDeployments", req).path("daemonDeployments").path(0);
      String status = d.path("status").asText("PENDING");
      switch (status) {
        case "SUCCESSFUL" -> {
          progress.accept("daemon deployment SUCCESSFUL: " + counts(d));
          return;
        }
        case "PENDING", "IN_PROGRESS" -> {
          String now = "daemon deployment " + status + ": " + counts(d);
          if (!now.equals(last)) {
            progress.accept(now);
            last = now;
          }
        }
        default -> throw new StepFailure(failure(d, status));
      }
      if (System.nanoTime() > deadline) {
        throw new StepFailure("the daemon deployment is still " + status + " after " + timeout.toSeconds() + "s ("
            + counts(d) + "); apply stops waiting, ECS goes on deploying");
      }
      sleep();
    }
  }

  /** Waits until DescribeDaemon no longer finds the daemon (or finds it neither ACTIVE nor being deleted). */
  void waitDeleted(String daemonArn, Duration timeout, Consumer<String> progress) {
    long deadline = System.nanoTime() + timeout.toNanos();
    boolean said = false;
    while (true) {
      JsonNode d;
      try {
        d = api.call("ecs", "DescribeDaemon", JSON.objectNode().put("daemonArn", daemonArn)).path("daemon");
      } catch (ApiException e) {
        if (e.isNotFound()) {
          return;
        }
        throw e;
      }
      String status = d.path("status").asText("");
      if (!status.equals("ACTIVE") && !status.equals("DELETE_IN_PROGRESS")) {
        return;
      }
      if (!said) {
        progress.accept("waiting for the daemon's tasks to stop (" + status + ")");
        said = true;
      }
      if (System.nanoTime() > deadline) {
        throw new StepFailure("the daemon is still " + status + " after " + timeout.toSeconds() + "s");
      }
      sleep();
    }
  }

  private String newestDeployment(String daemonArn) {
    JsonNode list = api.call("ecs", "ListDaemonDeployments", JSON.objectNode().put("daemonArn", daemonArn))
        .path("daemonDeployments");
    String newest = null;
    double at = Double.NEGATIVE_INFINITY;
    for (JsonNode s : list) {
      double created = s.path("createdAt").asDouble(0);
      if (newest == null || created > at) {
        newest = s.path("daemonDeploymentArn").asText(null);
        at = created;
      }
    }
    return newest;
  }

  /** "2 of 4 instances on the new revision, 1 draining". */
  static String counts(JsonNode deployment) {
    JsonNode target = deployment.path("targetDaemonRevision");
    int running = target.path("totalRunningInstanceCount").asInt(0);
    int draining = target.path("totalDrainingInstanceCount").asInt(0);
    int old = 0;
    for (JsonNode source : deployment.path("sourceDaemonRevisions")) {
      old += source.path("totalRunningInstanceCount").asInt(0);
      draining += source.path("totalDrainingInstanceCount").asInt(0);
    }
    return running + " of " + (running + old) + " instances on the new revision"
        + (draining > 0 ? ", " + draining + " draining" : "");
  }

  /** Why a deployment that rolls back or stops failed, with what set it off. */
  static String failure(JsonNode d, String status) {
    List<String> why = new ArrayList<>();
    String reason = d.path("statusReason").asText("");
    if (!reason.isEmpty()) {
      why.add(reason);
    }
    String rollback = d.path("rollback").path("reason").asText("");
    if (!rollback.isEmpty() && !rollback.equals(reason)) {
      why.add(rollback);
    }
    if ("TRIGGERED".equals(d.path("circuitBreaker").path("status").asText())) {
      why.add("circuit breaker: " + d.path("circuitBreaker").path("failureCount").asInt(0) + " failed tasks (threshold "
          + d.path("circuitBreaker").path("threshold").asInt(0) + ")");
    }
    List<String> alarms = new ArrayList<>();
    d.path("alarms").path("triggeredAlarmNames").forEach(a -> alarms.add(a.asText()));
    if (!alarms.isEmpty()) {
      why.add("alarm " + String.join(", ", alarms) + " went off");
    }
    String what = status.startsWith("ROLLBACK") ? "the daemon deployment failed and rolls back (" + status + ")"
        : "the daemon deployment " + status;
    return what + (why.isEmpty() ? "" : ": " + String.join("; ", why));
  }

  private void sleep() {
    try {
      sleeper.sleep(poll);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StepFailure("interrupted");
    }
  }
}
