package io.ecsl.rules.service;

import io.ecsl.rules.Launch;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.ServiceRule;
import io.ecsl.rules.ServiceView;

/**
 * E1204: DAEMON services run on EC2 with the ECS controller, without capacity provider strategy
 * or placement strategies, and with {@code maximumPercent} 100.
 */
public final class DaemonService extends ServiceRule {
  public DaemonService() {
    super("E1204", "DAEMON services: EC2, ECS controller, no strategies, maximum percent 100",
        "ECS API; cfn-lint E3044; CDK");
  }

  @Override
  protected void check(RuleContext ctx, ServiceView s) {
    if (!s.daemon()) {
      return;
    }
    String hint = "use `scheduling_strategy = REPLICA` with a desired count";
    if (s.launch() == Launch.FARGATE) {
      s.report(ctx, "/schedulingStrategy", "Fargate does not run DAEMON services (" + s.label() + "); Fargate has no instances "
          + "to run one task on each", hint);
    }
    if (!s.controller().equals("ECS")) {
      s.report(ctx, "/schedulingStrategy", "DAEMON services need the ECS deployment controller, not " + s.controller(), hint);
    }
    if (Nodes.size(s.body(), "capacityProviderStrategy") > 0) {
      s.report(ctx, "/capacityProviderStrategy", "DAEMON services do not take a capacity provider strategy (" + s.label() + ")",
          "remove the strategy; set `launch_type = EC2`");
    }
    if (Nodes.size(s.body(), "placementStrategy") > 0) {
      s.report(ctx, "/placementStrategy", "DAEMON services do not take placement strategies (" + s.label() + ")",
          "remove them; use placement constraints to choose instances");
    }
    Long max = Nodes.integer(Nodes.object(s.body(), "deploymentConfiguration"), "maximumPercent");
    if (max != null && max != 100) {
      s.report(ctx, "/deploymentConfiguration/maximumPercent", "DAEMON services must have a maximum percent of 100; you set "
          + max + "%", "remove `maximum_percent` or set it to 100%");
    }
  }
}
