package io.ecsl.runtime.api.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.runtime.api.ApiException;
import io.ecsl.runtime.api.Pages;
import io.ecsl.runtime.api.RequestContext;
import io.ecsl.runtime.api.Requests;
import io.ecsl.runtime.deployments.ServiceDeployments;
import io.ecsl.runtime.deployments.StagedDeployment;
import io.ecsl.runtime.deployments.StagedState;
import io.ecsl.runtime.engine.ControlPlane;
import io.ecsl.runtime.engine.RuntimeState;
import io.ecsl.runtime.engine.ServiceEvents;
import io.ecsl.runtime.json.Json;
import io.ecsl.runtime.model.Arns;
import io.ecsl.runtime.model.DeploymentEntity;
import io.ecsl.runtime.model.Ids;
import io.ecsl.runtime.model.ServiceEntity;
import io.ecsl.runtime.model.TaskEntity;
import io.ecsl.runtime.model.TaskStatus;
import io.ecsl.runtime.scheduler.DeploymentMath;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * ListServiceDeployments, DescribeServiceDeployments, DescribeServiceRevisions,
 * StopServiceDeployment and ContinueServiceDeployment (integrations §1.4, §1.5).
 */
final class ServiceDeploymentOps {
  private static final String NOT_FOUND = "ServiceDeploymentNotFoundException";

  private final ControlPlane plane;
  private final RuntimeState state;
  private final EcsResolver resolver;

  ServiceDeploymentOps(ControlPlane plane, EcsResolver resolver) {
    this.plane = plane;
    this.state = plane.state();
    this.resolver = resolver;
  }

  JsonNode list(JsonNode request, RequestContext context) {
    String serviceName = Requests.required(request, "service");
    List<String> statuses = Json.strings(request, "status");
    Instant after = Json.instant(request.path("createdAt").get("after"));
    Instant before = Json.instant(request.path("createdAt").get("before"));
    return state.atomically(() -> {
      String clusterArn = resolver.existingClusterArn(context, Json.text(request, "cluster"));
      ServiceEntity service = resolver.service(context, clusterArn, serviceName);
      List<ObjectNode> all = new ArrayList<>(described(service));
      all.sort(Comparator.comparing((ObjectNode d) -> d.path("createdAt").decimalValue()).reversed());
      List<ObjectNode> briefs = new ArrayList<>();
      for (ObjectNode deployment : all) {
        Instant created = Json.instant(deployment.get("createdAt"));
        boolean matches = (statuses.isEmpty() || statuses.contains(Json.text(deployment, "status")))
            && (after == null || created.isAfter(after)) && (before == null || created.isBefore(before));
        if (matches) {
          briefs.add(ServiceDeployments.brief(deployment));
        }
      }
      Pages.Page<ObjectNode> page = Pages.of(briefs, Json.text(request, "nextToken"),
          Json.integer(request, "maxResults"), 20, 100, "InvalidParameterException");
      ObjectNode response = Json.object();
      ArrayNode out = response.putArray("serviceDeployments");
      page.items().forEach(out::add);
      Json.putIfPresent(response, "nextToken", page.nextToken());
      return response;
    });
  }

  JsonNode describe(JsonNode request, RequestContext context) {
    List<String> arns = Json.strings(request, "serviceDeploymentArns");
    if (arns.isEmpty() || arns.size() > 20) {
      throw ApiException.invalidParameter("DescribeServiceDeployments takes 1 to 20 serviceDeploymentArns; got "
          + arns.size() + ".");
    }
    return state.atomically(() -> {
      ObjectNode response = Json.object();
      ArrayNode found = response.putArray("serviceDeployments");
      ArrayNode failures = response.putArray("failures");
      for (String arn : arns) {
        ObjectNode deployment = find(context, arn);
        if (deployment == null) {
          failures.addObject().put("arn", arn).put("reason", "MISSING");
        } else {
          found.add(deployment);
        }
      }
      return response;
    });
  }

