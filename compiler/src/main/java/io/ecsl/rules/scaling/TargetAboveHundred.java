package io.ecsl.rules.scaling;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.model.ApiRequest;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.ScalingView;

/** W1601: a CPU or memory utilization target above 100% never triggers scale-out in practice. */
public final class TargetAboveHundred extends ScalingRule {
  public TargetAboveHundred() {
    super("W1601", "CPU and memory utilization targets are at most 100%", "ecsl judgement");
  }

  @Override
  void check(RuleContext ctx, ScalingView s) {
    for (ApiRequest p : s.policies()) {
      JsonNode config = Nodes.object(p.body(), "TargetTrackingScalingPolicyConfiguration");
      String metric = Nodes.text(Nodes.object(config, "PredefinedMetricSpecification"), "PredefinedMetricType");
      Double target = Nodes.number(config, "TargetValue");
      if (metric != null && metric.startsWith("ECSServiceAverage") && target != null && target > 100) {
        ctx.report(s.resource(), p, "/TargetTrackingScalingPolicyConfiguration/TargetValue", "the utilization target of policy `"
            + Nodes.text(p.body(), "PolicyName") + "` is " + Nodes.format(target) + "%, so the service scales out only when tasks "
                + "use more than they reserve", "use a target below 100%, e.g. 70%");
      }
    }
  }
}
