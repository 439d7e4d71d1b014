package io.ecsl.runtime.daemons;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.runtime.engine.RuntimeState;
import io.ecsl.runtime.json.Json;
import io.ecsl.runtime.model.Arns;
import io.ecsl.runtime.model.ContainerInstanceEntity;
import io.ecsl.runtime.model.DaemonEntity;
import io.ecsl.runtime.model.TaskEntity;
import io.ecsl.runtime.model.TaskStatus;
import io.ecsl.runtime.scheduler.DeploymentMath;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A daemon, its deployments and revisions in the API's shapes (DescribeDaemon, Describe/ListDaemonDeployments),
 * counted from where its tasks run. Pure but for {@link #placements}, which reads the state.
 */
public final class DaemonDeployments {
  private DaemonDeployments() {}

  /** One daemon task on its instance: the revision it runs, the instance's provider, and the instance's state. */
  public record Placement(String revisionArn, String capacityProviderArn, boolean running, boolean draining) {}

  /** Where the daemon's live tasks are (callers hold the state lock). */
  public static List<Placement> placements(RuntimeState state, DaemonEntity daemon) {
    List<Placement> out = new ArrayList<>();
    for (TaskEntity task : state.tasks.values()) {
      if (!daemon.daemonArn.equals(task.daemonArn) || task.isStopped() || task.daemonRevisionArn == null) {
        continue;
      }
      ContainerInstanceEntity instance = task.containerInstanceArn == null ? null
          : state.containerInstances.get(task.containerInstanceArn);
      String provider = task.capacityProviderName == null ? null
          : Arns.capacityProvider(daemon.region, task.capacityProviderName);
      boolean draining = instance != null && ContainerInstanceEntity.DRAINING.equals(instance.status);
      out.add(new Placement(task.daemonRevisionArn, provider, TaskStatus.RUNNING.equals(task.lastStatus)
          && task.isActive(), draining));
    }
    return out;
  }

  /** Ends a deployment that will not finish: replaced, deleted, or stopped. */
  public static void stop(DaemonEntity.Deployment deployment, String reason, Instant now) {
    deployment.status = DaemonEntity.Deployment.STOPPED;
    deployment.statusReason = reason;
    deployment.stoppedAt = now;
    deployment.drainingInstanceArns = new ArrayList<>();
  }

  /** DescribeDaemon's DaemonDetail: the revisions that run somewhere (or the desired one), counted by provider. */
  public static ObjectNode detail(DaemonEntity daemon, List<Placement> placements) {
    ObjectNode detail = Json.object();
    detail.put("daemonArn", daemon.daemonArn);
    detail.put("clusterArn", daemon.clusterArn);
    detail.put("status", daemon.status);
    Set<String> revisions = new LinkedHashSet<>();
    String desired = daemon.desiredRevisionArn();
    if (desired != null && daemon.isActive()) {
      revisions.add(desired);
    }
    placements.forEach(p -> revisions.add(p.revisionArn()));
    ArrayNode current = detail.putArray("currentRevisions");
    for (String revision : revisions) {
      ObjectNode item = current.addObject();
      item.put("arn", revision);
      ArrayNode providers = item.putArray("capacityProviders");
      int total = 0;
      for (String provider : providersOf(daemon, placements)) {
        int running = (int) placements.stream().filter(p -> p.running() && revision.equals(p.revisionArn())
            && provider.equals(p.capacityProviderArn())).count();
        providers.addObject().put("arn", provider).put("runningCount", running);
        total += running;
      }
      item.put("totalRunningCount", total);
    }
    if (!daemon.deployments.isEmpty()) {
      detail.put("deploymentArn", daemon.deployments.get(0).daemonDeploymentArn);
    }
    detail.set("createdAt", Json.timestamp(daemon.createdAt));
    detail.set("updatedAt", Json.timestamp(daemon.updatedAt));
    return detail;
  }

  private static List<String> providersOf(DaemonEntity daemon, List<Placement> placements) {
    Set<String> providers = new LinkedHashSet<>(daemon.capacityProviderArns);
    placements.stream().map(Placement::capacityProviderArn).filter(p -> p != null).forEach(providers::add);
    return new ArrayList<>(providers);
  }

  /** DescribeDaemonDeployments' DaemonDeployment. */
  public static ObjectNode describe(DaemonEntity daemon, DaemonEntity.Deployment deployment, List<Placement> placements) {
    ObjectNode out = Json.object();
    out.put("daemonDeploymentArn", deployment.daemonDeploymentArn);
    out.put("clusterArn", daemon.clusterArn);
    out.put("status", deployment.status);
    Json.putIfPresent(out, "statusReason", deployment.statusReason);
    // Counts are live only while the deployment runs; a finished one shows what it moved to.
    List<Placement> counted = deployment.isActive() || DaemonEntity.Deployment.SUCCESSFUL.equals(deployment.status)
        ? placements : List.of();
    out.set("targetDaemonRevision", revisionDetail(deployment.targetRevisionArn, deployment.capacityProviderArns, counted));
    ArrayNode sources = out.putArray("sourceDaemonRevisions");
    for (String source : deployment.sourceRevisionArns) {
      sources.add(revisionDetail(source, deployment.capacityProviderArns, counted));
    }
    int instances = (int) placements.stream().filter(Placement::running).count();
    ObjectNode breaker = out.putObject("circuitBreaker");
    breaker.put("failureCount", deployment.failureCount);
    breaker.put("status", monitorStatus(deployment, true));
    breaker.put("threshold", DeploymentMath.circuitBreakerThreshold(instances, null, null));
    ObjectNode alarms = out.putObject("alarms");
    boolean alarmsOn = deployment.deploymentConfiguration != null
        && Json.bool(deployment.deploymentConfiguration.path("alarms"), "enable", false);
    alarms.put("status", !alarmsOn ? "DISABLED" : !deployment.triggeredAlarms.isEmpty() ? "TRIGGERED"
        : deployment.isActive() ? "MONITORING" : "MONITORING_COMPLETE");
    alarms.set("alarmNames", deployment.deploymentConfiguration == null ? Json.array()
        : Json.arrayOf(Json.strings(deployment.deploymentConfiguration.path("alarms"), "alarmNames")));
    alarms.set("triggeredAlarmNames", Json.arrayOf(deployment.triggeredAlarms));
    if (deployment.rollback != null) {
      out.set("rollback", deployment.rollback.deepCopy());
    }
    if (deployment.deploymentConfiguration != null) {
      out.set("deploymentConfiguration", deployment.deploymentConfiguration.deepCopy());
    }
    out.set("createdAt", Json.timestamp(deployment.createdAt));
    Json.putIfPresent(out, "startedAt", deployment.startedAt);
    Json.putIfPresent(out, "stoppedAt", deployment.stoppedAt);
    Json.putIfPresent(out, "finishedAt", deployment.finishedAt);
    return out;
  }

  private static String monitorStatus(DaemonEntity.Deployment deployment, boolean enabled) {
    if (!enabled) {
      return "DISABLED";
    }
    if (deployment.rollback != null && deployment.failureCount > 0) {
      return "TRIGGERED";
    }
    return deployment.isActive() ? "MONITORING" : "MONITORING_COMPLETE";
  }

  private static ObjectNode revisionDetail(String revisionArn, List<String> providers, List<Placement> placements) {
    ObjectNode out = Json.object();
    out.put("arn", revisionArn);
    ArrayNode list = out.putArray("capacityProviders");
    int running = 0;
    int draining = 0;
    for (String provider : providers) {
      int r = 0;
      int d = 0;
      for (Placement p : placements) {
        if (revisionArn.equals(p.revisionArn()) && provider.equals(p.capacityProviderArn())) {
          if (p.draining()) {
            d++;
          } else if (p.running()) {
            r++;
          }
        }
      }
      list.addObject().put("arn", provider).put("runningInstanceCount", r).put("drainingInstanceCount", d);
      running += r;
      draining += d;
    }
    out.put("totalRunningInstanceCount", running);
    out.put("totalDrainingInstanceCount", draining);
    return out;
  }

  /** ListDaemonDeployments' DaemonDeploymentSummary. */
  public static ObjectNode summary(DaemonEntity daemon, DaemonEntity.Deployment deployment) {
    ObjectNode out = Json.object();
    out.put("daemonDeploymentArn", deployment.daemonDeploymentArn);
    out.put("daemonArn", daemon.daemonArn);
    out.put("clusterArn", daemon.clusterArn);
    out.put("status", deployment.status);
    Json.putIfPresent(out, "statusReason", deployment.statusReason);
    out.put("targetDaemonRevisionArn", deployment.targetRevisionArn);
    out.set("createdAt", Json.timestamp(deployment.createdAt));
    Json.putIfPresent(out, "startedAt", deployment.startedAt);
    Json.putIfPresent(out, "stoppedAt", deployment.stoppedAt);
    Json.putIfPresent(out, "finishedAt", deployment.finishedAt);
    return out;
  }
}
