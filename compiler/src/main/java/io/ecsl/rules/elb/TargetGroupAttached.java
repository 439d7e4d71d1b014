package io.ecsl.rules.elb;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.model.ArnPlaceholder;
import io.ecsl.model.Resource;
import io.ecsl.model.ResourceKind;
import io.ecsl.rules.BaseRule;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.ServiceView;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * E1908: a declared target group that a service registers its tasks with is one a listener or a
 * listener rule forwards to. ECS refuses CreateService otherwise ("The target group … does not have
 * an associated load balancer"): targets of a group no load balancer uses receive no traffic and
 * cannot be health-checked.
 */
public final class TargetGroupAttached extends BaseRule {
  public TargetGroupAttached() {
    super("E1908", "A target group a service uses is forwarded to by a listener or listener rule",
        "ECS API (CreateService: target group without an associated load balancer)");
  }

  @Override
  public void check(RuleContext ctx) {
    Map<String, Resource> groups = new HashMap<>();
    for (Resource tg : ctx.index().ofKind(ResourceKind.TARGET_GROUP)) {
      groups.put(ArnPlaceholder.of(ResourceKind.TARGET_GROUP, tg.name()), tg);
    }
    if (groups.isEmpty()) {
      return;
    }
    Set<String> forwardedTo = new HashSet<>();
    for (ResourceKind kind : List.of(ResourceKind.LISTENER, ResourceKind.LISTENER_RULE)) {
      for (Resource r : ctx.index().ofKind(kind)) {
        ArnPlaceholder.distinct(r.primary().body()).forEach(p -> forwardedTo.add(p.text()));
      }
    }
    for (ServiceView s : ctx.index().services()) {
      List<JsonNode> lbs = Nodes.list(s.body(), "loadBalancers");
      for (int i = 0; i < lbs.size(); i++) {
        String arn = Nodes.text(lbs.get(i), "targetGroupArn");
        Resource tg = arn == null ? null : groups.get(arn);
        if (tg != null && !forwardedTo.contains(arn)) {
          s.report(ctx, "/loadBalancers/" + i + "/targetGroupArn", s.label() + " registers with target group `" + tg.name()
              + "`, which no listener or listener rule forwards to; ECS refuses a target group without a load balancer",
              "forward to it from a listener (`forward = " + tg.name() + "`) or a rule of one");
        }
      }
    }
  }
}
