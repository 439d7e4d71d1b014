package io.ecsl.deploy.plan;

import static io.ecsl.deploy.plan.PlanContext.obj;
import static io.ecsl.deploy.plan.PlanContext.step;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.ecsl.deploy.diff.FieldChange;
import io.ecsl.deploy.state.LiveResource;
import io.ecsl.deploy.state.ResourceId;
import io.ecsl.model.ApiRequest;
import io.ecsl.model.ArnPlaceholder;
import io.ecsl.model.Resource;
import io.ecsl.model.ResourceKind;
import io.ecsl.schema.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Managed Daemons (ecs-runtime-integrations §7.4) and their daemon task definitions.
 *
 * <p>A daemon task definition is immutable like a task definition: a change of content registers a
 * new revision, a change of tags alone tags the latest one; an owned family no longer declared has
 * every ACTIVE revision deleted (DeleteDaemonTaskDefinition).
 *
 * <p>A daemon is compared as what it runs: its task definition as {@code family:revision} (or
 * {@code family:(new revision)} when this plan registers one), its cluster and capacity providers
 * by name (the target's account is not the declaration's on a local runtime), and, when the
 * declaration leaves the drain percent out, whatever ECS chose for it. UpdateDaemon takes
 * everything CreateDaemon does but the name, cluster and tags, and every update starts a daemon
 * deployment that drains and replaces the instances; so a change is a redeploy, a tag change is
 * tagged in place, and a daemon that moves cluster is a deletion and a creation (the cluster is part
 * of its address). Apply waits for the deployment and fails with its reason when it rolls back.
 */
final class DaemonPlans {
  private DaemonPlans() {}

  static final String REGISTER = "RegisterDaemonTaskDefinition";
  static final String CREATE = "CreateDaemon";

  // ------------------------------------------------------------------------- daemon task definitions

  static ResourcePlan planTaskDefinition(PlanContext ctx, Resource declared, LiveResource live) {
    ApiRequest req = declared.primary();
    Shape shape = PlanContext.shape(req);
    Comparison cmp = Comparison.of(shape, req.body(), live == null ? null : live.primary(), declared.ownedElsewhere());
    ResourceId id = ResourceId.of(declared);
    String source = PlanContext.source(declared);
    Step register = step("ecs", REGISTER, Tags.withOwner(cmp.effective(), shape, ctx.project));
    if (live == null) {
      return new ResourcePlan(id, Action.CREATE, List.of(), List.of(), cmp.ignored(), List.of(), null, source,
          declared.ownedElsewhere(), List.of(register));
    }
    ResourcePlan.Observed observed = ctx.observed(live.version(), live, declared.ownedElsewhere(), Map.of(REGISTER, cmp));
    Map<String, String> desiredTags = Tags.desired(req.body(), shape, ctx.project);
    List<FieldChange> tagChanges = Tags.diff(live.tags(), desiredTags, "tags");
    if (!cmp.changes().isEmpty()) {
      List<FieldChange> all = new ArrayList<>(cmp.changes());
      all.addAll(tagChanges);
      return new ResourcePlan(id, Action.NEW_REVISION, List.of("daemon task definitions are immutable: the content"
          + " changed, so a new revision is registered (replaces " + TaskDefinitionPlans.shortRevision(live.arn()) + ")"),
          all, cmp.ignored(), List.of(), observed, source, declared.ownedElsewhere(), List.of(register));
    }
    if (!tagChanges.isEmpty()) {
      return new ResourcePlan(id, Action.UPDATE, List.of("only tags changed: the latest revision is tagged in place"),
          tagChanges, cmp.ignored(), List.of(), observed, source, declared.ownedElsewhere(),
          ServicePlans.tagSteps(live, desiredTags));
    }
    return new ResourcePlan(id, Action.NO_CHANGE, List.of(), List.of(), cmp.ignored(), List.of(), observed, source,
        declared.ownedElsewhere(), List.of());
  }

  // ------------------------------------------------------------------------- daemons

