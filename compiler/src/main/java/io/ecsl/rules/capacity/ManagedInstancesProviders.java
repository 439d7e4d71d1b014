package io.ecsl.rules.capacity;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.facts.capacity.CapacityKind;
import io.ecsl.model.Resource;
import io.ecsl.rules.Launch;
import io.ecsl.rules.ModelIndex;
import io.ecsl.rules.Nodes;

/** What the Managed Instances rules ask of a declared capacity provider. */
public final class ManagedInstancesProviders {
  private ManagedInstancesProviders() {}

  /** The provider's {@code managedInstancesProvider}, or null for any other provider. */
  public static JsonNode settings(Resource provider) {
    return provider == null ? null : Nodes.object(provider.primary().body(), "managedInstancesProvider");
  }

  /** True when the project declares {@code name} as a Managed Instances capacity provider. */
  public static boolean isManaged(ModelIndex index, String name) {
    return settings(index.capacityProvider(name)) != null;
  }

  /**
   * The kind of capacity {@code name} stands for: Fargate's own providers, and the providers the
   * project declares; null for one declared elsewhere, whose kind is unknown offline.
   */
  public static CapacityKind kindOf(ModelIndex index, String name) {
    if (Launch.isFargateProvider(name)) {
      return CapacityKind.FARGATE;
    }
    Resource provider = index.capacityProvider(name);
    if (provider == null) {
      return null;
    }
    return settings(provider) != null ? CapacityKind.MANAGED_INSTANCES : CapacityKind.AUTO_SCALING_GROUP;
  }

  /** The cluster a Managed Instances provider belongs to ({@code cluster = NAME}), or null. */
  public static String cluster(Resource provider) {
    return Nodes.text(provider.primary().body(), "cluster");
  }
}
