package io.ecsl.rules.service;

import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.ServiceRule;
import io.ecsl.rules.ServiceView;

/**
 * W1201: with its desired count, a service's deployment bounds round so that ECS can neither start
 * an extra task (max tasks = floor(desired × max%)) nor stop one (min healthy = ceil(desired ×
 * min%)): deployments stall with "unable to stop or start tasks during a deployment".
 */
public final class DeploymentStall extends ServiceRule {
  public DeploymentStall() {
    super("W1201", "Deployment bounds let ECS start or stop at least one task at the desired count",
        "ECS scheduler behaviour; ecsl judgement");
  }

  @Override
  protected void check(RuleContext ctx, ServiceView s) {
    Long desired = Nodes.integer(s.body(), "desiredCount");
    if (desired == null || desired <= 0 || s.daemon() || !s.controller().equals("ECS")
        || s.resource().ownedElsewhere().containsKey("/desiredCount")) {
      return;
    }
    var config = Nodes.object(s.body(), "deploymentConfiguration");
    Long minP = Nodes.integer(config, "minimumHealthyPercent");
    Long maxP = Nodes.integer(config, "maximumPercent");
    long min = minP == null ? 100 : minP;
    long max = maxP == null ? 200 : maxP;
    if (min >= max || min < 0 || min > 100 || max < 100) {
      return; // E1205
    }
    long minHealthy = (desired * min + 99) / 100;
    long maxTasks = desired * max / 100;
    if (maxTasks <= desired && minHealthy >= desired) {
      s.report(ctx, maxP != null ? "/deploymentConfiguration/maximumPercent" : "/desiredCount", "with " + desired + " desired task"
          + (desired == 1 ? "" : "s") + ", " + min + "% minimum healthy and " + max + "% maximum, a deployment of " + s.label()
          + " can neither start an extra task nor stop one, so it stalls",
          "raise `max` so that floor(desired × max%) > desired (e.g. " + ((desired + 1) * 100 + desired - 1) / desired
              + "%), or lower `min_healthy`");
    }
  }
}
