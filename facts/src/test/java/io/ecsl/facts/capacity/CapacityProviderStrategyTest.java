package io.ecsl.facts.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The worked examples of ecs-semantics §4.4 and the API reference, in both directions. */
class CapacityProviderStrategyTest {
  private static final CapacityProviderStrategy SPOT_MIX = CapacityProviderStrategy.of(
      new StrategyItem("FARGATE", 2, 1), StrategyItem.weighted("FARGATE_SPOT", 3));

  @Test
  void baseTwoWeightOneBesideWeightThreeRunsFourAndSixOfTen() {
    assertEquals(Map.of("FARGATE", 4, "FARGATE_SPOT", 6), SPOT_MIX.target(10));
    assertEquals(Map.of("FARGATE", 2, "FARGATE_SPOT", 0), SPOT_MIX.target(2), "the base comes first");
    assertEquals(Map.of("FARGATE", 3, "FARGATE_SPOT", 3), SPOT_MIX.target(6), "then 1:3");
    assertEquals(List.of("FARGATE", "FARGATE", "FARGATE_SPOT", "FARGATE_SPOT", "FARGATE_SPOT", "FARGATE",
        "FARGATE_SPOT", "FARGATE_SPOT", "FARGATE_SPOT", "FARGATE"), SPOT_MIX.launches(Map.of(), 10));
  }

  @Test
  void weightsOneAndFourPutFourOnBForEveryOneOnA() {
    CapacityProviderStrategy s = CapacityProviderStrategy.of(StrategyItem.weighted("A", 1), StrategyItem.weighted("B", 4));
    assertEquals(Map.of("A", 1, "B", 4), s.target(5));
    assertEquals(Map.of("A", 2, "B", 8), s.target(10));
    assertEquals(Map.of("A", 20, "B", 80), s.target(100));
  }

  @Test
  void equalWeightsSplitEvenlyStartingWithTheFirstListed() {
    CapacityProviderStrategy s = CapacityProviderStrategy.of(StrategyItem.weighted("A", 1), StrategyItem.weighted("B", 1));
    assertEquals(List.of("A", "B", "A", "B", "A"), s.launches(Map.of(), 5));
    assertEquals(Map.of("A", 3, "B", 2), s.target(5));
  }

  @Test
  void scalingInKeepsTheBaseUntilTheWeightedTasksAreGone() {
    List<String> stops = SPOT_MIX.stops(Map.of("FARGATE", 4, "FARGATE_SPOT", 6), 10);
    assertEquals(List.of("FARGATE", "FARGATE_SPOT", "FARGATE_SPOT", "FARGATE_SPOT", "FARGATE", "FARGATE_SPOT",
        "FARGATE_SPOT", "FARGATE_SPOT", "FARGATE", "FARGATE"), stops, "the reverse of scaling out");
    assertEquals(Optional.of("FARGATE_SPOT"), SPOT_MIX.nextToStop(Map.of("FARGATE", 2, "FARGATE_SPOT", 3)));
    assertEquals(Optional.of("FARGATE"), SPOT_MIX.nextToStop(Map.of("FARGATE", 2)));
    assertEquals(Optional.empty(), SPOT_MIX.nextToStop(Map.of()));
  }

  @Test
  void aBaseLargerThanTheCountTakesEveryTask() {
    assertEquals(Map.of("FARGATE", 1, "FARGATE_SPOT", 0), SPOT_MIX.target(1));
    assertEquals(Map.of("FARGATE", 0, "FARGATE_SPOT", 0), SPOT_MIX.target(0));
  }

  @Test
  void weightZeroRunsOnlyItsBaseUnlessItIsAlone() {
    CapacityProviderStrategy s = CapacityProviderStrategy.of(new StrategyItem("OD", 3, 0), StrategyItem.weighted("SPOT", 1),
        StrategyItem.weighted("IDLE", 0));
    assertEquals(Map.of("OD", 3, "SPOT", 7, "IDLE", 0), s.target(10));
    CapacityProviderStrategy alone = CapacityProviderStrategy.of(StrategyItem.weighted("FARGATE", 0));
    assertEquals(Map.of("FARGATE", 4), alone.target(4));
    assertEquals("FARGATE", alone.nextToLaunch(Map.of("FARGATE", 4)));
  }

  @Test
  void tasksOnProvidersOutsideTheStrategyStopFirstAndCountTowardsTheTotal() {
    Map<String, Integer> running = Map.of("FARGATE", 2, "OLD", 3, "OLDER", 1);
    assertEquals(List.of("OLD", "OLD", "OLD", "OLDER", "FARGATE"), SPOT_MIX.stops(running, 5));
    assertEquals("FARGATE_SPOT", SPOT_MIX.nextToLaunch(running), "6 tasks run; the base of 2 is met");
  }

  @Test
  void launchesFromCountsThatDoNotFollowTheStrategyGoWhereItFallsShort() {
    // a Spot task was replaced on FARGATE, say: the base is already met twice over
    assertEquals("FARGATE", SPOT_MIX.nextToLaunch(Map.of("FARGATE_SPOT", 6)), "the base first");
    assertEquals(List.of("FARGATE_SPOT", "FARGATE_SPOT"), SPOT_MIX.launches(Map.of("FARGATE", 6), 2));
  }

