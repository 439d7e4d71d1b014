package io.ecsl.rules.taskdef;

import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.TaskDefinitionRule;
import io.ecsl.rules.TaskDefinitionView;

/**
 * E1009: task-level settings Fargate does not support: {@code ipcMode}, {@code pidMode} other than
 * {@code task}, placement constraints and inference accelerators.
 */
public final class FargateTaskSettings extends TaskDefinitionRule {
  private static final String HINT = "remove it, or remove FARGATE from `requires_compatibilities` to run on EC2";

  public FargateTaskSettings() {
    super("E1009", "No `ipc_mode`, host `pid_mode`, placement constraints or inference accelerators on Fargate",
        "ECS API; cfn-lint E3048; CDK");
  }

  @Override
  protected void check(RuleContext ctx, TaskDefinitionView task) {
    if (!task.fargate()) {
      return;
    }
    if (Nodes.has(task.body(), "ipcMode")) {
      task.report(ctx, "/ipcMode", "`ipc_mode` is not supported on Fargate", HINT);
    }
    String pid = Nodes.text(task.body(), "pidMode");
    if (pid != null && !pid.equals("task")) {
      task.report(ctx, "/pidMode", "Fargate supports only `pid_mode = task`, not `" + pid + "`", "set `pid_mode = task` or remove it");
    }
    if (Nodes.size(task.body(), "placementConstraints") > 0) {
      task.report(ctx, "/placementConstraints", "placement constraints are not supported on Fargate", HINT);
    }
    if (Nodes.size(task.body(), "inferenceAccelerators") > 0) {
      task.report(ctx, "/inferenceAccelerators", "inference accelerators are not supported on Fargate", HINT);
    }
  }
}
