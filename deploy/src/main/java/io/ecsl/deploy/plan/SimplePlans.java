package io.ecsl.deploy.plan;

import static io.ecsl.deploy.plan.PlanContext.obj;
import static io.ecsl.deploy.plan.PlanContext.step;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.deploy.diff.FieldChange;
import io.ecsl.deploy.state.LiveResource;
import io.ecsl.deploy.state.ResourceId;
import io.ecsl.model.ApiRequest;
import io.ecsl.model.Resource;
import io.ecsl.model.ResourceKind;
import io.ecsl.schema.Shape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The kinds whose API has upsert calls or small update calls: capacity providers, Cloud Map
 * namespaces and discovery services, EventBridge schedules (rule + targets), service scaling (scalable target + policies)
 * and account settings.
 */
final class SimplePlans {
  private SimplePlans() {}

  /** Per-request comparison of a multi-request resource. */
  private record Compared(Map<String, Comparison> byKey, List<FieldChange> changes, List<IgnoredField> ignored) {}

  private static Compared compare(Resource declared, LiveResource live) {
    Map<String, Comparison> byKey = new LinkedHashMap<>();
    List<FieldChange> changes = new ArrayList<>();
    List<IgnoredField> ignored = new ArrayList<>();
    boolean first = true;
    for (ApiRequest r : declared.requests()) {
      Shape shape = PlanContext.shape(r);
      ObjectNode liveBody = live == null ? null : live.requests().get(PlanContext.key(r));
      ObjectNode declaredBody = r.body();
      if (declared.kind() == ResourceKind.SCALING) {
        declaredBody = Comparison.withoutTags(declaredBody, shape); // tags set at creation only
      }
      Comparison c = declared.kind() == ResourceKind.DISCOVERY_SERVICE
          ? Comparison.of(shape, declaredBody, liveBody, declared.ownedElsewhere(), customCheck(declaredBody),
              customCheck(liveBody))
          : Comparison.of(shape, declaredBody, liveBody, first ? declared.ownedElsewhere() : Map.of());
      first = false;
      byKey.put(PlanContext.key(r), c);
      ignored.addAll(c.ignored());
      if (live != null && liveBody == null) {
        changes.add(new FieldChange("/" + PlanContext.key(r), PlanContext.key(r), null,
            io.ecsl.deploy.diff.Masking.maskSecretNames(r.body()), false));
      } else {
        String prefix = declared.requests().size() > 1 ? PlanContext.key(r) + ":" : "";
        c.changes().forEach(fc -> changes.add(new FieldChange(fc.pointer(), prefix + fc.path(), fc.before(), fc.after(),
            fc.sensitive())));
      }
    }
    if (live != null) {
      for (String key : live.requests().keySet()) {
        if (!byKey.containsKey(key) && !(declared.kind() == ResourceKind.ACCOUNT_SETTING)) {
          changes.add(new FieldChange("/" + key, key, io.ecsl.deploy.diff.Masking.maskSecretNames(live.requests().get(key)),
              null, false));
        }
      }
    }
    return new Compared(byKey, changes, ignored);
  }

  /**
   * A Cloud Map service's custom health check as compared: there or not, with Cloud Map's threshold
   * (it answers 1 whatever was sent: {@code health_check = custom} sends {} ).
   */
  private static Map<String, JsonNode> customCheck(ObjectNode body) {
    if (body == null || !body.path("HealthCheckCustomConfig").isObject()) {
      return Map.of();
    }
    return Map.of("HealthCheckCustomConfig", obj().put("FailureThreshold",
        io.ecsl.facts.cloudmap.DiscoveryServiceFacts.CUSTOM_FAILURE_THRESHOLD));
  }

