package io.ecsl.runtime.placement;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One task to place: what it takes, its task group (what spread and distinctInstance count:
 * {@code service:NAME} for a service's tasks), the capacity provider whose instances may take it
 * (null: any instance, the EC2 launch type), the attributes its definition requires
 * ({@code requiresAttributes}), and its constraints and strategies (already defaulted: see
 * {@link PlacementStrategy#orDefault}).
 */
public record TaskRequest(
    Reservation reservation,
    String group,
    String capacityProvider,
    Set<String> requiredAttributes,
    List<PlacementConstraint> constraints,
    List<PlacementStrategy> strategies) {

  public TaskRequest {
    requiredAttributes = Set.copyOf(requiredAttributes);
    constraints = List.copyOf(constraints);
    strategies = List.copyOf(strategies);
  }

  public TaskRequest(Reservation reservation, String group, String capacityProvider,
      List<PlacementConstraint> constraints, List<PlacementStrategy> strategies) {
    this(reservation, group, capacityProvider, Set.of(), constraints, strategies);
  }

  /** The part of the request the cached static feasibility depends on. */
  Object staticKey() {
    List<Object> key = new ArrayList<>();
    key.add(capacityProvider == null ? "" : capacityProvider);
    key.add(new java.util.TreeSet<>(requiredAttributes));
    for (PlacementConstraint constraint : constraints) {
      if (constraint instanceof PlacementConstraint.MemberOf member && !member.condition().dependsOnTasks()) {
        key.add(member.condition().text());
      }
    }
    return key;
  }
}
