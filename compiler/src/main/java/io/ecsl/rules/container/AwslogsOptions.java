package io.ecsl.rules.container;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.diag.Suggestions;
import io.ecsl.rules.ContainerRule;
import io.ecsl.rules.ContainerView;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.TaskDefinitionView;
import java.util.Iterator;
import java.util.List;

/**
 * E1121: awslogs options: {@code awslogs-group} and {@code awslogs-region} are set (and
 * {@code awslogs-stream-prefix} on Fargate), only known options are used, {@code mode} is
 * {@code blocking} or {@code non-blocking}.
 */
public final class AwslogsOptions extends ContainerRule {
  static final List<String> KNOWN = List.of("awslogs-create-group", "awslogs-datetime-format", "awslogs-group",
      "awslogs-multiline-pattern", "awslogs-region", "awslogs-stream-prefix", "max-buffer-size", "mode");

  public AwslogsOptions() {
    super("E1121", "awslogs has a group and region (and stream prefix on Fargate) and only known options",
        "ECS API; cfn-lint E3046");
  }

  @Override
  protected void check(RuleContext ctx, TaskDefinitionView task, ContainerView c) {
    JsonNode log = Nodes.object(c.node(), "logConfiguration");
    if (!"awslogs".equals(Nodes.text(log, "logDriver"))) {
      return;
    }
    JsonNode options = Nodes.object(log, "options");
    String base = "/logConfiguration";
    for (String required : List.of("awslogs-group", "awslogs-region")) {
      if (Nodes.text(options, required) == null) {
        c.report(ctx, options == null ? base : base + "/options", "the awslogs driver of " + c.label() + " needs the option `"
            + required + "`", "add `\"" + required + "\" = \"" + (required.endsWith("group") ? "/ecs/" + task.family()
                : "eu-west-1") + "\"` to the log options");
      }
    }
    if (task.fargate() && Nodes.text(options, "awslogs-stream-prefix") == null) {
      c.report(ctx, options == null ? base : base + "/options", "on Fargate the awslogs driver of " + c.label()
          + " needs the option `awslogs-stream-prefix`", "add `\"awslogs-stream-prefix\" = \"" + task.family() + "\"`");
    }
    if (options == null) {
      return;
    }
    for (Iterator<String> it = options.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!KNOWN.contains(key)) {
        String hint = Suggestions.didYouMean(key, KNOWN);
        c.report(ctx, base + "/options/" + key, "`" + key + "` is not an awslogs option", (hint != null ? hint + " " : "")
            + "the options are " + Nodes.andList(KNOWN));
      }
    }
    String mode = Nodes.text(options, "mode");
    if (mode != null && !mode.equals("blocking") && !mode.equals("non-blocking")) {
      c.report(ctx, base + "/options/mode", "log mode must be `blocking` or `non-blocking`, not `" + mode + "`",
          "`non-blocking` drops logs rather than stalling the application when CloudWatch is slow");
    }
    String create = Nodes.text(options, "awslogs-create-group");
    // Docker reads it with Go's strconv.ParseBool
    if (create != null && !java.util.Set.of("1", "t", "T", "true", "TRUE", "True", "0", "f", "F", "false", "FALSE", "False")
        .contains(create)) {
      c.report(ctx, base + "/options/awslogs-create-group", "`awslogs-create-group` must be \"true\" or \"false\", not `" + create + "`",
          "write `\"awslogs-create-group\" = \"true\"`");
    }
  }
}
