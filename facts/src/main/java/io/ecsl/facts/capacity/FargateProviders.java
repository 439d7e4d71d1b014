package io.ecsl.facts.capacity;

import java.util.List;

/**
 * The capacity providers every cluster has without creating them (ecs-semantics §4.1): FARGATE and
 * FARGATE_SPOT. They cannot be created, updated or deleted, they are never mixed with Auto Scaling
 * group providers in one strategy, and a task they run uses the FARGATE launch type.
 */
public final class FargateProviders {
  public static final String FARGATE = "FARGATE";
  public static final String FARGATE_SPOT = "FARGATE_SPOT";
  /** Both, in the order ECS lists them. */
  public static final List<String> ALL = List.of(FARGATE, FARGATE_SPOT);

  private FargateProviders() {}

  /** True for FARGATE and FARGATE_SPOT (the names are case-sensitive, as ECS reads them). */
  public static boolean is(String provider) {
    return provider != null && ALL.contains(provider);
  }
}
