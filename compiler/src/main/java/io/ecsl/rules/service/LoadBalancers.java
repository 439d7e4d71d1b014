package io.ecsl.rules.service;

import io.ecsl.facts.limits.EcsLimit;
import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.ServiceRule;
import io.ecsl.rules.ServiceView;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * E1212: each load balancer entry is either a target group (ALB/NLB) or a Classic Load Balancer,
 * with a container name and port; a service has at most 5 target groups, at most one Classic Load
 * Balancer and not both kinds; target group ARNs are target group ARNs (or a declared target group).
 */
public final class LoadBalancers extends ServiceRule {
  private static final int MAX_TARGET_GROUPS = EcsLimit.TARGET_GROUPS_PER_SERVICE.maxInt();
  private static final java.util.regex.Pattern TARGET_GROUP = java.util.regex.Pattern.compile(
      "arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:\\d{12}:targetgroup/[A-Za-z0-9-]{1,32}/[0-9a-f]+");

  public LoadBalancers() {
    super("E1212", "Load balancers: a target group ARN or a classic name, container and port, ≤ " + MAX_TARGET_GROUPS + " target groups",
        "ECS API; ECS quota (target groups per service)");
  }

  @Override
  protected void check(RuleContext ctx, ServiceView s) {
    List<JsonNode> lbs = Nodes.list(s.body(), "loadBalancers");
    int groups = 0;
    int classic = 0;
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < lbs.size(); i++) {
      JsonNode lb = lbs.get(i);
      String at = "/loadBalancers/" + i;
      String tg = Nodes.text(lb, "targetGroupArn");
      String name = Nodes.text(lb, "loadBalancerName");
      if (tg != null && name != null) {
        s.report(ctx, at + "/loadBalancerName", "a load balancer entry of " + s.label() + " names both a target group and a "
            + "Classic Load Balancer", "use `target_group` for an ALB or NLB, `load_balancer_name` only for a Classic Load Balancer");
      } else if (tg == null && name == null) {
        s.report(ctx, at, "a load balancer entry of " + s.label() + " names no target group", "add `target_group = \"arn:aws:elasticloadbalancing:…:targetgroup/NAME/ID\"`");
      }
      if (tg != null) {
        groups++;
        // A declared target group is a placeholder its ARN replaces once it exists.
        io.ecsl.model.ArnPlaceholder declared = io.ecsl.model.ArnPlaceholder.parse(tg);
        boolean declaredGroup = declared != null && declared.kind() == io.ecsl.model.ResourceKind.TARGET_GROUP;
        if (!declaredGroup && !TARGET_GROUP.matcher(tg).matches()) {
          s.report(ctx, at + "/targetGroupArn", "`" + tg + "` is not a target group ARN", "copy the ARN of the target group: "
              + "arn:aws:elasticloadbalancing:REGION:ACCOUNT:targetgroup/NAME/ID");
        }
      }
      if (name != null) {
        classic++;
      }
      if (Nodes.text(lb, "containerName") == null || !Nodes.has(lb, "containerPort")) {
        s.report(ctx, at, "a load balancer entry of " + s.label() + " needs the container and port to send traffic to",
            "write `container = app.http` (a named port of a container)");
      }
      String key = (tg != null ? tg : name) + "|" + Nodes.text(lb, "containerName") + "|" + Nodes.integer(lb, "containerPort");
      if (!seen.add(key)) {
        s.report(ctx, at, s.label() + " registers the same container port with the same load balancer twice", "remove one entry");
      }
    }
    if (groups > MAX_TARGET_GROUPS) {
      s.report(ctx, "/loadBalancers/" + MAX_TARGET_GROUPS, s.label() + " has " + groups + " target groups; ECS allows "
          + MAX_TARGET_GROUPS + " per service", "use fewer target groups (listener rules can share one)");
    }
    if (classic > 1) {
      s.report(ctx, "/loadBalancers", s.label() + " has " + classic + " Classic Load Balancers; ECS allows one per service",
          "use an Application Load Balancer for more");
    } else if (classic == 1 && groups > 0) {
      s.report(ctx, "/loadBalancers", s.label() + " mixes a Classic Load Balancer with target groups", "use target groups only");
    }
  }
}
