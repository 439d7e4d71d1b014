package io.ecsl.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.model.ApiRequest;
import io.ecsl.model.EcsModel;
import io.ecsl.model.Resource;
import io.ecsl.model.ResourceKind;
import io.ecsl.model.TaskDefinitionRef;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The model read once per run and shared by every rule: views of each resource and lookups by
 * name, so cross-resource rules resolve a reference in constant time (a project of 10,000
 * services checks in linear time).
 *
 * <p>A reference resolves only to something declared in the project. A string that names
 * something else (an ARN, a pinned revision {@code web:7}, a cluster created elsewhere) resolves to
 * null, and cross-resource rules skip what they cannot see.
 */
public final class ModelIndex {
  private final EcsModel model;
  private final List<TaskDefinitionView> taskDefinitions = new ArrayList<>();
  private final Map<String, TaskDefinitionView> taskByFamily = new HashMap<>();
  private final List<ClusterView> clusters = new ArrayList<>();
  private final Map<String, ClusterView> clusterByName = new HashMap<>();
  private final List<ServiceView> services = new ArrayList<>();
  private final Map<String, ServiceView> serviceByKey = new HashMap<>();
  private final List<Resource> capacityProviders = new ArrayList<>();
  private final Map<String, Resource> capacityProviderByName = new HashMap<>();
  private final List<Resource> namespaces = new ArrayList<>();
  private final Map<String, Resource> namespaceByName = new HashMap<>();
  private final List<ScheduleTargetView> scheduleTargets = new ArrayList<>();
  private final List<Resource> schedules = new ArrayList<>();
  private final List<ScalingView> scaling = new ArrayList<>();
  private final List<Resource> accountSettings = new ArrayList<>();
  private final Map<Object, Object> shared = new HashMap<>();
  /** Every resource with requests, by kind, in model order: whole-model rules ask for one kind each. */
  private final Map<ResourceKind, List<Resource>> byKind = new java.util.EnumMap<>(ResourceKind.class);

  public ModelIndex(EcsModel model) {
    this.model = model;
    List<Resource> taskResources = new ArrayList<>();
    List<Resource> serviceResources = new ArrayList<>();
    List<Resource> scalingResources = new ArrayList<>();
    for (Resource r : model.resources()) {
      if (r.requests().isEmpty()) {
        continue;
      }
      byKind.computeIfAbsent(r.kind(), k -> new ArrayList<>()).add(r);
      switch (r.kind()) {
        case TASK_DEFINITION -> taskResources.add(r);
        case CLUSTER -> {
          ClusterView c = new ClusterView(r, r.primary());
          clusters.add(c);
          clusterByName.putIfAbsent(c.name(), c);
        }
        case CAPACITY_PROVIDER -> {
          capacityProviders.add(r);
          capacityProviderByName.putIfAbsent(r.name(), r);
        }
        case NAMESPACE -> {
          namespaces.add(r);
          namespaceByName.putIfAbsent(r.name(), r);
        }
        case SERVICE -> serviceResources.add(r);
        case SCALING -> scalingResources.add(r);
        case SCHEDULE -> schedules.add(r);
        case ACCOUNT_SETTING -> accountSettings.add(r);
      }
    }
    // Views are read independently, so a large project builds them on every core; the lists keep
    // the model's order and the first of two same-named items wins, as before.
    for (TaskDefinitionView t : taskResources.parallelStream().map(r -> new TaskDefinitionView(r, r.primary())).toList()) {
      taskDefinitions.add(t);
      taskByFamily.putIfAbsent(t.family(), t);
    }
    for (ServiceView s : serviceResources.parallelStream().map(this::service).toList()) {
      services.add(s);
      serviceByKey.putIfAbsent(clusterName(s.clusterName()) + "/" + s.name(), s);
    }
    for (Resource r : schedules) {
      for (ApiRequest req : r.requests()) {
        if (req.operation().equals("CreateSchedule")) {
          // An EventBridge Scheduler schedule has one target, with the same ECS members as a rule's.
          if (Nodes.object(req.body(), "Target") instanceof ObjectNode t && Nodes.object(t, "EcsParameters") != null) {
            scheduleTargets.add(target(r, req, "/Target", t));
          }
        } else if (req.operation().equals("PutTargets")) {
          List<JsonNode> targets = Nodes.list(req.body(), "Targets");
          for (int i = 0; i < targets.size(); i++) {
            if (targets.get(i) instanceof ObjectNode t && Nodes.object(t, "EcsParameters") != null) {
              scheduleTargets.add(target(r, req, "/Targets/" + i, t));
            }
          }
        }
      }
    }
    for (Resource r : scalingResources) {
      ApiRequest target = null;
      List<ApiRequest> policies = new ArrayList<>();
      for (ApiRequest req : r.requests()) {
        if (req.operation().equals("RegisterScalableTarget")) {
          target = req;
        } else if (req.operation().equals("PutScalingPolicy")) {
          policies.add(req);
        }
      }
      ServiceView service = serviceByKey.get(clusterName(r.cluster()) + "/" + r.name());
      if (target != null) {
        String[] id = serviceOf(Nodes.text(target.body(), "ResourceId"));
        if (id != null) {
          ServiceView byId = serviceByKey.get(id[0] + "/" + id[1]);
          service = byId != null ? byId : service;
        }
      }
      scaling.add(new ScalingView(r, target, List.copyOf(policies), service));
    }
  }

