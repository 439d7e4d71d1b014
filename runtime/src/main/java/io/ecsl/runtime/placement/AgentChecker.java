package io.ecsl.runtime.placement;

/** The instance's container agent must be connected ("AGENT" otherwise). */
final class AgentChecker implements FeasibilityChecker {
  static final AgentChecker INSTANCE = new AgentChecker();

  @Override
  public Rejection rejection() {
    return Rejection.AGENT;
  }

  @Override
  public int filter(ClusterSnapshot snapshot, TaskRequest request, int[] candidates, int count) {
    return FeasibilityChecker.byFeasible(this, snapshot, request, candidates, count);
  }

  @Override
  public boolean feasible(ClusterSnapshot snapshot, TaskRequest request, int instance) {
    return snapshot.instance(instance).agentConnected();
  }
}
