package io.ecsl.rules.elb;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.model.ArnPlaceholder;
import io.ecsl.model.Resource;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.ServiceView;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reading the ELB resources a project declares, for rules that follow a service's references into
 * them: which declared resource a placeholder ARN names, where a listener or rule forwards, and the
 * label a person wrote ({@code target_group blue}, {@code listener http}, {@code rule production})
 * rather than the AWS name, so messages speak the project's words.
 */
final class DeclaredElb {
  private static final Pattern LABEL = Pattern.compile("(?:target_group|listener|load_balancer|rule)\\s+([A-Za-z_][\\w-]*)");

  private DeclaredElb() {}

  /**
   * A load balancer of a service that deploys with two target groups: the entry's
   * {@code advancedConfiguration} and where it is ({@code /loadBalancers/N/advancedConfiguration}).
   */
  record Staged(ServiceView service, JsonNode loadBalancer, JsonNode advanced, String at) {}

  /** Every service load balancer that has an {@code advancedConfiguration}, in the services' order. */
  static List<Staged> staged(RuleContext ctx) {
    List<Staged> out = new ArrayList<>();
    for (ServiceView s : ctx.index().services()) {
      List<JsonNode> lbs = Nodes.list(s.body(), "loadBalancers");
      for (int i = 0; i < lbs.size(); i++) {
        JsonNode advanced = Nodes.object(lbs.get(i), "advancedConfiguration");
        if (advanced != null) {
          out.add(new Staged(s, lbs.get(i), advanced, "/loadBalancers/" + i + "/advancedConfiguration"));
        }
      }
    }
    return out;
  }

  /** The declared resource a placeholder ARN names; null for an ARN made elsewhere. */
  static Resource find(RuleContext ctx, String arn) {
    ArnPlaceholder p = ArnPlaceholder.parse(arn);
    if (p == null) {
      return null;
    }
    for (Resource r : ctx.index().ofKind(p.kind())) {
      if (r.name().equals(p.name())) {
        return r;
      }
    }
    return null;
  }

  /**
   * The name a declaration was written with, or its AWS name when the source does not say; a
   * listener's rule as a service names it, {@code http.production}.
   */
  static String label(RuleContext ctx, Resource r) {
    if (r.kind() == io.ecsl.model.ResourceKind.LISTENER_RULE) {
      Resource listener = find(ctx, Nodes.text(r.primary().body(), "ListenerArn"));
      return listener == null ? label(r) : label(listener) + "." + label(r);
    }
    return label(r);
  }

  /** The name a declaration was written with, or its AWS name when the source does not say. */
  static String label(Resource r) {
    Matcher m = LABEL.matcher(r.span() == null ? "" : r.span().text());
    return m.lookingAt() ? m.group(1) : r.name();
  }

  /**
   * The actions a listener rule ({@code Actions}) or a listener ({@code DefaultActions}) takes:
   * what ECS re-weights when it names one as a production or test route.
   */
  static List<JsonNode> actions(Resource ruleOrListener) {
    JsonNode body = ruleOrListener.primary().body();
    List<JsonNode> actions = Nodes.list(body, "Actions");
    return actions.isEmpty() ? Nodes.list(body, "DefaultActions") : actions;
  }

  /** The target group ARNs the forward actions among {@code actions} send traffic to. */
  static List<String> forwardTargets(List<JsonNode> actions) {
    List<String> out = new ArrayList<>();
    for (JsonNode action : actions) {
      if (!"forward".equals(Nodes.text(action, "Type"))) {
        continue;
      }
      String single = Nodes.text(action, "TargetGroupArn");
      if (single != null) {
        out.add(single);
      }
      for (JsonNode tg : Nodes.list(Nodes.object(action, "ForwardConfig"), "TargetGroups")) {
        String arn = Nodes.text(tg, "TargetGroupArn");
        if (arn != null && !out.contains(arn)) {
          out.add(arn);
        }
      }
    }
    return out;
  }
}
