package io.ecsl.runtime.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The stored state of one container of a task: what DescribeTasks reports plus the bookkeeping the
 * lifecycle needs to resume after a restart (when the stop signal went out, and so on).
 *
 * <p>A plain mutable state holder serialized to the store; only the engine edits it, always on a
 * copy handed back by the pure lifecycle step.
 */
public final class ContainerEntity {
  public String containerArn;
  public String name;
  public String image;
  public String imageDigest;
  /** The Docker container id once created. */
  public String runtimeId;
  /** PENDING, RUNNING or STOPPED, as ECS reports containers. */
  public String lastStatus = TaskStatus.PENDING;
  public Integer exitCode;
  public String reason;
  public String healthStatus = TaskStatus.UNKNOWN;
  public boolean essential = true;
  /** Whether the definition declares a health check (only those count toward task health). */
  public boolean hasHealthCheck;
  public String cpu;
  public String memory;
  public String memoryReservation;
  public List<NetworkBinding> networkBindings = new ArrayList<>();

  public Instant startedAt;
  public Instant stopSignalledAt;
  public Instant killedAt;
  /** Set when the container will never start (a dependency can no longer be met). */
  public boolean abandoned;

  /** True once the container ran and exited (or was removed). */
  public boolean hasStopped() {
    return TaskStatus.STOPPED.equals(lastStatus);
  }
}
