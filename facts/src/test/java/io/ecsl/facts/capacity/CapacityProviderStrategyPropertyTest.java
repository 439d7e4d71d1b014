package io.ecsl.facts.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Properties of the strategy arithmetic over random strategies (1 to 20 providers, weights 0 to
 * 1000, an optional base) and task counts: the split adds up, honours the base, keeps every
 * provider within one task of its weighted share, only grows as the count grows, and scaling
 * out then in (or in then out) retraces it.
 */
class CapacityProviderStrategyPropertyTest {
  private static final int RUNS = 400;

  @Test
  void theSplitAddsUpHonoursTheBaseAndKeepsWeightsWithinOneTask() {
    Random random = new Random(20260415);
    for (int run = 0; run < RUNS; run++) {
      CapacityProviderStrategy s = randomStrategy(random);
      int tasks = random.nextInt(400);
      Map<String, Integer> target = s.target(tasks);
      String where = s + " with " + tasks + " tasks: " + target;
      assertEquals(tasks, target.values().stream().mapToInt(Integer::intValue).sum(), where);
      int baseGiven = 0;
      long totalWeight = 0;
      for (StrategyItem item : s.items()) {
        totalWeight += item.weight();
        if (item.base() > 0) {
          baseGiven = Math.min(tasks, item.base());
          assertTrue(target.get(item.provider()) >= baseGiven, "base honoured: " + where);
        }
      }
      int weighted = tasks - baseGiven;
      for (StrategyItem item : s.items()) {
        int own = target.get(item.provider()) - (item.base() > 0 ? baseGiven : 0);
        if (totalWeight == 0) {
          assertEquals(weighted, own, "a lone provider of weight 0 runs every task: " + where);
          continue;
        }
        // |own - weighted * w / W| < 1, in integers
        long exactTimesW = (long) weighted * item.weight();
        assertTrue(Math.abs(own * totalWeight - exactTimesW) < totalWeight,
            item.provider() + " runs " + own + " of " + weighted + " weighted tasks at weight " + item.weight() + "/"
                + totalWeight + ": " + where);
      }
    }
  }

  @Test
  void aLargerCountOnlyAddsOneTaskAndScalingRetracesIt() {
    Random random = new Random(7);
    for (int run = 0; run < RUNS; run++) {
      CapacityProviderStrategy s = randomStrategy(random);
      int tasks = random.nextInt(200);
      Map<String, Integer> before = s.target(tasks);
      Map<String, Integer> after = s.target(tasks + 1);
      String added = s.nextToLaunch(before);
      Map<String, Integer> expected = new HashMap<>(before);
      expected.merge(added, 1, Integer::sum);
      assertEquals(after, expected, "scale-out from target(n) gives target(n + 1): " + s + " n=" + tasks);
      assertEquals(added, s.nextToStop(after).orElseThrow(), "scale-in undoes it: " + s + " n=" + tasks);
      assertEquals(s.launches(before, 5), reverse(s.stops(s.target(tasks + 5), 5)), s + " n=" + tasks);
    }
  }

  @Test
  void fromAnyCountsEachStepMovesNoFurtherFromTheSplit() {
    Random random = new Random(99);
    for (int run = 0; run < RUNS; run++) {
      CapacityProviderStrategy s = randomStrategy(random);
      Map<String, Integer> running = new HashMap<>();
      for (StrategyItem item : s.items()) {
        running.put(item.provider(), random.nextInt(8));
      }
      if (random.nextBoolean()) {
        running.put("RETIRED", random.nextInt(4));
      }
      int total = running.values().stream().mapToInt(Integer::intValue).sum();
      Map<String, Integer> grown = new HashMap<>(running);
      grown.merge(s.nextToLaunch(running), 1, Integer::sum);
      assertTrue(distance(grown, s.target(total + 1)) <= distance(running, s.target(total)),
          "launching: " + s + " from " + running);
      if (total > 0) {
        Map<String, Integer> shrunk = new HashMap<>(running);
        shrunk.merge(s.nextToStop(running).orElseThrow(), -1, Integer::sum);
        assertTrue(shrunk.values().stream().allMatch(n -> n >= 0), "never stops what does not run: " + running);
        assertTrue(distance(shrunk, s.target(total - 1)) <= distance(running, s.target(total)),
            "stopping: " + s + " from " + running);
      }
    }
  }

  private static int distance(Map<String, Integer> running, Map<String, Integer> target) {
    int d = 0;
    for (String p : union(running, target)) {
      d += Math.abs(running.getOrDefault(p, 0) - target.getOrDefault(p, 0));
    }
    return d;
  }

  private static List<String> union(Map<String, Integer> a, Map<String, Integer> b) {
    List<String> keys = new ArrayList<>(a.keySet());
    b.keySet().stream().filter(k -> !a.containsKey(k)).forEach(keys::add);
    return keys;
  }

  private static List<String> reverse(List<String> list) {
    List<String> out = new ArrayList<>(list);
    java.util.Collections.reverse(out);
    return out;
  }

  /** 1–20 providers, weights skewed towards small numbers and 1000, at most one base. */
  private static CapacityProviderStrategy randomStrategy(Random random) {
    while (true) {
      int n = 1 + random.nextInt(random.nextBoolean() ? 3 : 20);
      int baseAt = random.nextInt(3) == 0 ? random.nextInt(n) : -1;
      List<StrategyItem> items = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int weight = switch (random.nextInt(5)) {
          case 0 -> 0;
          case 1 -> 1000;
          case 2 -> random.nextInt(1001);
          default -> 1 + random.nextInt(5);
        };
        items.add(new StrategyItem("P" + i, i == baseAt ? 1 + random.nextInt(30) : 0, weight));
      }
      if (CapacityProviderStrategy.problem(items).isEmpty()) {
        return CapacityProviderStrategy.of(items);
      }
    }
  }
}
