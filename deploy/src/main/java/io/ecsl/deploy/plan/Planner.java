package io.ecsl.deploy.plan;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.deploy.state.LiveResource;
import io.ecsl.deploy.state.LiveState;
import io.ecsl.deploy.state.ResourceId;
import io.ecsl.model.EcsModel;
import io.ecsl.model.Resource;
import io.ecsl.model.ResourceKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Computes a plan: the declared model against what the target holds. A pure function of its
 * inputs (no I/O), so it is tested in milliseconds and an offline plan ({@code --against}) runs
 * the same code as a plan against a target.
 */
public final class Planner {
  /** The revision policy's default: keep this many ACTIVE revisions per family (rollback stays possible). */
  public static final int DEFAULT_KEEP_REVISIONS = 5;

  private Planner() {}

  public static Plan plan(EcsModel model, LiveState live, String target, int keepRevisions) {
    return plan(model, live, target, keepRevisions, false);
  }

  /**
   * The plan of one declared task definition on its own (for {@code ecsl run}): register it, or
   * use the latest revision when that already matches. Refused, like a whole plan, when the family
   * belongs to another project.
   */
  public static ResourcePlan planTaskDefinition(EcsModel model, Resource declared, LiveState live) {
    Map<ResourceId, String> conflicts = new ConcurrentHashMap<>();
    LiveResource current = owned(model, live.get(ResourceId.of(declared)), conflicts);
    if (!conflicts.isEmpty()) {
      throw new OwnershipConflict(List.copyOf(conflicts.values()));
    }
    return TaskDefinitionPlans.plan(new PlanContext(model.project(), live, Set.of()), declared, current);
  }

  /** The plan that removes everything the project owns in the target, declared or not. */
  public static Plan destroy(EcsModel project, LiveState live, String target) {
    EcsModel nothing = new EcsModel(project.project(), project.region(), project.accountId(), List.of());
    return plan(nothing, live, target, 0, true);
  }

  private static Plan plan(EcsModel model, LiveState live, String target, int keepRevisions, boolean destroying) {
    Map<ResourceId, Resource> declared = new HashMap<>();
    model.resources().forEach(r -> declared.put(ResourceId.of(r), r));
    List<ResourcePlan> plans = new ArrayList<>(model.resources().size());
    // Each live resource is read once, by the thread that plans it (a previous build's resources
    // are deferred file reads), and its owner checked there; refused plans are thrown away below.
    Map<ResourceId, String> conflicts = new ConcurrentHashMap<>();

    Set<String> newRevisions = new HashSet<>();
    List<ResourcePlan> taskDefinitions = model.ofKind(ResourceKind.TASK_DEFINITION).parallelStream()
        .map(r -> TaskDefinitionPlans.plan(new PlanContext(model.project(), live, Set.of()), r,
            owned(model, live.get(ResourceId.of(r)), conflicts)))
        .toList();
    Map<String, String> usedInstead = new HashMap<>();
    PlanContext tdContext = new PlanContext(model.project(), live, Set.of());
    for (ResourcePlan p : taskDefinitions) {
      if (p.action() == Action.CREATE || p.action() == Action.NEW_REVISION) {
        newRevisions.add(p.id().name());
      } else if (p.action() == Action.NO_CHANGE && !live.revisionsInUse(p.id().name()).isEmpty()) {
        String revision = TaskDefinitionPlans.revisionUsedInstead(tdContext, declared.get(p.id()), live.get(p.id()));
        if (revision != null) {
          usedInstead.put(p.id().name(), revision);
        }
      }
    }
    plans.addAll(taskDefinitions);
    Set<String> newDaemonRevisions = new HashSet<>();
    List<ResourcePlan> daemonDefinitions = model.ofKind(ResourceKind.DAEMON_TASK_DEFINITION).stream()
        .map(r -> DaemonPlans.planTaskDefinition(tdContext, r, owned(model, live.get(ResourceId.of(r)), conflicts)))
        .toList();
    for (ResourcePlan p : daemonDefinitions) {
      if (p.action() == Action.CREATE || p.action() == Action.NEW_REVISION) {
        newDaemonRevisions.add(p.id().name());
      }
    }
    plans.addAll(daemonDefinitions);
    PlanContext ctx = new PlanContext(model.project(), live, newRevisions, usedInstead, newDaemonRevisions, destroying);
    // Discovery services first: an ECS service registered in one the plan replaces is sent its new
    // ARN (its placeholder, for apply to fill in), not the ARN of the one that goes.
    ElbArns existing = ElbArns.of(live);
    List<ResourcePlan> discovery = model.ofKind(ResourceKind.DISCOVERY_SERVICE).stream()
        .map(r -> SimplePlans.plan(ctx, existing.resolve(r), owned(model, live.get(ResourceId.of(r)), conflicts),
            dependencies(r, declared)))
        .toList();
    // A replaced one that ECS services are registered in takes them off it first (DiscoveryReplacement).
    List<String> refusals = new ArrayList<>();
    discovery = discovery.stream()
        .map(p -> DiscoveryReplacement.detachFirst(p, live.get(p.id()), live, refusals))
        .toList();
    plans.addAll(discovery);
    Set<ResourceId> replaced = new HashSet<>();
    discovery.stream().filter(p -> p.action() == Action.REPLACE).forEach(p -> replaced.add(p.id()));
    ElbArns arns = replaced.isEmpty() ? existing : ElbArns.of(live, replaced);
    plans.addAll(model.resources().parallelStream()
        .filter(r -> r.kind() != ResourceKind.TASK_DEFINITION && r.kind() != ResourceKind.DAEMON_TASK_DEFINITION
            && r.kind() != ResourceKind.DISCOVERY_SERVICE)
        .map(r -> planOne(ctx, arns.resolve(r), owned(model, live.get(ResourceId.of(r)), conflicts), dependencies(r, declared)))
        .toList());
    refuseOtherProjects(model, conflicts);
    for (ResourcePlan p : plans) {
      if (p.id().kind() == ResourceKind.NAMESPACE) {
        DiscoveryReplacement.namespaceWithServices(p, live.get(p.id()), live, refusals);
      }
    }
    if (!refusals.isEmpty()) {
      throw new PlanRefused(refusals);
    }

    List<ResourcePlan> deletes = new ArrayList<>();
    for (ResourceId id : live.ids()) { // the plan is sorted below
      if (declared.containsKey(id) || id.kind() == ResourceKind.ACCOUNT_SETTING) {
        continue;
      }
      LiveResource l = live.get(id);
      if (model.project().equals(l.tags().get(io.ecsl.deploy.target.Refresher.OWNER_TAG))) {
        deletes.add(delete(ctx, l));
      }
    }
    plans.addAll(deletes);
    plans = pairMovedServices(plans);
    plans.sort(Comparator.comparing(ResourcePlan::id));
    return new Plan(model.project(), target, live.offline(), keepRevisions, plans);
  }

