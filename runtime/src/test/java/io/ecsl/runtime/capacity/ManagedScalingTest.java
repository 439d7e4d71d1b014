package io.ecsl.runtime.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.ecsl.facts.ec2.InstanceTypes;
import io.ecsl.runtime.placement.Reservation;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CapacityProviderReservation and the target-tracking decision (ecs-runtime-integrations §7.2). */
class ManagedScalingTest {
  private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
  private static final InstanceTypes.InstanceType M5_LARGE = InstanceTypes.find("m5.large").orElseThrow();

  private static ManagedScaling.Inputs inputs(int target, int minStep, int maxStep, int desired, int inService,
      int busy, List<Reservation> waiting, boolean warming, Instant below) {
    return new ManagedScaling.Inputs(target, minStep, maxStep, Duration.ofMinutes(15), M5_LARGE, 0, 20, desired,
        inService, busy, waiting, warming, below);
  }

  private static List<Reservation> tasks(int n, int cpu, int memory) {
    return Collections.nCopies(n, Reservation.of(cpu, memory));
  }

  @Test
  void noInstanceAndWaitingTasksReadsTwoHundredAndScalesOut() {
    ManagedScaling.Decision d = ManagedScaling.evaluate(inputs(100, 1, 10000, 0, 0, 0, tasks(3, 1024, 2048),
        false, null), NOW);
    assertEquals(200, d.reservation(), 0.001);
    // m5.large: 2048 CPU, 8192 MiB: two 1024-CPU tasks each → 2 instances
    assertEquals(2, d.desiredCapacity());
  }

  @Test
  void theMetricIsNeededOverInServiceAndTheTargetLeavesHeadroom() {
    ManagedScaling.Decision full = ManagedScaling.evaluate(inputs(100, 1, 10000, 4, 4, 4, List.of(), false, null), NOW);
    assertEquals(100, full.reservation(), 0.001);
    assertEquals(4, full.desiredCapacity());
    assertNull(full.cause());
    ManagedScaling.Decision headroom = ManagedScaling.evaluate(inputs(80, 1, 10000, 4, 4, 4, List.of(), false, null),
        NOW);
    assertEquals(5, headroom.desiredCapacity(), "ceil(4 × 100 / 80) = 5");
  }

  @Test
  void stepSizesBoundEachScaleOut() {
    ManagedScaling.Decision small = ManagedScaling.evaluate(inputs(100, 1, 2, 0, 0, 0, tasks(10, 2048, 1024), false,
        null), NOW);
    assertEquals(2, small.desiredCapacity(), "at most the maximum step");
    ManagedScaling.Decision big = ManagedScaling.evaluate(inputs(100, 3, 10, 1, 1, 1, tasks(1, 2048, 1024), false,
        null), NOW);
    assertEquals(4, big.desiredCapacity(), "at least the minimum step");
  }

  @Test
  void aWarmingInstanceBlocksFurtherScaleOut() {
    ManagedScaling.Decision d = ManagedScaling.evaluate(inputs(100, 1, 10, 2, 2, 2, tasks(4, 2048, 1024), true,
        null), NOW);
    assertEquals(2, d.desiredCapacity());
    assertEquals(300, d.reservation(), 0.001);
  }

  @Test
  void scaleInWaitsForTheDelayThenKeepsWhatIsNeeded() {
    ManagedScaling.Decision first = ManagedScaling.evaluate(inputs(100, 1, 10000, 5, 5, 2, List.of(), false, null), NOW);
    assertEquals(5, first.desiredCapacity());
    assertEquals(NOW, first.belowTargetSince());
    ManagedScaling.Decision early = ManagedScaling.evaluate(inputs(100, 1, 10000, 5, 5, 2, List.of(), false, NOW),
        NOW.plus(Duration.ofMinutes(14)));
    assertEquals(5, early.desiredCapacity());
    ManagedScaling.Decision late = ManagedScaling.evaluate(inputs(100, 1, 10000, 5, 5, 2, List.of(), false, NOW),
        NOW.plus(Duration.ofMinutes(15)));
    assertEquals(2, late.desiredCapacity());
    ManagedScaling.Decision unstepped = ManagedScaling.evaluate(inputs(100, 3, 2, 5, 5, 0, List.of(), false, NOW),
        NOW.plus(Duration.ofMinutes(15)));
    assertEquals(0, unstepped.desiredCapacity(), "the step sizes do not bound scale-in");
  }

  @Test
  void tasksBiggerThanTheInstanceTypeDoNotCount() {
    ManagedScaling.Decision d = ManagedScaling.evaluate(inputs(100, 1, 10, 1, 1, 1, tasks(2, 4096, 1024), false, null),
        NOW);
    assertEquals(100, d.reservation(), 0.001);
    assertEquals(1, d.desiredCapacity());
  }

  @Test
  void tasksWithStaticPortsEachNeedAnInstanceInTheEstimate() {
    List<Reservation> web = Collections.nCopies(3, new Reservation(128, 128, new int[] {80}, new int[0]));
    assertEquals(3, ManagedScaling.instancesFor(web, M5_LARGE));
    assertEquals(1, ManagedScaling.instancesFor(tasks(3, 128, 128), M5_LARGE));
  }
}
