package io.ecsl.runtime.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ecsl.runtime.json.Json;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The runtime's use of the base-then-weight split (ecs-semantics §4.4). */
class CapacityStrategyTest {
  private static final CapacityStrategy SPOT_MIX = CapacityStrategy.of(Json.parse(
      "[{\"capacityProvider\":\"FARGATE\",\"base\":2,\"weight\":1},{\"capacityProvider\":\"FARGATE_SPOT\",\"weight\":3}]"));

  private static Map<String, Integer> count(List<String> providers) {
    Map<String, Integer> out = new HashMap<>();
    providers.forEach(p -> out.merge(p, 1, Integer::sum));
    return out;
  }

  @Test
  void tenTasksAreFourAndSix() {
    assertEquals(Map.of("FARGATE", 4, "FARGATE_SPOT", 6), count(SPOT_MIX.launches(Map.of(), 10)));
    assertEquals(List.of("FARGATE", "FARGATE"), SPOT_MIX.launches(Map.of(), 2), "the base first");
  }

  @Test
  void scalingInKeepsTheBaseAndOutReturnsToTheSplit() {
    Map<String, Integer> running = new HashMap<>(Map.of("FARGATE", 4, "FARGATE_SPOT", 6));
    for (String provider : SPOT_MIX.stops(running, 7)) {
      running.merge(provider, -1, Integer::sum);
    }
    assertEquals(Map.of("FARGATE", 2, "FARGATE_SPOT", 1), running);
    for (String provider : SPOT_MIX.launches(running, 7)) {
      running.merge(provider, 1, Integer::sum);
    }
    assertEquals(Map.of("FARGATE", 4, "FARGATE_SPOT", 6), running);
  }

  @Test
  void aReplacementGoesWhereATaskWasLost() {
    assertEquals(List.of("FARGATE_SPOT"), SPOT_MIX.launches(Map.of("FARGATE", 4, "FARGATE_SPOT", 5), 1));
  }
}
