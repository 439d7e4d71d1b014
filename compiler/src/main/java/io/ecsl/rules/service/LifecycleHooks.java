package io.ecsl.rules.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.facts.deployment.LifecycleStage;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.ServiceRule;
import io.ecsl.rules.ServiceView;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * E1209: deployment lifecycle hooks: a Lambda hook names its function (a Lambda function ARN) and
 * the role ECS invokes it with; a PAUSE hook names no function and no details (the deployment
 * waits for ContinueServiceDeployment instead) and is not placed at the stages during which
 * traffic moves; every hook names at least one stage, each once.
 */
public final class LifecycleHooks extends ServiceRule {
  public LifecycleHooks() {
    super("E1209", "Lifecycle hooks name a target (Lambda: function ARN and role; PAUSE: neither) and valid stages", "ECS API");
  }

  @Override
  protected void check(RuleContext ctx, ServiceView s) {
    List<JsonNode> hooks = Nodes.list(Nodes.object(s.body(), "deploymentConfiguration"), "lifecycleHooks");
    for (int i = 0; i < hooks.size(); i++) {
      JsonNode hook = hooks.get(i);
      String at = "/deploymentConfiguration/lifecycleHooks/" + i;
      String type = Nodes.text(hook, "targetType");
      boolean lambda = type == null || type.equals("AWS_LAMBDA");
      String function = Nodes.text(hook, "hookTargetArn");
      if (lambda && function == null) {
        s.report(ctx, at, "a Lambda lifecycle hook of " + s.label() + " needs the function to invoke",
            "write `hook STAGE = lambda(\"arn:aws:lambda:…:function:check\", role = \"arn:aws:iam::…:role/ecs-hooks\")`");
      }
      if (lambda && function != null && function.startsWith("arn:") && !isLambdaFunctionArn(function)) {
        s.report(ctx, at + "/hookTargetArn", "the target of a Lambda lifecycle hook of " + s.label() + " is not a Lambda "
            + "function ARN: " + function, "write `arn:aws:lambda:REGION:ACCOUNT:function:NAME`");
      }
      if (lambda && Nodes.text(hook, "roleArn") == null) {
        s.report(ctx, at, "a Lambda lifecycle hook of " + s.label() + " needs `role`, the role ECS uses to invoke it",
            "add `role = \"arn:aws:iam::…:role/ecs-hooks\"` to `lambda(…)`");
      }
      if (!lambda) {
        for (String member : new String[] {"hookTargetArn", "hookDetails"}) {
          if (Nodes.has(hook, member)) {
            s.report(ctx, at + "/" + member, "a PAUSE hook of " + s.label() + " takes no " + Nodes.name(member)
                + ": the deployment waits for `ecsl deploy continue` (ContinueServiceDeployment) or the timeout",
                "remove it, or use `lambda(…)` to run a function");
          }
        }
      }
      List<String> stages = Nodes.strings(hook, "lifecycleStages");
      if (stages.isEmpty()) {
        s.report(ctx, at, "a lifecycle hook of " + s.label() + " names no stage", "write `hook post_scale_up = …`");
      }
      Set<String> seen = new HashSet<>();
      for (int j = 0; j < stages.size(); j++) {
        LifecycleStage stage = LifecycleStage.of(stages.get(j));
        if (!seen.add(stages.get(j))) {
          s.report(ctx, at + "/lifecycleStages/" + j, "a lifecycle hook of " + s.label() + " names " + stages.get(j) + " twice",
              "name each stage once");
        }
        if ("PAUSE".equals(type) && stage != null && !stage.pauseAllowed()) {
          s.report(ctx, at + "/lifecycleStages/" + j, "a PAUSE hook cannot stop a deployment at " + stage.name()
              + ", while traffic is moving", "pause at `" + (stage.aboutTestTraffic() ? "post_test_traffic_shift" : "pre_production_traffic_shift")
              + "` instead");
        }
      }
    }
  }

  /** {@code arn:PARTITION:lambda:REGION:ACCOUNT:function:NAME[:QUALIFIER]}. */
  private static boolean isLambdaFunctionArn(String arn) {
    String[] parts = arn.split(":", -1);
    return parts.length >= 7 && parts[2].equals("lambda") && parts[5].equals("function") && !parts[6].isEmpty();
  }
}
