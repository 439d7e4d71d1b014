package io.ecsl.facts.deployment;

/**
 * The ECS deployment controller's strategies (integrations §1.1, §1.3): how a new service
 * revision takes over from the running one. ROLLING replaces tasks within the minimum healthy
 * and maximum percents; the others start the new revision at full size beside the old one,
 * shift traffic to it (at once, in equal steps, or a canary first), bake, then remove the old.
 */
public enum DeploymentStrategy {
  ROLLING(null, null),
  BLUE_GREEN(null, null),
  LINEAR("linearConfiguration", "stepBakeTimeInMinutes"),
  CANARY("canaryConfiguration", "canaryBakeTimeInMinutes");

  private final String configurationMember;
  private final String stepBakeMember;

  DeploymentStrategy(String configurationMember, String stepBakeMember) {
    this.configurationMember = configurationMember;
    this.stepBakeMember = stepBakeMember;
  }

  /** The strategy a deployment configuration names; ROLLING when it names none (the API's default). */
  public static DeploymentStrategy of(String written) {
    if (written == null) {
      return ROLLING;
    }
    for (DeploymentStrategy s : values()) {
      if (s.name().equals(written)) {
        return s;
      }
    }
    return null;
  }

  /** True for the strategies that run both revisions and move traffic between them. */
  public boolean shiftsTraffic() {
    return this != ROLLING;
  }

  /** BLUE_GREEN must say how long both revisions run after the shift ("You must provide this parameter"). */
  public boolean requiresBakeTime() {
    return this == BLUE_GREEN;
  }

  /**
   * True when the strategy moves a percentage of traffic, which needs something that routes
   * traffic by weight (a load balancer or Service Connect). BLUE_GREEN can run "headless": it then
   * replaces the revision without managing any traffic.
   */
  public boolean shiftsByPercent() {
    return this == LINEAR || this == CANARY;
  }

  /** The deployment configuration member that only this strategy takes, or null. */
  public String configurationMember() {
    return configurationMember;
  }

  /** The member of {@link #configurationMember()} holding the wait between steps, or null. */
  public String stepBakeMember() {
    return stepBakeMember;
  }

  /** How people write it in ecsl: {@code canary}, {@code blue_green}. */
  public String word() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
