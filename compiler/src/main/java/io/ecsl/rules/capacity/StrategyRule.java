package io.ecsl.rules.capacity;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.facts.capacity.CapacityProviderStrategy;
import io.ecsl.facts.capacity.StrategyRefusal;
import io.ecsl.facts.limits.EcsLimit;
import io.ecsl.model.ApiRequest;
import io.ecsl.model.Resource;
import io.ecsl.rules.BaseRule;
import io.ecsl.rules.ClusterView;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.ScheduleTargetView;
import io.ecsl.rules.ServiceView;
import io.ecsl.rules.Strategies;
import java.util.List;

/**
 * A rule about capacity provider strategies, applied wherever one is written: a cluster's default
 * strategy, a service's strategy, a scheduled task's strategy.
 */
public abstract class StrategyRule extends BaseRule {
  protected StrategyRule(String code, String summary, String source) {
    super(code, summary, source);
  }

  /**
   * One written strategy.
   *
   * @param owner how messages name its owner, e.g. "service `web`"
   * @param max the most items the API takes there
   */
  public record Site(Resource resource, ApiRequest request, String pointer, List<JsonNode> items, String owner, int max) {
    /** What ECS refuses in this strategy, by facts' one judgement (the runtime answers with the same). */
    public List<StrategyRefusal> refusals(StrategyRefusal.Reason reason) {
      return CapacityProviderStrategy.refusals(items, Strategies::provider, Strategies::base, Strategies::weight).stream()
          .filter(r -> r.reason() == reason).toList();
    }

    public void report(RuleContext ctx, String relative, String message, String hint) {
      ctx.report(resource, request, pointer + relative, message, hint);
    }
  }

  @Override
  public final void check(RuleContext ctx) {
    // Sites are made only where a strategy is written: most services of a large project have none.
    for (ClusterView c : ctx.index().clusters()) {
      List<JsonNode> items = c.defaultStrategy();
      if (!items.isEmpty()) {
        check(ctx, new Site(c.resource(), c.request(), "/defaultCapacityProviderStrategy", items,
            "the default strategy of cluster `" + c.name() + "`", EcsLimit.CAPACITY_PROVIDERS_PER_STRATEGY.maxInt()));
      }
    }
    for (ServiceView s : ctx.index().services()) {
      List<JsonNode> items = Nodes.list(s.body(), "capacityProviderStrategy");
      if (!items.isEmpty()) {
        check(ctx, new Site(s.resource(), s.request(), "/capacityProviderStrategy", items, "the strategy of " + s.label(),
            EcsLimit.CAPACITY_PROVIDERS_PER_STRATEGY.maxInt()));
      }
    }
    for (ScheduleTargetView t : ctx.index().scheduleTargets()) {
      List<JsonNode> items = Nodes.list(t.ecs(), "CapacityProviderStrategy");
      if (!items.isEmpty()) {
        check(ctx, new Site(t.resource(), t.request(), t.ecsPointer() + "/CapacityProviderStrategy", items,
            "the strategy of schedule `" + t.resource().name() + "`",
            EcsLimit.CAPACITY_PROVIDERS_PER_EVENTBRIDGE_STRATEGY.maxInt()));
      }
    }
  }

  protected abstract void check(RuleContext ctx, Site site);
}
