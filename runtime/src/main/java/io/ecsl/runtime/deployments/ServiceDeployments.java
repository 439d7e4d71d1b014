package io.ecsl.runtime.deployments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.runtime.json.Json;
import io.ecsl.runtime.model.Arns;
import io.ecsl.runtime.model.DeploymentEntity;
import io.ecsl.runtime.model.Ids;
import io.ecsl.runtime.model.ServiceEntity;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * The service deployment and service revision each runtime deployment is (integrations §1.5),
 * in the API's shapes, and its "ECS Deployment State Change" events (§8.4). One place reads a
 * deployment's status: the staged state for BLUE_GREEN, LINEAR and CANARY, the rollout state for
 * ROLLING.
 */
public final class ServiceDeployments {
  /** Past service deployments and deployment events kept per service. */
  public static final int KEPT = 100;

  private ServiceDeployments() {}

  /** The new revision's tasks, by state, for a {@code ServiceRevisionSummary}. */
  public record Counts(int running, int pending) {
    public static final Counts NONE = new Counts(0, 0);
  }

  /** **EMU** (the format is not documented): {@code service-deployment/CLUSTER/SERVICE/DIGITS}. */
  public static String arn(ServiceEntity service, String deploymentId) {
    return Arns.ecs(service.region, "service-deployment/" + service.clusterName + "/" + service.serviceName + "/"
        + digits(deploymentId));
  }

  /** {@code service-revision/CLUSTER/SERVICE/NUMBER}, the form AWS's examples show. */
  public static String revisionArn(ServiceEntity service, String deploymentId) {
    return Arns.ecs(service.region, "service-revision/" + service.clusterName + "/" + service.serviceName + "/"
        + digits(deploymentId));
  }

  /** The deployment id inside a service deployment ARN, or null when it is not one of this form. */
  public static String deploymentIdOf(String serviceDeploymentArn) {
    int at = serviceDeploymentArn.lastIndexOf('/');
    if (!serviceDeploymentArn.contains(":service-deployment/") || at < 0) {
      return null;
    }
    return "ecs-svc/" + serviceDeploymentArn.substring(at + 1);
  }

  private static String digits(String deploymentId) {
    return deploymentId.substring(deploymentId.indexOf('/') + 1);
  }

  /** The {@code ServiceDeploymentStatus} of a deployment of the service. */
  public static String status(ServiceEntity service, DeploymentEntity deployment) {
    if (deployment.stopRequested) {
      return "ROLLBACK_REQUESTED";
    }
    if (deployment.staged != null) {
      return deployment.staged.status();
    }
    if (deployment.stagedDeployment) {
      return "PENDING";
    }
    if (deployment.rolledBackBy != null) {
      DeploymentEntity back = service.anyDeployment(deployment.rolledBackBy);
      return back == null || DeploymentEntity.COMPLETED.equals(back.rolloutState) ? "ROLLBACK_SUCCESSFUL"
          : DeploymentEntity.FAILED.equals(back.rolloutState) ? "ROLLBACK_FAILED" : "ROLLBACK_IN_PROGRESS";
    }
    return switch (deployment.rolloutState) {
      case DeploymentEntity.COMPLETED -> "SUCCESSFUL";
      case DeploymentEntity.FAILED -> "STOPPED";
      default -> deployment.isPrimary() ? "IN_PROGRESS" : "STOPPED"; // one still rolling was superseded
    };
  }

  private static String statusReason(ServiceEntity service, DeploymentEntity deployment, String status) {
    if (deployment.staged != null) {
      return deployment.staged.statusReason();
    }
    if (deployment.stopReason != null) {
      return deployment.stopReason;
    }
    if (status.equals("STOPPED") && DeploymentEntity.IN_PROGRESS.equals(deployment.rolloutState)) {
      DeploymentEntity primary = service.primaryDeployment();
      return "Service deployment stopped: superseded by deployment " + (primary == null ? "" : primary.id) + ".";
    }
    return deployment.rolloutStateReason;
  }

