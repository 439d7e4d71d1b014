package io.ecsl.deploy.plan;

import static io.ecsl.deploy.plan.PlanContext.obj;
import static io.ecsl.deploy.plan.PlanContext.step;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.ecsl.deploy.diff.EcsDefaults;
import io.ecsl.deploy.diff.FieldChange;
import io.ecsl.deploy.state.LiveResource;
import io.ecsl.deploy.state.ResourceId;
import io.ecsl.model.ApiRequest;
import io.ecsl.model.Resource;
import io.ecsl.schema.ServiceModel;
import io.ecsl.schema.Shape;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Services (docs/ecs-semantics.md §3.3, §3.8): fields UpdateService cannot change force a
 * replacement (derived from the API model: members of CreateService missing from UpdateService —
 * {@code launchType}, {@code role}, {@code schedulingStrategy}); some changes start a rolling
 * deployment (a new task definition revision, network, load balancers, …), others apply in place.
 * The service's task definition is compared as {@code family:revision}: a family getting a new
 * revision in the same plan means a redeploy.
 */
final class ServicePlans {
  /** Changing these starts a new deployment (§3.3). */
  static final Set<String> DEPLOYING = Set.of("taskDefinition", "networkConfiguration", "platformVersion", "loadBalancers",
      "serviceRegistries", "serviceConnectConfiguration", "volumeConfigurations", "vpcLatticeConfigurations");
  private static final Set<String> IDENTITY = Set.of("cluster", "serviceName", "tags", "clientToken");

  private ServicePlans() {}

  /** Fields of CreateService that UpdateService cannot change (so a change forces replacement). */
  private static final Set<String> REPLACING = replacing();

  static Set<String> replacing() {
    Shape create = ServiceModel.get(ServiceModel.ECS).input("CreateService");
    Shape update = ServiceModel.get(ServiceModel.ECS).input("UpdateService");
    Set<String> out = new LinkedHashSet<>();
    for (String m : create.members().keySet()) {
      if (!update.members().containsKey(m) && !IDENTITY.contains(m)) {
        out.add(m);
      }
    }
    return out;
  }

