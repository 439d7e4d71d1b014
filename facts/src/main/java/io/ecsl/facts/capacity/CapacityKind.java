package io.ecsl.facts.capacity;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The three kinds of capacity a provider stands for. One capacity provider strategy places its
 * tasks on one kind only (ecs-semantics §4.3: "a single strategy cannot mix Fargate and Auto
 * Scaling group providers"; a Managed Instances provider's tasks use the MANAGED_INSTANCES launch
 * type, which no Fargate or Auto Scaling group provider gives, so it is not mixed either). The
 * compiler (E1306, E2104) and the runtime's strategy validation read {@link #firstOfEach}.
 */
public enum CapacityKind {
  FARGATE("Fargate"),
  AUTO_SCALING_GROUP("Auto Scaling group"),
  MANAGED_INSTANCES("Managed Instances");

  private final String label;

  CapacityKind(String label) {
    this.label = label;
  }

  /** How messages name the kind ("Fargate", "Auto Scaling group", "Managed Instances"). */
  public String label() {
    return label;
  }

  /**
   * The index of the first item of each kind in a strategy's providers. {@code kindOf} answers
   * null for a provider whose kind is unknown (offline, one managed elsewhere): it is left out.
   * A strategy is valid in this respect when the map has at most one entry.
   */
  public static Map<CapacityKind, Integer> firstOfEach(List<String> providers, Function<String, CapacityKind> kindOf) {
    Map<CapacityKind, Integer> first = new EnumMap<>(CapacityKind.class);
    for (int i = 0; i < providers.size(); i++) {
      String provider = providers.get(i);
      CapacityKind kind = provider == null ? null : kindOf.apply(provider);
      if (kind != null) {
        first.putIfAbsent(kind, i);
      }
    }
    return Collections.unmodifiableMap(first);
  }

  /** True when the strategy's kinds include both Fargate and Auto Scaling group capacity (E1306). */
  public static boolean mixesFargateAndAutoScaling(Map<CapacityKind, Integer> kinds) {
    return kinds.containsKey(FARGATE) && kinds.containsKey(AUTO_SCALING_GROUP);
  }

  /** True when the strategy's kinds include Managed Instances and another kind (E2104). */
  public static boolean mixesManagedInstances(Map<CapacityKind, Integer> kinds) {
    return kinds.containsKey(MANAGED_INSTANCES) && kinds.size() > 1;
  }
}