  static ResourcePlan planDaemon(PlanContext ctx, Resource declared, LiveResource live, List<String> dependsOn) {
    ApiRequest req = declared.primary();
    Shape shape = PlanContext.shape(req);
    ResourceId id = ResourceId.of(declared);
    String source = PlanContext.source(declared);
    String family = family(req.body());
    boolean newRevision = family != null && ctx.newDaemonRevisions.contains(family);
    LiveResource liveDefinition = family == null ? null
        : ctx.live.get(new ResourceId(ResourceKind.DAEMON_TASK_DEFINITION, null, family));
    // Sent with the ARN of the revision that exists when this plan registers none; a new
    // revision's ARN is known only once apply has registered it (its placeholder stays).
    ObjectNode declaredBody = req.body();
    if (family != null && !newRevision && liveDefinition != null && liveDefinition.arn() != null) {
      declaredBody = Pointers.with(declaredBody, "/daemonTaskDefinitionArn", TextNode.valueOf(liveDefinition.arn()));
    }
    declaredBody = targetArns(ctx, declaredBody, dependsOn);
    if (live == null) {
      Step create = step("ecs", CREATE, Tags.withOwner(declaredBody, shape, ctx.project));
      return new ResourcePlan(id, Action.CREATE, List.of("creating it starts a daemon deployment: "
          + DeploymentSteps.daemon(declaredBody.path("deploymentConfiguration"))), List.of(), List.of(), dependsOn, null,
          source, declared.ownedElsewhere(), List.of(create, waitDeployment(id)));
    }
    ObjectNode liveBody = live.primary();
    Map<String, JsonNode> declaredAs = new java.util.HashMap<>();
    Map<String, JsonNode> liveAs = new java.util.HashMap<>();
    String revision = newRevision || liveDefinition == null ? family + ":(new revision)"
        : TaskDefinitionPlans.shortRevision(declaredBody.path("daemonTaskDefinitionArn").asText());
    declaredAs.put("daemonTaskDefinitionArn", TextNode.valueOf(revision));
    liveAs.put("daemonTaskDefinitionArn", TextNode.valueOf(
        TaskDefinitionPlans.shortRevision(liveBody.path("daemonTaskDefinitionArn").asText())));
    declaredAs.put("clusterArn", TextNode.valueOf(name(declaredBody.path("clusterArn").asText())));
    liveAs.put("clusterArn", TextNode.valueOf(name(liveBody.path("clusterArn").asText())));
    declaredAs.put("capacityProviderArns", names(declaredBody.path("capacityProviderArns")));
    liveAs.put("capacityProviderArns", names(liveBody.path("capacityProviderArns")));
    if (!declaredBody.path("deploymentConfiguration").has("drainPercent")
        && liveBody.get("deploymentConfiguration") instanceof ObjectNode config && config.has("drainPercent")) {
      // EMU: AWS documents no default drain percent; an undeclared one is whatever ECS chose.
      ObjectNode chosen = config.deepCopy();
      chosen.remove("drainPercent");
      liveAs.put("deploymentConfiguration", chosen);
    }
    Comparison cmp = Comparison.of(shape, declaredBody, liveBody, declared.ownedElsewhere(), declaredAs, liveAs);
    ResourcePlan.Observed observed = ctx.observed(live.version(), live, declared.ownedElsewhere(), Map.of(CREATE, cmp));
    Map<String, String> desiredTags = Tags.desired(req.body(), shape, ctx.project);
    List<FieldChange> tagChanges = Tags.diff(live.tags(), desiredTags, "tags");
    List<Step> tagSteps = ServicePlans.tagSteps(live, desiredTags);
    if (cmp.changes().isEmpty()) {
      if (tagChanges.isEmpty()) {
        return new ResourcePlan(id, Action.NO_CHANGE, List.of(), List.of(), cmp.ignored(), dependsOn, observed, source,
            declared.ownedElsewhere(), List.of());
      }
      return new ResourcePlan(id, Action.UPDATE, List.of("only tags changed: the daemon is tagged in place, no"
          + " deployment starts"), tagChanges, cmp.ignored(), dependsOn, observed, source, declared.ownedElsewhere(),
          tagSteps);
    }
    List<FieldChange> all = new ArrayList<>(cmp.changes());
    all.addAll(tagChanges);
    List<String> members = PlanContext.topMembers(cmp.changes());
    ObjectNode effective = cmp.effective();
    String rollout = DeploymentSteps.daemon(effective.path("deploymentConfiguration"));
    List<String> reasons = new ArrayList<>();
    String rolledBack = rolledBack(live);
    if (rolledBack != null) {
      reasons.add(rolledBack);
    }
    if (newRevision && members.contains("daemonTaskDefinitionArn")) {
      reasons.add("daemon task definition " + family + " gets a new revision: the daemon deployment " + rollout);
    } else {
      reasons.add("changing " + String.join(", ", members) + " starts a daemon deployment (UpdateDaemon drains and"
          + " replaces the instances): " + rollout);
    }
    List<Step> steps = new ArrayList<>();
    steps.add(step("ecs", "UpdateDaemon", updateBody(effective, live)));
    steps.add(waitDeployment(id));
    steps.addAll(tagSteps);
    return new ResourcePlan(id, Action.REDEPLOY, reasons, all, cmp.ignored(), dependsOn, observed, source,
        declared.ownedElsewhere(), steps);
  }

  /**
   * CreateDaemon takes the cluster and capacity providers by ARN, which the compiler writes from
   * the project's account id; the target's own ARNs are what it takes (the local runtime's account is
   * not the project's). So each one the project declares is sent as the target's ARN when it exists,
   * else as its placeholder, which apply fills in from the answer of the call that creates it (an
   * ARN of something declared elsewhere is sent as written).
   */
  private static ObjectNode targetArns(PlanContext ctx, ObjectNode body, List<String> dependsOn) {
    ObjectNode out = body;
    if (body.hasNonNull("clusterArn")) {
      out = Pointers.with(out, "/clusterArn", TextNode.valueOf(
          targetArn(ctx, ResourceKind.CLUSTER, body.get("clusterArn").asText(), dependsOn)));
    }
    JsonNode providers = body.path("capacityProviderArns");
    for (int i = 0; i < providers.size(); i++) {
      out = Pointers.with(out, "/capacityProviderArns/" + i, TextNode.valueOf(
          targetArn(ctx, ResourceKind.CAPACITY_PROVIDER, providers.get(i).asText(), dependsOn)));
    }
    return out;
  }