  static ResourcePlan plan(PlanContext ctx, Resource declared, LiveResource live, List<String> dependsOn) {
    ResourceId id = ResourceId.of(declared);
    String source = PlanContext.source(declared);
    Compared cmp = compare(declared, live);
    ApiRequest primary = declared.primary();
    Shape primaryShape = PlanContext.shape(primary);
    if (live == null) {
      List<Step> steps = new ArrayList<>();
      for (ApiRequest r : declared.requests()) {
        ObjectNode body = cmp.byKey().get(PlanContext.key(r)).effective();
        boolean tagged = r == primary && declared.kind() != ResourceKind.ACCOUNT_SETTING;
        steps.add(step(r.service(), r.operation(), SchedulerOwner.isSchedule(r) ? SchedulerOwner.mark(body, ctx.project)
            : tagged ? Tags.withOwner(body, PlanContext.shape(r), ctx.project) : body));
      }
      waitForExpress(declared, steps);
      return new ResourcePlan(id, Action.CREATE, List.of(), List.of(), cmp.ignored(), dependsOn, null, source,
          declared.ownedElsewhere(), steps);
    }
    ResourcePlan.Observed observed = ctx.observed(live.version(), live, declared.ownedElsewhere(), cmp.byKey());
    List<FieldChange> all = new ArrayList<>(cmp.changes());
    Map<String, String> desiredTags = Tags.desired(primary.body(), primaryShape, ctx.project);
    boolean tagsCompared = Tags.member(primaryShape) != null && declared.kind() != ResourceKind.SCALING
        && declared.kind() != ResourceKind.ACCOUNT_SETTING;
    if (tagsCompared) {
      all.addAll(Tags.diff(live.tags(), desiredTags, Tags.member(primaryShape)));
    }
    if (all.isEmpty()) {
      return new ResourcePlan(id, Action.NO_CHANGE, List.of(), List.of(), cmp.ignored(), dependsOn, observed, source,
          declared.ownedElsewhere(), List.of());
    }
    String replaceWhy = replaceReason(declared, live, cmp);
    if (replaceWhy != null) {
      List<Step> steps = new ArrayList<>(deleteSteps(live));
      for (ApiRequest r : declared.requests()) {
        ObjectNode body = cmp.byKey().get(PlanContext.key(r)).effective();
        steps.add(step(r.service(), r.operation(), SchedulerOwner.isSchedule(r) ? SchedulerOwner.mark(body, ctx.project)
            : r == primary ? Tags.withOwner(body, PlanContext.shape(r), ctx.project) : body));
      }
      waitForExpress(declared, steps);
      return new ResourcePlan(id, Action.REPLACE, List.of(replaceWhy), all, cmp.ignored(), dependsOn, observed, source,
          declared.ownedElsewhere(), steps);
    }
    List<Step> steps = updateSteps(declared, live, cmp, ctx.project);
    if (steps.stream().anyMatch(st -> st.operation().equals("UpdateExpressGatewayService"))) {
      waitForExpress(declared, steps);
    }
    if (tagsCompared) {
      steps.addAll(tagSteps(primary.service(), live, desiredTags));
    }
    return new ResourcePlan(id, Action.UPDATE, List.of(), all, cmp.ignored(), dependsOn, observed, source,
        declared.ownedElsewhere(), steps);
  }

  /** An Express service is an ECS service: apply waits for its deployment as for any service's. */
  private static void waitForExpress(Resource declared, List<Step> steps) {
    if (declared.kind() == ResourceKind.EXPRESS_SERVICE) {
      steps.add(step(Step.ENGINE, "WaitServiceStable", obj().put("cluster", declared.cluster()).put("service", declared.name())));
    }
  }

  private static String replaceReason(Resource declared, LiveResource live, Compared cmp) {
    switch (declared.kind()) {
      case NAMESPACE -> {
        String key = PlanContext.key(declared.primary());
        if (!live.requests().containsKey(key)) {
          return "the namespace type cannot change in place: " + live.ids().get("Type") + " → "
              + key.replace("Create", "").replace("Namespace", "") + " forces replacement";
        }
      }
      case DISCOVERY_SERVICE -> {
        return discoveryReplaceReason(cmp.byKey().get("CreateService").effective(), live.primary(), cmp.changes());
      }
      case CAPACITY_PROVIDER -> {
        for (FieldChange c : cmp.changes()) {
          if (c.pointer().startsWith("/autoScalingGroupProvider/autoScalingGroupArn")) {
            return "`autoScalingGroupProvider.autoScalingGroupArn` cannot change in place (UpdateCapacityProvider does"
                + " not take it): forces replacement";
          }
          for (String fixed : MANAGED_INSTANCES_CREATE_ONLY) {
            if (c.pointer().startsWith(fixed)) {
              return "`" + fixed.substring(1).replace('/', '.') + "` cannot change in place (UpdateCapacityProvider does"
                  + " not take it): forces replacement";
            }
          }
          if (c.pointer().equals("/cluster")) {
            return "a Managed Instances capacity provider cannot move to another cluster: forces replacement";
          }
        }
      }
      case EXPRESS_SERVICE -> {
        // Fixed at creation (UpdateExpressGatewayService does not take them).
        for (FieldChange c : cmp.changes()) {
          if (c.pointer().equals("/infrastructureRoleArn")) {
            return "an Express service's infrastructure role cannot change in place: forces replacement";
          }
        }
      }
      case SCHEDULE -> {
        String key = PlanContext.key(declared.primary());
        if (!live.requests().containsKey(key)) {
          return key.equals("CreateSchedule") ? "an EventBridge rule becomes an EventBridge Scheduler schedule (via ="
              + " scheduler): the rule is deleted and the schedule created"
              : "an EventBridge Scheduler schedule becomes an EventBridge rule: the schedule is deleted and the rule created";
        }
        for (FieldChange c : cmp.changes()) {
          if (c.pointer().equals("/GroupName")) {
            return "a schedule cannot move to another schedule group in place: forces replacement";
          }
        }
      }
      default -> {}
    }
    return null;
  }

