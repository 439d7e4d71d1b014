package io.ecsl.rules.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.facts.deployment.LifecycleStage;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.ServiceRule;
import io.ecsl.rules.ServiceView;
import java.util.List;

/**
 * W1204: a hook at TEST_TRAFFIC_SHIFT or POST_TEST_TRAFFIC_SHIFT is there to check the new
 * revision with test traffic, which only flows through a load balancer's test listener rule or
 * Service Connect's test traffic rules; without either, the hook has nothing to test.
 */
public final class TestTrafficHooks extends ServiceRule {
  public TestTrafficHooks() {
    super("W1204", "Hooks at the test traffic stages have a test listener rule or Service Connect to send test traffic",
        "ECS API (DeploymentLifecycleHook stages, AdvancedConfiguration.testListenerRule)");
  }

  @Override
  protected void check(RuleContext ctx, ServiceView s) {
    List<JsonNode> hooks = Nodes.list(Nodes.object(s.body(), "deploymentConfiguration"), "lifecycleHooks");
    if (hooks.isEmpty() || StrategyTraffic.serviceConnect(s)) {
      return;
    }
    for (JsonNode lb : Nodes.list(s.body(), "loadBalancers")) {
      if (Nodes.text(Nodes.object(lb, "advancedConfiguration"), "testListenerRule") != null) {
        return;
      }
    }
    for (int i = 0; i < hooks.size(); i++) {
      List<String> stages = Nodes.strings(hooks.get(i), "lifecycleStages");
      for (int j = 0; j < stages.size(); j++) {
        LifecycleStage stage = LifecycleStage.of(stages.get(j));
        if (stage != null && stage.aboutTestTraffic()) {
          s.report(ctx, "/deploymentConfiguration/lifecycleHooks/" + i + "/lifecycleStages/" + j, "a hook of " + s.label()
              + " runs at " + stage.name() + ", but no test traffic reaches the new revision: there is no test listener "
              + "rule and no Service Connect", "add `test_listener_rule = \"arn:…\"` to the load balancer, or hook "
              + "`post_scale_up` instead");
        }
      }
    }
  }
}
