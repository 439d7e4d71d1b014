package io.ecsl.runtime.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.runtime.deployments.DeploymentTiming;
import io.ecsl.runtime.json.Json;
import io.ecsl.runtime.model.Alarms;
import io.ecsl.runtime.model.Arns;
import io.ecsl.runtime.model.DeploymentEntity;
import io.ecsl.runtime.model.ServiceEntity;
import io.ecsl.runtime.scheduler.ServiceSnapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What a service's deployment alarms say now, for the scheduler's snapshot: the alarms its
 * {@code deploymentConfiguration.alarms} names that are in ALARM in the runtime's CloudWatch
 * ({@link RuntimeState#alarms}; an alarm that does not exist there is never in ALARM, as on AWS), and
 * the bake after the tasks are in place.
 */
final class DeploymentAlarmWatch {
  private DeploymentAlarmWatch() {}

  static ServiceSnapshot.DeploymentAlarms of(RuntimeState state, ServiceEntity service, DeploymentTiming timing) {
    DeploymentEntity primary = service.primaryDeployment();
    // The PRIMARY deployment's configuration, as DescribeServiceDeployments shows it (the service's
    // for a deployment stored before deployments kept their own).
    JsonNode configuration = primary != null && primary.deploymentConfiguration != null
        ? primary.deploymentConfiguration : service.deploymentConfiguration;
    JsonNode config = configuration == null ? Json.object() : configuration.path("alarms");
    // A rollback returns to the last deployment that completed; watching the same alarms would roll
    // it back again for as long as they stay in ALARM (EMU, docs/runtime-model.md).
    if (!config.path("enable").asBoolean(false) || primary == null || primary.rollback) {
      return ServiceSnapshot.DeploymentAlarms.DISABLED;
    }
    String region = Arns.regionOf(service.serviceArn);
    List<String> names = Json.strings(config, "alarmNames");
    List<String> inAlarm = inAlarm(state, region, config);
    long bakeSeconds = 0;
    for (String name : names) {
      ObjectNode alarm = state.alarms.get(Alarms.arn(region, name));
      if (alarm == null) {
        continue;
      }
      bakeSeconds = Math.max(bakeSeconds, (long) Json.integer(alarm, "Period", 60)
          * Json.integer(alarm, "EvaluationPeriods", 1));
    }
    // ECS computes the bake from the alarms' configuration (how long they take to judge); here:
    // the longest period x evaluation periods, in the runtime's minutes (tests shorten them).
    Duration bake = Duration.ofMillis(timing.minute().toMillis() * bakeSeconds / 60);
    return new ServiceSnapshot.DeploymentAlarms(true, config.path("rollback").asBoolean(false), names, inAlarm, bake);
  }

  /**
   * The alarms an enabled alarms configuration ({@code {alarmNames, enable}}, a service's or a
   * daemon's) names that are in ALARM in {@code region} now; none when it is not enabled.
   */
  static List<String> inAlarm(RuntimeState state, String region, JsonNode config) {
    List<String> inAlarm = new ArrayList<>();
    if (config == null || !config.path("enable").asBoolean(false)) {
      return inAlarm;
    }
    for (String name : Json.strings(config, "alarmNames")) {
      ObjectNode alarm = state.alarms.get(Alarms.arn(region, name));
      if (alarm != null && Alarms.ALARM.equals(Json.text(alarm, "StateValue"))) {
        inAlarm.add(name);
      }
    }
    return inAlarm;
  }
}
