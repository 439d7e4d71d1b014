package io.ecsl.runtime.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.runtime.backend.BackendException;
import io.ecsl.runtime.backend.ContainerBackend;
import io.ecsl.runtime.backend.Labels;
import io.ecsl.runtime.backend.ObservedContainer;
import io.ecsl.runtime.deployments.DeploymentTiming;
import io.ecsl.runtime.home.HostGrants;
import io.ecsl.runtime.hostaccess.HostAccess;
import io.ecsl.runtime.discovery.TaskDiscoveryNames;
import io.ecsl.runtime.json.Json;
import io.ecsl.runtime.lifecycle.TaskAction;
import io.ecsl.runtime.lifecycle.TaskLifecycle;
import io.ecsl.runtime.lifecycle.TaskObservation;
import io.ecsl.runtime.lifecycle.TaskStep;
import io.ecsl.runtime.metadata.TaskEndpoints;
import io.ecsl.runtime.model.TaskEntity;
import io.ecsl.runtime.model.TaskSpec;
import io.ecsl.runtime.model.TaskStatus;
import io.ecsl.runtime.scheduler.ServiceScheduler;
import io.ecsl.runtime.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The control plane: the state, the container backend and the loop between them.
 *
 * <p>Each pass of the loop: (1) lists every container labelled with this runtime's instance id —
 * the only source of truth about Docker; (2) under the state lock, runs the pure task
 * {@link TaskLifecycle} step for every task and the pure {@link ServiceScheduler} for every
 * service, stores their results and applies their decisions; (3) hands the backend actions to the
 * {@link ActionRunner}, off the lock. Action results come back through {@link #apply} and wake the
 * loop, so a chain like "container died, replacement started" takes a few passes of milliseconds
 * rather than waiting for the next interval.
 *
 * <p>A task whose action result arrived after the listing in (1) started is skipped in (2): its
 * listing predates what the result says, and acting on it could undo the result.
 */
public final class ControlPlane implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(ControlPlane.class.getName());

  /** Engine settings; {@link #defaults()} are what the runtime process uses. */
  public record Options(Duration tickInterval, Duration stoppedTaskRetention, int stoppedTasksKeptPerGroup,
      boolean inlineActions, HostGrants grants, Duration stallAfter, Duration metricsPeriod) {
    /** CloudWatch's period for ECS service metrics, which target tracking evaluates (§9.2). */
    public static final Duration DEFAULT_METRICS_PERIOD = Duration.ofMinutes(1);

    public static Options defaults() {
      return new Options(Duration.ofMillis(250), Duration.ofHours(1), 50, false, HostGrants.NONE,
          LoopHealth.DEFAULT_STALL_AFTER, DEFAULT_METRICS_PERIOD);
    }

    public Options withInlineActions(boolean inline) {
      return new Options(tickInterval, stoppedTaskRetention, stoppedTasksKeptPerGroup, inline, grants, stallAfter,
          metricsPeriod);
    }

    /** What tasks may take from the host beyond the default ({@code ecsl runtime start --allow-...}). */
    public Options withGrants(HostGrants newGrants) {
      return new Options(tickInterval, stoppedTaskRetention, stoppedTasksKeptPerGroup, inlineActions, newGrants,
          stallAfter, metricsPeriod);
    }

    /** How long without a completed pass makes the loop count as stalled. */
    public Options withStallAfter(Duration newStallAfter) {
      return new Options(tickInterval, stoppedTaskRetention, stoppedTasksKeptPerGroup, inlineActions, grants,
          newStallAfter, metricsPeriod);
    }

    /**
     * The period of service metrics and of the alarms that drive auto scaling: a minute as on AWS;
     * seconds let a test see scaling without waiting minutes.
     */
    public Options withMetricsPeriod(Duration period) {
      return new Options(tickInterval, stoppedTaskRetention, stoppedTasksKeptPerGroup, inlineActions, grants,
          stallAfter, period);
    }
  }

  private final RuntimeState state;
  private final ContainerBackend backend;
  private final Clock clock;
  private final Options options;
  private final String instanceId;
  private final ActionRunner runner;
  private final TaskActions taskActions;
  private final ServiceScheduling scheduling;
  private final Collector collector;
  private final HostAccess hostAccess;
  private final TaskEndpoints taskEndpoints;
  private final LoopHealth loopHealth;
  private final Map<String, Long> touchedAt = new ConcurrentHashMap<>();
  private final Map<String, TaskSpec> specs = new ConcurrentHashMap<>();
  /** Placement's tie-breaker, seeded per runtime instance; used under the state lock only. */
  private final SplittableRandom random;
  private final List<LoopStage> stages = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final Object wakeLock = new Object();
  private boolean wakeRequested;
  private volatile boolean running;
  private volatile String backendProblem;
  /** The DNS servers for awsvpc tasks on a network with the given gateway ({@code ServiceDiscovery}); none by default. */
  private volatile java.util.function.Function<String, List<String>> nameServers = gateway -> List.of();
  private Thread loop;

  public ControlPlane(Store store, ContainerBackend backend, Clock clock, Options options) {
    this.state = new RuntimeState(store);
    this.backend = backend;
    this.clock = clock;
    this.options = options;
    this.instanceId = store.instanceId();
    this.random = new SplittableRandom(instanceId.hashCode());
    this.runner = options.inlineActions() ? ActionRunner.inline() : ActionRunner.async();
    this.hostAccess = new HostAccess(options.grants(), store.file().toAbsolutePath().getParent(),
        socketPath(backend.endpoint()), store);
    this.taskEndpoints = TaskEndpoints.forDataDir(store.file().toAbsolutePath().getParent());
    this.taskActions = new TaskActions(backend, store, instanceId, hostAccess, taskEndpoints,
        task -> TaskDiscoveryNames.of(state, task), gateway -> nameServers.apply(gateway));
    this.loopHealth = new LoopHealth(options.stallAfter());
    this.scheduling = new ServiceScheduling(state, random, DeploymentTiming.fromEnvironment(System.getenv()));
    this.collector = new Collector(state, backend, runner, taskActions, options);
  }

  /** How long a configured minute and a local Lambda hook take in deployments (**EMU**; tests shorten them). */
  public void deploymentTiming(DeploymentTiming timing) {
    scheduling.deploymentTiming(timing);
  }

  public RuntimeState state() {
    return state;
  }

  public ContainerBackend backend() {
    return backend;
  }

  public Clock clock() {
    return clock;
  }

  public Options options() {
    return options;
  }

  public String instanceId() {
    return instanceId;
  }

  /**
   * The seeded generator placement breaks ties with; only for work under the state lock (it is
   * not thread-safe), which makes a pass's placements a function of the state and the seed.
   */
  public RandomGenerator random() {
    return random;
  }

  /** What tasks may take from the host: asked before a task definition is accepted and before a container is created. */
  public HostAccess hostAccess() {
    return hostAccess;
  }

  /** The agent's variables and the task relays' needs (the metadata and credentials endpoints). */
  public TaskEndpoints taskEndpoints() {
    return taskEndpoints;
  }

  /** The container engine's socket file when it is a local one ({@code unix:///var/run/docker.sock}), else null. */
  private static java.nio.file.Path socketPath(String endpoint) {
    return endpoint != null && endpoint.startsWith("unix://") ? java.nio.file.Path.of(endpoint.substring("unix://".length()))
        : null;
  }

  /**
   * Where awsvpc tasks created from now on send DNS queries, by their cluster network's gateway
   * address (the Cloud Map name server); tasks keep Docker's defaults when it gives none.
   */
  public void useNameServers(java.util.function.Function<String, List<String>> servers) {
    this.nameServers = servers;
  }

  /** The control loop's last passes: what health reports, and whether the loop is stalled. */
  public LoopHealth loopHealth() {
    return loopHealth;
  }

  /** The last reason the container engine could not be reached, or null if it answers. */
  public String backendProblem() {
    return backendProblem;
  }

  /** Starts the background loop. */
  public synchronized void start() {
    if (running) {
      return;
    }
    running = true;
    long live = state.tasks.values().stream().filter(t -> !t.isStopped()).count();
    if (live > 0) {
      LOG.info("resuming " + live + " tasks from the store; their running containers are adopted");
    }
    loopHealth.started();
    loop = Thread.ofPlatform().name("ecsl-control-loop").daemon(true).start(this::runLoop);
  }

  /** Adds work to run after every pass (schedules, auto scaling); see {@link LoopStage}. */
  public void addStage(LoopStage stage) {
    stages.add(stage);
  }

  /** Asks for a pass as soon as possible (after an API change or an action result). */
  public void requestTick() {
    synchronized (wakeLock) {
      wakeRequested = true;
      wakeLock.notifyAll();
    }
  }

  private void runLoop() {
    while (running) {
      long started = System.nanoTime();
      try {
        tick();
        loopHealth.passed(started);
      } catch (Throwable e) {
        // Whatever a pass throws (a bug, a full disk, an Error from a library), the loop goes on:
        // a dead loop thread would leave the API answering while nothing is scheduled. The failure
        // is logged and shown by health and `ecsl runtime status`. (OutOfMemoryError ends the
        // process instead: the runtime JVM runs with -XX:+ExitOnOutOfMemoryError.)
        loopHealth.failed(started, e);
        LOG.log(Level.SEVERE, "control loop pass failed; retrying", e);
      }
      synchronized (wakeLock) {
        if (!wakeRequested && running) {
          try {
            wakeLock.wait(options.tickInterval().toMillis());
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
        }
        wakeRequested = false;
      }
    }
  }

  /** One pass of the loop, then the registered stages (public so tests can drive the engine step by step). */
  public void tick() {
    try {
      pass();
    } finally {
      runStages();
    }
  }

  private void runStages() {
    Instant now = clock.instant();
    for (LoopStage stage : stages) {
      try {
        stage.run(now);
      } catch (RuntimeException e) {
        LOG.log(Level.SEVERE, "loop stage " + stage.name() + " failed; it runs again next pass", e);
      }
    }
  }

  private void pass() {
    long listedAt = System.nanoTime();
    List<ObservedContainer> observed;
    try {
      observed = backend.listContainers(Labels.RUNTIME, instanceId);
      if (backendProblem != null) {
        LOG.info("container engine reachable again");
      }
      backendProblem = null;
    } catch (BackendException e) {
      if (backendProblem == null) {
        LOG.warning("container engine unavailable, tasks are left as they are until it answers: " + e.getMessage());
      }
      backendProblem = e.getMessage();
      return;
    }
    Map<String, TaskObservation> byTask = group(observed);
    List<Runnable> dispatch = new ArrayList<>();
    state.atomically(() -> {
      Instant now = clock.instant();
      stepTasks(byTask, listedAt, now, dispatch, null);
      AutoScalingGroups.reconcile(state, now);
      List<String> scheduled = new ArrayList<>(AwaitingCapacity.place(new PlacementPass(state, random, now)));
      scheduled.addAll(scheduling.schedule(now));
      // Tasks the scheduler just created or stopped: step them now rather than next pass.
      stepTasks(byTask, listedAt, now, dispatch, scheduled);
      collector.collect(byTask, observed, now, dispatch);
    });
    dispatch.forEach(Runnable::run);
  }

  /** True when no backend action is running (for tests that drive the engine by hand). */
  public boolean idle() {
    return runner.idle();
  }

  private Map<String, TaskObservation> group(List<ObservedContainer> observed) {
    Map<String, Map<String, ObservedContainer>> containers = new HashMap<>();
    Map<String, ObservedContainer> pauses = new HashMap<>();
    for (ObservedContainer container : observed) {
      String taskId = container.label(Labels.TASK);
      if (taskId == null) {
        continue;
      }
      if (Labels.ROLE_PAUSE.equals(container.label(Labels.ROLE))) {
        pauses.put(taskId, container);
      } else if (container.label(Labels.CONTAINER) != null) {
        containers.computeIfAbsent(taskId, k -> new LinkedHashMap<>()).put(container.label(Labels.CONTAINER), container);
      }
    }
    Map<String, TaskObservation> out = new HashMap<>();
    for (String taskId : union(containers.keySet(), pauses.keySet())) {
      out.put(taskId, new TaskObservation(containers.getOrDefault(taskId, Map.of()), pauses.get(taskId)));
    }
    return out;
  }

  // ---- tasks ----------------------------------------------------------------------------------

  private void stepTasks(Map<String, TaskObservation> byTask, long listedAt, Instant now,
      List<Runnable> dispatch, List<String> only) {
    for (TaskEntity task : only == null ? state.tasks.values() : only.stream().map(state.tasks::get).toList()) {
      if (task == null || task.isStopped()) {
        continue;
      }
      Long touched = touchedAt.get(task.taskArn);
      if (only == null && touched != null && touched > listedAt) {
        continue;
      }
      if (task.awaitingCapacity && task.isActive()) {
        continue; // nothing of it exists yet: it waits for an instance (AwaitingCapacity)
      }
      TaskSpec spec = spec(task);
      if (spec == null) {
        TaskEntity orphan = task.copy();
        TaskLifecycle.requestStop(orphan, TaskStatus.TASK_FAILED_TO_START,
            "ResourceInitializationError: task definition " + task.taskDefinitionArn + " no longer exists", now);
        spec = new TaskSpec("unknown", 0, "bridge", null, null, null, null, List.of(), List.of(), null);
        task = orphan;
      }
      TaskStep step = TaskLifecycle.step(task, spec, byTask.getOrDefault(task.taskId, TaskObservation.empty()), now);
      TaskEntity next = step.task();
      TaskEntity stored = state.tasks.get(task.taskArn);
      if (!sameJson(next, stored)) {
        if (next.version == stored.version) {
          next.version++;
        }
        state.tasks.put(next.taskArn, next);
        if (TaskStatus.STOPPED.equals(next.lastStatus)) {
          LOG.info("task " + next.taskId + " stopped: " + next.stopCode + " " + next.stoppedReason);
        }
      }
      TaskSpec finalSpec = spec;
      for (TaskAction action : step.actions()) {
        TaskEntity snapshot = next.copy();
        dispatch.add(() -> runner.submit(action.key(), () -> perform(action, snapshot, finalSpec)));
      }
    }
  }

  private static boolean sameJson(Object a, Object b) {
    return Json.tree(a).equals(Json.tree(b));
  }

  private void perform(TaskAction action, TaskEntity task, TaskSpec spec) {
    ActionResult result;
    try {
      result = taskActions.run(action, task, spec);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "action " + action.key() + " failed", e);
      result = new ActionResult.Failed(TaskStatus.TASK_FAILED_TO_START, "ResourceInitializationError: " + e.getMessage());
      if (action instanceof TaskAction.Signal || action instanceof TaskAction.Deprovision) {
        result = new ActionResult.Unavailable(e.getMessage());
      }
    }
    apply(task.taskArn, result);
  }

  /** Applies an action's result to its task (under the lock) and wakes the loop. */
  void apply(String taskArn, ActionResult outcome) {
    state.atomically(() -> {
      TaskEntity task = state.tasks.copyOf(taskArn);
      if (task == null) {
        return;
      }
      Instant now = clock.instant();
      ActionResult result = outcome;
      if (outcome instanceof ActionResult.Warned warned) {
        ServiceEvents.addForTask(state, task, warned.warning(), now);
        result = warned.result();
      }
      switch (result) {
        case ActionResult.Provisioned p -> {
          task.provisioned = true;
          task.pauseContainerId = p.pauseContainerId();
          task.privateIpv4Address = p.privateIp();
        }
        case ActionResult.ImagesReady r -> {
          task.imagesReady = true;
          task.pullStoppedAt = now;
          task.containers.forEach(c -> c.imageDigest = r.imageIds().get(c.image));
        }
        case ActionResult.Created c -> {
          var container = task.container(c.containerName());
          if (container != null) {
            container.runtimeId = c.containerId();
          }
        }
        case ActionResult.Deprovisioned d -> task.deprovisioned = true;
        case ActionResult.Failed f -> {
          if (task.pullStartedAt != null && task.pullStoppedAt == null) {
            task.pullStoppedAt = now;
          }
          if (task.isActive()) {
            LOG.info("task " + task.taskId + " failed: " + f.reason());
          }
          TaskLifecycle.requestStop(task, f.stopCode(), f.reason(), now);
        }
        case ActionResult.Unavailable u -> backendProblem = u.message();
        case ActionResult.Done d -> { }
        case ActionResult.Warned w -> throw new IllegalStateException("a warning wraps another warning");
      }
      if (!sameJson(task, state.tasks.get(taskArn))) {
        task.version++;
        state.tasks.put(taskArn, task);
      }
      // Recorded under the lock: a pass that listed the containers before this action changed
      // them must not step the task with its new state. Recorded after the lock was released, a
      // pass could slip in between and, say, see an awsvpc task provisioned while its listing
      // had no pause container yet, and fail the task (seen on a loaded machine).
      touchedAt.put(taskArn, System.nanoTime());
    });
    requestTick();
  }

  /** The task's definition with its overrides applied (cached: definitions never change). */
  private TaskSpec spec(TaskEntity task) {
    String key = task.taskDefinitionArn + (task.overrides == null ? "" : "#" + task.taskArn);
    TaskSpec cached = specs.get(key);
    if (cached != null) {
      return cached;
    }
    ObjectNode definition = state.taskDefinitions.get(task.taskDefinitionArn);
    if (definition == null) {
      return null;
    }
    TaskSpec spec = TaskSpec.of(definition, task.overrides);
    specs.put(key, spec);
    return spec;
  }

  @Override
  public void close() {
    running = false;
    requestTick();
    if (loop != null) {
      try {
        loop.join(5000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    runner.close();
    for (LoopStage stage : stages) {
      if (stage instanceof AutoCloseable closeable) {
        try {
          closeable.close();
        } catch (Exception e) {
          LOG.log(Level.WARNING, "closing loop stage " + stage.name() + " failed", e);
        }
      }
    }
  }

  private static <T> List<T> union(java.util.Set<T> a, java.util.Set<T> b) {
    List<T> out = new ArrayList<>(a);
    for (T item : b) {
      if (!a.contains(item)) {
        out.add(item);
      }
    }
    return out;
  }
}
