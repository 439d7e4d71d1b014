package io.ecsl.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.facts.limits.EcsLimit;
import io.ecsl.facts.query.ClusterQuery;
import io.ecsl.facts.query.Operator;
import java.util.List;
import java.util.Locale;

/**
 * Placement constraints and strategies, checked the same way wherever they appear (task
 * definitions, services, scheduled tasks).
 */
public final class Placements {
  /** Placement constraints per task, counting the task definition's and the run-time ones. */
  public static final int MAX_CONSTRAINTS = EcsLimit.PLACEMENT_CONSTRAINTS_PER_TASK.maxInt();
  /** Placement strategies per service or task. */
  public static final int MAX_STRATEGIES = EcsLimit.PLACEMENT_STRATEGIES_PER_TASK.maxInt();
  private static final int MAX_EXPRESSION = EcsLimit.PLACEMENT_EXPRESSION_LENGTH.maxInt();

  private Placements() {}

  /** Checks each constraint; {@code inTaskDefinition} because only {@code memberOf} is valid there. */
  public static void constraints(List<JsonNode> list, String pointer, boolean inTaskDefinition, Reporter r) {
    for (int i = 0; i < list.size(); i++) {
      JsonNode c = list.get(i);
      String at = pointer + "/" + i;
      String type = Nodes.text(c, "type");
      String expression = Nodes.text(c, "expression");
      if ("distinctInstance".equals(type)) {
        if (inTaskDefinition) {
          r.report(at + "/type", "`distinctInstance` is not valid in a task definition; it is a service or run-task constraint",
              "move it to the service's `placement { distinct_instance = true }`");
        } else if (expression != null) {
          r.report(at + "/expression", "a `distinctInstance` constraint takes no expression", "remove the expression");
        }
      } else if ("memberOf".equals(type)) {
        if (expression == null || expression.isBlank()) {
          r.report(at, "a `memberOf` constraint needs an expression",
              "write e.g. `member_of = \"attribute:ecs.instance-type =~ t3.*\"`");
        } else if (expression.length() > MAX_EXPRESSION) {
          r.report(at + "/expression", "the placement expression is " + expression.length() + " characters; ECS allows "
              + MAX_EXPRESSION, "shorten it");
        } else {
          ClusterQuery.check(expression).ifPresent(e -> r.reportWithin(at + "/expression", expression, e.start(), e.end(),
              "placement expression `" + expression + "` is not valid cluster query language: " + e.reason(),
              "write `subject operator value`, e.g. `attribute:ecs.instance-type == t3.large`; operators: "
                  + Operator.symbols()));
        }
      }
    }
  }

  /** Checks each strategy's field against its type. */
  public static void strategies(List<JsonNode> list, String pointer, Reporter r) {
    for (int i = 0; i < list.size(); i++) {
      JsonNode s = list.get(i);
      String at = pointer + "/" + i;
      String type = Nodes.text(s, "type");
      String field = Nodes.text(s, "field");
      if ("random".equals(type) && field != null) {
        r.report(at + "/field", "a `random` placement strategy takes no field", "remove `field`");
      } else if ("binpack".equals(type)) {
        String f = field == null ? null : field.toLowerCase(Locale.ROOT);
        if (!"cpu".equals(f) && !"memory".equals(f)) {
          r.report(field == null ? at : at + "/field", "a `binpack` placement strategy packs by `cpu` or `memory`"
              + (field == null ? "" : ", not `" + field + "`"), "write `binpack = memory` or `binpack = cpu`");
        }
      } else if ("spread".equals(type)) {
        if (field == null || field.isBlank()) {
          r.report(at, "a `spread` placement strategy needs a field", "write `spread = az` (attribute:ecs.availability-zone) or `spread = instance`");
        } else if (!field.equalsIgnoreCase("instanceId") && !field.equalsIgnoreCase("host") && !field.startsWith("attribute:")) {
          r.report(at + "/field", "a `spread` placement strategy spreads over `instanceId`, `host` or an `attribute:NAME`, not `"
              + field + "`", "write e.g. `spread = az` for attribute:ecs.availability-zone");
        }
      }
    }
  }
}
