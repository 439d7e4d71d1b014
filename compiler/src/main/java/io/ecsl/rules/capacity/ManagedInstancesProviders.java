package io.ecsl.rules.capacity;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.model.Resource;
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

  /** The cluster a Managed Instances provider belongs to ({@code cluster = NAME}), or null. */
  public static String cluster(Resource provider) {
    return Nodes.text(provider.primary().body(), "cluster");
  }
}
