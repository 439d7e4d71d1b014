package io.ecsl.rules.taskdef;

import io.ecsl.facts.limits.EcsLimit;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.TaskDefinitionRule;
import io.ecsl.rules.TaskDefinitionView;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** E1021: the registered task definition is at most 64 KiB of JSON. */
public final class TaskDefinitionSize extends TaskDefinitionRule {
  private static final int MAX_BYTES = EcsLimit.TASK_DEFINITION_BYTES.maxInt();

  public TaskDefinitionSize() {
    super("E1021", "The task definition JSON is at most " + MAX_BYTES / 1024 + " KiB", "ECS quota (task definition size, not adjustable)");
  }

  @Override
  protected void check(RuleContext ctx, TaskDefinitionView task) {
    // serialising every task definition is costly at scale; a cheap over-estimate rules out most
    if (estimate(task.body()) <= MAX_BYTES) {
      return;
    }
    int bytes = task.body().toString().getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_BYTES) {
      task.report(ctx, "", task.label() + " is " + (bytes + 1023) / 1024 + " KiB of JSON; ECS accepts at most "
          + MAX_BYTES / 1024 + " KiB",
          "move large values (environment, commands) into environment files or secrets");
    }
  }

  /** At least the JSON's size in bytes: every character at 6 bytes (as if escaped) plus punctuation. */
  static long estimate(JsonNode node) {
    if (node.isTextual()) {
      return 6L * node.asText().length() + 2; // an escaped character takes 6 bytes
    }
    if (node.isContainerNode()) {
      long sum = 2;
      if (node.isObject()) {
        for (Map.Entry<String, JsonNode> e : node.properties()) {
          sum += 6L * e.getKey().length() + 4 + estimate(e.getValue());
        }
      } else {
        for (JsonNode e : node) {
          sum += 1 + estimate(e);
        }
      }
      return sum;
    }
    return 24; // numbers, booleans, null
  }
}
