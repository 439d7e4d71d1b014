package io.ecsl.deploy.plan;

import static io.ecsl.deploy.plan.PlanContext.obj;
import static io.ecsl.deploy.plan.PlanContext.step;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.Set;

/**
 * Clusters (§7.1): settings, configuration and the Service Connect default change through
 * UpdateCluster; capacity providers and the default strategy through PutClusterCapacityProviders;
 * the name is the identity. Deleting waits for the project's services in it to be deleted first.
 */
final class ClusterPlans {
  private static final Set<String> UPDATE_CLUSTER = Set.of("settings", "configuration", "serviceConnectDefaults");
  private static final Set<String> PROVIDERS = Set.of("capacityProviders", "defaultCapacityProviderStrategy");

  private ClusterPlans() {}

  static ResourcePlan plan(PlanContext ctx, Resource declared, LiveResource live, List<String> dependsOn) {
    ApiRequest req = declared.primary();
    Shape shape = PlanContext.shape(req);
    ResourceId id = ResourceId.of(declared);
    Comparison cmp = Comparison.of(shape, req.body(), live == null ? null : live.primary(), declared.ownedElsewhere());
    String source = PlanContext.source(declared);
    if (live == null) {
      return new ResourcePlan(id, Action.CREATE, List.of(), List.of(), cmp.ignored(), dependsOn, null, source,
          declared.ownedElsewhere(), List.of(step("ecs", "CreateCluster", Tags.withOwner(cmp.effective(), shape, ctx.project))));
    }
    ResourcePlan.Observed observed = ctx.observed(null, live, declared.ownedElsewhere(),
        Map.of("CreateCluster", cmp));
    Map<String, String> desiredTags = Tags.desired(req.body(), shape, ctx.project);
    List<FieldChange> all = new ArrayList<>(cmp.changes());
    all.addAll(Tags.diff(live.tags(), desiredTags, "tags"));
    if (all.isEmpty()) {
      return new ResourcePlan(id, Action.NO_CHANGE, List.of(), List.of(), cmp.ignored(), dependsOn, observed, source,
          declared.ownedElsewhere(), List.of());
    }
    List<String> members = PlanContext.topMembers(cmp.changes());
    ObjectNode effective = cmp.effective();
    List<Step> steps = new ArrayList<>();
    if (members.stream().anyMatch(UPDATE_CLUSTER::contains)) {
      ObjectNode body = obj().put("cluster", declared.name());
      for (String m : List.of("settings", "configuration", "serviceConnectDefaults")) {
        JsonNode v = effective.get(m);
        if (v != null) {
          body.set(m, v.deepCopy());
        } else if (m.equals("serviceConnectDefaults") && members.contains(m)) {
          body.putObject(m).put("namespace", ""); // "" removes the default (§7.1)
        }
      }
      steps.add(step("ecs", "UpdateCluster", body));
    }
    if (members.stream().anyMatch(PROVIDERS::contains)) {
      ObjectNode body = obj().put("cluster", declared.name());
      body.set("capacityProviders", effective.has("capacityProviders") ? effective.get("capacityProviders").deepCopy()
          : PlanContext.JSON.arrayNode());
      body.set("defaultCapacityProviderStrategy", effective.has("defaultCapacityProviderStrategy")
          ? effective.get("defaultCapacityProviderStrategy").deepCopy() : PlanContext.JSON.arrayNode());
      steps.add(step("ecs", "PutClusterCapacityProviders", body));
    }
    steps.addAll(ServicePlans.tagSteps(live, desiredTags));
    return new ResourcePlan(id, Action.UPDATE, List.of(), all, cmp.ignored(), dependsOn, observed, source,
        declared.ownedElsewhere(), steps);
  }

  static ResourcePlan delete(PlanContext ctx, LiveResource live) {
    return new ResourcePlan(live.id(), Action.DELETE, List.of(ctx.whyDeleted()),
        List.of(), List.of(), List.of(), ctx.observed(null, live, Map.of(), Map.of()), null,
        Map.of(), List.of(step("ecs", "DeleteCluster", obj().put("cluster", live.id().name()))));
  }
}
