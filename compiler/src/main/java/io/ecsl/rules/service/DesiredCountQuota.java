package io.ecsl.rules.service;

import io.ecsl.facts.limits.EcsLimit;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.ServiceRule;
import io.ecsl.rules.ServiceView;

/**
 * W1202: the desired count is within the default quotas: 5,000 tasks per service, 1,000 with
 * service discovery or Service Connect (Cloud Map instances per service). The first is adjustable,
 * so this is a warning.
 */
public final class DesiredCountQuota extends ServiceRule {
  public DesiredCountQuota() {
    super("W1202", "Desired count is within the tasks-per-service quota (5,000; 1,000 with Cloud Map)", "ECS quota");
  }

  @Override
  protected void check(RuleContext ctx, ServiceView s) {
    Long desired = Nodes.integer(s.body(), "desiredCount");
    if (desired == null) {
      return;
    }
    boolean cloudMap = Nodes.size(s.body(), "serviceRegistries") > 0
        || Boolean.TRUE.equals(Nodes.bool(Nodes.object(s.body(), "serviceConnectConfiguration"), "enabled"));
    long limit = (cloudMap ? EcsLimit.TASKS_PER_SERVICE_WITH_CLOUD_MAP : EcsLimit.TASKS_PER_SERVICE).max();
    if (desired > limit) {
      s.report(ctx, "/desiredCount", s.label() + " wants " + desired + " tasks, above the quota of " + limit + " tasks per service"
          + (cloudMap ? " registered in Cloud Map" : ""), cloudMap ? "Cloud Map registers at most 1,000 instances per service; split the service"
              : "request a quota increase before deploying, or split the service");
    }
  }
}