  private ServiceView service(Resource r) {
    ApiRequest req = r.primary();
    ObjectNode body = req.body();
    String clusterRef = r.cluster() != null ? r.cluster() : Nodes.text(body, "cluster");
    // A service without a cluster runs in the account's `default` cluster.
    ClusterView cluster = cluster(clusterRef == null ? "default" : clusterRef);
    TaskDefinitionView task = taskDefinition(Nodes.text(body, "taskDefinition"));
    Placement p = placement(Nodes.text(body, "launchType"), Nodes.list(body, "capacityProviderStrategy"), cluster);
    return new ServiceView(r, req, cluster, task, p.launch, p.strategy, p.fromCluster);
  }

  private ScheduleTargetView target(Resource r, ApiRequest req, String pointer, ObjectNode t) {
    ObjectNode ecs = Nodes.object(t, "EcsParameters");
    ClusterView cluster = cluster(Nodes.text(t, "Arn"));
    TaskDefinitionView task = taskDefinition(Nodes.text(ecs, "TaskDefinitionArn"));
    // EventBridge spells the strategy members like ECS does: capacityProvider, weight, base.
    List<JsonNode> strategy = Nodes.list(ecs, "CapacityProviderStrategy");
    Placement p = placement(Nodes.text(ecs, "LaunchType"), strategy, cluster);
    return new ScheduleTargetView(r, req, pointer, t, cluster, task, p.launch, p.strategy, p.fromCluster);
  }

  private record Placement(Launch launch, List<JsonNode> strategy, boolean fromCluster) {}

  private Placement placement(String launchType, List<JsonNode> own, ClusterView cluster) {
    Launch explicit = Launch.of(launchType);
    if (explicit != null) {
      return new Placement(explicit, List.of(), false);
    }
    if (!own.isEmpty()) {
      return new Placement(fromStrategy(own), own, false);
    }
    if (cluster != null) {
      List<JsonNode> defaults = cluster.defaultStrategy();
      // With neither a launch type nor a strategy anywhere, ECS falls back to the EC2 launch type.
      return defaults.isEmpty() ? new Placement(Launch.EC2, List.of(), false)
          : new Placement(fromStrategy(defaults), defaults, true);
    }
    return new Placement(Launch.UNKNOWN, List.of(), false);
  }

