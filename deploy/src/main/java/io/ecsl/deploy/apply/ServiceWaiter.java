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

  /**
   * The deployment a wait is about: the one the CreateService or UpdateService call started.
   *
   * @param id the deployment id ({@code ecs-svc/…})
   * @param taskDefinition the task definition it deploys
   */
  record Watched(String id, String taskDefinition) {
    /** The PRIMARY deployment of a service description, or null when it has no id. */
    static Watched primaryOf(JsonNode service) {
      JsonNode p = primary(service);
      String id = p.path("id").asText(null);
      return id == null ? null : new Watched(id, p.path("taskDefinition").asText(null));
    }
  }

  void waitStable(String cluster, String service, Duration timeout, Consumer<String> progress) {
    waitStable(cluster, service, null, timeout, progress);
  }

  /**
   * Waits for {@code watched} (null: the deployment PRIMARY at the first poll) to complete. Steady is
   * not enough: when the circuit breaker rolls a deployment back, ECS starts another deployment of
   * the previous task definition, which then becomes steady; that is a failed apply.
   */
  void waitStable(String cluster, String service, Watched watched, Duration timeout, Consumer<String> progress) {
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = null;
    while (true) {
      JsonNode s = describe(cluster, service);
      if (s == null) {
        throw new StepFailure("service " + cluster + "/" + service + " disappeared while waiting for it to be stable");
      }
      if (last == null && followServiceDeployment(cluster, service, s, deadline, timeout, progress)) {
        return;
      }
      JsonNode primary = primary(s);
      if (watched == null) {
        watched = Watched.primaryOf(s);
      } else if (!watched.id().equals(primary.path("id").asText(watched.id()))) {
        throw new StepFailure(replaced(cluster, service, s, watched, primary));
      }
      String rollout = primary.path("rolloutState").asText("");
      int desired = s.path("desiredCount").asInt();
      int running = s.path("runningCount").asInt();
      int deployments = s.path("deployments").size();
      if (rollout.equals("FAILED")) {
        String reason = withoutFinalStop(primary.path("rolloutStateReason").asText("rollout FAILED"));
        throw new StepFailure("deployment failed: " + reason + stoppedReasons(cluster, service, primary));
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

  /**
   * A BLUE_GREEN, LINEAR or CANARY service is followed through its service deployment
   * (ListServiceDeployments, DescribeServiceDeployments): each stage, traffic step, bake and PAUSE
   * hook is printed as it happens, and a rollback fails at once with ECS's reason. False when the
   * service deploys ROLLING or the endpoint has no service deployments (moto): the caller then
   * follows the service's own deployments.
   */
  private boolean followServiceDeployment(String cluster, String service, JsonNode s, long deadline, Duration timeout,
      Consumer<String> progress) {
    if (s.path("deploymentConfiguration").path("strategy").asText("ROLLING").equals("ROLLING")) {
      return false;
    }
    String arn = null;
    try {
      ObjectNode list = JSON.objectNode().put("cluster", cluster).put("service", service);
      for (JsonNode brief : api.call("ecs", "ListServiceDeployments", list).path("serviceDeployments")) {
        String status = brief.path("status").asText();
        if (arn == null || status.equals("IN_PROGRESS") || status.equals("PENDING")) {
          arn = brief.path("serviceDeploymentArn").asText(null);
          if (status.equals("IN_PROGRESS") || status.equals("PENDING")) {
            break;
          }
        }
      }
    } catch (io.ecsl.deploy.target.ApiException e) {
      return false;
    }
    if (arn == null) {
      return false;
    }
    DeploymentFollower.Seen seen = DeploymentFollower.Seen.NOTHING;
    boolean testRoute = DeploymentFollower.hasTestRoute(s);
    while (true) {
      ObjectNode describe = JSON.objectNode();
      describe.putArray("serviceDeploymentArns").add(arn);
      JsonNode deployment = api.call("ecs", "DescribeServiceDeployments", describe).path("serviceDeployments").path(0);
      DeploymentFollower.Observation o = DeploymentFollower.observe(seen, deployment, testRoute);
      o.lines().forEach(progress);
      seen = o.seen();
      switch (o.outcome()) {
        case SUCCEEDED -> {
          return true;
        }
        case FAILED -> {
          String stopped = revisionStoppedReasons(cluster, service, deployment);
          throw new StepFailure(stopped.isEmpty() ? o.failure() : withoutFinalStop(o.failure()) + stopped);
        }
        default -> {}
      }
      if (System.nanoTime() > deadline) {
        throw new StepFailure("the deployment " + arn + " did not finish within " + human(timeout) + " (now at "
            + deployment.path("lifecycleStage").asText("?") + "). Raise --wait-timeout, or use --no-wait");
      }
      sleep();
    }
  }

  /**
   * Why the new revision's tasks stopped ("Essential container in task exited; app: exit code 1"),
   * read from its service revision's task definition: the rollback's reason says that the
   * deployment failed, these say what the user has to fix.
   */
  private String revisionStoppedReasons(String cluster, String service, JsonNode deployment) {
    String revision = deployment.path("targetServiceRevision").path("arn").asText("");
    if (revision.isEmpty()) {
      return "";
    }
    try {
      ObjectNode describe = JSON.objectNode();
      describe.putArray("serviceRevisionArns").add(revision);
      String td = api.call("ecs", "DescribeServiceRevisions", describe).path("serviceRevisions").path(0)
          .path("taskDefinition").asText("");
      return td.isEmpty() ? "" : stoppedReasons(cluster, service, JSON.objectNode().put("taskDefinition", td));
    } catch (RuntimeException e) {
      return ""; // the rollback is what matters; its details are a best effort
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

  /** Why the watched deployment is no longer PRIMARY: a rollback (with its reason), or another update. */
  private String replaced(String cluster, String service, JsonNode s, Watched watched, JsonNode primary) {
    String now = shortTaskDefinition(primary.path("taskDefinition").asText("another task definition"));
    String reason = failureReason(s, watched.id());
    if (reason == null) {
      return "deployment " + watched.id() + " was replaced before it completed (the service now deploys " + now
          + "): another update of this service ran at the same time";
    }
    ObjectNode ours = JSON.objectNode();
    ours.put("id", watched.id());
    if (watched.taskDefinition() != null) {
      ours.put("taskDefinition", watched.taskDefinition());
    }
    return "deployment failed: " + reason + "; ECS rolled back to " + now + stoppedReasons(cluster, service, ours);
  }

  /**
   * Why a deployment failed: its rolloutStateReason while ECS still lists it, else the event that
   * says so; worded the same either way ("tasks failed to start"), so what apply says does not
   * depend on whether a poll caught the rollback before ECS dropped the failed deployment.
   */
  static String failureReason(JsonNode service, String id) {
    for (JsonNode d : service.path("deployments")) {
      if (id.equals(d.path("id").asText()) && d.path("rolloutState").asText().equals("FAILED")) {
        // "ECS deployment alarms: web-5xx in ALARM state." reads as its event does: "alarm web-5xx in ALARM state"
        return withoutFinalStop(d.path("rolloutStateReason").asText("rollout FAILED")
            .replaceFirst("^ECS deployment circuit breaker:\\s*", "")
            .replaceFirst("^ECS deployment alarms:\\s*", "alarm ").strip());
      }
    }
    // "(service web) (deployment ecs-svc/123) deployment failed: tasks failed to start."
    for (JsonNode e : service.path("events")) {
      String message = e.path("message").asText();
      int at = message.indexOf("deployment failed");
      if (at >= 0 && message.contains(id)) {
        String why = message.substring(at + "deployment failed".length()).replaceFirst("^:\\s*", "").strip();
        why = withoutFinalStop(why);
        return why.isEmpty() ? "rollout FAILED" : why;
      }
    }
    return null;
  }

  /** ECS ends its reasons with a full stop; ours go on after a semicolon. */
  private static String withoutFinalStop(String reason) {
    return reason.endsWith(".") ? reason.substring(0, reason.length() - 1) : reason;
  }

  /** {@code web:7} for {@code arn:aws:ecs:…:task-definition/web:7}. */
  private static String shortTaskDefinition(String arn) {
    int slash = arn.lastIndexOf('/');
    return slash >= 0 && arn.startsWith("arn:") ? arn.substring(slash + 1) : arn;
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
      String id = deployment.path("id").asText(null);
      for (JsonNode t : api.call("ecs", "DescribeTasks", describe).path("tasks")) {
        if (td != null && !td.equals(t.path("taskDefinitionArn").asText(td))) {
          continue;
        }
        // ECS marks a service's tasks with their deployment: an earlier deployment of the same
        // revision is another story. Tasks the scheduler stopped itself (scaling in, rolling back)
        // are not what failed.
        if (id != null && t.hasNonNull("startedBy") && t.path("startedBy").asText().startsWith("ecs-svc/")
            && !id.equals(t.path("startedBy").asText())
            || t.path("stoppedReason").asText().startsWith("Scaling activity initiated by")) {
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