  private static String targetArn(PlanContext ctx, ResourceKind kind, String arn, List<String> dependsOn) {
    ResourceId id = new ResourceId(kind, null, name(arn));
    if (!dependsOn.contains(id.address())) {
      return arn;
    }
    LiveResource live = ctx.live.get(id);
    if (live != null && live.arn() != null) {
      return live.arn();
    }
    return ctx.live.offline() ? arn : ArnPlaceholder.of(kind, id.name());
  }

  /**
   * The whole wanted configuration: UpdateDaemon requires the task definition and capacity
   * providers, and a member left out keeps its old value, so a member no longer declared is sent
   * as ECS's default.
   */
  private static ObjectNode updateBody(ObjectNode effective, LiveResource live) {
    ObjectNode body = obj().put("daemonArn", live.arn());
    body.set("daemonTaskDefinitionArn", effective.get("daemonTaskDefinitionArn"));
    body.set("capacityProviderArns", effective.get("capacityProviderArns"));
    body.set("deploymentConfiguration", effective.has("deploymentConfiguration")
        ? effective.get("deploymentConfiguration") : obj().put("bakeTimeInMinutes", 0));
    body.set("propagateTags", effective.has("propagateTags") ? effective.get("propagateTags") : TextNode.valueOf("NONE"));
    for (String flag : List.of("enableECSManagedTags", "enableExecuteCommand")) {
      body.set(flag, effective.has(flag) ? effective.get(flag) : BooleanNode.FALSE);
    }
    return body;
  }

  /** Why the daemon does not run what was last applied, when its latest deployment rolled back; else null. */
  private static String rolledBack(LiveResource live) {
    String status = live.ids().getOrDefault("deploymentStatus", "");
    if (!status.startsWith("ROLLBACK")) {
      return null;
    }
    String reason = live.ids().getOrDefault("deploymentStatusReason", "");
    return "the daemon's last deployment ended " + status + (reason.isEmpty() ? "" : " (" + reason + ")")
        + ": it runs the revision it rolled back to";
  }

  static ResourcePlan delete(PlanContext ctx, LiveResource live) {
    List<Step> steps = new ArrayList<>();
    String why;
    if (live.id().kind() == ResourceKind.DAEMON) {
      // Its capacity providers and cluster can go only once ECS has stopped its tasks.
      ObjectNode daemon = obj().put("daemonArn", live.arn());
      steps.add(step("ecs", "DeleteDaemon", daemon));
      steps.add(step(Step.ENGINE, "WaitDaemonDeleted", daemon.deepCopy()));
      why = ctx.whyDeleted() + ": its tasks stop and ECS replaces the instances they ran on";
    } else {
      steps.add(step(Step.ENGINE, "DeleteDaemonFamily", obj().put("family", live.id().name())));
      why = ctx.whyDeleted() + ": every ACTIVE revision is deleted";
    }
    return new ResourcePlan(live.id(), Action.DELETE, List.of(why), List.of(), List.of(), List.of(),
        ctx.observed(live.version(), live, Map.of(), Map.of()), null, Map.of(), steps);
  }

  private static Step waitDeployment(ResourceId id) {
    return step(Step.ENGINE, "WaitDaemonDeployment", obj().put("cluster", id.cluster()).put("daemon", id.name()));
  }

  /** The daemon task definition family a CreateDaemon request runs: its placeholder's name, or its ARN's family. */
  static String family(JsonNode createDaemon) {
    String ref = createDaemon.path("daemonTaskDefinitionArn").asText(null);
    if (ref == null) {
      return null;
    }
    ArnPlaceholder p = ArnPlaceholder.parse(ref);
    return p != null ? p.name() : TaskDefinitionPlans.family(ref);
  }

  /** The resource name of an ARN ({@code …:cluster/apps} → {@code apps}) or placeholder, or the name itself. */
  static String name(String arnOrName) {
    ArnPlaceholder p = arnOrName == null ? null : ArnPlaceholder.parse(arnOrName);
    if (p != null) {
      return p.name();
    }
    return arnOrName == null ? null : arnOrName.substring(arnOrName.lastIndexOf('/') + 1);
  }

  private static ArrayNode names(JsonNode arns) {
    TreeSet<String> sorted = new TreeSet<>();
    arns.forEach(a -> sorted.add(name(a.asText())));
    ArrayNode out = PlanContext.JSON.arrayNode();
    sorted.forEach(out::add);
    return out;
  }
}
