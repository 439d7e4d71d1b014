package io.ecsl.rules.container;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.rules.ContainerRule;
import io.ecsl.rules.ContainerView;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.TaskDefinitionView;

/** E1113: health check interval 5–300 s, timeout 2–60 s, retries 1–10, start period 0–300 s. */
public final class HealthCheckRanges extends ContainerRule {
  public HealthCheckRanges() {
    super("E1113", "Health check interval 5–300 s, timeout 2–60 s, retries 1–10, start period 0–300 s", "ECS API");
  }

  @Override
  protected void check(RuleContext ctx, TaskDefinitionView task, ContainerView c) {
    JsonNode health = Nodes.object(c.node(), "healthCheck");
    if (health == null) {
      return;
    }
    range(ctx, c, health, "interval", 5, 300, "s", "30s");
    range(ctx, c, health, "timeout", 2, 60, "s", "5s");
    range(ctx, c, health, "retries", 1, 10, "", "3");
    range(ctx, c, health, "startPeriod", 0, 300, "s", "0s");
  }

  private static void range(RuleContext ctx, ContainerView c, JsonNode health, String field, long min, long max, String unit,
      String dflt) {
    Long v = Nodes.integer(health, field);
    if (v != null && (v < min || v > max)) {
      c.report(ctx, "/healthCheck/" + field, "health check " + Nodes.name(field) + " of " + c.label() + " must be " + min + " to "
          + max + unit + "; you set " + v + unit, "use a value in that range (the default is " + dflt + ")");
    }
  }
}