  /**
   * Why a Cloud Map service must be replaced, or null: UpdateService (ServiceChange) takes its
   * description, its DNS records' TTLs and its Route 53 health check, nothing else.
   */
  static String discoveryReplaceReason(ObjectNode declared, ObjectNode live, List<FieldChange> changes) {
    for (FieldChange c : changes) {
      String p = c.pointer();
      if (p.equals("/NamespaceId")) {
        return "a discovery service cannot move to another namespace in place: forces replacement";
      }
      if (p.equals("/Type")) {
        return "a discovery service's type cannot change in place: forces replacement";
      }
      if (p.equals("/DnsConfig") || p.startsWith("/DnsConfig/RoutingPolicy")) {
        return p.equals("/DnsConfig") ? "DNS records cannot be added to or removed from a discovery service in place: forces"
            + " replacement" : "a discovery service's routing policy cannot change in place (UpdateService does not take it):"
            + " forces replacement";
      }
      if (p.startsWith("/HealthCheckCustomConfig")) {
        return "a discovery service's custom health check cannot be added, removed or changed in place: forces replacement";
      }
    }
    java.util.Set<String> before = recordTypes(live);
    java.util.Set<String> after = recordTypes(declared);
    if (!before.equals(after)) {
      return "a discovery service's DNS record types cannot change in place (" + String.join(", ", before) + " → "
          + String.join(", ", after) + "; only their TTLs): forces replacement";
    }
    return null;
  }

  private static java.util.Set<String> recordTypes(ObjectNode body) {
    java.util.Set<String> out = new java.util.TreeSet<>();
    if (body != null) {
      body.path("DnsConfig").path("DnsRecords").forEach(r -> out.add(r.path("Type").asText()));
    }
    return out;
  }

  /** What UpdateCapacityProvider cannot change in a Managed Instances provider (its update shape lacks them). */
  private static final List<String> MANAGED_INSTANCES_CREATE_ONLY = List.of(
      "/managedInstancesProvider/instanceLaunchTemplate/capacityOptionType",
      "/managedInstancesProvider/instanceLaunchTemplate/fipsEnabled");