  private Launch fromStrategy(List<JsonNode> strategy) {
    boolean fargate = false;
    boolean other = false;
    boolean managed = false;
    for (JsonNode item : strategy) {
      String provider = Strategies.provider(item);
      if (provider == null) {
        continue;
      }
      if (Launch.isFargateProvider(provider)) {
        fargate = true;
      } else {
        other = true;
        Resource declared = capacityProviderByName.get(provider);
        managed |= declared != null && Nodes.has(declared.primary().body(), "managedInstancesProvider");
      }
    }
    if (fargate && !other) {
      return Launch.FARGATE;
    }
    if (other && !fargate) {
      return managed ? Launch.MANAGED_INSTANCES : Launch.EC2;
    }
    return Launch.UNKNOWN;
  }

  public EcsModel model() {
    return model;
  }

  public List<TaskDefinitionView> taskDefinitions() {
    return Collections.unmodifiableList(taskDefinitions);
  }

  /**
   * The declared task definition a reference names: its family, or an ARN of the family without a
   * revision. A pinned revision ({@code web:7}) names a registration made before this build, whose
   * content the project does not describe, so it resolves to null.
   */
  public TaskDefinitionView taskDefinition(String ref) {
    TaskDefinitionRef parsed = TaskDefinitionRef.parse(ref);
    return parsed == null || parsed.revision() != null ? null : taskByFamily.get(parsed.family());
  }

  public List<ClusterView> clusters() {
    return Collections.unmodifiableList(clusters);
  }

  /** The declared cluster a name or cluster ARN names, or null. */
  public ClusterView cluster(String ref) {
    return ref == null ? null : clusterByName.get(clusterName(ref));
  }

  /** {@code arn:aws:ecs:r:a:cluster/prod} → {@code prod}; a name stays as is; null → {@code default}. */
  public static String clusterName(String ref) {
    if (ref == null) {
      return "default";
    }
    int slash = ref.startsWith("arn:") ? ref.lastIndexOf(":cluster/") : -1;
    return slash >= 0 ? ref.substring(slash + ":cluster/".length()) : ref;
  }

  /** {@code service/prod/web} → {@code [prod, web]}, or null. */
  static String[] serviceOf(String resourceId) {
    if (resourceId == null || !resourceId.startsWith("service/")) {
      return null;
    }
    String[] parts = resourceId.split("/", -1);
    return parts.length == 3 ? new String[] {parts[1], parts[2]} : null;
  }

  public List<ServiceView> services() {
    return Collections.unmodifiableList(services);
  }

  public ServiceView service(String cluster, String name) {
    return serviceByKey.get(clusterName(cluster) + "/" + name);
  }

  public List<Resource> capacityProviders() {
    return Collections.unmodifiableList(capacityProviders);
  }

  /** The declared capacity provider of this name, or null. */
  public Resource capacityProvider(String name) {
    return name == null ? null : capacityProviderByName.get(name);
  }

  public List<Resource> namespaces() {
    return Collections.unmodifiableList(namespaces);
  }

  /** The declared namespace of this name, or null (ARNs name namespaces outside the project). */
  public Resource namespace(String ref) {
    return ref == null ? null : namespaceByName.get(ref);
  }

  public List<Resource> schedules() {
    return Collections.unmodifiableList(schedules);
  }

  /** Every ECS target of every schedule. */
  public List<ScheduleTargetView> scheduleTargets() {
    return Collections.unmodifiableList(scheduleTargets);
  }

  public List<ScalingView> scaling() {
    return Collections.unmodifiableList(scaling);
  }

  public List<Resource> accountSettings() {
    return Collections.unmodifiableList(accountSettings);
  }

  /**
   * Something several rules derive from the whole model, computed once per run by the first rule
   * that asks (rules may run in parallel, hence the lock).
   */
  @SuppressWarnings("unchecked")
  public synchronized <T> T shared(Object key, java.util.function.Supplier<T> compute) {
    Object v = shared.get(key);
    if (v == null) {
      v = compute.get();
      shared.put(key, v);
    }
    return (T) v;
  }

  /** Resources of a kind, in model order. */
  public List<Resource> ofKind(ResourceKind kind) {
    return Collections.unmodifiableList(byKind.getOrDefault(kind, List.of()));
  }
}
