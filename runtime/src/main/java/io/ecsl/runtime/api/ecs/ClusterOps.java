package io.ecsl.runtime.api.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.facts.capacity.FargateProviders;
import io.ecsl.facts.limits.EcsName;
import io.ecsl.runtime.api.ApiException;
import io.ecsl.runtime.api.Pages;
import io.ecsl.runtime.api.Pages.Paging;
import io.ecsl.runtime.api.RequestContext;
import io.ecsl.runtime.api.Requests;
import io.ecsl.runtime.api.cloudmap.Namespaces;
import io.ecsl.runtime.engine.ClusterProviders;
import io.ecsl.runtime.engine.ControlPlane;
import io.ecsl.runtime.engine.RuntimeState;
import io.ecsl.runtime.json.Json;
import io.ecsl.runtime.lifecycle.DockerNames;
import io.ecsl.runtime.model.Arns;
import io.ecsl.runtime.model.DaemonEntity;
import io.ecsl.runtime.model.ServiceEntity;
import io.ecsl.runtime.model.TaskEntity;
import io.ecsl.runtime.store.Tag;
import java.util.ArrayList;
import java.util.List;

/** CreateCluster, UpdateCluster, UpdateClusterSettings, DeleteCluster, DescribeClusters, ListClusters, PutClusterCapacityProviders. */
final class ClusterOps {

  private final ControlPlane plane;
  private final RuntimeState state;
  private final EcsResolver resolver;
  private final EcsRenderer renderer;
  private final AccountSettingOps accountSettings;

  ClusterOps(ControlPlane plane, EcsResolver resolver, EcsRenderer renderer, AccountSettingOps accountSettings) {
    this.plane = plane;
    this.state = plane.state();
    this.resolver = resolver;
    this.renderer = renderer;
    this.accountSettings = accountSettings;
  }

  JsonNode create(JsonNode request, RequestContext context) {
    String name = Json.text(request, "clusterName", EcsResolver.DEFAULT_CLUSTER);
    if (!EcsName.CLUSTER.isValid(name)) {
      throw ApiException.invalidParameter("Invalid cluster name '" + name
          + "': use 1 to 255 letters, digits, hyphens and underscores.");
    }
    List<Tag> tags = Requests.ecsTags(request.get("tags"));
    JsonNode settings = validSettings(request.get("settings"));
    return state.atomically(() -> {
      String arn = Arns.cluster(context.region(), name);
      ObjectNode existing = state.clusters.get(arn);
      if (existing != null && "ACTIVE".equals(Json.text(existing, "status"))) {
        // CreateCluster is idempotent: the existing cluster comes back unchanged.
        return wrap(renderer.clusterFull(existing));
      }
      List<String> providers = Json.strings(request, "capacityProviders");
      validateProviders(context, providers, arn);
      CapacityProviderRules.validateStrategy(request.get("defaultCapacityProviderStrategy"), providers,
          ClusterProviders.kinds(state, context.region()), "defaultCapacityProviderStrategy");
      ObjectNode cluster = Json.object();
      cluster.put("clusterArn", arn);
      cluster.put("clusterName", name);
      cluster.put("status", "ACTIVE");
      cluster.set("settings", settings != null ? settings : defaultSettings(context));
      if (request.has("configuration")) {
        cluster.set("configuration", request.get("configuration"));
      }
      cluster.set("capacityProviders", Json.arrayOf(providers));
      cluster.set("defaultCapacityProviderStrategy", strategyOrEmpty(request.get("defaultCapacityProviderStrategy")));
      setServiceConnectDefaults(cluster, request.get("serviceConnectDefaults"), context);
      state.clusters.put(arn, cluster);
      state.deleteTags(arn);
      if (!tags.isEmpty()) {
        state.putTags(arn, tags);
      }
      return wrap(renderer.clusterFull(cluster));
    });
  }

  private ArrayNode defaultSettings(RequestContext context) {
    ArrayNode settings = Json.array();
    settings.addObject().put("name", "containerInsights")
        .put("value", accountSettings.effectiveValue(context, "containerInsights"));
    return settings;
  }

  private static JsonNode validSettings(JsonNode settings) {
    if (settings == null || settings.isNull()) {
      return null;
    }
    for (JsonNode setting : settings) {
      String name = Json.text(setting, "name");
      String value = Json.text(setting, "value");
      if (!"containerInsights".equals(name)) {
        throw ApiException.invalidParameter("Unknown cluster setting '" + name + "': the only cluster setting is"
            + " containerInsights.");
      }
      if (!List.of("enhanced", "enabled", "disabled").contains(value)) {
        throw ApiException.invalidParameter("Invalid containerInsights value '" + value
            + "': use enhanced, enabled or disabled.");
      }
    }
    return settings;
  }