  JsonNode describeRevisions(JsonNode request, RequestContext context) {
    List<String> arns = Json.strings(request, "serviceRevisionArns");
    if (arns.isEmpty() || arns.size() > 20) {
      throw ApiException.invalidParameter("DescribeServiceRevisions takes 1 to 20 serviceRevisionArns; got "
          + arns.size() + ".");
    }
    return state.atomically(() -> {
      ObjectNode response = Json.object();
      ArrayNode found = response.putArray("serviceRevisions");
      ArrayNode failures = response.putArray("failures");
      for (String arn : arns) {
        ServiceEntity service = serviceOf(context, arn, ":service-revision/");
        ObjectNode revision = service == null ? null : service.revision(arn);
        if (revision == null) {
          failures.addObject().put("arn", arn).put("reason", "MISSING");
        } else {
          found.add(revision);
        }
      }
      return response;
    });
  }

  JsonNode stop(JsonNode request, RequestContext context) {
    String arn = Requests.required(request, "serviceDeploymentArn");
    String stopType = Json.text(request, "stopType", "ROLLBACK");
    if (!"ROLLBACK".equals(stopType)) {
      throw ApiException.invalidParameter("stopType " + stopType + " is not supported: the valid value is ROLLBACK"
          + " (the deployment is stopped by returning to the previous service revision).");
    }
    JsonNode response = state.atomically(() -> {
      ServiceEntity service = serviceOf(context, arn, ":service-deployment/");
      DeploymentEntity deployment = service == null ? null : service.anyDeployment(ServiceDeployments.deploymentIdOf(arn));
      if (deployment == null) {
        throw new ApiException(NOT_FOUND, "Service deployment not found: " + arn + " (list them with"
            + " ListServiceDeployments).");
      }
      service = service.copy();
      deployment = service.anyDeployment(deployment.id);
      String status = ServiceDeployments.status(service, deployment);
      if (!List.of("PENDING", "IN_PROGRESS").contains(status)) {
        throw new ApiException("ConflictException", "The service deployment " + arn + " is " + status
            + ": only a PENDING or IN_PROGRESS deployment can be stopped.");
      }
      if (deployment.stagedDeployment) {
        deployment.stopRequested = true;
      } else {
        rollBackRolling(service, deployment);
      }
      state.services.put(service.serviceArn, service);
      return Json.object().put("serviceDeploymentArn", arn);
    });
    plane.requestTick();
    return response;
  }

  /** A ROLLING deployment stopped: a new deployment returns to the last completed configuration at once. */
  private void rollBackRolling(ServiceEntity service, DeploymentEntity deployment) {
    if (service.lastCompletedDeployment == null || service.lastCompletedDeployment.id.equals(deployment.id)) {
      throw new ApiException("ConflictException", "The service " + service.serviceName + " has no completed"
          + " deployment to roll back to; update the service with the task definition you want instead.");
    }
    Instant now = plane.clock().instant();
    String reason = "Service deployment rolled back because of a StopServiceDeployment request.";
    String id = Ids.deploymentId();
    DeploymentEntity back = ServiceDeployments.rollbackDeployment(service, deployment, id, now);
    back.rolloutState = DeploymentEntity.IN_PROGRESS;
    back.rolloutStateReason = "ECS deployment " + id + " rolling back to deploymentId "
        + service.lastCompletedDeployment.id + ".";
    back.failedTasks = 0;
    back.lastFailureAt = null;
    deployment.status = DeploymentEntity.ACTIVE;
    deployment.rolloutState = DeploymentEntity.FAILED;
    deployment.rolloutStateReason = reason;
    deployment.stopReason = reason;
    deployment.updatedAt = now;
    for (DeploymentEntity other : service.deployments) {
      other.status = DeploymentEntity.ACTIVE;
    }
    service.deployments.add(0, back);
    service.taskDefinition = back.taskDefinition;
    service.consecutiveStartFailures = 0;
    service.launchNotBefore = null;
    service.steady = false;
    ServiceEvents.add(service, "(service " + service.serviceName + ") rolling back to deployment "
        + service.lastCompletedDeployment.id + ".", now);
  }

