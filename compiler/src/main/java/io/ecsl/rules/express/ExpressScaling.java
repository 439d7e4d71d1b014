package io.ecsl.rules.express;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.facts.express.ExpressDefaults;
import io.ecsl.model.ApiRequest;
import io.ecsl.model.Resource;
import io.ecsl.rules.RuleContext;

/**
 * E2203: an Express service's scaling target is a range of task counts with a target the metric
 * can reach: at least one task, the fewest no more than the most, and a utilisation target (CPU,
 * memory) between 1 and 100 percent; a request count per target is any positive number.
 */
public final class ExpressScaling extends ExpressRule {
  public ExpressScaling() {
    super("E2203", "An Express service keeps at least one task, its `max` is not below its `min`, and its target is one its metric can reach",
        "ECS API (ExpressGatewayScalingTarget); Application Auto Scaling target tracking");
  }

  @Override
  void check(RuleContext ctx, Resource r, ApiRequest req, ObjectNode service) {
    JsonNode target = service.path("scalingTarget");
    if (!target.isObject()) {
      return;
    }
    long min = target.path("minTaskCount").asLong(ExpressDefaults.MIN_TASKS);
    long max = target.path("maxTaskCount").asLong(Math.max(min, ExpressDefaults.MAX_TASKS));
    if (target.has("minTaskCount") && min < 1) {
      ctx.report(r, req, "/scalingTarget/minTaskCount", label(r) + ": scaling keeps at least one task; `min` is " + min,
          "set `min = 1` or more");
    }
    if (target.has("maxTaskCount") && max < min) {
      ctx.report(r, req, "/scalingTarget/maxTaskCount", label(r) + ": scaling's `max` (" + max + ") is below its `min` ("
          + min + ")", "set `max` to " + min + " or more");
    }
    if (target.has("autoScalingTargetValue")) {
      long value = target.path("autoScalingTargetValue").asLong();
      String metric = target.path("autoScalingMetric").asText(ExpressDefaults.METRIC);
      boolean utilisation = !metric.equals("REQUEST_COUNT_PER_TARGET");
      if (value < 1 || (utilisation && value > 100)) {
        ctx.report(r, req, "/scalingTarget/autoScalingTargetValue", label(r) + ": the target " + value + " is out of range for "
            + metric + (utilisation ? ", a utilisation in percent (1 to 100)" : ", a request count (1 or more)"),
            utilisation ? "set `target` between 1 and 100, e.g. 60" : "set `target` to the requests per task per minute you want, e.g. 1000");
      }
    }
  }
}
