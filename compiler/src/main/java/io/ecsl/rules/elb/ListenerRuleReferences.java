package io.ecsl.rules.elb;

import io.ecsl.facts.elb.LoadBalancerType;
import io.ecsl.model.ArnPlaceholder;
import io.ecsl.model.Resource;
import io.ecsl.model.ResourceKind;
import io.ecsl.rules.BaseRule;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.ServiceView;

/**
 * E2000: a service's {@code production_listener_rule} and {@code test_listener_rule} name what ECS
 * shifts traffic on: a listener rule of an Application Load Balancer ({@code http.canary}, the
 * {@code rule canary { … }} of listener {@code http}), or a listener of a Network Load Balancer
 * (NLB listeners have no rules). ECS takes the ARN of a rule for an ALB and of a listener for an
 * NLB (API reference, AdvancedConfiguration); a target group, a load balancer, or an ALB listener
 * (whose default rule CloudFormation cannot name) is refused before anything is created.
 */
public final class ListenerRuleReferences extends BaseRule {
  private static final String[][] MEMBERS = {
      {"productionListenerRule", "production_listener_rule"}, {"testListenerRule", "test_listener_rule"}};

  public ListenerRuleReferences() {
    super("E2000", "A service's production and test listener rules name an ALB listener rule or an NLB listener",
        "ECS API (AdvancedConfiguration: listener rule for an ALB, listener for an NLB)");
  }

  @Override
  public void check(RuleContext ctx) {
    for (DeclaredElb.Staged lb : DeclaredElb.staged(ctx)) {
      for (String[] member : MEMBERS) {
        ArnPlaceholder named = ArnPlaceholder.parse(Nodes.text(lb.advanced(), member[0]));
        if (named != null) {
          check(ctx, lb.service(), lb.at() + "/" + member[0], member[1], named);
        }
      }
    }
  }

  private static void check(RuleContext ctx, ServiceView s, String at, String written, ArnPlaceholder named) {
    switch (named.kind()) {
      case LISTENER_RULE -> { }
      case LISTENER -> {
        Resource listener = DeclaredElb.find(ctx, named.text());
        LoadBalancerType type = listener == null ? null : typeOf(ctx, Nodes.text(listener.primary().body(), "LoadBalancerArn"));
        if (type == LoadBalancerType.APPLICATION) {
          String label = DeclaredElb.label(listener);
          s.report(ctx, at, "`" + written + "` of " + s.label() + " names listener `" + label + "` of an "
              + type.word() + "; ECS shifts an Application Load Balancer's traffic on a listener rule",
              "declare `rule NAME { priority = 1, path = \"/*\", forward = … }` in listener `" + label
                  + "` and write `" + written + " = " + label + ".NAME`");
        }
      }
      default -> s.report(ctx, at, "`" + written + "` of " + s.label() + " names " + named.kind().word() + " `"
          + named.name() + "`, not a listener rule", "name a listener's rule (`LISTENER.RULE` for `rule RULE { … }` in "
          + "`listener LISTENER`), a Network Load Balancer's listener, or give the rule's ARN as a string");
    }
  }

  /** The type of a declared load balancer a listener is on; null for one managed elsewhere. */
  private static LoadBalancerType typeOf(RuleContext ctx, String loadBalancerArn) {
    ArnPlaceholder lb = ArnPlaceholder.parse(loadBalancerArn);
    Resource r = lb == null || lb.kind() != ResourceKind.LOAD_BALANCER ? null : DeclaredElb.find(ctx, loadBalancerArn);
    return r == null ? null : LoadBalancerType.of(Nodes.text(r.primary().body(), "Type"));
  }
}