  static ResourcePlan plan(PlanContext ctx, Resource declared, LiveResource live, List<String> dependsOn) {
    ApiRequest req = declared.primary();
    Shape shape = PlanContext.shape(req);
    ResourceId id = ResourceId.of(declared);
    String source = PlanContext.source(declared);
    ObjectNode liveBody = live == null ? null : live.primary();
    String ref = req.body().path("taskDefinition").asText(null);
    String family = ref == null ? null : TaskDefinitionPlans.family(ref);
    boolean newRevision = family != null && !TaskDefinitionPlans.pinned(ref) && ctx.newRevisions.contains(family);
    // The task definition is compared as the revision each side runs (web:7, or web:(new revision));
    // apply still sends the declared reference: a family means its latest revision.
    Map<String, JsonNode> declaredAs = Map.of();
    Map<String, JsonNode> liveAs = Map.of();
    if (liveBody != null && ref != null) {
      declaredAs = Map.of("taskDefinition", TextNode.valueOf(expectedRevision(ctx, ref, newRevision)));
      liveAs = Map.of("taskDefinition", TextNode.valueOf(
          TaskDefinitionPlans.shortRevision(liveBody.path("taskDefinition").asText())));
    }
    Comparison cmp = Comparison.of(shape, req.body(), liveBody, declared.ownedElsewhere(), declaredAs, liveAs);
    ObjectNode effective = cmp.effective();
    // A family whose declaration is a revision the services run that is not the latest (after a
    // rollback) is sent pinned to that revision: the family alone would mean the latest.
    String sent = ref != null && !TaskDefinitionPlans.pinned(ref) && ctx.revisionsUsedInstead.containsKey(family)
        ? ctx.revisionsUsedInstead.get(family) : ref;
    if (sent != null && !sent.equals(effective.path("taskDefinition").asText(null))) {
      effective = Pointers.with(effective, "/taskDefinition", TextNode.valueOf(sent));
    }
    if (live == null) {
      return new ResourcePlan(id, Action.CREATE, List.of(), List.of(), cmp.ignored(), dependsOn, null, source,
          declared.ownedElsewhere(), create(ctx, req, shape, id));
    }
    ResourcePlan.Observed observed = ctx.observed(live.version(), live, declared.ownedElsewhere(),
        Map.of("CreateService", cmp));
    Map<String, String> desiredTags = Tags.desired(req.body(), shape, ctx.project);
    List<FieldChange> tagChanges = Tags.diff(live.tags(), desiredTags, "tags");
    if (cmp.changes().isEmpty() && tagChanges.isEmpty()) {
      String failed = failedDeployment(live);
      if (failed != null) {
        ObjectNode redeploy = obj().put("cluster", declared.cluster()).put("service", declared.name())
            .put("forceNewDeployment", true);
        return new ResourcePlan(id, Action.REDEPLOY, List.of(failed + ": nothing in the declaration changed, so it"
            + " is deployed again (forceNewDeployment)"), List.of(), cmp.ignored(), dependsOn, observed, source,
            declared.ownedElsewhere(), List.of(step("ecs", "UpdateService", redeploy), waitStable(id)));
      }
      return new ResourcePlan(id, Action.NO_CHANGE, List.of(), List.of(), cmp.ignored(), dependsOn, observed, source,
          declared.ownedElsewhere(), List.of());
    }
    List<FieldChange> all = new ArrayList<>(cmp.changes());
    all.addAll(tagChanges);
    List<String> members = PlanContext.topMembers(cmp.changes());
    List<String> reasons = new ArrayList<>();
    for (FieldChange c : cmp.changes()) {
      if (REPLACING.contains(c.topMember())) {
        reasons.add("`" + c.path() + "` cannot change in place (UpdateService does not take it): " + show(c.before())
            + " → " + show(c.after()) + " forces replacement");
      }
    }
    if (!reasons.isEmpty()) {
      List<Step> steps = new ArrayList<>(teardown(live));
      steps.addAll(create(ctx, req, shape, id));
      return new ResourcePlan(id, Action.REPLACE, reasons, all, cmp.ignored(), dependsOn, observed, source,
          declared.ownedElsewhere(), steps);
    }
    boolean deploys = members.stream().anyMatch(DEPLOYING::contains);
    if (newRevision && members.contains("taskDefinition")) {
      reasons.add("task definition " + family + " gets a new revision: rolling deployment");
    } else if (deploys) {
      List<String> which = members.stream().filter(DEPLOYING::contains).toList();
      reasons.add("changing " + String.join(", ", which) + " starts a rolling deployment");
    }
    List<Step> steps = new ArrayList<>();
    ObjectNode update = updateBody(effective, members, declared, live);
    if (update.size() > 2) {
      steps.add(step("ecs", "UpdateService", update));
    }
    steps.addAll(tagSteps(live, desiredTags));
    if (deploys || members.contains("desiredCount")) {
      steps.add(waitStable(id)); // scaling starts or stops tasks too: the apply is done when they are
    }
    return new ResourcePlan(id, deploys ? Action.REDEPLOY : Action.UPDATE, reasons, all, cmp.ignored(), dependsOn,
        observed, source, declared.ownedElsewhere(), steps);
  }

  /**
   * Why a service that matches its declaration still needs a deployment, or null: its last
   * deployment FAILED (the circuit breaker stopped it with nothing to roll back to, e.g. a secret
   * that was missing) and it runs fewer tasks than it should. Without this, apply would find
   * nothing to do and report success while the service runs 0 of its tasks.
   */
  static String failedDeployment(LiveResource live) {
    Map<String, String> ids = live.ids();
    if (!"FAILED".equals(ids.get("rolloutState"))) {
      return null;
    }
    int running = Integer.parseInt(ids.getOrDefault("runningCount", "0"));
    int desired = Integer.parseInt(ids.getOrDefault("desiredCount", "0"));
    if (running >= desired) {
      return null;
    }
    String reason = ids.getOrDefault("rolloutStateReason", "");
    return "the service's last deployment FAILED" + (reason.isEmpty() ? "" : " (" + reason + ")") + " and it runs "
        + running + " of " + desired + " tasks";
  }

  /** What the comparison shows for the task definition: {@code web:7}, or {@code web:(new revision)}. */
  private static String expectedRevision(PlanContext ctx, String ref, boolean newRevision) {
    String family = TaskDefinitionPlans.family(ref);
    if (newRevision) {
      return family + ":(new revision)";
    }
    if (TaskDefinitionPlans.pinned(ref)) {
      return TaskDefinitionPlans.shortRevision(ref);
    }
    if (ctx.revisionsUsedInstead.containsKey(family)) {
      return ctx.revisionsUsedInstead.get(family);
    }
    String latest = ctx.live.latestRevision(family);
    return latest != null ? TaskDefinitionPlans.shortRevision(latest) : ref;
  }

  /**
   * Creates the service as declared, tagged as the project's, and waits for it. Owned-elsewhere
   * fields keep their declared value when creating: there is no live value to keep.
   */
  private static List<Step> create(PlanContext ctx, ApiRequest req, Shape shape, ResourceId id) {
    return List.of(step("ecs", "CreateService", Tags.withOwner(req.body(), shape, ctx.project)), waitStable(id));
  }