  private static List<Step> updateSteps(Resource declared, LiveResource live, Compared cmp, String project) {
    List<Step> steps = new ArrayList<>();
    switch (declared.kind()) {
      case EXPRESS_SERVICE -> {
        // The whole wanted configuration: a member left out of an update keeps its old value, so
        // every changed member is sent (and a removed one back to Express Mode's default).
        ObjectNode effective = cmp.byKey().get("CreateExpressGatewayService").effective();
        Shape update = io.ecsl.schema.ServiceModel.get(io.ecsl.schema.ServiceModel.ECS).input("UpdateExpressGatewayService");
        ObjectNode body = obj().put("serviceArn", live.arn());
        Set<String> changed = new java.util.HashSet<>();
        cmp.changes().forEach(c -> changed.add(c.pointer().split("/")[1]));
        for (String member : update.members().keySet()) {
          if (changed.contains(member) && effective.has(member)) {
            body.set(member, effective.get(member));
          }
        }
        if (body.size() > 1) {
          steps.add(step("ecs", "UpdateExpressGatewayService", body));
        }
      }
      case CAPACITY_PROVIDER -> {
        ObjectNode effective = cmp.byKey().get("CreateCapacityProvider").effective();
        ObjectNode body = obj().put("name", declared.name());
        if (effective.get("autoScalingGroupProvider") instanceof ObjectNode asg) {
          ObjectNode update = asg.deepCopy();
          update.remove("autoScalingGroupArn");
          body.set("autoScalingGroupProvider", update);
        }
        if (effective.get("managedInstancesProvider") instanceof ObjectNode managed) {
          // UpdateCapacityProvider takes the whole configuration but for what is fixed at creation.
          ObjectNode update = managed.deepCopy();
          if (update.get("instanceLaunchTemplate") instanceof ObjectNode template) {
            template.remove(List.of("capacityOptionType", "fipsEnabled"));
          }
          if (effective.hasNonNull("cluster")) {
            body.set("cluster", effective.get("cluster"));
          }
          body.set("managedInstancesProvider", update);
        }
        steps.add(step("ecs", "UpdateCapacityProvider", body));
      }
      case NAMESPACE -> {
        String op = declared.primary().operation().replace("Create", "Update");
        ObjectNode effective = cmp.byKey().get(PlanContext.key(declared.primary())).effective();
        ObjectNode ns = obj();
        if (effective.has("Description")) {
          ns.set("Description", effective.get("Description"));
        } else {
          ns.put("Description", "");
        }
        if (effective.has("Properties") && !op.equals("UpdateHttpNamespace")) {
          ns.set("Properties", effective.get("Properties"));
        }
        ObjectNode body = obj().put("Id", live.ids().get("Id"));
        body.set("Namespace", ns);
        steps.add(step("servicediscovery", op, body));
      }
      case DISCOVERY_SERVICE -> {
        if (cmp.changes().isEmpty()) {
          return steps; // tags only
        }
        // What is left out of ServiceChange is removed (DNS records, the Route 53 health check), so
        // the whole changeable part is sent; apply waits for the operation it answers with.
        ObjectNode effective = cmp.byKey().get("CreateService").effective();
        ObjectNode change = obj().put("Description", effective.path("Description").asText(""));
        if (effective.path("DnsConfig").has("DnsRecords")) {
          change.putObject("DnsConfig").set("DnsRecords", effective.path("DnsConfig").get("DnsRecords"));
        }
        if (effective.has("HealthCheckConfig")) {
          change.set("HealthCheckConfig", effective.get("HealthCheckConfig"));
        }
        ObjectNode body = obj().put("Id", live.ids().get("Id"));
        body.set("Service", change);
        steps.add(step("servicediscovery", "UpdateService", body));
      }
      case SCHEDULE -> {
        if (SchedulerOwner.isSchedule(declared.primary())) {
          // UpdateSchedule takes the whole definition, the same members as CreateSchedule.
          ObjectNode body = cmp.byKey().get("CreateSchedule").effective().deepCopy();
          body.remove("ClientToken");
          steps.add(step("scheduler", "UpdateSchedule", SchedulerOwner.mark(body, project)));
          return steps;
        }
        for (ApiRequest r : declared.requests()) {
          Comparison c = cmp.byKey().get(PlanContext.key(r));
          if (!c.changes().isEmpty() || !live.requests().containsKey(PlanContext.key(r))) {
            ObjectNode body = Comparison.withoutTags(c.effective(), PlanContext.shape(r));
            steps.add(step(r.service(), r.operation(), body));
          }
        }
        ArrayNode stale = staleTargets(declared, live);
        if (!stale.isEmpty()) {
          ObjectNode body = obj().put("Rule", declared.name());
          body.set("Ids", stale);
          steps.add(step("events", "RemoveTargets", body));
        }
      }
      case SCALING -> {
        for (ApiRequest r : declared.requests()) {
          Comparison c = cmp.byKey().get(PlanContext.key(r));
          if (!c.changes().isEmpty() || !live.requests().containsKey(PlanContext.key(r))) {
            steps.add(step(r.service(), r.operation(), Comparison.withoutTags(c.effective(), PlanContext.shape(r))));
          }
        }
        Set<String> declaredKeys = cmp.byKey().keySet();
        for (Map.Entry<String, ObjectNode> e : live.requests().entrySet()) {
          if (e.getKey().startsWith("PutScalingPolicy:") && !declaredKeys.contains(e.getKey())) {
            ObjectNode p = e.getValue();
            steps.add(step("application-autoscaling", "DeleteScalingPolicy", obj()
                .put("PolicyName", p.path("PolicyName").asText()).put("ServiceNamespace", "ecs")
                .put("ResourceId", p.path("ResourceId").asText()).put("ScalableDimension", p.path("ScalableDimension").asText())));
          }
        }
      }
      default -> {
        for (ApiRequest r : declared.requests()) {
          steps.add(step(r.service(), r.operation(), cmp.byKey().get(PlanContext.key(r)).effective()));
        }
      }
    }
    return steps;
  }