  /** DescribeServiceDeployments' {@code ServiceDeployment}. */
  public static ObjectNode describe(ServiceEntity service, DeploymentEntity deployment, Map<String, Counts> counts,
      int desired, int circuitBreakerThreshold) {
    String status = status(service, deployment);
    ObjectNode out = Json.object();
    out.put("serviceDeploymentArn", arn(service, deployment.id));
    out.put("serviceArn", service.serviceArn);
    out.put("clusterArn", service.clusterArn);
    Json.putIfPresent(out, "createdAt", deployment.createdAt);
    Json.putIfPresent(out, "startedAt", deployment.staged != null ? deployment.staged.startedAt()
        : deployment.createdAt);
    Instant finished = finishedAt(deployment, status);
    Json.putIfPresent(out, "finishedAt", finished);
    if (status.startsWith("STOP")) {
      Json.putIfPresent(out, "stoppedAt", finished != null ? finished : deployment.updatedAt);
    }
    Json.putIfPresent(out, "updatedAt", deployment.updatedAt);
    ArrayNode sources = out.putArray("sourceServiceRevisions");
    for (String source : deployment.sourceRevisionArns) {
      DeploymentEntity of = byRevision(service, source);
      sources.add(summary(source, of == null ? Counts.NONE : counts.getOrDefault(of.id, Counts.NONE),
          of == null ? 0 : of.isPrimary() ? desired : counts.getOrDefault(of.id, Counts.NONE).running(),
          deployment.staged == null ? null : Double.valueOf(100 - deployment.staged.test()),
          deployment.staged == null ? null : Double.valueOf(100 - deployment.staged.production())));
    }
    boolean target = deployment.staged == null || !deployment.staged.ended() || "SUCCESSFUL".equals(status);
    out.set("targetServiceRevision", summary(deployment.revisionArn,
        counts.getOrDefault(deployment.id, Counts.NONE), deployment.isPrimary() && target ? desired : 0,
        deployment.staged == null ? null : Double.valueOf(deployment.staged.test()),
        deployment.staged != null ? Double.valueOf(deployment.staged.production())
            : DeploymentEntity.COMPLETED.equals(deployment.rolloutState) ? Double.valueOf(100) : null));
    out.put("status", status);
    Json.putIfPresent(out, "statusReason", statusReason(service, deployment, status));
    if (deployment.staged != null && deployment.staged.stage() != null) {
      out.put("lifecycleStage", StagedDeployment.reportedStage(deployment.staged));
    }
    if (deployment.staged != null) {
      ArrayNode hooks = out.putArray("lifecycleHookDetails");
      for (StagedState.HookRun hook : deployment.staged.currentHooks()) {
        ObjectNode h = hooks.addObject();
        h.put("hookId", hook.hookId());
        h.put("targetType", hook.targetType());
        Json.putIfPresent(h, "targetArn", hook.targetArn());
        h.put("status", hook.status());
        Json.putIfPresent(h, "expiresAt", hook.expiresAt());
        h.put("timeoutAction", hook.timeoutAction());
      }
    }
    Json.putIfPresent(out, "deploymentConfiguration", deployment.deploymentConfiguration);
    StagedState.Rollback rollback = deployment.staged == null ? null : deployment.staged.rollback();
    if (rollback != null) {
      ObjectNode r = out.putObject("rollback");
      r.put("reason", rollback.reason());
      Json.putIfPresent(r, "startedAt", rollback.startedAt());
      Json.putIfPresent(r, "serviceRevisionArn", rollback.serviceRevisionArn());
    } else if (deployment.rolledBackBy != null) {
      DeploymentEntity back = service.anyDeployment(deployment.rolledBackBy);
      ObjectNode r = out.putObject("rollback");
      r.put("reason", deployment.stopReason != null ? deployment.stopReason : deployment.rolloutStateReason);
      Json.putIfPresent(r, "startedAt", back == null ? deployment.updatedAt : back.createdAt);
      Json.putIfPresent(r, "serviceRevisionArn", back == null ? null : back.revisionArn);
    }
    JsonNode breaker = deployment.deploymentConfiguration == null ? Json.object()
        : deployment.deploymentConfiguration.path("deploymentCircuitBreaker");
    ObjectNode circuit = out.putObject("deploymentCircuitBreaker");
    boolean enabled = breaker.path("enable").asBoolean(false);
    circuit.put("status", !enabled ? "DISABLED"
        : DeploymentEntity.FAILED.equals(deployment.rolloutState) && deployment.failedTasks > 0 ? "TRIGGERED"
        : deployment.isPrimary() && DeploymentEntity.IN_PROGRESS.equals(deployment.rolloutState) ? "MONITORING"
        : "MONITORING_COMPLETE");
    circuit.put("failureCount", deployment.failedTasks);
    circuit.put("threshold", circuitBreakerThreshold);
    out.set("alarms", alarms(deployment));
    return out;
  }

  /**
   * The deployment's alarms monitor (integrations §1.5): DISABLED unless its configuration enables
   * alarms; TRIGGERED when they failed it; MONITORING while it is in progress (its bake included);
   * MONITORING_COMPLETE after. A rollback deployment watches none (docs/runtime-model.md).
   */
  private static ObjectNode alarms(DeploymentEntity deployment) {
    JsonNode config = deployment.deploymentConfiguration == null ? Json.object()
        : deployment.deploymentConfiguration.path("alarms");
    ObjectNode out = Json.object();
    boolean enabled = config.path("enable").asBoolean(false) && !config.path("alarmNames").isEmpty()
        && !deployment.rollback;
    out.put("status", !enabled ? "DISABLED"
        : !deployment.triggeredAlarms.isEmpty() ? "TRIGGERED"
        : deployment.isPrimary() && DeploymentEntity.IN_PROGRESS.equals(deployment.rolloutState) ? "MONITORING"
        : "MONITORING_COMPLETE");
    if (enabled) {
      var names = out.putArray("alarmNames");
      config.path("alarmNames").forEach(n -> names.add(n.asText()));
      var triggered = out.putArray("triggeredAlarmNames");
      deployment.triggeredAlarms.forEach(triggered::add);
    }
    return out;
  }