  /**
   * The compiler reports each item at fault (E1303, E1305 at the item, E1304, E1307) from the same
   * findings the runtime answers with, so the two cannot disagree on what ECS refuses.
   */
  @Test
  void refusalsNameEveryItemAtFault() {
    List<StrategyItem> items = List.of(new StrategyItem("A", 1, 0), new StrategyItem("A", 2, 0),
        new StrategyItem("B", 0, 0), new StrategyItem("C", 3, 0));
    List<StrategyRefusal> refusals =
        CapacityProviderStrategy.refusals(items, StrategyItem::provider, StrategyItem::base, StrategyItem::weight);
    assertEquals(List.of(
        new StrategyRefusal(StrategyRefusal.Reason.DUPLICATE_PROVIDER, 1, "A", null,
            "capacity provider A appears twice in the strategy"),
        new StrategyRefusal(StrategyRefusal.Reason.SECOND_BASE, 1, "A", "A",
            "only one capacity provider in a strategy can have a base; A and A both have one"),
        new StrategyRefusal(StrategyRefusal.Reason.SECOND_BASE, 3, "C", "A",
            "only one capacity provider in a strategy can have a base; A and C both have one"),
        new StrategyRefusal(StrategyRefusal.Reason.NO_WEIGHT, -1, null, null,
            "at least one capacity provider in a strategy of several must have a weight greater than 0")), refusals);
    assertEquals(Optional.of(refusals.get(0).message()), CapacityProviderStrategy.problem(items));

    // Items as the compiler holds them: a provider not yet known (null) is never a duplicate, and
    // numbers out of the API's range still count by their sign.
    record Written(String provider, long base, long weight) {}
    List<Written> written = List.of(new Written(null, 0, -4), new Written(null, 200_000, 0), new Written("B", 0, 0));
    assertEquals(List.of(StrategyRefusal.Reason.NO_WEIGHT),
        CapacityProviderStrategy.refusals(written, Written::provider, Written::base, Written::weight).stream()
            .map(StrategyRefusal::reason).toList());

    List<StrategyItem> many = new java.util.ArrayList<>();
    for (int i = 0; i < 21; i++) {
      many.add(StrategyItem.weighted("P" + i, 1));
    }
    StrategyRefusal tooMany =
        CapacityProviderStrategy.refusals(many, StrategyItem::provider, StrategyItem::base, StrategyItem::weight).get(0);
    assertEquals(StrategyRefusal.Reason.TOO_MANY_PROVIDERS, tooMany.reason());
    assertEquals(20, tooMany.index(), "the first item beyond the limit");
    assertEquals(List.of(StrategyRefusal.Reason.NO_PROVIDERS), CapacityProviderStrategy.refusals(List.<StrategyItem>of(),
        StrategyItem::provider, StrategyItem::base, StrategyItem::weight).stream().map(StrategyRefusal::reason).toList());
  }

  @Test
  void strategiesEcsRefusesAreRefused() {
    assertEquals(Optional.of("a capacity provider strategy needs at least one capacity provider"),
        CapacityProviderStrategy.problem(List.of()));
    assertEquals(Optional.of("only one capacity provider in a strategy can have a base; A and B both have one"),
        CapacityProviderStrategy.problem(List.of(new StrategyItem("A", 1, 1), new StrategyItem("B", 2, 1))));
    assertEquals(Optional.of("at least one capacity provider in a strategy of several must have a weight greater than 0"),
        CapacityProviderStrategy.problem(List.of(StrategyItem.weighted("A", 0), StrategyItem.weighted("B", 0))));
    assertEquals(Optional.of("capacity provider A appears twice in the strategy"),
        CapacityProviderStrategy.problem(List.of(StrategyItem.weighted("A", 1), StrategyItem.weighted("A", 1))));
    List<StrategyItem> many = new java.util.ArrayList<>();
    for (int i = 0; i < 21; i++) {
      many.add(StrategyItem.weighted("P" + i, 1));
    }
    assertTrue(CapacityProviderStrategy.problem(many).orElseThrow().contains("at most 20"));
    assertThrows(IllegalArgumentException.class, () -> CapacityProviderStrategy.of(many));
    assertThrows(IllegalArgumentException.class, () -> new StrategyItem("A", 0, 1001));
    assertThrows(IllegalArgumentException.class, () -> new StrategyItem("A", 100_001, 1));
    assertThrows(IllegalArgumentException.class, () -> new StrategyItem("A", -1, 1));
    assertThrows(IllegalArgumentException.class, () -> SPOT_MIX.target(-1));
    assertThrows(IllegalArgumentException.class, () -> SPOT_MIX.nextToLaunch(Map.of("FARGATE", -1)));
  }

  @Test
  void countsMayComeAsAnyMap() {
    Map<String, Integer> withNull = new HashMap<>();
    withNull.put("FARGATE", null);
    assertEquals("FARGATE", SPOT_MIX.nextToLaunch(withNull));
    assertEquals(Map.of("FARGATE", 2, "FARGATE_SPOT", 0), SPOT_MIX.target(2));
    assertEquals(List.of("FARGATE", "FARGATE_SPOT"), List.copyOf(new LinkedHashMap<>(SPOT_MIX.target(3)).keySet()),
        "in the strategy's order");
    assertEquals(Collections.emptyList(), SPOT_MIX.stops(Map.of(), 3));
  }
}
