package io.ecsl.runtime.loadbalancing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Which target gets the next request (pure, given the targets, the algorithm, a round-robin
 * counter and each target's outstanding requests): healthy targets only; when none is healthy,
 * ALB fails open to the unhealthy ones (§2.5); initial and draining targets get none. Null means
 * there is no target to send to (the proxy answers 503).
 */
public final class TargetSelector {
  private TargetSelector() {}

  /** A routable target: its key, health state, and the address requests go to. */
  public record Candidate(String key, String state, String host, int port) {}

  public static List<Candidate> eligible(List<Candidate> registered) {
    List<Candidate> healthy = new ArrayList<>();
    List<Candidate> unhealthy = new ArrayList<>();
    for (Candidate candidate : registered) {
      if (TargetHealth.HEALTHY.equals(candidate.state())) {
        healthy.add(candidate);
      } else if (TargetHealth.UNHEALTHY.equals(candidate.state())) {
        unhealthy.add(candidate);
      }
    }
    return healthy.isEmpty() ? unhealthy : healthy;
  }

  /**
   * @param counter the target group's request counter (round robin takes counter mod n)
   * @param outstanding in-flight requests per target key (least outstanding requests)
   */
  public static Candidate choose(List<Candidate> registered, String algorithm, long counter,
      ToIntFunction<String> outstanding) {
    List<Candidate> eligible = eligible(registered);
    if (eligible.isEmpty()) {
      return null;
    }
    if ("least_outstanding_requests".equals(algorithm)) {
      Candidate best = null;
      int bestCount = Integer.MAX_VALUE;
      int n = eligible.size();
      for (int i = 0; i < n; i++) {
        // Start from the round-robin position so ties rotate instead of always taking the first.
        Candidate candidate = eligible.get((int) Math.floorMod(counter + i, (long) n));
        int count = outstanding.applyAsInt(candidate.key());
        if (count < bestCount) {
          best = candidate;
          bestCount = count;
        }
      }
      return best;
    }
    return eligible.get((int) Math.floorMod(counter, (long) eligible.size()));
  }

  /**
   * The target group a weighted forward action sends a request to: the {@code point}-th request
   * picks the group whose cumulative weight range holds {@code point × stride mod total}, -1 when
   * every weight is 0. The stride is coprime to the total, so every {@code total} consecutive
   * requests visit each slot once (the split is exact per cycle), and close to the golden ratio of
   * it, so the groups interleave: an ALB spreads weighted traffic request by request, and a canary's
   * 20 % shows in any ten requests, not in a burst after eighty to the old revision.
   */
  public static int weightedGroup(int[] weights, long point) {
    long total = 0;
    for (int weight : weights) {
      total += weight;
    }
    if (total == 0) {
      return -1;
    }
    long at = Math.floorMod(Math.floorMod(point, total) * stride(total), total);
    for (int i = 0; i < weights.length; i++) {
      if (at < weights[i]) {
        return i;
      }
      at -= weights[i];
    }
    return weights.length - 1;
  }

  /** The number coprime to {@code total} nearest to its golden-ratio fraction (61 for 100). */
  static long stride(long total) {
    long base = Math.round(total * 0.6180339887498949);
    for (long d = 0; d < total; d++) {
      for (long s : new long[] {base - d, base + d}) {
        if (s >= 1 && s <= total && gcd(s, total) == 1) {
          return s;
        }
      }
    }
    return 1;
  }

  private static long gcd(long a, long b) {
    return b == 0 ? a : gcd(b, a % b);
  }
}
