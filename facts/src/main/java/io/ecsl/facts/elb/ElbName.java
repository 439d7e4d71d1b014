package io.ecsl.facts.elb;

import java.util.regex.Pattern;

/**
 * Names of load balancers and target groups (ELBv2 API {@code CreateLoadBalancer.Name},
 * {@code CreateTargetGroup.Name}): up to 32 letters, digits and hyphens, not starting or ending
 * with a hyphen; a load balancer's name may not start with {@code internal-}.
 */
public final class ElbName {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,30}[A-Za-z0-9])?");

  private ElbName() {}

  /** Why {@code name} is not a valid load balancer or target group name, or null when it is. */
  public static String problem(String name, boolean loadBalancer) {
    if (name.isEmpty()) {
      return "is empty";
    }
    if (name.length() > ElbLimit.NAME_LENGTH.max()) {
      return "is " + name.length() + " characters long; the limit is " + ElbLimit.NAME_LENGTH.max();
    }
    if (!NAME.matcher(name).matches()) {
      return name.startsWith("-") || name.endsWith("-") ? "may not start or end with a hyphen"
          : "may contain only letters, digits and hyphens";
    }
    if (loadBalancer && name.startsWith("internal-")) {
      return "may not start with `internal-`";
    }
    return null;
  }
}