  private static Instant finishedAt(DeploymentEntity deployment, String status) {
    if (deployment.staged != null) {
      return deployment.staged.finishedAt();
    }
    return List.of("SUCCESSFUL", "STOPPED", "ROLLBACK_SUCCESSFUL", "ROLLBACK_FAILED").contains(status)
        ? deployment.updatedAt : null;
  }

  private static DeploymentEntity byRevision(ServiceEntity service, String revisionArn) {
    for (DeploymentEntity d : service.deployments) {
      if (revisionArn.equals(d.revisionArn)) {
        return d;
      }
    }
    return null;
  }

  private static ObjectNode summary(String arn, Counts counts, int requested, Double test, Double production) {
    ObjectNode out = Json.object();
    Json.putIfPresent(out, "arn", arn);
    out.put("requestedTaskCount", requested);
    out.put("runningTaskCount", counts.running());
    out.put("pendingTaskCount", counts.pending());
    if (test != null) {
      out.put("requestedTestTrafficWeight", test);
    }
    if (production != null) {
      out.put("requestedProductionTrafficWeight", production);
    }
    return out;
  }

  /** ListServiceDeployments' {@code ServiceDeploymentBrief} of a described one. */
  public static ObjectNode brief(JsonNode described) {
    ObjectNode out = Json.object();
    for (String member : List.of("serviceDeploymentArn", "serviceArn", "clusterArn", "startedAt", "createdAt",
        "finishedAt", "status", "statusReason")) {
      if (described.has(member)) {
        out.set(member, described.get(member));
      }
    }
    Json.putIfPresent(out, "targetServiceRevisionArn", described.path("targetServiceRevision").path("arn").asText(null));
    return out;
  }

  /** DescribeServiceRevisions' {@code ServiceRevision} of a new deployment (its configuration, frozen). */
  public static ObjectNode revision(ServiceEntity service, DeploymentEntity deployment, JsonNode taskDefinition) {
    ObjectNode out = Json.object();
    out.put("serviceRevisionArn", deployment.revisionArn);
    out.put("serviceArn", service.serviceArn);
    out.put("clusterArn", service.clusterArn);
    out.put("taskDefinition", deployment.taskDefinition);
    Json.putIfPresent(out, "capacityProviderStrategy", deployment.capacityProviderStrategy);
    Json.putIfPresent(out, "launchType", deployment.launchType);
    Json.putIfPresent(out, "platformVersion", deployment.platformVersion);
    Json.putIfPresent(out, "platformFamily", deployment.platformFamily);
    Json.putIfPresent(out, "loadBalancers", service.loadBalancers);
    Json.putIfPresent(out, "serviceRegistries", service.serviceRegistries);
    Json.putIfPresent(out, "networkConfiguration", deployment.networkConfiguration);
    ArrayNode images = out.putArray("containerImages");
    for (JsonNode container : taskDefinition == null ? Json.array() : taskDefinition.path("containerDefinitions")) {
      ObjectNode image = images.addObject();
      image.put("containerName", container.path("name").asText());
      image.put("image", container.path("image").asText());
    }
    out.put("guardDutyEnabled", false);
    Json.putIfPresent(out, "serviceConnectConfiguration", deployment.serviceConnectConfiguration);
    Json.putIfPresent(out, "volumeConfigurations", deployment.volumeConfigurations);
    Json.putIfPresent(out, "createdAt", deployment.createdAt);
    Json.putIfPresent(out, "vpcLatticeConfigurations", deployment.vpcLatticeConfigurations);
    ArrayNode resolved = Json.array();
    JsonNode entries = service.loadBalancers == null ? Json.array() : service.loadBalancers;
    for (int i = 0; i < entries.size(); i++) {
      JsonNode rule = entries.get(i).path("advancedConfiguration").path("productionListenerRule");
      String tg = deployment.targetGroupArns != null && i < deployment.targetGroupArns.size()
          ? deployment.targetGroupArns.get(i) : entries.get(i).path("targetGroupArn").asText(null);
      if (tg != null) {
        ObjectNode lb = resolved.addObject().put("targetGroupArn", tg);
        if (!rule.isMissingNode()) {
          lb.put("productionListenerRule", rule.asText());
        }
      }
    }
    if (!resolved.isEmpty()) {
      out.putObject("resolvedConfiguration").set("loadBalancers", resolved);
    }
    return out;
  }