  private static JsonNode strategyOrEmpty(JsonNode strategy) {
    return strategy == null || strategy.isNull() ? Json.array() : strategy;
  }

  private void validateProviders(RequestContext context, List<String> providers, String clusterArn) {
    for (String provider : providers) {
      if (FargateProviders.is(provider)) {
        continue;
      }
      ObjectNode stored = state.capacityProviders.get(Arns.capacityProvider(context.region(), Arns.lastSegment(provider)));
      if (stored == null || !"ACTIVE".equals(Json.text(stored, "status"))) {
        throw ApiException.invalidParameter("The specified capacity provider " + provider + " does not exist;"
            + " create it with CreateCapacityProvider (FARGATE and FARGATE_SPOT are predefined).");
      }
      if (ClusterProviders.isManagedInstances(stored)) {
        throw ApiException.invalidParameter("The specified capacity provider " + provider + " is a Managed Instances"
            + " capacity provider: it is available within the cluster it was created for, and"
            + " PutClusterCapacityProviders does not take it.");
      }
      for (ObjectNode other : state.clusters.values()) {
        boolean elsewhere = !Json.text(other, "clusterArn").equals(clusterArn)
            && "ACTIVE".equals(Json.text(other, "status"))
            && Json.strings(other, "capacityProviders").contains(Json.text(stored, "name"));
        if (elsewhere) {
          throw ApiException.invalidParameter("The capacity provider " + provider + " is already associated with"
              + " cluster " + Json.text(other, "clusterName") + "; an Auto Scaling group provider serves one cluster.");
        }
      }
    }
  }

  private void setServiceConnectDefaults(ObjectNode cluster, JsonNode defaults, RequestContext context) {
    if (defaults == null || defaults.isNull()) {
      return;
    }
    String namespace = Json.text(defaults, "namespace", "");
    if (namespace.isEmpty()) {
      cluster.remove("serviceConnectDefaults");
      return;
    }
    String arn = Namespaces.ensureHttpNamespace(state, context.region(), namespace, plane.clock().instant());
    cluster.putObject("serviceConnectDefaults").put("namespace", arn);
  }

  JsonNode update(JsonNode request, RequestContext context) {
    String clusterName = Requests.required(request, "cluster");
    JsonNode settings = validSettings(request.get("settings"));
    return state.atomically(() -> {
      ObjectNode cluster = resolver.activeCluster(context, clusterName).deepCopy();
      if (settings != null) {
        cluster.set("settings", settings);
      }
      if (request.has("configuration")) {
        cluster.set("configuration", request.get("configuration"));
      }
      setServiceConnectDefaults(cluster, request.get("serviceConnectDefaults"), context);
      state.clusters.put(Json.text(cluster, "clusterArn"), cluster);
      return wrap(renderer.clusterFull(cluster));
    });
  }

  JsonNode updateSettings(JsonNode request, RequestContext context) {
    String clusterName = Requests.required(request, "cluster");
    JsonNode settings = validSettings(Requests.requiredNode(request, "settings", "InvalidParameterException"));
    return state.atomically(() -> {
      ObjectNode cluster = resolver.activeCluster(context, clusterName).deepCopy();
      cluster.set("settings", settings);
      state.clusters.put(Json.text(cluster, "clusterArn"), cluster);
      return wrap(renderer.clusterFull(cluster));
    });
  }

  JsonNode delete(JsonNode request, RequestContext context) {
    String clusterName = Requests.required(request, "cluster");
    ObjectNode response = state.atomically(() -> {
      ObjectNode cluster = resolver.activeCluster(context, clusterName).deepCopy();
      String arn = Json.text(cluster, "clusterArn");
      for (ServiceEntity service : state.services.values()) {
        if (service.clusterArn.equals(arn) && !ServiceEntity.INACTIVE.equals(service.status)) {
          throw new ApiException("ClusterContainsServicesException", "The Cluster cannot be deleted while Services"
              + " are active: delete service " + service.serviceName + " (and any others) first.");
        }
      }
      // Before the tasks: a daemon's tasks are not the user's to stop (stopping one replaces its
      // instance), so name the daemon. EMU: ECS documents no error for this; its tasks would be
      // ClusterContainsTasksException, so the same type says it.
      for (DaemonEntity daemon : state.daemons.values()) {
        if (daemon.clusterArn.equals(arn)) {
          throw new ApiException("ClusterContainsTasksException", "The Cluster cannot be deleted while Daemons are"
              + " active: " + (DaemonEntity.ACTIVE.equals(daemon.status) ? "delete daemon " + daemon.daemonName
              + " (and any others) first." : "daemon " + daemon.daemonName + " is still being deleted; try again"
              + " when DescribeDaemon no longer finds it."));
        }
      }
      for (TaskEntity task : state.tasks.values()) {
        if (task.clusterArn.equals(arn) && !task.isStopped()) {
          throw new ApiException("ClusterContainsTasksException", "The Cluster cannot be deleted while Tasks are"
              + " active: stop task " + task.taskId + " (and any others) first.");
        }
      }
      cluster.put("status", "INACTIVE");
      cluster.set("capacityProviders", Json.array());
      cluster.set("defaultCapacityProviderStrategy", Json.array());
      state.clusters.put(arn, cluster);
      return wrap(renderer.clusterFull(cluster));
    });
    String network = DockerNames.clusterNetwork(plane.instanceId(), clusterNameOf(response));
    Thread.ofVirtual().start(() -> {
      try {
        plane.backend().removeNetwork(network);
      } catch (RuntimeException ignored) {
        // best effort: `ecsl runtime stop --clean` removes leftovers by label
      }
    });
    return response;
  }

