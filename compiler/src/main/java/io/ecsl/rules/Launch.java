package io.ecsl.rules;

import io.ecsl.facts.capacity.FargateProviders;

/**
 * Where a service's or scheduled task's tasks run, as far as the project tells: an explicit launch
 * type, or what its capacity provider strategy (or its declared cluster's default strategy) implies.
 */
public enum Launch {
  FARGATE,
  EC2,
  EXTERNAL,
  MANAGED_INSTANCES,
  /** Not knowable offline: the cluster is not declared in the project. */
  UNKNOWN;

  /** The launch type an API {@code launchType} value names, or null. */
  public static Launch of(String launchType) {
    if (launchType == null) {
      return null;
    }
    return switch (launchType) {
      case "FARGATE" -> FARGATE;
      case "EC2" -> EC2;
      case "EXTERNAL" -> EXTERNAL;
      case "MANAGED_INSTANCES" -> MANAGED_INSTANCES;
      default -> null;
    };
  }

  /** True for the two built-in Fargate capacity providers. */
  public static boolean isFargateProvider(String provider) {
    return FargateProviders.is(provider);
  }
}
