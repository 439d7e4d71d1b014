package io.ecsl.rules.cross;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.facts.capacity.FargateProviders;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.ServiceView;
import io.ecsl.rules.Strategies;
import io.ecsl.rules.TaskDefinitionView;
import java.util.List;

/** E1715: Windows tasks do not run on FARGATE_SPOT. */
public final class FargateSpotPlatform extends CrossServiceRule {
  public FargateSpotPlatform() {
    super("E1715", "Windows task definitions do not run on FARGATE_SPOT", "ECS API (Fargate Spot considerations)");
  }

  @Override
  void check(RuleContext ctx, ServiceView s, TaskDefinitionView task) {
    if (!task.windows()) {
      return;
    }
    List<JsonNode> strategy = s.strategy();
    for (int i = 0; i < strategy.size(); i++) {
      if (FargateProviders.FARGATE_SPOT.equals(Strategies.provider(strategy.get(i))) && Strategies.weight(strategy.get(i))
          + Strategies.base(strategy.get(i)) > 0) {
        report(ctx, s, task, s.strategyFromCluster() ? "/taskDefinition" : "/capacityProviderStrategy/" + i, s.label()
            + " would place Windows tasks on FARGATE_SPOT" + (s.strategyFromCluster() ? " (the default strategy of cluster `"
                + s.clusterName() + "`)" : "") + ", which runs only Linux tasks", "use `strategy = [FARGATE weight 1]` for this service");
        return;
      }
    }
  }
}
