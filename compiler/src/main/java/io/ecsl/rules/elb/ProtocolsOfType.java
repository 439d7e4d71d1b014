package io.ecsl.rules.elb;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.facts.elb.LoadBalancerType;
import io.ecsl.model.ArnPlaceholder;
import io.ecsl.model.Resource;
import io.ecsl.model.ResourceKind;
import io.ecsl.rules.BaseRule;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import java.util.HashMap;
import java.util.Map;

/**
 * E1904: an Application Load Balancer's listeners and the target groups they forward to speak
 * HTTP or HTTPS; a Network Load Balancer's TCP, TLS, UDP, TCP_UDP or QUIC.
 */
public final class ProtocolsOfType extends BaseRule {
  public ProtocolsOfType() {
    super("E1904", "Listener and target group protocols match the load balancer's type (ALB: HTTP/HTTPS; NLB: TCP/TLS/UDP…)",
        "ELBv2 API (CreateListener, CreateTargetGroup)");
  }

  @Override
  public void check(RuleContext ctx) {
    Map<String, LoadBalancerType> types = new HashMap<>();
    for (Resource lb : ctx.index().ofKind(ResourceKind.LOAD_BALANCER)) {
      types.put(ArnPlaceholder.of(ResourceKind.LOAD_BALANCER, lb.name()),
          LoadBalancerType.of(Nodes.text(lb.primary().body(), "Type")));
    }
    Map<String, Resource> groups = new HashMap<>();
    for (Resource tg : ctx.index().ofKind(ResourceKind.TARGET_GROUP)) {
      groups.put(ArnPlaceholder.of(ResourceKind.TARGET_GROUP, tg.name()), tg);
    }
    for (Resource l : ctx.index().ofKind(ResourceKind.LISTENER)) {
      JsonNode body = l.primary().body();
      LoadBalancerType type = types.get(Nodes.text(body, "LoadBalancerArn"));
      if (type == null) {
        continue; // a load balancer managed elsewhere: its type is not known here
      }
      String protocol = Nodes.text(body, "Protocol");
      if (protocol != null && !type.protocols().contains(protocol)) {
        ctx.report(l, "/Protocol", "listener " + l.name() + " speaks " + protocol + ", which an " + type.word()
            + " does not", "use " + Nodes.orList(type.protocols()) + ", or a load balancer of another type");
      }
      java.util.List<JsonNode> actions = Nodes.list(body, "DefaultActions");
      for (int i = 0; i < actions.size(); i++) {
        checkForward(ctx, l, type, groups, actions.get(i), "/DefaultActions/" + i);
      }
    }
  }

  private static void checkForward(RuleContext ctx, Resource listener, LoadBalancerType type, Map<String, Resource> groups,
      JsonNode action, String at) {
    Map<String, String> arns = new java.util.LinkedHashMap<>();
    if (Nodes.text(action, "TargetGroupArn") != null) {
      arns.put(at + "/TargetGroupArn", Nodes.text(action, "TargetGroupArn"));
    }
    java.util.List<JsonNode> weighted = Nodes.list(Nodes.object(action, "ForwardConfig"), "TargetGroups");
    for (int i = 0; i < weighted.size(); i++) {
      arns.put(at + "/ForwardConfig/TargetGroups/" + i + "/TargetGroupArn", Nodes.text(weighted.get(i), "TargetGroupArn"));
    }
    for (Map.Entry<String, String> e : arns.entrySet()) {
      Resource tg = groups.get(e.getValue());
      String protocol = tg == null ? null : Nodes.text(tg.primary().body(), "Protocol");
      if (protocol != null && !type.protocols().contains(protocol)) {
        ctx.report(listener, listener.primary(), e.getKey(), "listener " + listener.name() + " of an " + type.word() + " forwards to target group `"
            + tg.name() + "`, whose protocol " + protocol + " it does not speak",
            "give the target group protocol " + Nodes.orList(type.protocols()), tg.span(),
            "target group `" + tg.name() + "` is declared here");
      }
    }
  }
}
