package io.ecsl.facts.capacity;

import io.ecsl.facts.capacity.StrategyRefusal.Reason;
import io.ecsl.facts.limits.EcsLimit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Which capacity provider runs each task of a service (or of one RunTask group): the base first,
 * then the weights (ecs-semantics §4.4). Pure arithmetic over task counts per provider.
 *
 * <p>Both directions come from one split, {@link #target(int) target(n)}: how many of n tasks each
 * provider runs. Scaling out puts the next task on the provider furthest below target(n + 1);
 * scaling in stops a task of the provider furthest above target(n - 1). From counts that followed
 * the strategy, that is exactly the provider target(n) gave its last task to, so scaling out and
 * back in returns to the same split, and the base is kept while weighted tasks remain; from other
 * counts (a strategy changed, a Spot task interrupted) every step moves closer to the split.
 *
 * <p>target(n): the provider with a base runs the first min(n, base) tasks. The rest go by weight,
 * one at a time, each to the provider with the smallest (weighted tasks + 1) / weight, the rule
 * ecs-semantics gives (it reproduces every documented example, e.g. base 2 weight 1 beside weight
 * 3 gives 4 and 6 of 10) — but only among the providers whose exact share of the weighted tasks,
 * rounded up, one more task would not exceed. That restriction is Balinski and Young's quota
 * method: it keeps every provider within one task of its exact share (the unrestricted rule drifts
 * further once a strategy has three or more providers), and a larger n never takes a task away.
 * Ties go to the larger weight, then to the provider listed first. ECS does not document its
 * rounding; this is the EMU choice (docs/runtime-model.md).
 *
 * <p>A provider of weight 0 runs no weighted tasks (ECS: it "can't be used to place tasks"),
 * unless it is the only provider of the strategy: then it runs them all.
 */
public final class CapacityProviderStrategy {
  private final List<StrategyItem> items;
  /** The item with a base, or -1. */
  private final int baseIndex;
  private final long totalWeight;

  private CapacityProviderStrategy(List<StrategyItem> items) {
    this.items = List.copyOf(items);
    int withBase = -1;
    long weights = 0;
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i).base() > 0) {
        withBase = i;
      }
      weights += items.get(i).weight();
    }
    this.baseIndex = withBase;
    this.totalWeight = weights;
  }

  /**
   * A strategy ECS would accept; throws {@link IllegalArgumentException} naming the
   * {@link #problem(List) problem} otherwise.
   */
  public static CapacityProviderStrategy of(List<StrategyItem> items) {
    problem(items).ifPresent(p -> {
      throw new IllegalArgumentException(p);
    });
    return new CapacityProviderStrategy(items);
  }

  public static CapacityProviderStrategy of(StrategyItem... items) {
    return of(List.of(items));
  }

  /**
   * What makes ECS refuse these items as a strategy (§4.3), or empty: the first of
   * {@link #refusals}. (Whether the providers exist, are associated with the cluster or mix
   * Fargate with Auto Scaling groups is for the caller, who knows the cluster.)
   */
  public static Optional<String> problem(List<StrategyItem> items) {
    return refusals(items, StrategyItem::provider, StrategyItem::base, StrategyItem::weight).stream()
        .findFirst().map(StrategyRefusal::message);
  }

  /**
   * Every reason ECS refuses these items as a strategy, in this order: no items, more than 20,
   * then item by item a provider listed twice and a second base, then several providers all of
   * weight 0 (the runtime answers with the first, as ECS names one problem; ECS does not document
   * which it names first). Items come in whatever form the caller holds them (the API's
   * validated {@link StrategyItem}s, the compiler's JSON), read through the three accessors; a
   * null provider is not compared, a base or weight counts only above 0.
   */
  public static <T> List<StrategyRefusal> refusals(List<T> items, Function<T, String> provider, ToLongFunction<T> base,
      ToLongFunction<T> weight) {
    List<StrategyRefusal> out = new ArrayList<>();
    if (items.isEmpty()) {
      out.add(new StrategyRefusal(Reason.NO_PROVIDERS, -1, null, null,
          "a capacity provider strategy needs at least one capacity provider"));
      return out;
    }
    EcsLimit limit = EcsLimit.CAPACITY_PROVIDERS_PER_STRATEGY;
    if (limit.exceededBy(items.size())) {
      out.add(new StrategyRefusal(Reason.TOO_MANY_PROVIDERS, limit.maxInt(), null, null,
          "a capacity provider strategy has at most " + limit.max() + " capacity providers; this one has " + items.size()));
    }
    Set<String> seen = new HashSet<>();
    String withBase = null;
    boolean anyWeight = false;
    for (int i = 0; i < items.size(); i++) {
      T item = items.get(i);
      String name = provider.apply(item);
      if (name != null && !seen.add(name)) {
        out.add(new StrategyRefusal(Reason.DUPLICATE_PROVIDER, i, name, null,
            "capacity provider " + name + " appears twice in the strategy"));
      }
      if (base.applyAsLong(item) > 0) {
        if (withBase == null) {
          withBase = name;
        } else {
          out.add(new StrategyRefusal(Reason.SECOND_BASE, i, name, withBase,
              "only one capacity provider in a strategy can have a base; " + withBase + " and " + name + " both have one"));
        }
      }
      anyWeight |= weight.applyAsLong(item) > 0;
    }
    if (items.size() > 1 && !anyWeight) {
      out.add(new StrategyRefusal(Reason.NO_WEIGHT, -1, null, null,
          "at least one capacity provider in a strategy of several must have a weight greater than 0"));
    }
    return out;
  }

  public List<StrategyItem> items() {
    return items;
  }

  /** How many of {@code tasks} tasks each provider runs, in the strategy's order. */
  public Map<String, Integer> target(int tasks) {
    if (tasks < 0) {
      throw new IllegalArgumentException("a task count cannot be negative: " + tasks);
    }
    int[] counts = counts(order(tasks), tasks);
    Map<String, Integer> out = new LinkedHashMap<>();
    for (int i = 0; i < items.size(); i++) {
      out.put(items.get(i).provider(), counts[i]);
    }
    return out;
  }

  /**
   * The provider the next task should run on, given the tasks running now per provider
   * (providers missing from the map run none; providers outside the strategy count towards the
   * total).
   */
  public String nextToLaunch(Map<String, Integer> running) {
    return launches(running, 1).get(0);
  }

  /** The providers of the next {@code count} tasks to launch, in launch order. */
  public List<String> launches(Map<String, Integer> running, int count) {
    int total = total(running);
    int[] order = order(total + count);
    int[] target = counts(order, total);
    int[] now = ownCounts(running);
    List<String> out = new ArrayList<>();
    for (int n = total; n < total + count; n++) {
      target[order[n]]++;
      int best = -1;
      for (int i = 0; i < items.size(); i++) {
        int shortfall = target[i] - now[i];
        if (best < 0 || shortfall > target[best] - now[best]
            || shortfall == target[best] - now[best] && items.get(i).weight() > items.get(best).weight()) {
          best = i;
        }
      }
      now[best]++;
      out.add(items.get(best).provider());
    }
    return out;
  }

  /**
   * The provider whose task should stop first when scaling in, given the tasks running now per
   * provider; empty when none runs. Tasks on providers outside the strategy go first.
   */
  public Optional<String> nextToStop(Map<String, Integer> running) {
    List<String> stops = stops(running, 1);
    return stops.isEmpty() ? Optional.empty() : Optional.of(stops.get(0));
  }

  /** The providers of the next {@code count} tasks to stop, in order (fewer if fewer run). */
  public List<String> stops(Map<String, Integer> running, int count) {
    Map<String, Integer> foreign = new TreeMap<>();
    running.forEach((provider, n) -> {
      if (n != null && n > 0 && indexOf(provider) < 0) {
        foreign.put(provider, n);
      }
    });
    int total = total(running);
    int[] order = order(total);
    int[] target = counts(order, total);
    int[] now = ownCounts(running);
    List<String> out = new ArrayList<>();
    for (int n = total; n > 0 && out.size() < count; n--) {
      target[order[n - 1]]--;
      String outside = mostRunning(foreign);
      if (outside != null) {
        foreign.merge(outside, -1, Integer::sum);
        out.add(outside);
        continue;
      }
      int best = -1;
      for (int i = 0; i < items.size(); i++) {
        int excess = now[i] - target[i];
        // ties: the smaller weight, then the provider listed last (the reverse of scaling out)
        if (best < 0 || excess > now[best] - target[best]
            || excess == now[best] - target[best] && items.get(i).weight() <= items.get(best).weight()) {
          best = i;
        }
      }
      now[best]--;
      out.add(items.get(best).provider());
    }
    return out;
  }

  private static String mostRunning(Map<String, Integer> foreign) {
    String best = null;
    for (Map.Entry<String, Integer> e : foreign.entrySet()) {
      if (e.getValue() > 0 && (best == null || e.getValue() > foreign.get(best))) {
        best = e.getKey();
      }
    }
    return best;
  }

  private int indexOf(String provider) {
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i).provider().equals(provider)) {
        return i;
      }
    }
    return -1;
  }

  private static int total(Map<String, Integer> running) {
    int total = 0;
    for (Integer n : running.values()) {
      if (n != null && n < 0) {
        throw new IllegalArgumentException("a task count cannot be negative: " + running);
      }
      total += n == null ? 0 : n;
    }
    return total;
  }

  private int[] ownCounts(Map<String, Integer> running) {
    int[] now = new int[items.size()];
    for (int i = 0; i < items.size(); i++) {
      Integer n = running.get(items.get(i).provider());
      now[i] = n == null ? 0 : n;
    }
    return now;
  }

  private int[] counts(int[] order, int tasks) {
    int[] counts = new int[items.size()];
    for (int n = 0; n < tasks; n++) {
      counts[order[n]]++;
    }
    return counts;
  }

  /** The provider (index) that target(n + 1) adds to target(n), for each n below {@code tasks}. */
  private int[] order(int tasks) {
    int[] order = new int[tasks];
    int base = baseIndex < 0 ? 0 : items.get(baseIndex).base();
    int[] weighted = new int[items.size()];
    for (int n = 0; n < tasks; n++) {
      if (n < base) {
        order[n] = baseIndex;
      } else if (totalWeight == 0) {
        order[n] = 0; // a single provider of weight 0 runs every task
      } else {
        int next = nextWeighted(weighted, n - base + 1);
        weighted[next]++;
        order[n] = next;
      }
    }
    return order;
  }

  /**
   * The quota method's choice for the {@code size}-th weighted task. Some provider is always
   * eligible: the shares of {@code size} tasks sum to {@code size}, and only {@code size - 1} run.
   */
  private int nextWeighted(int[] weighted, long size) {
    int best = -1;
    for (int i = 0; i < items.size(); i++) {
      long w = items.get(i).weight();
      // eligible: one more task keeps it within its exact share rounded up, weighted[i] < size * w / W
      if (w > 0 && weighted[i] * totalWeight < size * w && (best < 0 || better(weighted, i, best))) {
        best = i;
      }
    }
    return best;
  }

  /** (weighted[i] + 1) / w[i] is smaller, or equal with a larger weight. */
  private boolean better(int[] weighted, int i, int j) {
    long wi = items.get(i).weight();
    long wj = items.get(j).weight();
    long left = (weighted[i] + 1L) * wj;
    long right = (weighted[j] + 1L) * wi;
    return left < right || left == right && wi > wj;
  }

  @Override
  public String toString() {
    return Arrays.toString(items.toArray());
  }
}
