package io.ecsl.facts.elb;

/**
 * The resource label of {@code ALBRequestCountPerTarget} (Application Auto Scaling API,
 * {@code PredefinedMetricSpecification.ResourceLabel}): {@code app/LB-NAME/LB-ID/targetgroup/TG-NAME/TG-ID},
 * the end of the load balancer's ARN (after {@code loadbalancer/}) and the end of the target
 * group's (from {@code targetgroup/}) joined by {@code /}. CloudFormation gives the same two parts
 * as the {@code LoadBalancerFullName} and {@code TargetGroupFullName} attributes.
 */
public final class ResourceLabel {
  private static final String LOAD_BALANCER = ":loadbalancer/";
  private static final String TARGET_GROUP = ":targetgroup/";

  private ResourceLabel() {}

  /**
   * The label of target group {@code targetGroupArn} behind load balancer {@code loadBalancerArn};
   * null when either is not an ELBv2 ARN of its kind.
   */
  public static String of(String loadBalancerArn, String targetGroupArn) {
    int lb = loadBalancerArn == null ? -1 : loadBalancerArn.indexOf(LOAD_BALANCER);
    int tg = targetGroupArn == null ? -1 : targetGroupArn.indexOf(TARGET_GROUP);
    if (lb < 0 || tg < 0) {
      return null;
    }
    return loadBalancerArn.substring(lb + LOAD_BALANCER.length()) + "/" + targetGroupArn.substring(tg + 1);
  }

  /** Whether {@code label} has the label's shape (an Application Load Balancer's target group). */
  public static boolean isLabel(String label) {
    return label != null && label.matches("app/[^/]+/[^/]+/targetgroup/[^/]+/[^/]+");
  }
}
