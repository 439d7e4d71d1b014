package io.ecsl.runtime.autoscaling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.runtime.engine.LoopStage;
import io.ecsl.runtime.engine.RuntimeState;
import io.ecsl.runtime.engine.ServiceEvents;
import io.ecsl.runtime.json.Json;
import io.ecsl.runtime.metrics.Datapoint;
import io.ecsl.runtime.metrics.Metric;
import io.ecsl.runtime.metrics.MetricHistory;
import io.ecsl.runtime.model.Arns;
import io.ecsl.runtime.model.DeploymentEntity;
import io.ecsl.runtime.model.Ids;
import io.ecsl.runtime.model.ScalingStateEntity;
import io.ecsl.runtime.model.ServiceEntity;
import io.ecsl.runtime.model.TaskEntity;
import io.ecsl.runtime.model.TaskStatus;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Application Auto Scaling for ECS services, once per loop pass: each scalable target of the ECS
 * namespace is read with its policies, scheduled actions and its service's metrics, the pure
 * {@link Autoscaler} decides, and its decision is applied as Application Auto Scaling applies one:
 * the service's desired count (which the service scheduler then follows), the target's bounds, a
 * scaling activity (DescribeScalingActivities) and, the runtime's addition (EMU), a service event.
 */
public final class ServiceAutoScaling implements LoopStage {
  private static final Logger LOG = Logger.getLogger(ServiceAutoScaling.class.getName());
  /** Activities kept per scalable target (AWS keeps six weeks). */
  static final int KEPT_ACTIVITIES = 100;
  static final String ECS_DIMENSION = "ecs:service:DesiredCount";

  private final RuntimeState state;
  private final MetricHistory metrics;
  private final Runnable wake;

  /** {@code wake} asks the control loop for a pass (the service scheduler acts on a new desired count). */
  public ServiceAutoScaling(RuntimeState state, MetricHistory metrics, Runnable wake) {
    this.state = state;
    this.metrics = metrics;
    this.wake = wake;
  }

  @Override
  public String name() {
    return "service auto scaling";
  }

  @Override
  public void run(Instant now) {
    boolean changed = state.atomically(() -> {
      boolean any = false;
      for (String id : state.scalableTargets.ids()) {
        ObjectNode target = state.scalableTargets.get(id);
        if ("ecs".equals(Json.text(target, "ServiceNamespace"))
            && ECS_DIMENSION.equals(Json.text(target, "ScalableDimension"))) {
          any |= scale(id, target, now);
        }
      }
      for (String id : state.scalingStates.ids()) {
        if (!state.scalableTargets.contains(id)) {
          state.scalingStates.remove(id); // deregistered
        }
      }
      return any;
    });
    if (changed) {
      wake.run();
    }
  }

