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
import io.ecsl.runtime.engine.RuntimeState;
import io.ecsl.runtime.json.Json;
import io.ecsl.runtime.model.Arns;
import io.ecsl.runtime.store.Tag;
import java.util.ArrayList;
import java.util.List;

/**
 * CreateCapacityProvider, UpdateCapacityProvider, DeleteCapacityProvider, DescribeCapacityProviders.
 * Stored and described faithfully; acting on managed scaling is future work (§4).
 */
final class CapacityProviderOps {

  private final RuntimeState state;
  private final EcsRenderer renderer;

  CapacityProviderOps(RuntimeState state, EcsRenderer renderer) {
    this.state = state;
    this.renderer = renderer;
  }

  JsonNode create(JsonNode request, RequestContext context) {
    String name = Requests.required(request, "name", "ClientException");
    if (!EcsName.CAPACITY_PROVIDER.isValid(name)) {
      throw new ApiException("ClientException", "Invalid capacity provider name '" + name + "': use 1 to 255"
          + " letters, digits, hyphens and underscores, not starting with aws, ecs or fargate.");
    }
    JsonNode asg = request.get("autoScalingGroupProvider");
    JsonNode managed = request.get("managedInstancesProvider");
    if ((asg == null || asg.isNull()) && (managed == null || managed.isNull())) {
      throw ApiException.invalidParameter("Capacity provider " + name + " needs an autoScalingGroupProvider"
          + " (with autoScalingGroupArn) or a managedInstancesProvider.");
    }
    if (asg != null && Json.text(asg, "autoScalingGroupArn") == null) {
      throw ApiException.invalidParameter("autoScalingGroupProvider.autoScalingGroupArn is required for capacity"
          + " provider " + name + ".");
    }
    if (asg != null && !asg.isNull() && managed != null && !managed.isNull()) {
      throw ApiException.invalidParameter("Capacity provider " + name + " takes an autoScalingGroupProvider or a"
          + " managedInstancesProvider, not both.");
    }
    String clusterRef = Json.text(request, "cluster");
    if (managed != null && !managed.isNull()) {
      checkManagedInstances(name, managed, clusterRef);
    }
    List<Tag> tags = Requests.ecsTags(request.get("tags"));
    return state.atomically(() -> {
      String arn = Arns.capacityProvider(context.region(), name);
      if (managed != null && !managed.isNull()) {
        ObjectNode cluster = state.clusters.get(Arns.isArn(clusterRef) ? clusterRef : Arns.cluster(context.region(), clusterRef));
        if (cluster == null || !"ACTIVE".equals(Json.text(cluster, "status"))) {
          throw new ApiException("ClusterNotFoundException", "Cluster not found: " + clusterRef + ". A Managed Instances"
              + " capacity provider is created for an existing cluster.");
        }
      }
      ObjectNode existing = state.capacityProviders.get(arn);
      if (existing != null && "ACTIVE".equals(Json.text(existing, "status"))) {
        throw new ApiException("ClientException", "The specified capacity provider " + name + " already exists."
            + " To change its configuration, use UpdateCapacityProvider.");
      }
      ObjectNode provider = Json.object();
      provider.put("capacityProviderArn", arn);
      provider.put("name", name);
      Json.putIfPresent(provider, "cluster", Json.text(request, "cluster"));
      provider.put("status", "ACTIVE");
      if (asg != null) {
        provider.set("autoScalingGroupProvider", withAsgDefaults(asg.deepCopy()));
        provider.put("type", "EC2_AUTOSCALING");
      } else {
        provider.set("managedInstancesProvider", managed);
        provider.put("type", "MANAGED_INSTANCES");
      }
      state.capacityProviders.put(arn, provider);
      state.deleteTags(arn);
      if (!tags.isEmpty()) {
        state.putTags(arn, tags);
      }
      return wrap(render(provider, true));
    });
  }

