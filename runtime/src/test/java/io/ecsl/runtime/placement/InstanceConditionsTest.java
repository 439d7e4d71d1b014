package io.ecsl.runtime.placement;

import static io.ecsl.runtime.placement.Instances.of;
import static io.ecsl.runtime.placement.Instances.request;
import static io.ecsl.runtime.placement.Instances.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * memberOf and ListContainerInstances' filter evaluate the shared cluster query language
 * (ecsl-facts) over a placement snapshot, tasks placed so far in the pass included.
 */
class InstanceConditionsTest {
  private static ClusterSnapshot cluster() {
    ClusterSnapshot.Builder builder = ClusterSnapshot.builder()
        .instance(of("a", "us-east-1a", 4096, 8192))
        .instance(with("b", "us-east-1b", 4096, 8192, "ACTIVE", true, null,
            Map.of("ecs.instance-type", "t3.medium", "stack", "prod")))
        .instance(with("c", "us-east-1c", 4096, 8192, "ACTIVE", true, null,
            Map.of("ecs.instance-type", "c6i.large", "stack", "test")));
    builder.task("arn:aws:ecs:us-east-1:000000000000:container-instance/c/a", "service:db", Reservation.of(0, 128),
        false);
    return builder.build();
  }

  /** The ids of the instances the expression selects. */
  private static List<String> selected(String expression) {
    ClusterSnapshot snapshot = cluster();
    InstanceCondition condition = InstanceConditions.parse(expression);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < snapshot.size(); i++) {
      if (condition.matches(new QueryView(snapshot, i))) {
        out.add(snapshot.instance(i).id());
      }
    }
    return out;
  }

  @Test
  void everySubjectOfTheLanguageReadsTheSnapshot() {
    assertEquals(List.of("b"), selected("attribute:ecs.availability-zone == us-east-1b"));
    assertEquals(List.of("a", "c"), selected("attribute:ecs.availability-zone in [us-east-1a, us-east-1c]"));
    assertEquals(List.of("b", "c"), selected("attribute:ecs.instance-type =~ t3.* or attribute:stack == test"));
    assertEquals(List.of("c"), selected("ec2InstanceId == i-c"));
    assertEquals(List.of("a"), selected("task:group == service:db"));
    assertEquals(List.of("b", "c"), selected("not(task:group == service:db)"));
    assertEquals(List.of("a"), selected("runningTasksCount > 0"));
    assertEquals(List.of("b"), selected("attribute:stack exists and not(attribute:stack == test)"));
    assertEquals(List.of("a", "b", "c"), selected("registeredAt >= 2025-12-31 and agentConnected == true"));
    assertEquals(List.of(), selected("registeredAt < 2026-01-01"));
  }

  @Test
  void onlyConditionsOnTasksAreEvaluatedAgainPerTask() {
    assertTrue(InstanceConditions.parse("task:group == service:db").dependsOnTasks());
    assertTrue(InstanceConditions.parse("runningTasksCount == 0").dependsOnTasks());
    assertFalse(InstanceConditions.parse("attribute:ecs.availability-zone == us-east-1a").dependsOnTasks());
  }

  @Test
  void aMemberOfWrittenInTheLanguageSteersPlacement() {
    ClusterSnapshot snapshot = cluster();
    TaskRequest task = request(0, 128, List.of(new PlacementConstraint.MemberOf(InstanceConditions.parse(
        "attribute:ecs.availability-zone != us-east-1a and not(task:group == service:web)"))), List.of());
    Map<String, Integer> placed = new TreeMap<>();
    List<Placement> placements = Placer.placeAll(snapshot, task, 3, new SplittableRandom(3));
    for (Placement p : placements.subList(0, 2)) {
      placed.merge(snapshot.instance(assertInstanceOf(Placement.Placed.class, p).instance()).id(), 1, Integer::sum);
    }
    // each placement joins the snapshot: once b and c run a web task, the third has nowhere to go
    assertEquals(Map.of("b", 1, "c", 1), placed);
    assertEquals(Rejection.MEMBER_OF, assertInstanceOf(Placement.Unplaceable.class, placements.get(2)).closestReason());
  }

  @Test
  void aMistakeIsNamedWithWhereItIs() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> InstanceConditions.parse("attribute:ecs.availability-zone in [us-east-1a"));
    assertTrue(e.getMessage().startsWith("Invalid cluster query expression 'attribute:ecs.availability-zone in"
        + " [us-east-1a': "), e.getMessage());
    assertTrue(e.getMessage().contains(" at character "), e.getMessage());
  }
}
