package io.ecsl.runtime.server;

import io.ecsl.runtime.api.ApiException;
import io.ecsl.runtime.api.InternalEndpoints;
import io.ecsl.runtime.api.RequestContext;
import io.ecsl.runtime.api.ScheduleEndpoints;
import io.ecsl.runtime.api.StatsEndpoints;
import io.ecsl.runtime.api.ecs.EcsApi;
import io.ecsl.runtime.autoscaling.AlarmEvaluation;
import io.ecsl.runtime.autoscaling.ServiceAutoScaling;
import io.ecsl.runtime.engine.ControlPlane;
import io.ecsl.runtime.metrics.MetricHistory;
import io.ecsl.runtime.metrics.MetricsCollector;
import io.ecsl.runtime.schedules.ScheduledRules;
import io.ecsl.runtime.schedules.SchedulerSchedules;

/**
 * The control loop's stages beyond tasks and services, and the endpoints that show them: scheduled
 * rules and EventBridge Scheduler schedules (which call RunTask through the ECS API, exactly as
 * EventBridge does), the metrics collector, the load balancers' request counts and Service Auto
 * Scaling.
 */
final class RuntimeStages {
  private RuntimeStages() {}

  static void install(ControlPlane plane, EcsApi ecs, InternalEndpoints internal,
      io.ecsl.runtime.loadbalancing.Traffic traffic) {
    ScheduledRules.RunTaskCall runTask = (region, request) -> {
      try {
        return ecs.call("RunTask", request, new RequestContext(region));
      } catch (ApiException e) {
        throw new ScheduledRules.InvocationError(e.type(), e.getMessage(), e.status());
      }
    };
    ScheduledRules rules = new ScheduledRules(plane.state(), runTask);
    plane.addStage(rules);
    SchedulerSchedules schedules = new SchedulerSchedules(plane.state(), runTask);
    plane.addStage(schedules);
    new ScheduleEndpoints(plane, rules, schedules).addTo(internal);

    MetricHistory history = new MetricHistory(plane.options().metricsPeriod());
    plane.addStage(new MetricsCollector(plane.state(), plane.backend(), history, plane.options().inlineActions()));
    plane.addStage(new io.ecsl.runtime.loadbalancing.RequestCountSampler(plane.state(), traffic, history));
    plane.addStage(new AlarmEvaluation(plane.state(), history, plane::requestTick));
    plane.addStage(new ServiceAutoScaling(plane.state(), history, plane::requestTick));
    new StatsEndpoints(history).addTo(internal);
  }
}
