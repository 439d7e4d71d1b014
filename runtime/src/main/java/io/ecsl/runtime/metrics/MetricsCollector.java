package io.ecsl.runtime.metrics;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.runtime.backend.BackendException;
import io.ecsl.runtime.backend.ContainerBackend;
import io.ecsl.runtime.backend.ContainerStats;
import io.ecsl.runtime.engine.LoopStage;
import io.ecsl.runtime.engine.RuntimeState;
import io.ecsl.runtime.model.ContainerEntity;
import io.ecsl.runtime.model.TaskEntity;
import io.ecsl.runtime.model.TaskSpec;
import io.ecsl.runtime.model.TaskStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * Reads the resource use of every running task's containers from the container engine (what
 * {@code docker stats} reads) every sampling interval, turns two readings into a CPU rate, and
 * records each task's use against its reservation in the {@link MetricHistory}. The readings run
 * on their own thread, off the state lock and off the control loop (inline in engine tests).
 */
public final class MetricsCollector implements LoopStage, AutoCloseable {
  private static final Logger LOG = Logger.getLogger(MetricsCollector.class.getName());
  private static final double MIB = 1024.0 * 1024.0;
  private static final int UNITS_PER_CORE = 1024;

  /** A running task to read: its containers' engine ids and what it reserves. */
  private record Target(TaskEntity task, List<String> containerIds, Reservation reservation) {}

  private final RuntimeState state;
  private final ContainerBackend backend;
  private final MetricHistory history;
  private final Duration interval;
  private final ExecutorService executor;
  private final AtomicBoolean sampling = new AtomicBoolean();
  private final Map<String, ContainerStats> previous = new ConcurrentHashMap<>();
  private final Map<String, Reservation> reservations = new ConcurrentHashMap<>();
  private volatile Instant nextSampleAt;
  private volatile String lastProblem;

  /** {@code inline}: read on the calling thread (engine tests on a manual clock). */
  public MetricsCollector(RuntimeState state, ContainerBackend backend, MetricHistory history, boolean inline) {
    this.state = state;
    this.backend = backend;
    this.history = history;
    this.interval = samplingInterval(history.period());
    this.executor = inline ? null : Executors.newSingleThreadExecutor(r -> {
      Thread thread = new Thread(r, "ecsl-metrics");
      thread.setDaemon(true);
      return thread;
    });
  }

  /**
   * A quarter of the period, between 250 ms and 5 s: several samples per period (the agent
   * reports every 20 s for CloudWatch's minute), and fresh numbers for {@code ecsl top}.
   */
  static Duration samplingInterval(Duration period) {
    Duration quarter = period.dividedBy(4);
    if (quarter.compareTo(Duration.ofMillis(250)) < 0) {
      return Duration.ofMillis(250);
    }
    return quarter.compareTo(Duration.ofSeconds(5)) > 0 ? Duration.ofSeconds(5) : quarter;
  }

  @Override
  public String name() {
    return "metrics";
  }

  public MetricHistory history() {
    return history;
  }

  @Override
  public void run(Instant now) {
    if (nextSampleAt != null && now.isBefore(nextSampleAt)) {
      return;
    }
    if (!sampling.compareAndSet(false, true)) {
      return; // the previous reading is still running (a slow engine): skip this one
    }
    nextSampleAt = now.plus(interval);
    List<Target> targets;
    try {
      targets = state.atomically(this::targets);
    } catch (RuntimeException e) {
      sampling.set(false);
      throw e;
    }
    Runnable read = () -> {
      try {
        List<TaskUsage> usage = sample(targets);
        if (usage != null) {
          history.record(now, usage);
        }
      } finally {
        sampling.set(false);
      }
    };
    if (executor == null) {
      read.run();
    } else {
      executor.execute(read);
    }
  }

  private List<Target> targets() {
    List<Target> out = new ArrayList<>();
    for (TaskEntity task : state.tasks.values()) {
      if (!task.isActive() || !TaskStatus.RUNNING.equals(task.lastStatus)) {
        continue;
      }
      List<String> ids = new ArrayList<>();
      for (ContainerEntity container : task.containers) {
        if (container.runtimeId != null && "RUNNING".equals(container.lastStatus)) {
          ids.add(container.runtimeId);
        }
      }
      Reservation reservation = reservations.computeIfAbsent(task.taskArn, arn -> reservation(task));
      if (!ids.isEmpty() && reservation != null) {
        out.add(new Target(task, ids, reservation));
      }
    }
    reservations.keySet().retainAll(out.stream().map(t -> t.task().taskArn).toList());
    return out;
  }

  private Reservation reservation(TaskEntity task) {
    ObjectNode definition = state.taskDefinitionOf(task.taskDefinitionArn);
    return definition == null ? null : Reservation.of(TaskSpec.of(definition, task.overrides));
  }

  /** Every target's use, or null when the engine could not be read. */
  private List<TaskUsage> sample(List<Target> targets) {
    List<TaskUsage> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Target target : targets) {
      double cpu = 0;
      double memory = 0;
      boolean complete = true;
      Instant at = null;
      for (String id : target.containerIds()) {
        seen.add(id);
        ContainerStats stats;
        try {
          stats = backend.stats(id);
        } catch (BackendException e) {
          if (!String.valueOf(e.getMessage()).equals(lastProblem)) {
            LOG.info("cannot read container stats (" + e.getMessage() + "); metrics wait for the engine");
          }
          lastProblem = e.getMessage();
          return null; // a partial sample would misstate the services' averages: skip it
        }
        if (stats == null) {
          complete = false; // it stopped between the listing and the reading
          continue;
        }
        ContainerStats before = previous.put(id, stats);
        memory += stats.memoryBytes() / MIB;
        at = stats.readAt();
        if (before == null || !stats.readAt().isAfter(before.readAt())) {
          complete = false; // the first reading gives no rate yet
          continue;
        }
        long elapsed = Duration.between(before.readAt(), stats.readAt()).toNanos();
        cpu += Math.max(0, stats.cpuNanos() - before.cpuNanos()) * (double) UNITS_PER_CORE / elapsed;
      }
      if (complete) {
        TaskEntity task = target.task();
        out.add(new TaskUsage(task.taskArn, task.clusterArn, task.serviceName, task.group, cpu, memory,
            target.reservation(), at));
      }
    }
    previous.keySet().retainAll(seen);
    lastProblem = null;
    return out;
  }

  @Override
  public void close() {
    if (executor != null) {
      executor.shutdownNow();
    }
  }
}