  JsonNode continueDeployment(JsonNode request, RequestContext context) {
    String arn = Requests.required(request, "serviceDeploymentArn");
    String hookId = Requests.required(request, "hookId");
    String action = Json.text(request, "action", "CONTINUE");
    if (!List.of("CONTINUE", "ROLLBACK").contains(action)) {
      throw ApiException.invalidParameter("action must be CONTINUE or ROLLBACK; got " + action + ".");
    }
    JsonNode response = state.atomically(() -> {
      ServiceEntity service = serviceOf(context, arn, ":service-deployment/");
      DeploymentEntity found = service == null ? null : service.anyDeployment(ServiceDeployments.deploymentIdOf(arn));
      if (found == null) {
        throw new ApiException(NOT_FOUND, "Service deployment not found: " + arn + " (list them with"
            + " ListServiceDeployments).");
      }
      service = service.copy();
      DeploymentEntity deployment = service.anyDeployment(found.id);
      List<String> awaiting = new ArrayList<>();
      if (deployment.staged != null && StagedState.IN_PROGRESS.equals(deployment.staged.status())) {
        for (StagedState.HookRun hook : deployment.staged.currentHooks()) {
          if (StagedState.HookRun.AWAITING_ACTION.equals(hook.status())) {
            awaiting.add(hook.hookId());
          }
        }
      }
      if (!awaiting.contains(hookId)) {
        throw ApiException.invalidParameter("The service deployment " + arn + " has no PAUSE hook " + hookId
            + " awaiting action" + (awaiting.isEmpty() ? " (none is waiting now)." : "; waiting: "
            + String.join(", ", awaiting) + "."));
      }
      deployment.answers = new ArrayList<>(deployment.answers);
      deployment.answers.add(new StagedDeployment.Answer(hookId, action));
      state.services.put(service.serviceArn, service);
      return Json.object().put("serviceDeploymentArn", arn);
    });
    plane.requestTick();
    return response;
  }

  /** The service a service-deployment or service-revision ARN names, or null. */
  private ServiceEntity serviceOf(RequestContext context, String arn, String kind) {
    int at = arn.indexOf(kind);
    if (!Arns.isArn(arn) || at < 0) {
      throw ApiException.invalidParameter("Not a " + kind.replace(":", "").replace("/", "") + " ARN: " + arn + ".");
    }
    String[] parts = arn.substring(at + kind.length()).split("/");
    if (parts.length != 3) {
      return null;
    }
    ServiceEntity service = state.services.get(Arns.service(Arns.regionOf(arn), parts[0], parts[1]));
    return service == null || !Arns.regionOf(arn).equals(context.region()) ? null : service;
  }

  private ObjectNode find(RequestContext context, String arn) {
    ServiceEntity service = serviceOf(context, arn, ":service-deployment/");
    if (service == null) {
      return null;
    }
    for (ObjectNode deployment : described(service)) {
      if (arn.equals(Json.text(deployment, "serviceDeploymentArn"))) {
        return deployment;
      }
    }
    return null;
  }

  /** The service's current deployments as service deployments, with their tasks counted. */
  private List<ObjectNode> described(ServiceEntity service) {
    Map<String, ServiceDeployments.Counts> counts = new HashMap<>();
    Map<String, int[]> tally = new HashMap<>();
    for (TaskEntity task : state.tasks.values()) {
      if (task.isActive() && service.serviceName.equals(task.serviceName) && service.clusterArn.equals(task.clusterArn)
          && task.deploymentId != null) {
        int[] t = tally.computeIfAbsent(task.deploymentId, k -> new int[2]);
        t[TaskStatus.RUNNING.equals(task.lastStatus) ? 0 : 1]++;
      }
    }
    tally.forEach((id, t) -> counts.put(id, new ServiceDeployments.Counts(t[0], t[1])));
    JsonNode breaker = service.deploymentConfiguration == null ? Json.object()
        : service.deploymentConfiguration.path("deploymentCircuitBreaker").path("thresholdConfiguration");
    int threshold = DeploymentMath.circuitBreakerThreshold(service.desiredCount, Json.text(breaker, "type"),
        Json.integer(breaker, "value"));
    List<ObjectNode> out = new ArrayList<>();
    for (DeploymentEntity deployment : service.deployments) {
      out.add(ServiceDeployments.describe(service, deployment, counts, service.desiredCount, threshold));
    }
    for (DeploymentEntity past : service.pastDeployments) {
      out.add(ServiceDeployments.describe(service, past, Map.of(), 0, threshold));
    }
    return out;
  }
}
