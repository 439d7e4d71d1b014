package io.ecsl.model;

import io.ecsl.facts.elb.ResourceLabel;
import java.util.List;
import java.util.function.Function;

/**
 * The resource label of a declared target group behind a declared load balancer
 * ({@code app/LB/ID/targetgroup/TG/ID}, what {@code alb_requests} target tracking measures), before
 * either exists: {@code ${resource-label:LOAD-BALANCER/TARGET-GROUP}}. It is made of the two ARNs
 * ({@link ResourceLabel}), so whoever sends the request replaces it once both {@link ArnPlaceholder}s
 * it {@linkplain #parts() depends on} are known: apply and plan from the ARNs they created or found,
 * {@code deploy.sh} likewise, CloudFormation by joining {@code LoadBalancerFullName} and
 * {@code TargetGroupFullName}. ELB names hold only letters, digits and hyphens, so {@code /}
 * separates the two.
 *
 * @param loadBalancer the load balancer's name, as its manifest entry gives it
 * @param targetGroup the target group's name, as its manifest entry gives it
 */
public record ResourceLabelPlaceholder(String loadBalancer, String targetGroup) {
  private static final String PREFIX = "${resource-label:";

  /** {@code ${resource-label:public/web}}. */
  public String text() {
    return PREFIX + loadBalancer + "/" + targetGroup + "}";
  }

  @Override
  public String toString() {
    return text();
  }

  /** The placeholders of the two ARNs the label is made of: the load balancer's, then the target group's. */
  public List<ArnPlaceholder> parts() {
    return List.of(new ArnPlaceholder(ResourceKind.LOAD_BALANCER, loadBalancer),
        new ArnPlaceholder(ResourceKind.TARGET_GROUP, targetGroup));
  }

  /** The label, once {@code arns} knows both ARNs; null until then. */
  public String resolve(Function<ArnPlaceholder, String> arns) {
    String lb = arns.apply(parts().get(0));
    String tg = arns.apply(parts().get(1));
    return lb == null || tg == null ? null : ResourceLabel.of(lb, tg);
  }

  /** The placeholder a string is, or null when it is not one. */
  public static ResourceLabelPlaceholder parse(String text) {
    if (text == null || !text.startsWith(PREFIX) || !text.endsWith("}")) {
      return null;
    }
    String inner = text.substring(PREFIX.length(), text.length() - 1);
    int slash = inner.indexOf('/');
    if (slash <= 0 || slash == inner.length() - 1 || inner.indexOf('/', slash + 1) >= 0) {
      return null;
    }
    return new ResourceLabelPlaceholder(inner.substring(0, slash), inner.substring(slash + 1));
  }
}
