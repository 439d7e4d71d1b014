package io.ecsl.facts.deployment;

import java.util.ArrayList;
import java.util.List;

/**
 * The numbers of a traffic-shifting deployment (integrations §1.1, §1.3): the ranges of its
 * percentages, bake times and hook timeouts, the API's defaults, and the production traffic
 * steps a strategy takes, which the plan prints and the local runtime follows.
 */
public final class TrafficShift {
  private TrafficShift() {}

  /** Bake times (the deployment's, a linear step's, a canary's) are 0 to 1440 minutes. */
  public static final int MIN_BAKE_MINUTES = 0;
  public static final int MAX_BAKE_MINUTES = 1440;
  /** A lifecycle hook's timeout: 1 to 20160 minutes (14 days), 1440 when not set; then ROLLBACK. */
  public static final int MIN_HOOK_TIMEOUT_MINUTES = 1;
  public static final int MAX_HOOK_TIMEOUT_MINUTES = 20160;
  public static final int DEFAULT_HOOK_TIMEOUT_MINUTES = 1440;
  public static final String DEFAULT_HOOK_TIMEOUT_ACTION = "ROLLBACK";

  public static final double MIN_STEP_PERCENT = 3.0;
  public static final double DEFAULT_STEP_PERCENT = 10.0;
  public static final int DEFAULT_STEP_BAKE_MINUTES = 6;
  public static final double MIN_CANARY_PERCENT = 0.1;
  public static final double DEFAULT_CANARY_PERCENT = 5.0;
  public static final int DEFAULT_CANARY_BAKE_MINUTES = 10;
  /** CloudFormation refuses a LINEAR service whose bake times add up to more than 33 hours. */
  public static final int CLOUDFORMATION_MAX_TOTAL_BAKE_MINUTES = 33 * 60;

  /** The smallest percent a strategy's step takes: 3 for LINEAR, 0.1 for CANARY. */
  public static double minPercent(DeploymentStrategy s) {
    return s == DeploymentStrategy.LINEAR ? MIN_STEP_PERCENT : MIN_CANARY_PERCENT;
  }

  /** True when a step percent is in range and a multiple of 0.1. */
  public static boolean percentFits(DeploymentStrategy s, double percent) {
    double tenths = percent * 10;
    return percent >= minPercent(s) && percent <= 100 && Math.abs(tenths - Math.rint(tenths)) < 1e-9;
  }

  public static boolean bakeFits(long minutes) {
    return minutes >= MIN_BAKE_MINUTES && minutes <= MAX_BAKE_MINUTES;
  }

  /** One production traffic step: the new revision's share after it, then how long to wait. */
  public record Step(double percent, int bakeMinutes) {}

  /**
   * The production traffic steps of a deployment, in order, ending at 100 %. LINEAR moves
   * {@code percent} more at each step ({@code min(100, k × percent)}; AWS does not publish the
   * exact weights, integrations §1.3) and waits the step bake between steps, not after the last;
   * CANARY moves {@code percent}, waits, then the rest; BLUE_GREEN moves everything at once.
   * Null settings take the API's defaults. ROLLING shifts no traffic: no steps.
   */
  public static List<Step> steps(DeploymentStrategy s, Double percent, Integer stepBakeMinutes) {
    List<Step> out = new ArrayList<>();
    switch (s) {
      case ROLLING -> {}
      case BLUE_GREEN -> out.add(new Step(100, 0));
      case CANARY -> {
        double p = percent == null ? DEFAULT_CANARY_PERCENT : percent;
        int bake = stepBakeMinutes == null ? DEFAULT_CANARY_BAKE_MINUTES : stepBakeMinutes;
        if (p < 100) {
          out.add(new Step(p, bake));
        }
        out.add(new Step(100, 0));
      }
      case LINEAR -> {
        double p = percent == null ? DEFAULT_STEP_PERCENT : percent;
        int bake = stepBakeMinutes == null ? DEFAULT_STEP_BAKE_MINUTES : stepBakeMinutes;
        if (p <= 0) {
          out.add(new Step(100, 0));
          break;
        }
        for (int k = 1; ; k++) {
          double share = Math.min(100, Math.round(k * p * 10) / 10.0);
          if (share >= 100) {
            out.add(new Step(100, 0));
            break;
          }
          out.add(new Step(share, bake));
        }
      }
    }
    return out;
  }

  /**
   * How many step bakes a LINEAR deployment waits, by CloudFormation's own formula: {@code
   * 100/step − 1} when the step divides 100, else {@code floor(100/step)} (11 % waits 9 times).
   */
  public static int linearBakeWaits(double stepPercent) {
    double n = 100 / stepPercent;
    return Math.abs(n - Math.rint(n)) < 1e-9 ? (int) Math.rint(n) - 1 : (int) Math.floor(n);
  }
}
