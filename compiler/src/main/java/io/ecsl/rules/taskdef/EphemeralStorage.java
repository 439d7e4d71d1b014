package io.ecsl.rules.taskdef;

import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.TaskDefinitionRule;
import io.ecsl.rules.TaskDefinitionView;

/** E1017: ephemeral storage is 21 to 200 GiB (Fargate's default, when omitted, is 20 GiB). */
public final class EphemeralStorage extends TaskDefinitionRule {
  public EphemeralStorage() {
    super("E1017", "Ephemeral storage is 21 to 200 GiB", "ECS API; CDK");
  }

  @Override
  protected void check(RuleContext ctx, TaskDefinitionView task) {
    Long size = Nodes.integer(Nodes.object(task.body(), "ephemeralStorage"), "sizeInGiB");
    if (size != null && (size < 21 || size > 200)) {
      task.report(ctx, "/ephemeralStorage/sizeInGiB", "ephemeral storage must be 21 to 200 GiB; you set " + size + " GiB",
          size < 21 ? "omit it for the default 20 GiB, or set at least 21 GiB" : "use an EFS volume for more than 200 GiB");
    }
  }
}
