package io.ecsl.runtime.loadbalancing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Live request accounting shared by the proxies and the control loop: requests in flight per
 * target (least outstanding requests; a draining target is done when it reaches 0), and requests
 * served per target group and per target (what {@code ALBRequestCountPerTarget} is made of).
 */
public final class Traffic {
  private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> perTarget = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> perGroup = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> counters = new ConcurrentHashMap<>();

  public void started(String groupArn, String targetKey) {
    inFlight.computeIfAbsent(targetKey, k -> new AtomicInteger()).incrementAndGet();
    perTarget.computeIfAbsent(targetKey, k -> new LongAdder()).increment();
    perGroup.computeIfAbsent(groupArn, k -> new LongAdder()).increment();
  }

  public void finished(String targetKey) {
    AtomicInteger count = inFlight.get(targetKey);
    if (count != null) {
      count.decrementAndGet();
    }
  }

  public int inFlight(String targetKey) {
    AtomicInteger count = inFlight.get(targetKey);
    return count == null ? 0 : Math.max(0, count.get());
  }

  /** Requests (or, for TCP, connections) sent to the target group since the runtime started. */
  public long requestCount(String groupArn) {
    LongAdder count = perGroup.get(groupArn);
    return count == null ? 0 : count.sum();
  }

  /** Requests sent to one target ({@code targetGroupArn|id|port}) since the runtime started. */
  public long targetRequestCount(String targetKey) {
    LongAdder count = perTarget.get(targetKey);
    return count == null ? 0 : count.sum();
  }

  /** The next value of a named counter (round robin per target group, weighted split per action). */
  public long next(String counter) {
    return counters.computeIfAbsent(counter, k -> new AtomicLong()).getAndIncrement();
  }
}
