package io.ecsl.facts.deployment;

/**
 * The stages of a BLUE_GREEN, LINEAR or CANARY deployment at which a lifecycle hook may run
 * (the model's {@code DeploymentLifecycleHookStage}, in the order a deployment passes them;
 * integrations §1.2). PAUSE hooks cannot hold a deployment while traffic is moving.
 */
public enum LifecycleStage {
  RECONCILE_SERVICE(true, false),
  PRE_SCALE_UP(true, false),
  POST_SCALE_UP(true, false),
  TEST_TRAFFIC_SHIFT(false, true),
  POST_TEST_TRAFFIC_SHIFT(true, true),
  PRE_PRODUCTION_TRAFFIC_SHIFT(true, false),
  PRODUCTION_TRAFFIC_SHIFT(false, false),
  POST_PRODUCTION_TRAFFIC_SHIFT(true, false);

  private final boolean pauseAllowed;
  private final boolean testTraffic;

  LifecycleStage(boolean pauseAllowed, boolean testTraffic) {
    this.pauseAllowed = pauseAllowed;
    this.testTraffic = testTraffic;
  }

  /** The stage of this name, or null for a name the API does not have. */
  public static LifecycleStage of(String name) {
    for (LifecycleStage s : values()) {
      if (s.name().equals(name)) {
        return s;
      }
    }
    return null;
  }

  /** False for the two stages during which traffic moves: a PAUSE hook may not stop there. */
  public boolean pauseAllowed() {
    return pauseAllowed;
  }

  /** True for the stages about test traffic, which only exists with a test listener rule or Service Connect. */
  public boolean aboutTestTraffic() {
    return testTraffic;
  }

  /** How people write it in ecsl: {@code post_scale_up}. */
  public String word() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
