package io.ecsl.runtime.autoscaling;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.runtime.engine.LoopStage;
import io.ecsl.runtime.engine.RuntimeState;
import io.ecsl.runtime.json.Json;
import io.ecsl.runtime.metrics.Datapoint;
import io.ecsl.runtime.metrics.MetricHistory;
import io.ecsl.runtime.model.Arns;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates the runtime's CloudWatch metric alarms on the metrics it measures ({@link MetricAlarms}),
 * once per metric period, as CloudWatch evaluates them: a new state replaces the stored one (a state
 * set by SetAlarmState lasts until then, as on AWS). Deployments watch these states, and step
 * scaling policies their alarms invoke act on them. Alarms on other metrics keep the state they are
 * set to.
 */
public final class AlarmEvaluation implements LoopStage {
  private final RuntimeState state;
  private final MetricHistory metrics;
  private final Runnable wake;
  /** The period each alarm was last evaluated in (an alarm created since is evaluated at once). */
  private final Map<String, Instant> evaluated = new HashMap<>();

  /** {@code wake} asks the control loop for a pass (a deployment acts on an alarm's new state). */
  public AlarmEvaluation(RuntimeState state, MetricHistory metrics, Runnable wake) {
    this.state = state;
    this.metrics = metrics;
    this.wake = wake;
  }

  @Override
  public String name() {
    return "CloudWatch alarm evaluation";
  }

  @Override
  public void run(Instant now) {
    Instant period = metrics.periodStart(now);
    boolean changed = state.atomically(() -> {
      boolean any = false;
      evaluated.keySet().retainAll(state.alarms.ids());
      for (String arn : state.alarms.ids()) {
        if (period.equals(evaluated.get(arn))) {
          continue;
        }
        evaluated.put(arn, period);
        ObjectNode alarm = state.alarms.get(arn);
        MetricAlarms.Watched watched = MetricAlarms.of(alarm);
        if (watched == null) {
          continue;
        }
        MetricAlarms.Judgement judgement = MetricAlarms.judge(watched, series(watched, Arns.regionOf(arn), now),
            metrics.period(), now);
        if (judgement == null || judgement.state().equals(Json.text(alarm, "StateValue"))) {
          continue;
        }
        ObjectNode next = alarm.deepCopy();
        next.put("StateValue", judgement.state());
        next.put("StateReason", judgement.reason());
        next.remove("StateReasonData");
        next.set("StateUpdatedTimestamp", Json.timestamp(now));
        next.set("StateTransitionedTimestamp", Json.timestamp(now));
        state.alarms.put(arn, next);
        any = true;
      }
      return any;
    });
    if (changed) {
      wake.run();
    }
  }

  private List<Datapoint> series(MetricAlarms.Watched watched, String region, Instant now) {
    if (watched.targetGroup() != null) {
      String arn = ServiceAutoScaling.targetGroupArn(state, watched.targetGroup());
      return arn == null ? List.of() : metrics.targetGroupDatapoints(arn, watched.alarm().metric(), now);
    }
    return metrics.datapoints(Arns.cluster(region, watched.clusterName()), watched.serviceName(),
        watched.alarm().metric(), now);
  }
}
