package io.ecsl.runtime.capacity;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.facts.capacity.CapacityProviderStrategy;
import io.ecsl.facts.capacity.FargateProviders;
import io.ecsl.facts.capacity.StrategyItem;
import io.ecsl.runtime.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A capacity provider strategy as the runtime acts on it (ecs-semantics §4.4): which provider
 * each task of a service deployment or a RunTask goes to, base first, then by weight, in both
 * directions. The arithmetic is {@code ecsl-facts}' {@link CapacityProviderStrategy}; this reads
 * the API's JSON and knows which providers are Fargate's.
 */
public final class CapacityStrategy {
  private final CapacityProviderStrategy strategy;

  private CapacityStrategy(CapacityProviderStrategy strategy) {
    this.strategy = strategy;
  }

  /** From the API's {@code [{capacityProvider, base, weight}]} (already validated by the API). */
  public static CapacityStrategy of(JsonNode json) {
    List<StrategyItem> items = new ArrayList<>();
    for (JsonNode item : json) {
      items.add(new StrategyItem(Json.text(item, "capacityProvider"), Json.integer(item, "base", 0),
          Json.integer(item, "weight", 0)));
    }
    return new CapacityStrategy(CapacityProviderStrategy.of(items));
  }

  public List<StrategyItem> items() {
    return strategy.items();
  }

  /** True when every provider of the strategy is FARGATE or FARGATE_SPOT. */
  public boolean fargate() {
    return strategy.items().stream().allMatch(i -> FargateProviders.is(i.provider()));
  }

  /** How many of {@code tasks} tasks each provider runs. */
  public Map<String, Integer> target(int tasks) {
    return strategy.target(tasks);
  }

  /** The providers of the next {@code count} tasks, given those running now per provider. */
  public List<String> launches(Map<String, Integer> running, int count) {
    return strategy.launches(running, count);
  }

  /** The providers of the next {@code count} tasks to stop (providers outside the strategy first). */
  public List<String> stops(Map<String, Integer> running, int count) {
    return strategy.stops(running, count);
  }
}
