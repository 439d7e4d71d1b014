package io.ecsl.rules.container;

import io.ecsl.facts.limits.EcsLimit;
import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.rules.ContainerRule;
import io.ecsl.rules.ContainerView;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.TaskDefinitionView;

/** E1125: a restart policy's attempt period is 60–1800 s and it ignores at most 50 exit codes. */
public final class RestartPolicy extends ContainerRule {
  private static final long MAX_CODES = EcsLimit.IGNORED_EXIT_CODES_PER_RESTART_POLICY.max();

  public RestartPolicy() {
    super("E1125", "Restart policy attempt period 60–1800 s, at most " + MAX_CODES + " ignored exit codes", "ECS API; CDK");
  }

  @Override
  protected void check(RuleContext ctx, TaskDefinitionView task, ContainerView c) {
    JsonNode policy = Nodes.object(c.node(), "restartPolicy");
    if (policy == null) {
      return;
    }
    Long period = Nodes.integer(policy, "restartAttemptPeriod");
    if (period != null && (period < 60 || period > 1800)) {
      c.report(ctx, "/restartPolicy/restartAttemptPeriod", "the restart attempt period of " + c.label()
          + " must be 60 to 1800 seconds; you set " + period + "s", "use 60s to 1800s (the default is 300s)");
    }
    int codes = Nodes.size(policy, "ignoredExitCodes");
    if (EcsLimit.IGNORED_EXIT_CODES_PER_RESTART_POLICY.exceededBy(codes)) {
      c.report(ctx, "/restartPolicy/ignoredExitCodes", c.label() + "'s restart policy ignores " + codes
          + " exit codes; ECS allows " + MAX_CODES, "list at most " + MAX_CODES + " exit codes");
    }
  }
}