  /**
   * What CreateCapacityProvider requires of a Managed Instances provider beyond the model's shape:
   * the cluster it belongs to, and instances it can launch (subnets; vCPU and memory ranges).
   */
  private static void checkManagedInstances(String name, JsonNode managed, String cluster) {
    if (cluster == null || cluster.isBlank()) {
      throw ApiException.invalidParameter("cluster is required for Managed Instances capacity provider " + name
          + ": it becomes available only within that cluster.");
    }
    JsonNode template = managed.path("instanceLaunchTemplate");
    if (Json.text(managed, "infrastructureRoleArn") == null || Json.text(template, "ec2InstanceProfileArn") == null
        || !template.has("networkConfiguration")) {
      throw ApiException.invalidParameter("managedInstancesProvider of " + name + " needs infrastructureRoleArn and an"
          + " instanceLaunchTemplate with ec2InstanceProfileArn and networkConfiguration.");
    }
    if (Json.strings(template.path("networkConfiguration"), "subnets").isEmpty()) {
      throw ApiException.invalidParameter("instanceLaunchTemplate.networkConfiguration.subnets of " + name
          + " lists no subnet to launch instances in.");
    }
    JsonNode requirements = template.path("instanceRequirements");
    for (String range : List.of("vCpuCount", "memoryMiB")) {
      JsonNode r = requirements.path(range);
      if (r.has("min") && r.has("max") && r.get("min").asDouble() > r.get("max").asDouble()) {
        throw ApiException.invalidParameter("instanceRequirements." + range + " of " + name + " has min above max.");
      }
    }
    JsonNode scaleIn = managed.path("infrastructureOptimization").path("scaleInAfter");
    if (scaleIn.isNumber() && (scaleIn.asLong() < -1 || scaleIn.asLong() > 3600)) {
      throw ApiException.invalidParameter("infrastructureOptimization.scaleInAfter of " + name
          + " must be -1 or 0 to 3600 seconds; got " + scaleIn.asLong() + ".");
    }
  }

  /** ManagedScaling defaults (§4.1). */
  private static ObjectNode withAsgDefaults(ObjectNode asg) {
    if (asg.has("managedScaling")) {
      ObjectNode scaling = (ObjectNode) asg.get("managedScaling");
      putDefault(scaling, "status", "DISABLED");
      putDefault(scaling, "targetCapacity", 100);
      putDefault(scaling, "minimumScalingStepSize", 1);
      putDefault(scaling, "maximumScalingStepSize", 10000);
      putDefault(scaling, "instanceWarmupPeriod", 300);
    } else {
      asg.putObject("managedScaling").put("status", "DISABLED").put("targetCapacity", 100)
          .put("minimumScalingStepSize", 1).put("maximumScalingStepSize", 10000).put("instanceWarmupPeriod", 300);
    }
    putDefault(asg, "managedTerminationProtection", "DISABLED");
    putDefault(asg, "managedDraining", "ENABLED");
    return asg;
  }

  private static void putDefault(ObjectNode node, String field, Object value) {
    if (!node.has(field)) {
      Json.putIfPresent(node, field, value);
    }
  }

  JsonNode update(JsonNode request, RequestContext context) {
    String name = Requests.required(request, "name", "ClientException");
    return state.atomically(() -> {
      ObjectNode provider = active(context, name).deepCopy();
      JsonNode changes = request.get("autoScalingGroupProvider");
      if (changes != null && provider.has("autoScalingGroupProvider")) {
        ObjectNode asg = (ObjectNode) provider.get("autoScalingGroupProvider");
        if (changes.has("managedScaling")) {
          ((ObjectNode) asg.get("managedScaling")).setAll((ObjectNode) changes.get("managedScaling"));
        }
        for (String field : List.of("managedTerminationProtection", "managedDraining")) {
          if (changes.has(field)) {
            asg.set(field, changes.get(field));
          }
        }
      }
      if (request.has("managedInstancesProvider") && provider.has("managedInstancesProvider")) {
        ((ObjectNode) provider.get("managedInstancesProvider")).setAll((ObjectNode) request.get("managedInstancesProvider"));
      }
      provider.put("updateStatus", "UPDATE_COMPLETE");
      state.capacityProviders.put(Json.text(provider, "capacityProviderArn"), provider);
      return wrap(render(provider, true));
    });
  }

