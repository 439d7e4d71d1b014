package io.ecsl.runtime.placement;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Test instances: {@code Instances.of("i1", "us-east-1a", 2048, 4096)} and friends. */
final class Instances {
  static final Instant REGISTERED = Instant.parse("2026-01-01T00:00:00Z");

  private Instances() {}

  static InstanceInfo of(String id, String zone, int cpu, int memory) {
    return with(id, zone, cpu, memory, "ACTIVE", true, null, Map.of());
  }

  static InstanceInfo with(String id, String zone, int cpu, int memory, String status, boolean agent,
      String provider, Map<String, String> extra) {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("ecs.availability-zone", zone);
    attributes.put("ecs.instance-type", "m5.large");
    attributes.put("ecs.os-type", "linux");
    attributes.putAll(extra);
    return new InstanceInfo("arn:aws:ecs:us-east-1:000000000000:container-instance/c/" + id, id, "i-" + id, status,
        agent, "1.89.1", REGISTERED, provider, attributes, cpu, memory, Set.of(22, 2375, 2376, 51678, 51679),
        Set.of());
  }

  static ClusterSnapshot snapshot(InstanceInfo... instances) {
    ClusterSnapshot.Builder builder = ClusterSnapshot.builder();
    for (InstanceInfo instance : instances) {
      builder.instance(instance);
    }
    return builder.build();
  }

  static TaskRequest request(int cpu, int memory, List<PlacementConstraint> constraints,
      List<PlacementStrategy> strategies) {
    return new TaskRequest(Reservation.of(cpu, memory), "service:web", null, constraints,
        PlacementStrategy.orDefault(strategies));
  }

  /** A condition written as a Java predicate, for tests that do not need the query language. */
  static InstanceCondition condition(String text, boolean dependsOnTasks,
      java.util.function.Predicate<QueryView> test) {
    return new InstanceCondition() {
      @Override
      public String text() {
        return text;
      }

      @Override
      public boolean matches(QueryView instance) {
        return test.test(instance);
      }

      @Override
      public boolean dependsOnTasks() {
        return dependsOnTasks;
      }
    };
  }
}
