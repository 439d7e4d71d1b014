package io.ecsl.rules.service;

import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.ServiceRule;
import io.ecsl.rules.ServiceView;

/** E1217: ECS managed tags are used together with {@code propagateTags}. */
public final class ManagedTags extends ServiceRule {
  public ManagedTags() {
    super("E1217", "`enable_ecs_managed_tags` is used with `propagate_tags`", "ECS API");
  }

  @Override
  protected void check(RuleContext ctx, ServiceView s) {
    if (Boolean.TRUE.equals(Nodes.bool(s.body(), "enableECSManagedTags")) && !Nodes.has(s.body(), "propagateTags")) {
      s.report(ctx, "/enableECSManagedTags", s.label() + " enables ECS managed tags, which requires `propagate_tags`",
          "add `propagate_tags = SERVICE` (or TASK_DEFINITION, or NONE)");
    }
  }
}
