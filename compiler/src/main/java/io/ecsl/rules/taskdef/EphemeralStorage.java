package io.ecsl.rules.taskdef;

import io.ecsl.facts.limits.EcsLimit;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.TaskDefinitionRule;
import io.ecsl.rules.TaskDefinitionView;

/** E1017: ephemeral storage is 21 to 200 GiB (Fargate's default, when omitted, is 20 GiB). */
public final class EphemeralStorage extends TaskDefinitionRule {
  private static final long MIN = EcsLimit.EPHEMERAL_STORAGE_GIB.min();
  private static final long MAX = EcsLimit.EPHEMERAL_STORAGE_GIB.max();

  public EphemeralStorage() {
    super("E1017", "Ephemeral storage is " + MIN + " to " + MAX + " GiB", "ECS API; CDK");
  }

  @Override
  protected void check(RuleContext ctx, TaskDefinitionView task) {
    Long size = Nodes.integer(Nodes.object(task.body(), "ephemeralStorage"), "sizeInGiB");
    if (size != null && !EcsLimit.EPHEMERAL_STORAGE_GIB.allows(size)) {
      task.report(ctx, "/ephemeralStorage/sizeInGiB", "ephemeral storage must be " + MIN + " to " + MAX + " GiB; you set "
          + size + " GiB", size < MIN ? "omit it for the default 20 GiB, or set at least " + MIN + " GiB"
              : "use an EFS volume for more than " + MAX + " GiB");
    }
  }
}
