package io.ecsl.facts.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CapacityKindTest {
  private static final Map<String, CapacityKind> KNOWN = Map.of(
      "FARGATE", CapacityKind.FARGATE, "FARGATE_SPOT", CapacityKind.FARGATE,
      "asg", CapacityKind.AUTO_SCALING_GROUP, "asg2", CapacityKind.AUTO_SCALING_GROUP,
      "mi", CapacityKind.MANAGED_INSTANCES);

  private static Map<CapacityKind, Integer> kinds(String... providers) {
    return CapacityKind.firstOfEach(List.of(providers), KNOWN::get);
  }

  @Test
  void oneKindIsNoMix() {
    Map<CapacityKind, Integer> kinds = kinds("FARGATE", "FARGATE_SPOT");
    assertEquals(Map.of(CapacityKind.FARGATE, 0), kinds);
    assertFalse(CapacityKind.mixesFargateAndAutoScaling(kinds));
    assertFalse(CapacityKind.mixesManagedInstances(kinds));
    assertFalse(CapacityKind.mixesManagedInstances(kinds("mi")));
  }

  @Test
  void fargateBesideAnAutoScalingGroupIsTheMixEcsRefuses() {
    Map<CapacityKind, Integer> kinds = kinds("FARGATE", "asg", "asg2");
    assertTrue(CapacityKind.mixesFargateAndAutoScaling(kinds));
    assertFalse(CapacityKind.mixesManagedInstances(kinds));
    assertEquals(1, kinds.get(CapacityKind.AUTO_SCALING_GROUP), "the first item of the kind, to point at");
  }

  @Test
  void managedInstancesBesideAnyOtherKindIsAMix() {
    assertTrue(CapacityKind.mixesManagedInstances(kinds("mi", "FARGATE")));
    assertTrue(CapacityKind.mixesManagedInstances(kinds("asg", "mi")));
    assertFalse(CapacityKind.mixesFargateAndAutoScaling(kinds("asg", "mi")));
  }

  @Test
  void providersOfUnknownKindAreLeftOut() {
    Map<CapacityKind, Integer> kinds = kinds("elsewhere", "mi", "alsoElsewhere");
    assertEquals(Map.of(CapacityKind.MANAGED_INSTANCES, 1), kinds);
    assertFalse(CapacityKind.mixesManagedInstances(kinds));
  }
}
