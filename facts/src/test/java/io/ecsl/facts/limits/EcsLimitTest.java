package io.ecsl.facts.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The values of ecs-semantics §2.3, §4.3 and Appendix A, pinned where a rule or check relies on them. */
class EcsLimitTest {
  @Test
  void taskDefinitionLimits() {
    assertEquals(10, EcsLimit.CONTAINERS_PER_TASK_DEFINITION.max());
    assertEquals(1, EcsLimit.CONTAINERS_PER_TASK_DEFINITION.min());
    assertEquals(65536, EcsLimit.TASK_DEFINITION_BYTES.max(), "64 KiB (older documentation said 32 KiB)");
    assertEquals(128, EcsLimit.TASK_CPU_UNITS.min());
    assertEquals(196608, EcsLimit.TASK_CPU_UNITS.max());
    assertEquals(21, EcsLimit.EPHEMERAL_STORAGE_GIB.min());
    assertEquals(200, EcsLimit.EPHEMERAL_STORAGE_GIB.max());
  }

  @Test
  void strategyAndPlacementLimits() {
    assertEquals(20, EcsLimit.CAPACITY_PROVIDERS_PER_STRATEGY.max());
    assertEquals(6, EcsLimit.CAPACITY_PROVIDERS_PER_EVENTBRIDGE_STRATEGY.max());
    assertEquals(20, EcsLimit.CAPACITY_PROVIDERS_PER_CLUSTER.max());
    assertEquals(1000, EcsLimit.STRATEGY_WEIGHT.max());
    assertEquals(100_000, EcsLimit.STRATEGY_BASE.max());
    assertEquals(10, EcsLimit.PLACEMENT_CONSTRAINTS_PER_TASK.max());
    assertEquals(5, EcsLimit.PLACEMENT_STRATEGIES_PER_TASK.max());
    assertEquals(2000, EcsLimit.PLACEMENT_EXPRESSION_LENGTH.max());
  }

  @Test
  void tagLimits() {
    assertEquals(50, EcsLimit.TAGS_PER_RESOURCE.max());
    assertEquals(128, EcsLimit.TAG_KEY_LENGTH.max());
    assertEquals(256, EcsLimit.TAG_VALUE_LENGTH.max());
    assertEquals(EcsLimit.TAG_KEY_LENGTH.max(), EcsName.TAG_KEY.maxLength());
    assertEquals(EcsLimit.TAG_VALUE_LENGTH.max(), EcsName.TAG_VALUE.maxLength());
  }

  @Test
  void allowsIsInclusiveAtBothEnds() {
    assertTrue(EcsLimit.CONTAINERS_PER_TASK_DEFINITION.allows(1));
    assertTrue(EcsLimit.CONTAINERS_PER_TASK_DEFINITION.allows(10));
    assertFalse(EcsLimit.CONTAINERS_PER_TASK_DEFINITION.allows(0));
    assertFalse(EcsLimit.CONTAINERS_PER_TASK_DEFINITION.allows(11));
    assertTrue(EcsLimit.CONTAINERS_PER_TASK_DEFINITION.exceededBy(11));
    assertFalse(EcsLimit.CONTAINERS_PER_TASK_DEFINITION.exceededBy(0));
  }

  @Test
  void quotasSayWhetherTheyCanBeRaised() {
    assertTrue(EcsLimit.TASKS_PER_SERVICE.adjustable());
    assertFalse(EcsLimit.CONTAINERS_PER_TASK_DEFINITION.adjustable());
    assertEquals("tasks per service: at most 5000 (the default quota; AWS raises it on request)",
        EcsLimit.TASKS_PER_SERVICE.describe());
    assertEquals("containers per task definition: 1 to 10", EcsLimit.CONTAINERS_PER_TASK_DEFINITION.describe());
  }
}
