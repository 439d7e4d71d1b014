package io.ecsl.rules.scaling;

import io.ecsl.model.ApiRequest;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.ScalingView;
import java.util.Map;

/** E1603: a scaling policy carries the configuration of its type, and only that one. */
public final class PolicyType extends ScalingRule {
  private static final Map<String, String> CONFIG = Map.of(
      "TargetTrackingScaling", "TargetTrackingScalingPolicyConfiguration",
      "StepScaling", "StepScalingPolicyConfiguration",
      "PredictiveScaling", "PredictiveScalingPolicyConfiguration");

  public PolicyType() {
    super("E1603", "A scaling policy has the configuration of its policy type and no other", "Application Auto Scaling API");
  }

  @Override
  void check(RuleContext ctx, ScalingView s) {
    for (ApiRequest p : s.policies()) {
      String type = Nodes.text(p.body(), "PolicyType");
      String name = Nodes.text(p.body(), "PolicyName");
      String effective = type == null ? "StepScaling" : type; // the API's default
      String needed = CONFIG.get(effective);
      if (needed != null && !Nodes.has(p.body(), needed)) {
        ctx.report(s.resource(), p, type == null ? "" : "/PolicyType", "scaling policy `" + name + "` is " + effective
            + (type == null ? " (the default type)" : "") + " but has no " + Nodes.name(needed),
            "add `" + io.ecsl.schema.Shape.snake(needed) + " { … }`, or set `policy_type` to match the configuration");
      }
      for (Map.Entry<String, String> e : CONFIG.entrySet()) {
        if (!e.getKey().equals(effective) && Nodes.has(p.body(), e.getValue())) {
          ctx.report(s.resource(), p, "/" + e.getValue(), "scaling policy `" + name + "` is " + effective + " but has a "
              + Nodes.name(e.getValue()), "set `policy_type = " + e.getKey() + "`, or remove it");
        }
      }
    }
  }
}
