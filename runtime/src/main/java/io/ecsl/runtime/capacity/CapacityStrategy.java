package io.ecsl.runtime.capacity;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.runtime.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A capacity provider strategy as the runtime acts on it (ecs-semantics §4.4): which provider
 * each task of a service deployment or a RunTask goes to, base first, then by weight, in both
 * directions (the next tasks to launch, the next to stop keeping the base).
 */
public final class CapacityStrategy {
  public static final Set<String> FARGATE_PROVIDERS = Set.of("FARGATE", "FARGATE_SPOT");

  /** One item: provider, base, weight. */
  public record Item(String provider, int base, int weight) {}

  private final List<Item> items;

  private CapacityStrategy(List<Item> items) {
    this.items = List.copyOf(items);
  }

  /** From the API's {@code [{capacityProvider, base, weight}]} (already validated). */
  public static CapacityStrategy of(JsonNode strategy) {
    List<Item> items = new ArrayList<>();
    for (JsonNode item : strategy) {
      items.add(new Item(Json.text(item, "capacityProvider"), Json.integer(item, "base", 0),
          Json.integer(item, "weight", 0)));
    }
    return new CapacityStrategy(items);
  }

  public List<Item> items() {
    return items;
  }

  /** True when every provider of the strategy is FARGATE or FARGATE_SPOT. */
  public boolean fargate() {
    return items.stream().allMatch(i -> FARGATE_PROVIDERS.contains(i.provider()));
  }

  /** How many of {@code tasks} tasks each provider runs. */
  public Map<String, Integer> target(int tasks) {
    int[] counts = counts(tasks);
    Map<String, Integer> out = new LinkedHashMap<>();
    for (int i = 0; i < items.size(); i++) {
      out.put(items.get(i).provider(), counts[i]);
    }
    return out;
  }

  /** The providers of the next {@code count} tasks, given those running now per provider. */
  public List<String> launches(Map<String, Integer> running, int count) {
    Map<String, Integer> now = new LinkedHashMap<>(running);
    List<String> out = new ArrayList<>();
    for (int n = 0; n < count; n++) {
      int total = now.values().stream().mapToInt(Integer::intValue).sum();
      int[] target = counts(total + 1);
      int best = 0;
      int bestShortfall = Integer.MIN_VALUE;
      for (int i = 0; i < items.size(); i++) {
        int shortfall = target[i] - now.getOrDefault(items.get(i).provider(), 0);
        if (shortfall > bestShortfall) {
          best = i;
          bestShortfall = shortfall;
        }
      }
      now.merge(items.get(best).provider(), 1, Integer::sum);
      out.add(items.get(best).provider());
    }
    return out;
  }

  /** The providers of the next {@code count} tasks to stop (providers outside the strategy first). */
  public List<String> stops(Map<String, Integer> running, int count) {
    Map<String, Integer> now = new LinkedHashMap<>(running);
    List<String> out = new ArrayList<>();
    for (int n = 0; n < count; n++) {
      int total = now.values().stream().mapToInt(Integer::intValue).sum();
      if (total == 0) {
        break;
      }
      String chosen = null;
      for (Map.Entry<String, Integer> e : now.entrySet()) {
        if (e.getValue() > 0 && items.stream().noneMatch(i -> i.provider().equals(e.getKey()))) {
          chosen = e.getKey();
        }
      }
      if (chosen == null) {
        int[] target = counts(total - 1);
        int bestExcess = Integer.MIN_VALUE;
        for (int i = items.size() - 1; i >= 0; i--) {
          int excess = now.getOrDefault(items.get(i).provider(), 0) - target[i];
          if (excess > bestExcess) {
            chosen = items.get(i).provider();
            bestExcess = excess;
          }
        }
      }
      now.merge(chosen, -1, Integer::sum);
      out.add(chosen);
    }
    return out;
  }

  /** ecs-semantics §4.4's EMU fill: base first, then the smallest (count + 1) / weight. */
  private int[] counts(int tasks) {
    int[] counts = new int[items.size()];
    for (int k = 0; k < tasks; k++) {
      int chosen = -1;
      for (int i = 0; i < items.size(); i++) {
        if (items.get(i).base() > counts[i]) {
          chosen = i;
          break;
        }
      }
      if (chosen < 0) {
        for (int i = 0; i < items.size(); i++) {
          Item item = items.get(i);
          if (item.weight() <= 0) {
            continue;
          }
          if (chosen < 0) {
            chosen = i;
            continue;
          }
          Item best = items.get(chosen);
          long left = (long) (counts[i] - item.base() + 1) * best.weight();
          long right = (long) (counts[chosen] - best.base() + 1) * item.weight();
          if (left < right || left == right && item.weight() > best.weight()) {
            chosen = i;
          }
        }
      }
      counts[chosen < 0 ? 0 : chosen]++;
    }
    return counts;
  }
}
