package io.ecsl.deploy.plan;

import static io.ecsl.deploy.plan.PlanContext.obj;
import static io.ecsl.deploy.plan.PlanContext.step;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.deploy.diff.FieldChange;
import io.ecsl.deploy.state.LiveResource;
import io.ecsl.deploy.state.ResourceId;
import io.ecsl.model.ApiRequest;
import io.ecsl.model.Resource;
import io.ecsl.schema.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Task definitions are immutable: any change of content is a new revision (services using the
 * family then redeploy); a change of tags alone is tagged onto the latest revision. An owned family
 * no longer declared has all its ACTIVE revisions deregistered.
 */
final class TaskDefinitionPlans {
  private TaskDefinitionPlans() {}

  static ResourcePlan plan(PlanContext ctx, Resource declared, LiveResource live) {
    ApiRequest req = declared.primary();
    Shape shape = PlanContext.shape(req);
    Comparison cmp = Comparison.of(shape, req.body(), live == null ? null : live.primary(), declared.ownedElsewhere());
    ResourceId id = ResourceId.of(declared);
    String source = PlanContext.source(declared);
    if (live == null) {
      return new ResourcePlan(id, Action.CREATE, List.of(), List.of(), cmp.ignored(), List.of(), null, source,
          declared.ownedElsewhere(), List.of(register(ctx, cmp, shape)));
    }
    ResourcePlan.Observed observed = ctx.observed(live.version(), live, declared.ownedElsewhere(),
        Map.of("RegisterTaskDefinition", cmp));
    Map<String, String> desiredTags = Tags.desired(req.body(), shape, ctx.project);
    List<FieldChange> tagChanges = Tags.diff(live.tags(), desiredTags, "tags");
    ObjectNode inUse = cmp.changes().isEmpty() ? null : matchingRevisionInUse(ctx, declared, shape);
    if (inUse != null) {
      String revision = shortRevision(inUse.path("taskDefinitionArn").asText());
      return new ResourcePlan(id, Action.NO_CHANGE, List.of("the declaration matches " + revision + ", which its"
          + " services run (a deployment of " + shortRevision(live.version()) + " was rolled back): it is used, not"
          + " registered again"), List.of(), cmp.ignored(), List.of(),
          ctx.observed(live.version(), live, declared.ownedElsewhere(),
              Map.of("RegisterTaskDefinition", cmp)), source, declared.ownedElsewhere(), List.of());
    }
    if (!cmp.changes().isEmpty()) {
      List<FieldChange> all = new ArrayList<>(cmp.changes());
      all.addAll(tagChanges);
      String from = live.version() == null ? "" : " (replaces " + shortRevision(live.version()) + ")";
      return new ResourcePlan(id, Action.NEW_REVISION, List.of("task definitions are immutable: the content changed, so a"
          + " new revision is registered" + from), all, cmp.ignored(), List.of(), observed, source,
          declared.ownedElsewhere(), List.of(register(ctx, cmp, shape)));
    }
    if (!tagChanges.isEmpty() && live.arn() != null) {
      List<Step> steps = new ArrayList<>();
      var add = Tags.list(live.tags(), desiredTags, true);
      if (!add.isEmpty()) {
        ObjectNode body = obj().put("resourceArn", live.arn());
        body.set("tags", add);
        steps.add(step("ecs", "TagResource", body));
      }
      var removed = Tags.removed(live.tags(), desiredTags);
      if (!removed.isEmpty()) {
        ObjectNode body = obj().put("resourceArn", live.arn());
        body.set("tagKeys", removed);
        steps.add(step("ecs", "UntagResource", body));
      }
      return new ResourcePlan(id, Action.UPDATE, List.of("only tags changed: the latest revision is tagged in place"),
          tagChanges, cmp.ignored(), List.of(), observed, source, declared.ownedElsewhere(), steps);
    }
    return new ResourcePlan(id, Action.NO_CHANGE, List.of(), List.of(), cmp.ignored(), List.of(), observed, source,
        declared.ownedElsewhere(), List.of());
  }

  /**
   * The revision ({@code web:1}) this plan runs instead of the family's latest, because the
   * declaration differs from the latest and equals a revision the services run; else null.
   */
  static String revisionUsedInstead(PlanContext ctx, Resource declared, LiveResource live) {
    if (live == null || ctx.live.revisionsInUse(declared.name()).isEmpty()) {
      return null;
    }
    Shape shape = PlanContext.shape(declared.primary());
    if (Comparison.of(shape, declared.primary().body(), live.primary(), declared.ownedElsewhere()).changes().isEmpty()) {
      return null;
    }
    ObjectNode inUse = matchingRevisionInUse(ctx, declared, shape);
    return inUse == null ? null : shortRevision(inUse.path("taskDefinitionArn").asText());
  }

  /**
   * A revision that is not the family's latest but that services run (after a rollback) and whose
   * content is exactly the declaration, or null.
   */
  private static ObjectNode matchingRevisionInUse(PlanContext ctx, Resource declared, Shape shape) {
    for (ObjectNode revision : ctx.live.revisionsInUse(declared.name())) {
      Comparison same = Comparison.of(shape, declared.primary().body(), revision, declared.ownedElsewhere());
      if (same.changes().isEmpty()) {
        return revision;
      }
    }
    return null;
  }

  /** Registers the declared content (with the live values of owned fields), tagged as the project's. */
  private static Step register(PlanContext ctx, Comparison cmp, Shape shape) {
    return step("ecs", "RegisterTaskDefinition", Tags.withOwner(cmp.effective(), shape, ctx.project));
  }

  static ResourcePlan delete(PlanContext ctx, LiveResource live) {
    return new ResourcePlan(live.id(), Action.DELETE, List.of(ctx.whyDeleted() + ": every ACTIVE revision is deregistered"), List.of(), List.of(), List.of(),
        ctx.observed(live.version(), live, Map.of(), Map.of()), null, Map.of(),
        List.of(step(Step.ENGINE, "DeregisterFamily", obj().put("family", live.id().name()))));
  }

  /** {@code arn:…:task-definition/web:7} → {@code web:7}. */
  static String shortRevision(String arnOrName) {
    if (arnOrName == null) {
      return null;
    }
    int slash = arnOrName.lastIndexOf('/');
    return slash >= 0 && arnOrName.startsWith("arn:") ? arnOrName.substring(slash + 1) : arnOrName;
  }

  /** The family of {@code web}, {@code web:7} or a task definition ARN. */
  static String family(String ref) {
    String s = shortRevision(ref);
    int colon = s.indexOf(':');
    return colon < 0 ? s : s.substring(0, colon);
  }

  /** True when the reference names a revision ({@code web:7} or a full ARN with one). */
  static boolean pinned(String ref) {
    return shortRevision(ref).contains(":");
  }
}