  private static ArrayNode staleTargets(Resource declared, LiveResource live) {
    ArrayNode out = PlanContext.JSON.arrayNode();
    ObjectNode liveTargets = live.requests().get("PutTargets");
    if (liveTargets == null) {
      return out;
    }
    List<String> declaredIds = new ArrayList<>();
    for (ApiRequest r : declared.requests()) {
      if (r.operation().equals("PutTargets")) {
        r.body().path("Targets").forEach(t -> declaredIds.add(t.path("Id").asText()));
      }
    }
    for (JsonNode t : liveTargets.path("Targets")) {
      if (!declaredIds.contains(t.path("Id").asText())) {
        out.add(t.path("Id").asText());
      }
    }
    return out;
  }

  private static List<Step> tagSteps(String service, LiveResource live, Map<String, String> desiredTags) {
    List<Step> steps = new ArrayList<>();
    if (live.arn() == null) {
      return steps;
    }
    if (service.equals("ecs")) {
      return ServicePlans.tagSteps(live, desiredTags);
    }
    ArrayNode add = Tags.list(live.tags(), desiredTags, false);
    if (!add.isEmpty()) {
      ObjectNode b = obj().put("ResourceARN", live.arn());
      b.set("Tags", add);
      steps.add(step(service, "TagResource", b));
    }
    ArrayNode removed = Tags.removed(live.tags(), desiredTags);
    if (!removed.isEmpty()) {
      ObjectNode b = obj().put("ResourceARN", live.arn());
      b.set("TagKeys", removed);
      steps.add(step(service, "UntagResource", b));
    }
    return steps;
  }

  static List<Step> deleteSteps(LiveResource live) {
    List<Step> steps = new ArrayList<>();
    String name = live.id().name();
    switch (live.id().kind()) {
      case CAPACITY_PROVIDER -> steps.add(step("ecs", "DeleteCapacityProvider", obj().put("capacityProvider", name)));
      case EXPRESS_SERVICE -> {
        // Its cluster can go only once the service has drained (ECS refuses while it is DRAINING).
        steps.add(step("ecs", "DeleteExpressGatewayService", obj().put("serviceArn", live.arn())));
        steps.add(step(Step.ENGINE, "WaitServiceInactive", obj().put("cluster", live.id().cluster()).put("service", name)));
      }
      case NAMESPACE -> steps.add(step("servicediscovery", "DeleteNamespace", obj().put("Id", live.ids().get("Id"))));
      case DISCOVERY_SERVICE -> steps.add(step("servicediscovery", "DeleteService", obj().put("Id", live.ids().get("Id"))));
      case SCHEDULE -> {
        ObjectNode schedule = live.requests().get("CreateSchedule");
        if (schedule != null) {
          steps.add(step("scheduler", "DeleteSchedule", obj().put("Name", name)
              .put("GroupName", schedule.path("GroupName").asText("default"))));
          return steps;
        }
        ArrayNode ids = PlanContext.JSON.arrayNode();
        ObjectNode targets = live.requests().get("PutTargets");
        if (targets != null) {
          targets.path("Targets").forEach(t -> ids.add(t.path("Id").asText()));
        }
        if (!ids.isEmpty()) {
          ObjectNode body = obj().put("Rule", name);
          body.set("Ids", ids);
          steps.add(step("events", "RemoveTargets", body));
        }
        steps.add(step("events", "DeleteRule", obj().put("Name", name)));
      }
      case SCALING -> steps.add(step("application-autoscaling", "DeregisterScalableTarget", obj()
          .put("ServiceNamespace", "ecs").put("ResourceId", "service/" + live.id().cluster() + "/" + name)
          .put("ScalableDimension", "ecs:service:DesiredCount")));
      default -> {}
    }
    return steps;
  }

  static ResourcePlan delete(PlanContext ctx, LiveResource live) {
    return new ResourcePlan(live.id(), Action.DELETE, List.of(live.id().kind() == ResourceKind.SCALING
        ? "its service is " + ctx.whyDeleted().replace(" and no longer declared", " and the scaling is no longer declared")
        : ctx.whyDeleted()), List.of(), List.of(), List.of(),
        ctx.observed(live.version(), live, Map.of(), Map.of()), null, Map.of(), deleteSteps(live));
  }
}