  /** Scales one target; true when the desired count changed. */
  private boolean scale(String id, ObjectNode stored, Instant now) {
    String region = id.substring(0, id.indexOf('|'));
    String resourceId = Json.text(stored, "ResourceId");
    String[] parts = resourceId.split("/");
    ServiceEntity service = parts.length == 3 ? state.services.get(Arns.service(region, parts[1], parts[2])) : null;
    if (service == null || !ServiceEntity.ACTIVE.equals(service.status) || "DAEMON".equals(service.schedulingStrategy)) {
      return false; // Application Auto Scaling cannot set a desired count there; the target waits
    }
    JsonNode suspended = stored.path("SuspendedState");
    ScalableTarget target = new ScalableTarget(id, resourceId, Json.integer(stored, "MinCapacity", 0),
        Json.integer(stored, "MaxCapacity", 0), Json.bool(suspended, "DynamicScalingInSuspended", false),
        Json.bool(suspended, "DynamicScalingOutSuspended", false), Json.bool(suspended, "ScheduledScalingSuspended", false));
    List<ScalingPolicy> policies = new ArrayList<>();
    String requestsOf = null; // the target group whose requests per target a policy tracks
    for (ObjectNode policy : state.scalingPolicies.values()) {
      if (sameTarget(policy, region, resourceId)) {
        MetricAlarms.Watched stepAlarm = stepAlarm(policy, region, service);
        ScalingPolicy read = Policies.of(policy, stepAlarm == null ? null : stepAlarm.alarm());
        if (read != null) {
          policies.add(read);
        }
        if (read instanceof ScalingPolicy.TargetTracking t && t.metric() == Metric.REQUEST_COUNT_PER_TARGET
            && requestsOf == null) {
          requestsOf = targetGroupOf(policy, service);
        }
        if (stepAlarm != null && stepAlarm.targetGroup() != null && requestsOf == null) {
          requestsOf = targetGroupArn(state, stepAlarm.targetGroup());
        }
      }
    }
    List<ScheduledAction> actions = new ArrayList<>();
    for (String key : state.scheduledActions.ids()) {
      if (key.startsWith(id + "|")) {
        actions.add(scheduledAction(state.scheduledActions.get(key)));
      }
    }
    Map<Metric, List<Datapoint>> series = new EnumMap<>(Metric.class);
    for (Metric metric : Metric.values()) {
      series.put(metric, metric.perTargetGroup()
          ? requestsOf == null ? List.of() : metrics.targetGroupDatapoints(requestsOf, metric, now)
          : metrics.datapoints(service.clusterArn, service.serviceName, metric, now));
    }
    ScalingStateEntity memory = state.scalingStates.get(id);
    Autoscaler.Decision decision = Autoscaler.evaluate(new Autoscaler.Input(target, policies, actions,
        view(service), series, metrics.period(), memory, now));
    if (memory == null || !Json.tree(memory).equals(Json.tree(decision.state()))) {
      state.scalingStates.put(id, decision.state());
    }
    if (decision.min() != null) {
      ObjectNode updated = stored.deepCopy();
      updated.put("MinCapacity", decision.min());
      updated.put("MaxCapacity", decision.max());
      state.scalableTargets.put(id, updated);
    }
    for (ScalingActivity activity : decision.activities()) {
      record(id, stored, activity, now);
    }
    if (decision.desired() == null) {
      return false;
    }
    ServiceEntity scaled = service.copy();
    int before = scaled.desiredCount;
    scaled.desiredCount = decision.desired();
    for (ScalingActivity activity : decision.activities()) {
      if (activity.desiredTo() != null) {
        // EMU: ECS logs nothing for these; the runtime says what happened where `ecsl events` looks.
        ServiceEvents.add(scaled, "(service " + scaled.serviceName + ") Application Auto Scaling set the desired count"
            + " from " + activity.desiredFrom() + " to " + activity.desiredTo() + ": " + activity.cause() + ".", now);
      }
    }
    state.services.put(scaled.serviceArn, scaled);
    LOG.info("auto scaling: service " + scaled.serviceName + " desired count " + before + " -> " + scaled.desiredCount);
    return true;
  }

  /**
   * The CloudWatch alarm that invokes a step scaling policy: one whose actions name the policy's ARN
   * (actions enabled), on a metric the runtime measures for this service (its CPU or memory
   * utilization, or a target group's requests per target); null when none does, and the policy never acts.
   */
  private MetricAlarms.Watched stepAlarm(ObjectNode policy, String region, ServiceEntity service) {
    String arn = Json.text(policy, "PolicyARN");
    if (!"StepScaling".equals(Json.text(policy, "PolicyType", "StepScaling")) || arn == null) {
      return null;
    }
    String clusterName = Arns.lastSegment(service.clusterArn);
    for (String alarmArn : state.alarms.ids()) {
      ObjectNode alarm = state.alarms.get(alarmArn);
      if (!region.equals(Arns.regionOf(alarmArn)) || !Json.bool(alarm, "ActionsEnabled", true)
          || !Json.strings(alarm, "AlarmActions").contains(arn)) {
        continue;
      }
      MetricAlarms.Watched watched = MetricAlarms.of(alarm);
      if (watched != null && (watched.targetGroup() != null && targetGroupArn(state, watched.targetGroup()) != null
          || watched.targetGroup() == null && watched.watchesService(clusterName, service.serviceName))) {
        return watched;
      }
    }
    return null;
  }

  /**
   * The ARN of the target group {@code targetgroup/NAME/ID} (CloudWatch's TargetGroup dimension, the
   * tail of a resource label) names, or null when the runtime holds none.
   */
  static String targetGroupArn(RuntimeState state, String dimension) {
    String suffix = ":" + dimension;
    for (String arn : state.targetGroups.ids()) {
      if (arn.endsWith(suffix)) {
        return arn;
      }
    }
    return null;
  }

