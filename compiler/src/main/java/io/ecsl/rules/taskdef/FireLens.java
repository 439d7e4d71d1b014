package io.ecsl.rules.taskdef;

import io.ecsl.rules.ContainerView;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.TaskDefinitionRule;
import io.ecsl.rules.TaskDefinitionView;

/**
 * E1025: FireLens: at most one log router container per task, the {@code awsfirelens} log driver
 * only when the task has one, and on Fargate its configuration comes from a file in the image.
 */
public final class FireLens extends TaskDefinitionRule {
  public FireLens() {
    super("E1025", "One FireLens log router per task, present when containers use `awsfirelens`", "ECS API; CDK");
  }

  @Override
  protected void check(RuleContext ctx, TaskDefinitionView task) {
    ContainerView router = null;
    for (ContainerView c : task.containers()) {
      var firelens = Nodes.object(c.node(), "firelensConfiguration");
      if (firelens == null) {
        continue;
      }
      if (router != null) {
        c.report(ctx, "/firelensConfiguration", task.label() + " has a second FireLens log router (" + c.label()
            + "); ECS allows one, " + router.label(), "keep `firelens_configuration` on one container");
      } else {
        router = c;
      }
      String type = Nodes.text(Nodes.object(firelens, "options"), "config-file-type");
      if (task.fargate() && "s3".equals(type)) {
        c.report(ctx, "/firelensConfiguration/options/config-file-type", "on Fargate FireLens reads its configuration from a "
            + "file in the image, not from S3", "set `\"config-file-type\" = \"file\"` and bake the file into the router image");
      }
    }
    if (router != null) {
      return;
    }
    for (ContainerView c : task.containers()) {
      if ("awsfirelens".equals(Nodes.text(Nodes.object(c.node(), "logConfiguration"), "logDriver"))) {
        c.report(ctx, "/logConfiguration/logDriver", c.label() + " logs through FireLens (`awsfirelens`), but "
            + task.label() + " has no FireLens log router container",
            "add a container with `firelens_configuration { type = fluentbit }`");
      }
    }
  }
}
