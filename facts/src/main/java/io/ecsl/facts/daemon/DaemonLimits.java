package io.ecsl.facts.daemon;

import java.util.List;

/**
 * What ECS accepts of a Managed Daemon and its daemon task definition, shared by the compiler's
 * rules and the local runtime. Sources: the ECS API model (CreateDaemon, RegisterDaemonTaskDefinition,
 * DaemonDeploymentConfiguration: drain percent 0.0–100.0, bake time default 0, namespace modes
 * none|shared, client token up to 36 ASCII characters 33–126) and the CloudFormation resource
 * schema of AWS::ECS::Daemon (bake time at most 1440 minutes, which the API model does not state).
 */
public final class DaemonLimits {
  public static final double MIN_DRAIN_PERCENT = 0.0;
  public static final double MAX_DRAIN_PERCENT = 100.0;
  public static final int DEFAULT_BAKE_MINUTES = 0;
  public static final int MAX_BAKE_MINUTES = 1440;
  /** The pidMode and ipcMode a daemon task definition takes; {@code none} is the default. */
  public static final List<String> NAMESPACE_MODES = List.of("none", "shared");
  public static final String DEFAULT_NAMESPACE_MODE = "none";
  public static final int MAX_CLIENT_TOKEN = 36;
  /** ECS runs daemons only on these capacity providers ("supported only on Managed Instances"). */
  public static final String SUPPORTED_PROVIDERS = "Managed Instances capacity providers";

  private DaemonLimits() {}

  public static boolean drainPercentFits(double percent) {
    return percent >= MIN_DRAIN_PERCENT && percent <= MAX_DRAIN_PERCENT;
  }

  public static boolean bakeFits(long minutes) {
    return minutes >= 0 && minutes <= MAX_BAKE_MINUTES;
  }

  /** A client token: 1–36 printable ASCII characters (33–126), no spaces. */
  public static boolean clientTokenFits(String token) {
    return !token.isEmpty() && token.length() <= MAX_CLIENT_TOKEN && token.chars().allMatch(c -> c >= 33 && c <= 126);
  }
}
