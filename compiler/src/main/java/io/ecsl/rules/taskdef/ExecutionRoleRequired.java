package io.ecsl.rules.taskdef;

import io.ecsl.rules.ContainerView;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.TaskDefinitionRule;
import io.ecsl.rules.TaskDefinitionView;
import java.util.regex.Pattern;

/**
 * E1022: an execution role is set when ECS itself needs AWS credentials for a task: to fetch
 * secrets, to authenticate to a private registry, to send awslogs from Fargate, and to pull from
 * a private ECR repository on Fargate (registration succeeds there, but the task never starts).
 */
public final class ExecutionRoleRequired extends TaskDefinitionRule {
  private static final Pattern PRIVATE_ECR = Pattern.compile("^\\d{12}\\.dkr\\.ecr\\.[a-z0-9-]+\\.amazonaws\\.com(\\.cn)?/.*");
  private static final String HINT = "set `execution_role = \"arn:aws:iam::123456789012:role/ecsTaskExecutionRole\"` on the task";

  public ExecutionRoleRequired() {
    super("E1022", "An execution role is set for secrets, registry credentials, and awslogs or private ECR images on Fargate",
        "ECS API; ECS runtime (private ECR pulls on Fargate)");
  }

  @Override
  protected void check(RuleContext ctx, TaskDefinitionView task) {
    if (Nodes.has(task.body(), "executionRoleArn")) {
      return;
    }
    for (ContainerView c : task.containers()) {
      if (Nodes.size(c.node(), "secrets") > 0) {
        c.report(ctx, "/secrets", c.label() + " reads secrets, which requires an execution role, and " + task.label()
            + " has none", HINT);
      }
      if (Nodes.size(Nodes.object(c.node(), "logConfiguration"), "secretOptions") > 0) {
        c.report(ctx, "/logConfiguration/secretOptions", c.label() + " passes secrets to its log driver, which requires an "
            + "execution role, and " + task.label() + " has none", HINT);
      }
      if (Nodes.has(c.node(), "repositoryCredentials")) {
        c.report(ctx, "/repositoryCredentials", c.label() + " authenticates to a private registry, which requires an "
            + "execution role, and " + task.label() + " has none", HINT);
      }
      if (!task.fargate()) {
        continue;
      }
      if ("awslogs".equals(Nodes.text(Nodes.object(c.node(), "logConfiguration"), "logDriver"))) {
        c.report(ctx, "/logConfiguration", "Fargate needs an execution role to send " + c.label()
            + "'s logs to CloudWatch (awslogs), and " + task.label() + " has none", HINT);
      }
      String image = Nodes.text(c.node(), "image");
      if (image != null && PRIVATE_ECR.matcher(image).matches()) {
        c.report(ctx, "/image", "Fargate needs an execution role to pull " + c.label() + "'s image from private ECR, and "
            + task.label() + " has none", HINT);
      }
    }
  }
}