  JsonNode delete(JsonNode request, RequestContext context) {
    String reference = Requests.required(request, "capacityProvider", "ClientException");
    return state.atomically(() -> {
      ObjectNode provider = active(context, reference).deepCopy();
      String name = Json.text(provider, "name");
      for (ObjectNode cluster : state.clusters.values()) {
        if ("ACTIVE".equals(Json.text(cluster, "status")) && Json.strings(cluster, "capacityProviders").contains(name)) {
          throw new ApiException("ClientException", "The specified capacity provider is in use and cannot be removed:"
              + " cluster " + Json.text(cluster, "clusterName") + " uses " + name
              + "; remove it with PutClusterCapacityProviders first.");
        }
      }
      provider.put("status", "INACTIVE");
      provider.put("updateStatus", "DELETE_COMPLETE");
      state.capacityProviders.put(Json.text(provider, "capacityProviderArn"), provider);
      return wrap(render(provider, false));
    });
  }

  JsonNode describe(JsonNode request, RequestContext context) {
    List<String> wanted = Json.strings(request, "capacityProviders");
    boolean includeTags = Json.strings(request, "include").contains("TAGS");
    return state.atomically(() -> {
      List<ObjectNode> found = new ArrayList<>();
      ArrayNode failures = Json.array();
      if (wanted.isEmpty()) {
        found.add(predefined(context, "FARGATE"));
        found.add(predefined(context, FargateProviders.FARGATE_SPOT));
        for (ObjectNode provider : state.capacityProviders.values()) {
          if (context.region().equals(Arns.regionOf(Json.text(provider, "capacityProviderArn")))) {
            found.add(render(provider, includeTags));
          }
        }
      } else {
        for (String reference : wanted) {
          String name = Arns.lastSegment(reference);
          if (FargateProviders.is(name)) {
            found.add(predefined(context, name));
            continue;
          }
          ObjectNode provider = state.capacityProviders.get(Arns.capacityProvider(context.region(), name));
          if (provider == null) {
            failures.addObject().put("arn", Arns.isArn(reference) ? reference
                : Arns.capacityProvider(context.region(), name)).put("reason", "MISSING");
          } else {
            found.add(render(provider, includeTags));
          }
        }
      }
      ObjectNode response = Pages.response(Paging.ECS, request, found, "capacityProviders", 10, 10);
      response.set("failures", failures);
      return response;
    });
  }

  private ObjectNode active(RequestContext context, String reference) {
    ObjectNode provider = state.capacityProviders.get(Arns.capacityProvider(context.region(), Arns.lastSegment(reference)));
    if (provider == null || !"ACTIVE".equals(Json.text(provider, "status"))) {
      throw new ApiException("ClientException", "The specified capacity provider " + reference + " does not exist.");
    }
    return provider;
  }

  private static ObjectNode predefined(RequestContext context, String name) {
    ObjectNode provider = Json.object();
    provider.put("capacityProviderArn", Arns.capacityProvider(context.region(), name));
    provider.put("name", name);
    provider.put("status", "ACTIVE");
    provider.putArray("tags");
    provider.put("type", name);
    return provider;
  }

  private ObjectNode render(ObjectNode stored, boolean includeTags) {
    ObjectNode out = stored.deepCopy();
    if (includeTags) {
      out.set("tags", renderer.tagsOf(Json.text(stored, "capacityProviderArn")));
    }
    return out;
  }

  private static ObjectNode wrap(ObjectNode provider) {
    ObjectNode response = Json.object();
    response.set("capacityProvider", provider);
    return response;
  }
}
