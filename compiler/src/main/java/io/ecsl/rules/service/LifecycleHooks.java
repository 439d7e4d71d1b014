package io.ecsl.rules.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.ServiceRule;
import io.ecsl.rules.ServiceView;
import java.util.List;
import java.util.Set;

/**
 * E1209: deployment lifecycle hooks: a Lambda hook names its function and a role, every hook
 * names at least one stage, and PAUSE hooks are not placed at the traffic-shift stages.
 */
public final class LifecycleHooks extends ServiceRule {
  private static final Set<String> NO_PAUSE = Set.of("TEST_TRAFFIC_SHIFT", "PRODUCTION_TRAFFIC_SHIFT");

  public LifecycleHooks() {
    super("E1209", "Lifecycle hooks name a target (Lambda: function and role) and valid stages", "ECS API");
  }

  @Override
  protected void check(RuleContext ctx, ServiceView s) {
    List<JsonNode> hooks = Nodes.list(Nodes.object(s.body(), "deploymentConfiguration"), "lifecycleHooks");
    for (int i = 0; i < hooks.size(); i++) {
      JsonNode hook = hooks.get(i);
      String at = "/deploymentConfiguration/lifecycleHooks/" + i;
      String type = Nodes.text(hook, "targetType");
      boolean lambda = type == null || type.equals("AWS_LAMBDA");
      if (lambda && Nodes.text(hook, "hookTargetArn") == null) {
        s.report(ctx, at, "a Lambda lifecycle hook of " + s.label() + " needs `hook_target_arn` (the function)",
            "add `hook_target_arn = \"arn:aws:lambda:…:function:check\"`");
      }
      if (lambda && Nodes.text(hook, "roleArn") == null) {
        s.report(ctx, at, "a Lambda lifecycle hook of " + s.label() + " needs `role_arn`, the role ECS uses to invoke it",
            "add `role_arn = \"arn:aws:iam::…:role/ecs-hooks\"`");
      }
      List<String> stages = Nodes.strings(hook, "lifecycleStages");
      if (stages.isEmpty()) {
        s.report(ctx, at, "a lifecycle hook of " + s.label() + " names no stage", "add `lifecycle_stages = [POST_SCALE_UP]`");
      }
      for (int j = 0; j < stages.size(); j++) {
        if ("PAUSE".equals(type) && NO_PAUSE.contains(stages.get(j))) {
          s.report(ctx, at + "/lifecycleStages/" + j, "a PAUSE hook cannot run at " + stages.get(j),
              "pause at POST_TEST_TRAFFIC_SHIFT or another stage instead");
        }
      }
    }
  }
}
