package io.ecsl.rules.capacity;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.model.Resource;
import io.ecsl.rules.BaseRule;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;

/**
 * E1302: an Auto Scaling group provider's minimum scaling step is at most its maximum, and managed
 * termination protection is used only with managed scaling enabled.
 */
public final class ManagedScaling extends BaseRule {
  public ManagedScaling() {
    super("E1302", "Managed scaling steps are ordered; termination protection needs managed scaling", "ECS API");
  }

  @Override
  public void check(RuleContext ctx) {
    for (Resource r : ctx.index().capacityProviders()) {
      JsonNode asg = Nodes.object(r.primary().body(), "autoScalingGroupProvider");
      if (asg == null) {
        continue;
      }
      JsonNode scaling = Nodes.object(asg, "managedScaling");
      String base = "/autoScalingGroupProvider/managedScaling";
      Long min = Nodes.integer(scaling, "minimumScalingStepSize");
      Long max = Nodes.integer(scaling, "maximumScalingStepSize");
      if (min != null && max != null && min > max) {
        ctx.report(r, base + "/minimumScalingStepSize", "the minimum scaling step (" + min + ") of capacity provider `" + r.name()
            + "` is above its maximum (" + max + ")", "make `minimum_scaling_step_size` at most `maximum_scaling_step_size`");
      }
      boolean scalingOn = "ENABLED".equals(Nodes.text(scaling, "status"));
      if ("ENABLED".equals(Nodes.text(asg, "managedTerminationProtection")) && !scalingOn) {
        ctx.report(r, "/autoScalingGroupProvider/managedTerminationProtection", "managed termination protection of capacity "
            + "provider `" + r.name() + "` requires managed scaling to be enabled", "add `managed_scaling { status = ENABLED }`");
      }
    }
  }
}