  /**
   * The target group an ALBRequestCountPerTarget policy measures: the one its resource label
   * ({@code app/LB/ID/targetgroup/TG/ID}) names, else the service's first load balancer's. Null
   * when the runtime holds no such group (one made elsewhere): the policy then has no data.
   */
  private String targetGroupOf(ObjectNode policy, ServiceEntity service) {
    JsonNode config = policy.path("TargetTrackingScalingPolicyConfiguration");
    String label = Json.text(config.path("PredefinedMetricSpecification"), "ResourceLabel");
    if (label == null) {
      for (JsonNode dimension : Json.list(config.path("CustomizedMetricSpecification"), "Dimensions")) {
        if ("TargetGroup".equals(Json.text(dimension, "Name"))) {
          label = "/" + Json.text(dimension, "Value"); // "targetgroup/TG/ID"
        }
      }
    }
    int at = label == null ? -1 : label.indexOf("targetgroup/");
    if (at >= 0) {
      return targetGroupArn(state, label.substring(at));
    }
    for (JsonNode lb : service.loadBalancers == null ? List.<JsonNode>of() : service.loadBalancers) {
      String arn = Json.text(lb, "targetGroupArn");
      if (arn != null && state.targetGroups.contains(arn)) {
        return arn;
      }
    }
    return null;
  }

  private ServiceView view(ServiceEntity service) {
    int running = 0;
    for (TaskEntity task : state.tasks.values()) {
      if (service.serviceName.equals(task.serviceName) && service.clusterArn.equals(task.clusterArn)
          && task.isActive() && TaskStatus.RUNNING.equals(task.lastStatus)) {
        running++;
      }
    }
    DeploymentEntity primary = service.primaryDeployment();
    boolean deploying = service.deployments.size() > 1
        || (primary != null && "IN_PROGRESS".equals(primary.rolloutState));
    return new ServiceView(service.serviceName, service.desiredCount, running, deploying);
  }

  private void record(String targetId, ObjectNode target, ScalingActivity activity, Instant now) {
    String activityId = Ids.uuid();
    ObjectNode out = Json.object();
    out.put("ActivityId", activityId);
    out.put("ServiceNamespace", Json.text(target, "ServiceNamespace"));
    out.put("ResourceId", Json.text(target, "ResourceId"));
    out.put("ScalableDimension", Json.text(target, "ScalableDimension"));
    out.put("Description", activity.description());
    out.put("Cause", activity.cause());
    out.set("StartTime", Json.timestamp(now));
    out.set("EndTime", Json.timestamp(now));
    out.put("StatusCode", activity.statusCode());
    out.put("StatusMessage", activity.statusMessage());
    state.scalingActivities.put(targetId + "|" + String.format("%019d", now.toEpochMilli()) + "|" + activityId, out);
    List<String> ofTarget = state.scalingActivities.ids().stream().filter(k -> k.startsWith(targetId + "|")).sorted()
        .toList();
    for (int i = 0; i < ofTarget.size() - KEPT_ACTIVITIES; i++) {
      state.scalingActivities.remove(ofTarget.get(i));
    }
  }

  static ScheduledAction scheduledAction(JsonNode stored) {
    String zone = Json.text(stored, "Timezone");
    ZoneId zoneId;
    try {
      zoneId = zone == null ? ZoneOffset.UTC : ZoneId.of(zone);
    } catch (java.time.DateTimeException e) {
      zoneId = ZoneOffset.UTC;
    }
    JsonNode action = stored.path("ScalableTargetAction");
    return new ScheduledAction(Json.text(stored, "ScheduledActionName"), Json.text(stored, "Schedule"), zoneId,
        instant(stored.get("StartTime")), instant(stored.get("EndTime")), Json.integer(action, "MinCapacity"),
        Json.integer(action, "MaxCapacity"));
  }

  private static Instant instant(JsonNode epochSeconds) {
    if (epochSeconds == null || epochSeconds.isNull()) {
      return null;
    }
    return Instant.ofEpochMilli(Math.round(epochSeconds.asDouble() * 1000));
  }

  private static boolean sameTarget(ObjectNode policy, String region, String resourceId) {
    return "ecs".equals(Json.text(policy, "ServiceNamespace")) && resourceId.equals(Json.text(policy, "ResourceId"))
        && ECS_DIMENSION.equals(Json.text(policy, "ScalableDimension"))
        && region.equals(Arns.regionOf(Json.text(policy, "PolicyARN")));
  }
}
