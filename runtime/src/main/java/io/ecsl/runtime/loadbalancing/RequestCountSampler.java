package io.ecsl.runtime.loadbalancing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.runtime.engine.LoopStage;
import io.ecsl.runtime.engine.RuntimeState;
import io.ecsl.runtime.json.Json;
import io.ecsl.runtime.metrics.MetricHistory;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Publishes each target group's requests per target into the metric history (the runtime's
 * CloudWatch), so target tracking on {@code ALBRequestCountPerTarget} acts: at every pass of the
 * control loop, the requests the group received since the previous pass (counted by the proxies,
 * {@link Traffic}) over its healthy targets, so that a period's sum is the requests per target in
 * that period (reading in-memory counters each pass is cheap). Groups with no traffic record zero,
 * as CloudWatch reports a load balancer's idle periods, so scale-in sees complete periods.
 */
public final class RequestCountSampler implements LoopStage {
  private final RuntimeState state;
  private final Traffic traffic;
  private final MetricHistory history;
  private final Map<String, Long> previous = new HashMap<>();

  public RequestCountSampler(RuntimeState state, Traffic traffic, MetricHistory history) {
    this.state = state;
    this.traffic = traffic;
    this.history = history;
  }

  @Override
  public String name() {
    return "request metrics";
  }

  @Override
  public void run(Instant now) {
    Map<String, int[]> targets = state.atomically(this::targetCounts);
    previous.keySet().retainAll(targets.keySet());
    targets.forEach((group, counts) -> {
      long total = traffic.requestCount(group);
      Long before = previous.put(group, total);
      if (before != null) {
        history.recordRequests(now, group, perTarget(total - before, counts[0], counts[1]));
      }
    });
  }

  /**
   * Requests over the healthy targets. EMU: with none healthy (ALB then fails open to all of
   * them) the registered ones count, and with none at all the requests themselves (each answered
   * 503), so a target group that cannot serve still shows its load instead of nothing.
   */
  static double perTarget(long requests, int healthy, int registered) {
    int divisor = healthy > 0 ? healthy : registered;
    return divisor > 0 ? (double) requests / divisor : requests;
  }

  /** Each target group's healthy and registered (not draining) targets. */
  private Map<String, int[]> targetCounts() {
    Map<String, int[]> out = new HashMap<>();
    for (String arn : state.targetGroups.ids()) {
      out.put(arn, new int[2]);
    }
    for (ObjectNode target : state.targets.values()) {
      int[] counts = out.get(Json.text(target, "TargetGroupArn"));
      String health = Json.text(target, "State");
      if (counts == null || TargetHealth.DRAINING.equals(health)) {
        continue;
      }
      counts[1]++;
      if (TargetHealth.HEALTHY.equals(health)) {
        counts[0]++;
      }
    }
    return out;
  }
}
