package io.ecsl.rules.scaling;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.model.ApiRequest;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.ScalingView;
import java.util.ArrayList;
import java.util.List;

/**
 * E1605: step scaling: an adjustment type, at least one step, steps whose intervals do not
 * overlap and at most one open bound on each side, a minimum magnitude only with percent changes.
 */
public final class StepScaling extends ScalingRule {
  public StepScaling() {
    super("E1605", "Step scaling has an adjustment type and non-overlapping steps", "Application Auto Scaling API");
  }

  @Override
  void check(RuleContext ctx, ScalingView s) {
    for (ApiRequest p : s.policies()) {
      JsonNode config = Nodes.object(p.body(), "StepScalingPolicyConfiguration");
      if (config == null) {
        continue;
      }
      String base = "/StepScalingPolicyConfiguration";
      String name = Nodes.text(p.body(), "PolicyName");
      String type = Nodes.text(config, "AdjustmentType");
      if (type == null) {
        ctx.report(s.resource(), p, base, "step scaling policy `" + name + "` needs an adjustment type",
            "add `adjustment_type = ChangeInCapacity` (or PercentChangeInCapacity, ExactCapacity)");
      }
      if (Nodes.has(config, "MinAdjustmentMagnitude") && !"PercentChangeInCapacity".equals(type)) {
        ctx.report(s.resource(), p, base + "/MinAdjustmentMagnitude", "`min_adjustment_magnitude` applies only to "
            + "PercentChangeInCapacity", "remove it, or use `adjustment_type = PercentChangeInCapacity`");
      }
      List<JsonNode> steps = Nodes.list(config, "StepAdjustments");
      if (steps.isEmpty()) {
        ctx.report(s.resource(), p, base, "step scaling policy `" + name + "` has no steps",
            "add `step_adjustments = [{ metric_interval_lower_bound = 0, scaling_adjustment = 1 }]`");
        continue;
      }
      List<double[]> intervals = new ArrayList<>();
      for (int i = 0; i < steps.size(); i++) {
        Double lo = Nodes.number(steps.get(i), "MetricIntervalLowerBound");
        Double hi = Nodes.number(steps.get(i), "MetricIntervalUpperBound");
        double l = lo == null ? Double.NEGATIVE_INFINITY : lo;
        double h = hi == null ? Double.POSITIVE_INFINITY : hi;
        String at = base + "/StepAdjustments/" + i;
        if (l >= h) {
          ctx.report(s.resource(), p, at, "step " + (i + 1) + " of policy `" + name + "` has a lower bound (" + lo
              + ") not below its upper bound (" + hi + ")", "make the lower bound smaller than the upper bound");
          continue;
        }
        for (double[] other : intervals) {
          if (l < other[1] && other[0] < h) {
            ctx.report(s.resource(), p, at, "step " + (i + 1) + " of policy `" + name + "` overlaps another step",
                "steps cover disjoint ranges of the alarm metric, e.g. [0, 10) and [10, ∞)");
            break;
          }
        }
        intervals.add(new double[] {l, h});
      }
    }
  }
}
