package io.ecsl.rules.service;

import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.ServiceRule;
import io.ecsl.rules.ServiceView;

/**
 * E1205: rolling deployment bounds: minimum healthy percent 0–100, maximum percent at least 100,
 * and the minimum below the maximum (the defaults are 100% and 200%).
 */
public final class DeploymentPercent extends ServiceRule {
  public DeploymentPercent() {
    super("E1205", "Minimum healthy percent 0–100, maximum percent ≥ 100, minimum below maximum", "ECS API; CDK");
  }

  @Override
  protected void check(RuleContext ctx, ServiceView s) {
    var config = Nodes.object(s.body(), "deploymentConfiguration");
    Long min = Nodes.integer(config, "minimumHealthyPercent");
    Long max = Nodes.integer(config, "maximumPercent");
    if (min != null && (min < 0 || min > 100)) {
      s.report(ctx, "/deploymentConfiguration/minimumHealthyPercent", "the minimum healthy percent of " + s.label()
          + " must be 0% to 100%; you set " + min + "%", "use e.g. `min_healthy = 50%`");
      return;
    }
    if (s.daemon() || !s.controller().equals("ECS")) {
      return; // DAEMON: E1204; CODE_DEPLOY/EXTERNAL: the values are not used for rolling updates
    }
    if (max != null && max < 100) {
      s.report(ctx, "/deploymentConfiguration/maximumPercent", "the maximum percent of " + s.label()
          + " must be at least 100%; you set " + max + "%", "use e.g. `max = 200%` (how far above the desired count a deployment may go)");
      return;
    }
    long effectiveMin = min == null ? 100 : min;
    long effectiveMax = max == null ? 200 : max;
    if ((min != null || max != null) && effectiveMin >= effectiveMax) {
      s.report(ctx, max != null ? "/deploymentConfiguration/maximumPercent" : "/deploymentConfiguration/minimumHealthyPercent",
          "the minimum healthy percent (" + effectiveMin + "%) of " + s.label() + " must be below its maximum percent ("
              + effectiveMax + "%)" + (min == null ? " (100% is the default minimum)" : max == null ? " (200% is the default maximum)" : ""),
          "a rolling deployment needs room to start or stop a task: e.g. `min_healthy = 100%, max = 200%`");
    }
  }
}
