package io.ecsl.runtime.placement;

import java.util.BitSet;

/** The instance's container agent must be connected ("AGENT" otherwise). */
final class AgentChecker implements FeasibilityChecker {
  static final AgentChecker INSTANCE = new AgentChecker();

  @Override
  public Rejection rejection() {
    return Rejection.AGENT;
  }

  @Override
  public void filter(ClusterSnapshot snapshot, TaskRequest request, BitSet candidates) {
    for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
      if (!snapshot.instance(i).agentConnected()) {
        candidates.clear(i);
      }
    }
  }

  @Override
  public boolean feasible(ClusterSnapshot snapshot, TaskRequest request, int instance) {
    return snapshot.instance(instance).agentConnected();
  }
}
