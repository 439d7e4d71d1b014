package io.ecsl.rules.taskdef;

import io.ecsl.rules.RuleContext;
import io.ecsl.rules.TaskDefinitionRule;
import io.ecsl.rules.TaskDefinitionView;
import java.nio.charset.StandardCharsets;

/** E1021: the registered task definition is at most 64 KiB of JSON. */
public final class TaskDefinitionSize extends TaskDefinitionRule {
  static final int MAX_BYTES = 64 * 1024;

  public TaskDefinitionSize() {
    super("E1021", "The task definition JSON is at most 64 KiB", "ECS quota (task definition size, not adjustable)");
  }

  @Override
  protected void check(RuleContext ctx, TaskDefinitionView task) {
    int bytes = task.body().toString().getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_BYTES) {
      task.report(ctx, "", task.label() + " is " + (bytes + 1023) / 1024 + " KiB of JSON; ECS accepts at most 64 KiB",
          "move large values (environment, commands) into environment files or secrets");
    }
  }
}