  /**
   * Notes a declared resource that exists with an {@code ecsl:project} tag naming another ecsl
   * project: the plan would take it over, and this project's destroy would delete it. Resources with
   * no such tag (made by hand, or by deploy.sh) are adopted, as before. Returns {@code live}.
   */
  private static LiveResource owned(EcsModel model, LiveResource live, Map<ResourceId, String> conflicts) {
    String owner = live == null ? null : live.tags().get(io.ecsl.deploy.target.Refresher.OWNER_TAG);
    if (owner != null && !owner.equals(model.project())) {
      conflicts.put(live.id(), live.id().address() + " exists and belongs to project `" + owner + "` (tag ecsl:project = "
          + owner + "); project `" + model.project() + "` would take it over, and its destroy would delete it. Rename"
          + " it here, or, to move it to this project, remove the tag from it in the target");
    }
    return live;
  }

  /** Refuses the plan when {@link #owned} found resources of other projects, in declaration order. */
  private static void refuseOtherProjects(EcsModel model, Map<ResourceId, String> conflicts) {
    if (conflicts.isEmpty()) {
      return;
    }
    List<String> messages = new ArrayList<>();
    for (Resource r : model.resources()) {
      String message = conflicts.get(ResourceId.of(r));
      if (message != null) {
        messages.add(message);
      }
    }
    throw new OwnershipConflict(messages);
  }

  private static ResourcePlan planOne(PlanContext ctx, Resource r, LiveResource live, List<String> deps) {
    return switch (r.kind()) {
      case SERVICE -> ServicePlans.plan(ctx, r, live, deps);
      case CLUSTER -> ClusterPlans.plan(ctx, r, live, deps);
      case DAEMON -> DaemonPlans.planDaemon(ctx, r, live, deps);
      case TARGET_GROUP, LOAD_BALANCER, LISTENER, LISTENER_RULE -> ElbPlans.plan(ctx, r, live, deps);
      default -> SimplePlans.plan(ctx, r, live, deps);
    };
  }

  private static ResourcePlan delete(PlanContext ctx, LiveResource l) {
    return switch (l.id().kind()) {
      case TASK_DEFINITION -> TaskDefinitionPlans.delete(ctx, l);
      case SERVICE -> ServicePlans.delete(ctx, l);
      case CLUSTER -> ClusterPlans.delete(ctx, l);
      case DAEMON, DAEMON_TASK_DEFINITION -> DaemonPlans.delete(ctx, l);
      case TARGET_GROUP, LOAD_BALANCER, LISTENER, LISTENER_RULE -> ElbPlans.delete(ctx, l);
      default -> SimplePlans.delete(ctx, l);
    };
  }

