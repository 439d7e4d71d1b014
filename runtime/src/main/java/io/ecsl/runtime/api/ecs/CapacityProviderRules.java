package io.ecsl.runtime.api.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.facts.limits.EcsLimit;
import io.ecsl.runtime.api.ApiException;
import io.ecsl.runtime.json.Json;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Capacity provider strategy rules (ECS semantics §4.3). */
final class CapacityProviderRules {
  static final Set<String> FARGATE_PROVIDERS = Set.of("FARGATE", "FARGATE_SPOT");

  private CapacityProviderRules() {}

  /**
   * Validates a strategy against the providers associated with the cluster ({@code associated};
   * null skips the membership check, for a cluster's own default strategy being set alongside).
   */
  static void validateStrategy(JsonNode strategy, List<String> associated, String where) {
    if (strategy == null || strategy.isNull()) {
      return;
    }
    List<JsonNode> items = Json.list(wrap(strategy), "items");
    if (EcsLimit.CAPACITY_PROVIDERS_PER_STRATEGY.exceededBy(items.size())) {
      throw ApiException.invalidParameter("A capacity provider strategy can have at most "
          + EcsLimit.CAPACITY_PROVIDERS_PER_STRATEGY.max() + " items; " + where
          + " has " + items.size() + ".");
    }
    Set<String> names = new HashSet<>();
    int withBase = 0;
    int positiveWeights = 0;
    boolean fargate = false;
    boolean autoScaling = false;
    for (JsonNode item : items) {
      String provider = Json.text(item, "capacityProvider");
      if (provider == null) {
        throw ApiException.invalidParameter("Every capacity provider strategy item needs a capacityProvider (" + where + ").");
      }
      if (!names.add(provider)) {
        throw ApiException.invalidParameter("Capacity provider " + provider + " appears twice in " + where + ".");
      }
      int weight = Json.integer(item, "weight", 0);
      int base = Json.integer(item, "base", 0);
      if (!EcsLimit.STRATEGY_WEIGHT.allows(weight)) {
        throw ApiException.invalidParameter("Capacity provider " + provider + " weight " + weight
            + " is out of range; use " + EcsLimit.STRATEGY_WEIGHT.min() + " to "
            + EcsLimit.STRATEGY_WEIGHT.max() + ".");
      }
      if (!EcsLimit.STRATEGY_BASE.allows(base)) {
        throw ApiException.invalidParameter("Capacity provider " + provider + " base " + base
            + " is out of range; use " + EcsLimit.STRATEGY_BASE.min() + " to "
            + EcsLimit.STRATEGY_BASE.max() + ".");
      }
      withBase += base > 0 ? 1 : 0;
      positiveWeights += weight > 0 ? 1 : 0;
      boolean isFargate = FARGATE_PROVIDERS.contains(provider);
      fargate |= isFargate;
      autoScaling |= !isFargate;
      if (associated != null && !associated.contains(provider)) {
        throw ApiException.invalidParameter("The specified capacity provider " + provider + " is not associated with"
            + " the cluster; add it with PutClusterCapacityProviders first.");
      }
    }
    if (withBase > 1) {
      throw ApiException.invalidParameter("Only one capacity provider in a strategy can have a base; " + where
          + " has " + withBase + ".");
    }
    if (items.size() > 1 && positiveWeights == 0) {
      throw ApiException.invalidParameter("At least one capacity provider in " + where + " must have a weight"
          + " greater than 0.");
    }
    if (fargate && autoScaling) {
      throw ApiException.invalidParameter("A capacity provider strategy cannot contain a mix of capacity providers"
          + " using Auto Scaling groups and Fargate providers. Specify one or the other and try again.");
    }
  }

  private static JsonNode wrap(JsonNode strategy) {
    com.fasterxml.jackson.databind.node.ObjectNode holder = Json.object();
    holder.set("items", strategy);
    return holder;
  }
}
