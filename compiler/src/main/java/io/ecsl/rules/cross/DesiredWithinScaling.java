package io.ecsl.rules.cross;

import io.ecsl.rules.BaseRule;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.ScalingView;
import io.ecsl.rules.ServiceView;

/**
 * W1704: a service's desired count lies within its autoscaling range; otherwise the first scaling
 * action jumps it to the bound, so the deployed count is not the one written.
 */
public final class DesiredWithinScaling extends BaseRule {
  public DesiredWithinScaling() {
    super("W1704", "A service's desired count is within its autoscaling min and max", "ecsl judgement");
  }

  @Override
  public void check(RuleContext ctx) {
    for (ScalingView scaling : ctx.index().scaling()) {
      ServiceView s = scaling.service();
      if (s == null || scaling.target() == null) {
        continue;
      }
      Long desired = Nodes.integer(s.body(), "desiredCount");
      Long min = Nodes.integer(scaling.target().body(), "MinCapacity");
      Long max = Nodes.integer(scaling.target().body(), "MaxCapacity");
      if (desired != null && min != null && max != null && min <= max && (desired < min || desired > max)) {
        ctx.report(s.resource(), s.request(), "/desiredCount", "the desired count of " + s.label() + " (" + desired
            + ") is outside its autoscaling range " + min + "–" + max + "; scaling will move it to " + (desired < min ? min : max),
            "set `desired` between " + min + " and " + max);
      }
    }
  }
}
