package io.ecsl.rules.elb;

import io.ecsl.model.ArnPlaceholder;
import io.ecsl.model.Resource;
import io.ecsl.model.ResourceKind;
import io.ecsl.rules.BaseRule;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.ServiceView;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * E1905: the target group of a service's load balancer has the target type its tasks register as
 * (ecs-semantics §3.6): an awsvpc task registers its ENI's IP, so the target type is {@code ip}; a
 * bridge or host task registers its container instance, so {@code instance}. The API's default
 * target type is {@code instance}.
 */
public final class TargetTypeOfService extends BaseRule {
  public TargetTypeOfService() {
    super("E1905", "A service's target group: target type ip for awsvpc tasks, instance for bridge and host",
        "ECS Developer Guide (load balancing: target type); ELBv2 API");
  }

  @Override
  public void check(RuleContext ctx) {
    Map<String, Resource> groups = new HashMap<>();
    for (Resource tg : ctx.index().ofKind(ResourceKind.TARGET_GROUP)) {
      groups.put(ArnPlaceholder.of(ResourceKind.TARGET_GROUP, tg.name()), tg);
    }
    for (ServiceView s : ctx.index().services()) {
      if (s.task() == null) {
        continue;
      }
      String mode = s.task().effectiveNetworkMode();
      List<com.fasterxml.jackson.databind.JsonNode> lbs = Nodes.list(s.body(), "loadBalancers");
      for (int i = 0; i < lbs.size(); i++) {
        Resource tg = groups.get(Nodes.text(lbs.get(i), "targetGroupArn"));
        if (tg == null || mode == null) {
          continue;
        }
        String type = Nodes.text(tg.primary().body(), "TargetType");
        String effective = type == null ? "instance" : type;
        String needed = mode.equals("awsvpc") ? "ip" : mode.equals("bridge") || mode.equals("host") ? "instance" : null;
        if (needed != null && !needed.equals(effective)) {
          s.report(ctx, "/loadBalancers/" + i + "/targetGroupArn", s.label() + " runs " + mode + " tasks, which register as `"
              + needed + "` targets, but target group `" + tg.name() + "` has target type `" + effective + "`"
              + (type == null ? " (the default)" : ""), "write `target_type = " + needed + "` in target group `" + tg.name() + "`");
        }
      }
    }
  }
}
