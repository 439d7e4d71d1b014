package io.ecsl.runtime.api.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.facts.capacity.CapacityKind;
import io.ecsl.facts.capacity.CapacityProviderStrategy;
import io.ecsl.facts.capacity.StrategyItem;
import io.ecsl.facts.limits.EcsLimit;
import io.ecsl.runtime.api.ApiException;
import io.ecsl.runtime.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Capacity provider strategy rules (ECS semantics §4.3). */
final class CapacityProviderRules {
  private CapacityProviderRules() {}

  /**
   * Validates a strategy against the providers associated with the cluster ({@code associated};
   * null skips the membership check, for a cluster's own default strategy being set alongside),
   * {@code kindOf} telling each provider's kind of capacity (null when unknown).
   */
  static void validateStrategy(JsonNode strategy, List<String> associated, Function<String, CapacityKind> kindOf,
      String where) {
    if (strategy == null || strategy.isNull()) {
      return;
    }
    List<JsonNode> items = Json.list(wrap(strategy), "items");
    List<StrategyItem> parsed = new ArrayList<>();
    for (JsonNode item : items) {
      String provider = Json.text(item, "capacityProvider");
      if (provider == null || provider.isEmpty()) {
        throw ApiException.invalidParameter("Every capacity provider strategy item needs a capacityProvider (" + where + ").");
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
      parsed.add(new StrategyItem(provider, base, weight));
    }
    // An empty list is no strategy (the cluster's default, or the launch type, applies). Otherwise
    // what makes a strategy one ECS accepts (at most 20 providers, each once, one base, a weight
    // somewhere) is facts' rule, the one the strategy arithmetic itself insists on.
    if (!parsed.isEmpty()) {
      CapacityProviderStrategy.problem(parsed).ifPresent(problem -> {
        throw ApiException.invalidParameter(Character.toUpperCase(problem.charAt(0)) + problem.substring(1)
            + " (" + where + ").");
      });
    }
    for (StrategyItem item : parsed) {
      if (associated != null && !associated.contains(item.provider())) {
        throw ApiException.invalidParameter("The specified capacity provider " + item.provider() + " is not associated"
            + " with the cluster; add it with PutClusterCapacityProviders first.");
      }
    }
    Map<CapacityKind, Integer> kinds = CapacityKind.firstOfEach(parsed.stream().map(StrategyItem::provider).toList(), kindOf);
    if (CapacityKind.mixesFargateAndAutoScaling(kinds)) {
      throw ApiException.invalidParameter("A capacity provider strategy cannot contain a mix of capacity providers"
          + " using Auto Scaling groups and Fargate providers. Specify one or the other and try again.");
    }
    if (CapacityKind.mixesManagedInstances(kinds)) {
      // EMU (docs/runtime-model.md): ECS documents no message for this mix; worded like the one above.
      throw ApiException.invalidParameter("A capacity provider strategy cannot contain a mix of Managed Instances"
          + " capacity providers and Fargate or Auto Scaling group providers. Specify Managed Instances providers"
          + " only, or none, and try again.");
    }
  }

  private static JsonNode wrap(JsonNode strategy) {
    com.fasterxml.jackson.databind.node.ObjectNode holder = Json.object();
    holder.set("items", strategy);
    return holder;
  }
}