  /** What a declared resource refers to among the other declared resources. */
  static List<String> dependencies(Resource r, Map<ResourceId, Resource> declared) {
    Set<ResourceId> refs = new LinkedHashSet<>();
    JsonNode body = r.primary().body();
    switch (r.kind()) {
      case SERVICE -> {
        refs.add(new ResourceId(ResourceKind.CLUSTER, null, r.cluster()));
        if (body.hasNonNull("taskDefinition")) {
          refs.add(new ResourceId(ResourceKind.TASK_DEFINITION, null, TaskDefinitionPlans.family(body.get("taskDefinition").asText())));
        }
        if (body.path("serviceConnectConfiguration").hasNonNull("namespace")) {
          refs.add(new ResourceId(ResourceKind.NAMESPACE, null, body.path("serviceConnectConfiguration").path("namespace").asText()));
        }
        body.path("capacityProviderStrategy").forEach(s ->
            refs.add(new ResourceId(ResourceKind.CAPACITY_PROVIDER, null, s.path("capacityProvider").asText())));
      }
      case SCALING -> refs.add(new ResourceId(ResourceKind.SERVICE, r.cluster(), r.name()));
      case EXPRESS_SERVICE -> refs.add(new ResourceId(ResourceKind.CLUSTER, null, r.cluster()));
      case DAEMON -> {
        // Its daemon task definition is a placeholder, found below.
        refs.add(new ResourceId(ResourceKind.CLUSTER, null, r.cluster()));
        body.path("capacityProviderArns").forEach(a ->
            refs.add(new ResourceId(ResourceKind.CAPACITY_PROVIDER, null, DaemonPlans.name(a.asText()))));
      }
      case CAPACITY_PROVIDER -> {
        // A Managed Instances provider is created for its cluster, which must exist first.
        if (body.hasNonNull("cluster")) {
          refs.add(new ResourceId(ResourceKind.CLUSTER, null, body.get("cluster").asText()));
        }
      }
      case CLUSTER -> {
        body.path("capacityProviders").forEach(c -> refs.add(new ResourceId(ResourceKind.CAPACITY_PROVIDER, null, c.asText())));
        if (body.path("serviceConnectDefaults").hasNonNull("namespace")) {
          refs.add(new ResourceId(ResourceKind.NAMESPACE, null, body.path("serviceConnectDefaults").path("namespace").asText()));
        }
      }
      case SCHEDULE -> {
        JsonNode target = r.primary().body().path("Target");
        if (target.isObject()) { // an EventBridge Scheduler schedule: one target, in the request itself
          String arn = target.path("Arn").asText();
          refs.add(new ResourceId(ResourceKind.CLUSTER, null, arn.substring(arn.lastIndexOf('/') + 1)));
          String td = target.path("EcsParameters").path("TaskDefinitionArn").asText(null);
          if (td != null) {
            refs.add(new ResourceId(ResourceKind.TASK_DEFINITION, null, TaskDefinitionPlans.family(td)));
          }
        }
        for (int i = 1; i < r.requests().size(); i++) {
          for (JsonNode t : r.requests().get(i).body().path("Targets")) {
            String arn = t.path("Arn").asText();
            refs.add(new ResourceId(ResourceKind.CLUSTER, null, arn.substring(arn.lastIndexOf('/') + 1)));
            String td = t.path("EcsParameters").path("TaskDefinitionArn").asText(null);
            if (td != null) {
              refs.add(new ResourceId(ResourceKind.TASK_DEFINITION, null, TaskDefinitionPlans.family(td)));
            }
          }
        }
      }
      default -> {}
    }
    // Load balancers, listeners and target groups are named by the ARNs AWS gives them: a request
    // that holds one's placeholder needs it to exist first.
    for (io.ecsl.model.ApiRequest request : r.requests()) {
      for (io.ecsl.model.ArnPlaceholder p : io.ecsl.model.ArnPlaceholder.distinct(request.body())) {
        refs.add(new ResourceId(p.kind(), null, p.name()));
      }
    }
    List<String> out = new ArrayList<>();
    for (ResourceId id : refs) {
      if (declared.containsKey(id)) {
        out.add(id.address());
      }
    }
    return out;
  }

  /** A service deleted from one cluster and created in another with the same name is one replacement. */
  private static List<ResourcePlan> pairMovedServices(List<ResourcePlan> plans) {
    Map<String, ResourcePlan> deleted = new HashMap<>();
    for (ResourcePlan p : plans) {
      if (p.id().kind() == ResourceKind.SERVICE && p.action() == Action.DELETE) {
        deleted.put(p.id().name(), p);
      }
    }
    if (deleted.isEmpty()) {
      return plans;
    }
    List<ResourcePlan> out = new ArrayList<>();
    Set<ResourcePlan> consumed = new HashSet<>();
    for (ResourcePlan p : plans) {
      ResourcePlan old = p.id().kind() == ResourceKind.SERVICE && p.action() == Action.CREATE ? deleted.get(p.id().name()) : null;
      if (old != null && !consumed.contains(old)) {
        consumed.add(old);
        out.add(ServicePlans.moved(p, old));
      } else {
        out.add(p);
      }
    }
    out.removeIf(consumed::contains);
    return out;
  }
}
