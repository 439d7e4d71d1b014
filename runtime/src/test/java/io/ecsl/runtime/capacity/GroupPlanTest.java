package io.ecsl.runtime.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class GroupPlanTest {
  private static final List<String> ZONES = List.of("us-east-1a", "us-east-1b", "us-east-1c");
  private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void newInstancesBalanceTheZones() {
    List<GroupPlan.Member> now = List.of(new GroupPlan.Member("i-1", "us-east-1a", T, true, false));
    assertEquals(List.of("us-east-1b", "us-east-1c", "us-east-1a"), GroupPlan.plan(ZONES, now, 4).launchInZones());
  }

  @Test
  void scaleInTakesFromTheFullestZoneAnEmptyInstanceFirstAndNeverAProtectedOne() {
    List<GroupPlan.Member> now = List.of(
        new GroupPlan.Member("i-a1", "us-east-1a", T, true, false),
        new GroupPlan.Member("i-a2", "us-east-1a", T.plusSeconds(5), false, false),
        new GroupPlan.Member("i-b1", "us-east-1b", T, true, true));
    assertEquals(List.of("i-a2"), GroupPlan.plan(ZONES, now, 2).terminate());
    assertEquals(List.of("i-a2", "i-a1"), GroupPlan.plan(ZONES, now, 0).terminate(), "i-b1 is protected");
    assertTrue(GroupPlan.plan(ZONES, now, 3).none());
  }
}
