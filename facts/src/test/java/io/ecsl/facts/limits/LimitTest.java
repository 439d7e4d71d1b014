package io.ecsl.facts.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ecsl.facts.elb.ElbLimit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One limit type serves ECS's and Elastic Load Balancing's limits alike. */
class LimitTest {
  private static List<Limit> all() {
    List<Limit> limits = new ArrayList<>(List.of(EcsLimit.values()));
    limits.addAll(List.of(ElbLimit.values()));
    return limits;
  }

  @Test
  void everyLimitAllowsItsBoundsAndNothingOutside() {
    for (Limit limit : all()) {
      assertTrue(limit.allows(limit.min()) && limit.allows(limit.max()), limit.describe());
      assertFalse(limit.allows(limit.min() - 1), limit.describe());
      assertFalse(limit.allows(limit.max() + 1), limit.describe());
      assertTrue(limit.exceededBy(limit.max() + 1) && !limit.exceededBy(limit.max()), limit.describe());
      assertTrue(limit.describe().startsWith(limit.counts() + ": "), limit.describe());
    }
  }

  @Test
  void elbLimitsReadLikeEcsLimits() {
    assertEquals("seconds between health checks: 5 to 300", ElbLimit.HEALTH_CHECK_INTERVAL_SECONDS.describe());
    assertEquals("listeners per load balancer: at most 50 (the default quota; AWS raises it on request)",
        ElbLimit.LISTENERS_PER_LOAD_BALANCER.describe());
    assertEquals(5, ElbLimit.TARGET_GROUPS_PER_FORWARD_ACTION.maxInt());
    assertTrue(ElbLimit.RULES_PER_LISTENER.exceededBy(101));
  }

  @Test
  void aRangeUpsideDownIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new Limit.Range(10, 1, "things", false));
  }
}
