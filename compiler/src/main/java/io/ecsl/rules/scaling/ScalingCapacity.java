package io.ecsl.rules.scaling;

import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.ScalingView;

/** E1601: scaling capacity: minimum ≥ 0 and maximum ≥ minimum, both set when the target is first registered. */
public final class ScalingCapacity extends ScalingRule {
  public ScalingCapacity() {
    super("E1601", "Autoscaling min ≥ 0 and max ≥ min, both set", "Application Auto Scaling API");
  }

  @Override
  void check(RuleContext ctx, ScalingView s) {
    if (s.target() == null) {
      return;
    }
    var body = s.target().body();
    Long min = Nodes.integer(body, "MinCapacity");
    Long max = Nodes.integer(body, "MaxCapacity");
    if (min == null || max == null) {
      ctx.report(s.resource(), s.target(), "", label(s) + " needs both a minimum and a maximum capacity when it is first registered",
          "write `autoscaling { min = 1, max = 10, … }`");
      return;
    }
    if (min < 0) {
      ctx.report(s.resource(), s.target(), "/MinCapacity", "the minimum capacity of " + label(s) + " is negative", "use 0 or more");
    } else if (max < min) {
      ctx.report(s.resource(), s.target(), "/MaxCapacity", "the maximum capacity (" + max + ") of " + label(s)
          + " is below its minimum (" + min + ")", "make `max` at least `min`");
    }
  }
}