  private static String clusterNameOf(ObjectNode response) {
    return Json.text(response.get("cluster"), "clusterName");
  }

  JsonNode describe(JsonNode request, RequestContext context) {
    List<String> names = Json.strings(request, "clusters");
    if (names.isEmpty()) {
      names = List.of(EcsResolver.DEFAULT_CLUSTER);
    }
    if (names.size() > 100) {
      throw ApiException.invalidParameter("DescribeClusters takes at most 100 clusters; got " + names.size() + ".");
    }
    List<String> include = Json.strings(request, "include");
    List<String> wanted = names;
    return state.atomically(() -> {
      ObjectNode response = Json.object();
      ArrayNode clusters = response.putArray("clusters");
      ArrayNode failures = response.putArray("failures");
      for (String name : wanted) {
        String arn = resolver.clusterArn(context, name);
        ObjectNode cluster = state.clusters.get(arn);
        if (cluster == null) {
          failures.addObject().put("arn", arn).put("reason", "MISSING");
        } else {
          clusters.add(renderer.cluster(cluster, include));
        }
      }
      return response;
    });
  }

  JsonNode list(JsonNode request, RequestContext context) {
    return state.atomically(() -> {
      List<String> arns = new ArrayList<>();
      for (ObjectNode cluster : state.clusters.values()) {
        String arn = Json.text(cluster, "clusterArn");
        if ("ACTIVE".equals(Json.text(cluster, "status")) && context.region().equals(Arns.regionOf(arn))) {
          arns.add(arn);
        }
      }
      return Pages.response(Paging.ECS, request, arns, "clusterArns", 100, 100);
    });
  }

  JsonNode putCapacityProviders(JsonNode request, RequestContext context) {
    String clusterName = Requests.required(request, "cluster");
    JsonNode providersNode = Requests.requiredNode(request, "capacityProviders", "InvalidParameterException");
    JsonNode strategy = Requests.requiredNode(request, "defaultCapacityProviderStrategy", "InvalidParameterException");
    List<String> providers = new ArrayList<>();
    providersNode.forEach(p -> providers.add(p.asText()));
    return state.atomically(() -> {
      ObjectNode cluster = resolver.activeCluster(context, clusterName).deepCopy();
      String arn = Json.text(cluster, "clusterArn");
      validateProviders(context, providers, arn);
      CapacityProviderRules.validateStrategy(strategy, providers,
          ClusterProviders.kinds(state, context.region()), "defaultCapacityProviderStrategy");
      for (String removed : Json.strings(cluster, "capacityProviders")) {
        if (!providers.contains(removed) && providerInUse(arn, removed)) {
          throw new ApiException("ResourceInUseException", "Capacity provider " + removed + " cannot be removed from"
              + " the cluster while tasks or services use it.");
        }
      }
      cluster.set("capacityProviders", Json.arrayOf(providers));
      cluster.set("defaultCapacityProviderStrategy", strategy);
      state.clusters.put(arn, cluster);
      return wrap(renderer.clusterFull(cluster));
    });
  }

  private boolean providerInUse(String clusterArn, String provider) {
    for (TaskEntity task : state.tasks.values()) {
      if (task.clusterArn.equals(clusterArn) && !task.isStopped() && provider.equals(task.capacityProviderName)) {
        return true;
      }
    }
    return false;
  }

  private static ObjectNode wrap(ObjectNode cluster) {
    ObjectNode response = Json.object();
    response.set("cluster", cluster);
    return response;
  }
}
