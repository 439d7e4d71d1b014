package io.ecsl.runtime.capacity;

import io.ecsl.facts.ec2.InstanceTypes;
import io.ecsl.runtime.placement.Reservation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * ECS managed scaling of an Auto Scaling group capacity provider (ecs-runtime-integrations §7.2),
 * as a pure function of the group's state and the time.
 *
 * <p>{@code CapacityProviderReservation = M / N × 100}: N instances in service, M the instances
 * needed for every task of the provider (those running, and those waiting in PROVISIONING,
 * binpacked onto new instances of the group's type; a task bigger than that type is left out).
 * An instance running only daemon tasks counts as empty. With no instance and tasks waiting the
 * metric is 200. Target tracking keeps it at {@code targetCapacity}: above it the group scales
 * out to {@code ceil(M × 100 / target)} instances, by at least {@code minimumScalingStepSize}
 * and at most {@code maximumScalingStepSize} at a time, never while an instance is still warming
 * up; below it for the scale-in period, it scales in to that same number (the step sizes bound
 * scale-out only). The group's min and max bound the result.
 */
public final class ManagedScaling {
  private ManagedScaling() {}

  /**
   * One provider's inputs.
   *
   * @param inService N
   * @param busyInstances in-service instances with at least one non-daemon task
   * @param waiting the reservations of the provider's tasks waiting for capacity
   * @param warming an instance launched less than the warm-up period ago is in service
   * @param belowTargetSince since when the metric has been below target (null: it is not)
   */
  public record Inputs(
      int targetCapacity,
      int minimumScalingStepSize,
      int maximumScalingStepSize,
      Duration scaleInAfter,
      InstanceTypes.InstanceType instanceType,
      int minSize,
      int maxSize,
      int desiredCapacity,
      int inService,
      int busyInstances,
      List<Reservation> waiting,
      boolean warming,
      Instant belowTargetSince) {}

  /**
   * The result: the metric, the desired capacity to set (unchanged when no action), since when the
   * metric is below target, and why the capacity changed (null when it did not).
   */
  public record Decision(double reservation, int desiredCapacity, Instant belowTargetSince, String cause) {}

  public static Decision evaluate(Inputs in, Instant now) {
    int needed = in.busyInstances() + instancesFor(in.waiting(), in.instanceType());
    double metric = in.inService() == 0 ? (needed > 0 ? 200 : 100) : needed * 100.0 / in.inService();
    int target = in.targetCapacity();
    int wanted = (int) Math.ceil(needed * 100.0 / target);
    if (metric > target) {
      if (in.warming()) {
        return new Decision(metric, in.desiredCapacity(), null, null);
      }
      int step = Math.max(in.minimumScalingStepSize(), Math.min(in.maximumScalingStepSize(),
          wanted - in.inService()));
      int desired = Math.min(in.maxSize(), Math.max(in.desiredCapacity(), in.inService() + step));
      return new Decision(metric, desired, null, desired == in.desiredCapacity() ? null
          : cause(metric, target, "an alarm above the target"));
    }
    if (metric < target) {
      Instant since = in.belowTargetSince() == null ? now : in.belowTargetSince();
      if (now.isBefore(since.plus(in.scaleInAfter())) || in.inService() <= wanted) {
        return new Decision(metric, in.desiredCapacity(), since, null);
      }
      // The step sizes bound scale-out only (the API model: "the scale in process is not affected").
      int desired = Math.max(in.minSize(), Math.min(in.desiredCapacity(), wanted));
      return new Decision(metric, desired, desired == in.desiredCapacity() ? since : null,
          desired == in.desiredCapacity() ? null : cause(metric, target, "an alarm below the target"));
    }
    return new Decision(metric, in.desiredCapacity(), null, null);
  }

  private static String cause(double metric, int target, String alarm) {
    return String.format(java.util.Locale.ROOT,
        "ECS managed scaling: CapacityProviderReservation %.0f against target %d (%s)", metric, target, alarm);
  }

  /**
   * New instances of the type that the reservations need, packed first-fit decreasing (by memory,
   * then CPU); reservations bigger than the type are left out (no instance of it could run them).
   */
  static int instancesFor(List<Reservation> waiting, InstanceTypes.InstanceType type) {
    List<Reservation> fitting = new ArrayList<>();
    for (Reservation r : waiting) {
      if (r.cpu() <= type.cpuUnits() && r.memory() <= type.memoryMib()) {
        fitting.add(r);
      }
    }
    fitting.sort(Comparator.comparingInt(Reservation::memory).thenComparingInt(Reservation::cpu).reversed());
    List<int[]> bins = new ArrayList<>();
    for (Reservation r : fitting) {
      boolean packed = false;
      for (int[] bin : bins) {
        if (bin[0] >= r.cpu() && bin[1] >= r.memory() && !sharesPort(bin, r)) {
          bin[0] -= r.cpu();
          bin[1] -= r.memory();
          bin[2] |= r.hasPorts() ? 1 : 0;
          packed = true;
          break;
        }
      }
      if (!packed) {
        bins.add(new int[] {type.cpuUnits() - r.cpu(), type.memoryMib() - r.memory(), r.hasPorts() ? 1 : 0});
      }
    }
    return bins.size();
  }

  /**
   * Tasks with static host ports each get their own instance in the estimate (two tasks binding
   * the same port cannot share one; the estimate does not track which ports).
   */
  private static boolean sharesPort(int[] bin, Reservation r) {
    return r.hasPorts() && bin[2] > 0;
  }
}