  /**
   * An "ECS Deployment State Change" event (§8.4) for a deployment whose service deployment status
   * became {@code status}, or null for a status that announces nothing.
   */
  public static ObjectNode stateChange(ServiceEntity service, DeploymentEntity deployment, String status,
      String reason, Instant now) {
    String name;
    String type = "INFO";
    switch (status) {
      case "IN_PROGRESS" -> name = "SERVICE_DEPLOYMENT_IN_PROGRESS";
      case "SUCCESSFUL" -> name = "SERVICE_DEPLOYMENT_COMPLETED";
      case "ROLLBACK_IN_PROGRESS", "ROLLBACK_FAILED", "STOPPED" -> {
        if (status.equals("STOPPED") && !DeploymentEntity.FAILED.equals(deployment.rolloutState)) {
          return null; // superseded by a newer deployment: not a failure
        }
        name = "SERVICE_DEPLOYMENT_FAILED";
        type = "ERROR";
      }
      default -> {
        return null;
      }
    }
    String time = DateTimeFormatter.ISO_INSTANT.format(now.truncatedTo(ChronoUnit.SECONDS));
    ObjectNode event = Json.object();
    event.put("version", "0");
    event.put("id", Ids.uuid());
    event.put("detail-type", "ECS Deployment State Change");
    event.put("source", "aws.ecs");
    event.put("account", Arns.ACCOUNT);
    event.put("time", time);
    event.put("region", service.region);
    event.putArray("resources").add(service.serviceArn);
    ObjectNode detail = event.putObject("detail");
    detail.put("eventType", type);
    detail.put("eventName", name);
    detail.put("deploymentId", deployment.id);
    detail.put("updatedAt", DateTimeFormatter.ISO_INSTANT.format(now));
    detail.put("reason", reason != null ? reason : "ECS deployment " + deployment.id
        + (status.equals("SUCCESSFUL") ? " completed." : " in progress."));
    return event;
  }

  /**
   * A ROLLING rollback's new deployment: the last COMPLETED configuration (and its revision) as a
   * new PRIMARY deployment, which the failed one records as the one that rolled it back.
   */
  public static DeploymentEntity rollbackDeployment(ServiceEntity service, DeploymentEntity failed, String id,
      Instant now) {
    DeploymentEntity deployment = service.lastCompletedDeployment.copy();
    deployment.id = id;
    deployment.status = DeploymentEntity.PRIMARY;
    deployment.createdAt = now;
    deployment.updatedAt = now;
    deployment.sourceDeploymentId = failed == null ? null : failed.id;
    deployment.sourceRevisionArns = new java.util.ArrayList<>(failed == null || failed.revisionArn == null ? List.of()
        : List.of(failed.revisionArn));
    deployment.staged = null;
    deployment.stagedDeployment = false;
    deployment.announcedStatus = null;
    deployment.rolledBackBy = null;
    deployment.stopReason = null;
    deployment.stopRequested = false;
    deployment.answers = new java.util.ArrayList<>();
    deployment.rollback = true;
    deployment.triggeredAlarms = new java.util.ArrayList<>();
    deployment.bakeStartedAt = null;
    if (failed != null) {
      failed.rolledBackBy = id;
    }
    return deployment;
  }

  /** Announces each deployment whose status changed since it was last announced. */
  public static void announce(ServiceEntity service, Instant now) {
    for (DeploymentEntity deployment : service.deployments) {
      announce(service, deployment, now);
    }
  }

  public static void announce(ServiceEntity service, DeploymentEntity deployment, Instant now) {
    String status = status(service, deployment);
    if (status.equals(deployment.announcedStatus)) {
      return;
    }
    deployment.announcedStatus = status;
    ObjectNode event = stateChange(service, deployment, status, statusReason(service, deployment, status), now);
    if (event != null) {
      service.deploymentEvents.add(0, event);
      trim(service.deploymentEvents);
    }
  }

  /**
   * Keeps a deployment leaving the service's list (its last task gone) describable. A staged
   * rollback ends there: the new revision has no task left.
   */
  public static void archive(ServiceEntity service, DeploymentEntity deployment, Instant now) {
    if (deployment.staged != null && StagedState.ROLLBACK_IN_PROGRESS.equals(deployment.staged.status())) {
      deployment.staged = deployment.staged.withStatus(StagedState.ROLLBACK_SUCCESSFUL,
          deployment.staged.statusReason(), now);
    }
    deployment.status = "INACTIVE";
    announce(service, deployment, now);
    service.pastDeployments.add(0, deployment);
    trim(service.pastDeployments);
  }

  private static <T> void trim(List<T> list) {
    while (list.size() > KEPT) {
      list.remove(list.size() - 1);
    }
  }
}
