package io.ecsl.runtime.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.facts.capacity.CapacityKind;
import io.ecsl.facts.capacity.FargateProviders;
import io.ecsl.runtime.json.Json;
import io.ecsl.runtime.model.Arns;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Which capacity providers a cluster's strategies may name: those associated with it by
 * PutClusterCapacityProviders (its {@code capacityProviders}), and the ECS Managed Instances
 * providers created for it (CreateCapacityProvider's {@code cluster}: "it becomes available only
 * within the specified cluster", and PutClusterCapacityProviders does not take one).
 */
public final class ClusterProviders {
  private ClusterProviders() {}

  /** The names of the providers the cluster's strategies may use. */
  public static List<String> associated(RuntimeState state, ObjectNode cluster) {
    List<String> out = new ArrayList<>(Json.strings(cluster, "capacityProviders"));
    for (ObjectNode provider : managedInstances(state, cluster)) {
      String name = Json.text(provider, "name");
      if (!out.contains(name)) {
        out.add(name);
      }
    }
    return out;
  }

  /** The ACTIVE Managed Instances providers created for the cluster. */
  public static List<ObjectNode> managedInstances(RuntimeState state, ObjectNode cluster) {
    List<ObjectNode> out = new ArrayList<>();
    String clusterArn = Json.text(cluster, "clusterArn");
    for (ObjectNode provider : state.capacityProviders.values()) {
      if (isManagedInstances(provider) && "ACTIVE".equals(Json.text(provider, "status"))
          && clusterArn.equals(clusterArnOf(provider))) {
        out.add(provider);
      }
    }
    return out;
  }

  /** True for a Managed Instances capacity provider (stored, or as a request gives it). */
  public static boolean isManagedInstances(JsonNode provider) {
    JsonNode managed = provider == null ? null : provider.get("managedInstancesProvider");
    return managed != null && !managed.isNull();
  }

  /**
   * The kind of capacity a provider named in a strategy stands for: Fargate's own, or the stored
   * provider's; null for a name the runtime does not know.
   */
  public static CapacityKind kindOf(RuntimeState state, String region, String provider) {
    if (FargateProviders.is(provider)) {
      return CapacityKind.FARGATE;
    }
    ObjectNode stored = state.capacityProviders.get(Arns.capacityProvider(region, provider));
    if (stored == null) {
      return null;
    }
    return isManagedInstances(stored) ? CapacityKind.MANAGED_INSTANCES : CapacityKind.AUTO_SCALING_GROUP;
  }

  /** {@link #kindOf} in the region, for strategy validation. */
  public static Function<String, CapacityKind> kinds(RuntimeState state, String region) {
    return provider -> kindOf(state, region, provider);
  }

  /** The ARN of the cluster a Managed Instances provider belongs to, or null. */
  public static String clusterArnOf(ObjectNode provider) {
    String cluster = Json.text(provider, "cluster");
    if (cluster == null) {
      return null;
    }
    return Arns.isArn(cluster) ? cluster
        : Arns.cluster(Arns.regionOf(Json.text(provider, "capacityProviderArn")), cluster);
  }
}
