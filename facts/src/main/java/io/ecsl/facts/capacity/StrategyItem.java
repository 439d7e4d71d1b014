package io.ecsl.facts.capacity;

import io.ecsl.facts.limits.EcsLimit;

/**
 * One item of a capacity provider strategy, {@code {capacityProvider, base, weight}} (ecs-semantics
 * §4.3). Both numbers default to 0 in the API.
 */
public record StrategyItem(String provider, int base, int weight) {
  public StrategyItem {
    if (provider == null || provider.isEmpty()) {
      throw new IllegalArgumentException("a capacity provider strategy item needs a capacity provider");
    }
    if (!EcsLimit.STRATEGY_BASE.allows(base)) {
      throw new IllegalArgumentException("capacity provider " + provider + " has base " + base + "; ECS takes "
          + EcsLimit.STRATEGY_BASE.min() + " to " + EcsLimit.STRATEGY_BASE.max());
    }
    if (!EcsLimit.STRATEGY_WEIGHT.allows(weight)) {
      throw new IllegalArgumentException("capacity provider " + provider + " has weight " + weight + "; ECS takes "
          + EcsLimit.STRATEGY_WEIGHT.min() + " to " + EcsLimit.STRATEGY_WEIGHT.max());
    }
  }

  /** An item with weight only, the usual form: {@code FARGATE_SPOT weight 3}. */
  public static StrategyItem weighted(String provider, int weight) {
    return new StrategyItem(provider, 0, weight);
  }
}
