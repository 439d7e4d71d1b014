package io.ecsl.rules.taskdef;

import io.ecsl.rules.RuleContext;
import io.ecsl.rules.TaskDefinitionRule;
import io.ecsl.rules.TaskDefinitionView;

/**
 * E1004: the network mode is one every declared launch type supports: Fargate only {@code awsvpc}
 * (also when omitted: the default is {@code bridge}); ECS Anywhere (EXTERNAL) no {@code awsvpc};
 * Windows on EC2 only the default (NAT) or {@code awsvpc}.
 */
public final class NetworkModeSupported extends TaskDefinitionRule {
  public NetworkModeSupported() {
    super("E1004", "The network mode is supported by the task's launch types and operating system",
        "ECS API; cfn-lint E3048; CDK");
  }

  @Override
  protected void check(RuleContext ctx, TaskDefinitionView task) {
    String mode = task.networkMode();
    if (task.fargate() && !"awsvpc".equals(mode)) {
      if (mode == null) {
        task.report(ctx, "/requiresCompatibilities", "Fargate supports only network mode `awsvpc`, and "
            + task.label() + " sets none (the default is `bridge`)", "add `network_mode = awsvpc`");
      } else {
        task.report(ctx, "/networkMode", "Fargate supports only network mode `awsvpc`, not `" + mode + "`",
            "set `network_mode = awsvpc`, or remove FARGATE from `requires_compatibilities`");
      }
    }
    if (task.compatibilities().contains("EXTERNAL") && "awsvpc".equals(mode)) {
      task.report(ctx, "/networkMode", "ECS Anywhere (EXTERNAL) does not support network mode `awsvpc`; it supports "
          + "`bridge`, `host` and `none`", "set `network_mode = bridge`, or remove EXTERNAL from `requires_compatibilities`");
    }
    if (task.windows() && !task.fargate() && mode != null && !mode.equals("awsvpc")) {
      task.report(ctx, "/networkMode", "Windows containers support only the default network mode (NAT) and `awsvpc`, not `"
          + mode + "`", "remove `network_mode`, or set `network_mode = awsvpc`");
    }
  }
}
