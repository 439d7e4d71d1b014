package io.ecsl.rules.container;

import io.ecsl.facts.limits.EcsLimit;
import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.rules.ContainerRule;
import io.ecsl.rules.ContainerView;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.TaskDefinitionView;
import java.util.List;

/** E1127: at most 10 environment files per container, each the ARN of an S3 object ending in {@code .env}. */
public final class EnvironmentFiles extends ContainerRule {
  private static final int MAX = EcsLimit.ENVIRONMENT_FILES_PER_CONTAINER.maxInt();

  public EnvironmentFiles() {
    super("E1127", "At most " + MAX + " environment files, each an S3 object ARN ending in `.env`", "ECS API");
  }

  @Override
  protected void check(RuleContext ctx, TaskDefinitionView task, ContainerView c) {
    List<JsonNode> files = Nodes.list(c.node(), "environmentFiles");
    if (files.size() > MAX) {
      c.report(ctx, "/environmentFiles/" + MAX, c.label() + " has " + files.size() + " environment files; ECS allows " + MAX,
          "merge some files");
    }
    for (int i = 0; i < files.size(); i++) {
      String value = Nodes.text(files.get(i), "value");
      if (value != null && !value.matches("arn:aws[a-z-]*:s3:::[^/]+/.+\\.env")) {
        c.report(ctx, "/environmentFiles/" + i + "/value", "environment file `" + value + "` must be the ARN of an S3 object "
            + "whose name ends in `.env`", "write e.g. `arn:aws:s3:::my-bucket/web/prod.env`");
      }
    }
  }
}
