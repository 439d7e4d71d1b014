package io.ecsl.runtime.metrics;

import java.time.Instant;

/**
 * What one running task used over the last sampling interval, against what it reserves.
 *
 * @param cpuUnits CPU used, in units (1024 = one core fully busy)
 * @param memoryMiB memory in use at the reading
 */
public record TaskUsage(String taskArn, String clusterArn, String serviceName, String group, double cpuUnits,
    double memoryMiB, Reservation reservation, Instant at) {

  /** CPU used as a percentage of the reservation; null when the task reserves no CPU. */
  public Double cpuPercent() {
    return reservation.cpuUnits() == 0 ? null : 100.0 * cpuUnits / reservation.cpuUnits();
  }

  /** Memory used as a percentage of the reservation; null when the task reserves no memory. */
  public Double memoryPercent() {
    return reservation.memoryMiB() == 0 ? null : 100.0 * memoryMiB / reservation.memoryMiB();
  }
}
