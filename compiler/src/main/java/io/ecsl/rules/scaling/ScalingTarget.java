package io.ecsl.rules.scaling;

import io.ecsl.facts.limits.EcsName;
import io.ecsl.model.ApiRequest;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.ScalingView;
import java.util.ArrayList;
import java.util.List;

/**
 * E1602: ECS service scaling uses service namespace {@code ecs}, dimension
 * {@code ecs:service:DesiredCount} and resource id {@code service/CLUSTER/SERVICE}, the same in
 * the target and every policy.
 */
public final class ScalingTarget extends ScalingRule {
  public ScalingTarget() {
    super("E1602", "Service scaling uses namespace `ecs`, dimension `ecs:service:DesiredCount`, id `service/CLUSTER/SERVICE`",
        "Application Auto Scaling API");
  }

  @Override
  void check(RuleContext ctx, ScalingView s) {
    List<ApiRequest> all = new ArrayList<>();
    if (s.target() != null) {
      all.add(s.target());
    }
    all.addAll(s.policies());
    String targetId = s.target() == null ? null : Nodes.text(s.target().body(), "ResourceId");
    for (ApiRequest req : all) {
      String ns = Nodes.text(req.body(), "ServiceNamespace");
      String dim = Nodes.text(req.body(), "ScalableDimension");
      String id = Nodes.text(req.body(), "ResourceId");
      if (ns != null && !ns.equals("ecs")) {
        ctx.report(s.resource(), req, "/ServiceNamespace", "ECS service scaling uses service namespace `ecs`, not `" + ns + "`",
            "set `ServiceNamespace` to `ecs`");
      }
      if (dim != null && !dim.equals("ecs:service:DesiredCount")) {
        ctx.report(s.resource(), req, "/ScalableDimension", "ECS service scaling scales `ecs:service:DesiredCount`, not `" + dim + "`",
            "set `ScalableDimension` to `ecs:service:DesiredCount`");
      }
      if (id != null && !isServiceResourceId(id)) {
        ctx.report(s.resource(), req, "/ResourceId", "`" + id + "` is not an ECS service resource id", "write `service/CLUSTER/SERVICE`");
      } else if (id != null && targetId != null && req != s.target() && !id.equals(targetId)) {
        ctx.report(s.resource(), req, "/ResourceId", "scaling policy `" + Nodes.text(req.body(), "PolicyName") + "` scales `" + id
            + "`, but the scalable target is `" + targetId + "`", "use the same resource id");
      }
    }
  }

  /** {@code service/CLUSTER/SERVICE}, with names as ECS allows them. */
  private static boolean isServiceResourceId(String id) {
    String[] parts = id.split("/", -1);
    return parts.length == 3 && parts[0].equals("service") && EcsName.CLUSTER.isValid(parts[1])
        && EcsName.SERVICE.isValid(parts[2]);
  }
}
