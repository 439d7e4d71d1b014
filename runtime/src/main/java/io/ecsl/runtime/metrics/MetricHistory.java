package io.ecsl.runtime.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The runtime's CloudWatch, for the metrics it measures: each sample of running tasks is summed per
 * service (CPU and memory used over CPU and memory reserved, as ECS computes a service's
 * utilization) and aggregated into periods; the newest reading of every task is kept for
 * {@code ecsl top}. Periods start at multiples of the period since the epoch, as CloudWatch's do.
 * Thread-safe: the collector writes, the autoscaler and the stats endpoint read.
 */
public final class MetricHistory {
  /** How many periods of each series are kept (the longest alarm the autoscaler evaluates is 15). */
  static final int KEPT_PERIODS = 120;

  private final Duration period;
  private final Map<String, TreeMap<Instant, Accumulator>> series = new HashMap<>();
  private final Map<String, TaskUsage> latest = new LinkedHashMap<>();
  private Instant lastSampleAt;

  public MetricHistory(Duration period) {
    this.period = period;
  }

  public Duration period() {
    return period;
  }

  /** Records one sample of every running task (tasks missing from it are no longer running). */
  public synchronized void record(Instant at, List<TaskUsage> usages) {
    lastSampleAt = at;
    latest.clear();
    Map<String, double[]> byService = new LinkedHashMap<>();
    for (TaskUsage usage : usages) {
      latest.put(usage.taskArn(), usage);
      if (usage.serviceName() == null) {
        continue;
      }
      double[] sums = byService.computeIfAbsent(key(usage.clusterArn(), usage.serviceName()), k -> new double[4]);
      sums[0] += usage.cpuUnits();
      sums[1] += usage.reservation().cpuUnits();
      sums[2] += usage.memoryMiB();
      sums[3] += usage.reservation().memoryMiB();
    }
    Instant start = periodStart(at);
    byService.forEach((service, sums) -> {
      if (sums[1] > 0) {
        add(service, Metric.CPU_UTILIZATION, start, 100.0 * sums[0] / sums[1]);
      }
      if (sums[3] > 0) {
        add(service, Metric.MEMORY_UTILIZATION, start, 100.0 * sums[2] / sums[3]);
      }
    });
  }

  /**
   * Records one reading of a target group's requests per target: the requests it received since the
   * previous reading over its healthy targets. The period's sum is CloudWatch's RequestCountPerTarget.
   */
  public synchronized void recordRequests(Instant at, String targetGroupArn, double requestsPerTarget) {
    add(targetGroupKey(targetGroupArn), Metric.REQUEST_COUNT_PER_TARGET, periodStart(at), requestsPerTarget);
  }

  /** The complete periods of a service's metric (those that ended by {@code now}), oldest first. */
  public synchronized List<Datapoint> datapoints(String clusterArn, String serviceName, Metric metric, Instant now) {
    return complete(series.get(key(clusterArn, serviceName) + "|" + metric), now);
  }

  /** The complete periods of a target group's metric, oldest first. */
  public synchronized List<Datapoint> targetGroupDatapoints(String targetGroupArn, Metric metric, Instant now) {
    return complete(series.get(targetGroupKey(targetGroupArn) + "|" + metric), now);
  }

  private List<Datapoint> complete(TreeMap<Instant, Accumulator> points, Instant now) {
    List<Datapoint> out = new ArrayList<>();
    if (points == null) {
      return out;
    }
    for (Map.Entry<Instant, Accumulator> entry : points.entrySet()) {
      if (!entry.getKey().plus(period).isAfter(now)) {
        out.add(entry.getValue().datapoint(entry.getKey()));
      }
    }
    return out;
  }

  /** The newest reading of each running task. */
  public synchronized List<TaskUsage> latest() {
    return List.copyOf(latest.values());
  }

  /** When the newest sample was taken (null before the first). */
  public synchronized Instant lastSampleAt() {
    return lastSampleAt;
  }

  /** The start of the period holding {@code at}. */
  public Instant periodStart(Instant at) {
    long millis = period.toMillis();
    return Instant.ofEpochMilli(Math.floorDiv(at.toEpochMilli(), millis) * millis);
  }

  private void add(String service, Metric metric, Instant start, double value) {
    TreeMap<Instant, Accumulator> points = series.computeIfAbsent(service + "|" + metric, k -> new TreeMap<>());
    points.computeIfAbsent(start, k -> new Accumulator()).add(value);
    while (points.size() > KEPT_PERIODS) {
      points.pollFirstEntry();
    }
  }

  private static String targetGroupKey(String targetGroupArn) {
    return "targetgroup|" + targetGroupArn;
  }

  private static String key(String clusterArn, String serviceName) {
    return clusterArn + "|" + serviceName;
  }

  private static final class Accumulator {
    double sum;
    double min = Double.MAX_VALUE;
    double max = -Double.MAX_VALUE;
    int count;

    void add(double value) {
      sum += value;
      min = Math.min(min, value);
      max = Math.max(max, value);
      count++;
    }

    Datapoint datapoint(Instant start) {
      return new Datapoint(start, sum / count, min, max, count);
    }
  }
}