  private static ObjectNode updateBody(ObjectNode effective, List<String> members, Resource declared,
      LiveResource liveResource) {
    Shape update = ServiceModel.get(ServiceModel.ECS).input("UpdateService");
    ObjectNode body = obj().put("cluster", declared.cluster()).put("service", declared.name());
    boolean daemon = "DAEMON".equals(liveResource.ids().get("schedulingStrategy"));
    for (String m : members) {
      if (!update.members().containsKey(m) || declared.ownedElsewhere().containsKey("/" + m)
          || m.equals("desiredCount") && daemon) {
        continue;
      }
      JsonNode v = effective.get(m);
      if (v == null) {
        v = unset(m, update.member(m), daemon);
      }
      if (v != null) {
        body.set(m, v.deepCopy());
      }
    }
    return body;
  }

  /** The value that removes a declared field: an empty list, or the API default. */
  private static JsonNode unset(String member, Shape shape, boolean daemon) {
    if (shape.isList()) {
      return PlanContext.JSON.arrayNode();
    }
    if (member.equals("deploymentConfiguration")) {
      return obj().put("maximumPercent", daemon ? 100 : 200).put("minimumHealthyPercent", daemon ? 0 : 100)
          .set("deploymentCircuitBreaker", obj().put("enable", false).put("rollback", false));
    }
    return EcsDefaults.defaultOf("CreateServiceRequest", member);
  }

  static List<Step> tagSteps(LiveResource live, Map<String, String> desiredTags) {
    List<Step> steps = new ArrayList<>();
    if (live.arn() == null) {
      return steps;
    }
    ArrayNode add = Tags.list(live.tags(), desiredTags, true);
    if (!add.isEmpty()) {
      ObjectNode b = obj().put("resourceArn", live.arn());
      b.set("tags", add);
      steps.add(step("ecs", "TagResource", b));
    }
    ArrayNode removed = Tags.removed(live.tags(), desiredTags);
    if (!removed.isEmpty()) {
      ObjectNode b = obj().put("resourceArn", live.arn());
      b.set("tagKeys", removed);
      steps.add(step("ecs", "UntagResource", b));
    }
    return steps;
  }

  /** Scale to zero (replica services), delete, and wait until the service is gone. */
  static List<Step> teardown(LiveResource live) {
    List<Step> steps = new ArrayList<>();
    String cluster = live.id().cluster();
    String name = live.id().name();
    if (!"DAEMON".equals(live.ids().get("schedulingStrategy"))) {
      steps.add(step("ecs", "UpdateService", obj().put("cluster", cluster).put("service", name).put("desiredCount", 0)));
    }
    steps.add(step("ecs", "DeleteService", obj().put("cluster", cluster).put("service", name).put("force", true)));
    steps.add(step(Step.ENGINE, "WaitServiceInactive", obj().put("cluster", cluster).put("service", name)));
    return steps;
  }

  static ResourcePlan delete(PlanContext ctx, LiveResource live) {
    return new ResourcePlan(live.id(), Action.DELETE, List.of(ctx.whyDeleted() + ": scaled to zero, then deleted"), List.of(), List.of(), List.of(),
        ctx.observed(live.version(), live, Map.of(), Map.of()), null, Map.of(),
        teardown(live));
  }

  private static Step waitStable(ResourceId id) {
    return step(Step.ENGINE, "WaitServiceStable", obj().put("cluster", id.cluster()).put("service", id.name()));
  }

  private static String show(JsonNode v) {
    return v == null ? "(none)" : v.isTextual() ? v.asText() : v.toString();
  }

  /** A service moved to another cluster: one replacement instead of an unrelated create and delete. */
  static ResourcePlan moved(ResourcePlan created, ResourcePlan deleted) {
    List<Step> steps = new ArrayList<>(deleted.steps());
    steps.addAll(created.steps());
    FieldChange change = new FieldChange("/cluster", "cluster", TextNode.valueOf(deleted.id().cluster()),
        TextNode.valueOf(created.id().cluster()), false);
    return new ResourcePlan(created.id(), Action.REPLACE, List.of("`cluster` cannot change in place: "
        + deleted.id().cluster() + " → " + created.id().cluster() + " forces replacement (the service in "
        + deleted.id().cluster() + " is deleted, then created in " + created.id().cluster() + ")"), List.of(change),
        created.ignored(), created.dependsOn(), null, created.source(), created.ownedElsewhere(), steps);
  }
}
