package io.ecsl.runtime.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.runtime.daemons.DaemonTaskDefinitions;
import io.ecsl.runtime.model.AutoScalingGroupEntity;
import io.ecsl.runtime.model.ContainerInstanceEntity;
import io.ecsl.runtime.model.DaemonEntity;
import io.ecsl.runtime.model.RuleScheduleEntity;
import io.ecsl.runtime.model.ScalingStateEntity;
import io.ecsl.runtime.model.ServiceEntity;
import io.ecsl.runtime.model.TaskEntity;
import io.ecsl.runtime.store.Store;
import io.ecsl.runtime.store.Tag;
import java.util.List;
import java.util.function.Supplier;

/**
 * Everything the control plane knows, in memory and written through to the {@link Store}.
 *
 * <p>One lock (this object's monitor) guards it all: API calls and the control loop's passes are
 * short and in-memory, so a single lock keeps every operation atomic without deadlock risk.
 * Slow work (Docker calls) never runs under it. Simple resources are kept in their AWS shape
 * ({@link ObjectNode}); tasks and services, which the engine reasons about, are typed entities.
 */
public final class RuntimeState {
  /** The store's kind of task documents. */
  public static final String TASK_KIND = "ecs.task";

  private final Store store;
  public final DocumentTable<ObjectNode> clusters;
  public final DocumentTable<ObjectNode> taskDefinitions;
  public final DocumentTable<ServiceEntity> services;
  public final DocumentTable<TaskEntity> tasks;
  public final DocumentTable<ContainerInstanceEntity> containerInstances;
  public final DocumentTable<AutoScalingGroupEntity> autoScalingGroups;
  public final DocumentTable<ObjectNode> capacityProviders;
  public final DocumentTable<ObjectNode> accountSettings;
  public final DocumentTable<ObjectNode> rules;
  public final DocumentTable<ObjectNode> ruleTargets;
  public final DocumentTable<ObjectNode> scalableTargets;
  public final DocumentTable<ObjectNode> scalingPolicies;
  public final DocumentTable<ObjectNode> namespaces;
  public final DocumentTable<ObjectNode> operations;
  /** Cloud Map services in their API shape, keyed by id (private members start with {@code _}). */
  public final DocumentTable<ObjectNode> cloudMapServices;
  /** Cloud Map service instances, keyed {@code serviceId|instanceId}. */
  public final DocumentTable<ObjectNode> instances;
  /** When each scheduled rule fires next and what its invocations did (the runtime's own bookkeeping). */
  public final DocumentTable<RuleScheduleEntity> ruleSchedules;
  public final DocumentTable<ObjectNode> scheduledActions;
  /** EventBridge Scheduler schedules in GetSchedule's shape (dates as epoch seconds), keyed by ARN. */
  public final DocumentTable<ObjectNode> schedulerSchedules;
  /** EventBridge Scheduler schedule groups in GetScheduleGroup's shape, keyed by ARN. */
  public final DocumentTable<ObjectNode> scheduleGroups;
  /** When each Scheduler schedule fires next and what its invocations did, keyed by the schedule's ARN. */
  public final DocumentTable<RuleScheduleEntity> schedulerRuns;
  /** Scaling activities in DescribeScalingActivities' shape, keyed {@code region|target|time|id}. */
  public final DocumentTable<ObjectNode> scalingActivities;
  /** The autoscaler's memory per scalable target (cooldowns, alarm states, scheduled action times). */
  public final DocumentTable<ScalingStateEntity> scalingStates;
  /** Elastic Load Balancing v2 resources in their API shape, keyed by ARN (private members start with {@code _}). */
  public final DocumentTable<ObjectNode> loadBalancers;
  public final DocumentTable<ObjectNode> targetGroups;
  public final DocumentTable<ObjectNode> listeners;
  public final DocumentTable<ObjectNode> listenerRules;
  /** Registered targets with their health, keyed {@code targetGroupArn|id|port}. */
  public final DocumentTable<ObjectNode> targets;
  /** Daemon task definitions in DescribeDaemonTaskDefinition's shape, keyed by ARN. */
  public final DocumentTable<ObjectNode> daemonTaskDefinitions;
  /** Managed Daemons with their revisions and deployments, keyed by ARN. */
  public final DocumentTable<DaemonEntity> daemons;
  /** CloudWatch metric alarms in DescribeAlarms' shape, keyed by ARN (deployments watch their state). */
  public final DocumentTable<ObjectNode> alarms;
  private final List<DocumentTable<?>> all;

  public RuntimeState(Store store) {
    this.store = store;
    clusters = new DocumentTable<>(store, "ecs.cluster", ObjectNode.class);
    taskDefinitions = new DocumentTable<>(store, "ecs.task-definition", ObjectNode.class);
    services = new DocumentTable<>(store, "ecs.service", ServiceEntity.class);
    tasks = new DocumentTable<>(store, TASK_KIND, TaskEntity.class);
    containerInstances = new DocumentTable<>(store, "ecs.container-instance", ContainerInstanceEntity.class);
    autoScalingGroups = new DocumentTable<>(store, "autoscaling.group", AutoScalingGroupEntity.class);
    capacityProviders = new DocumentTable<>(store, "ecs.capacity-provider", ObjectNode.class);
    accountSettings = new DocumentTable<>(store, "ecs.account-setting", ObjectNode.class);
    rules = new DocumentTable<>(store, "events.rule", ObjectNode.class);
    ruleTargets = new DocumentTable<>(store, "events.target", ObjectNode.class);
    scalableTargets = new DocumentTable<>(store, "autoscaling.scalable-target", ObjectNode.class);
    scalingPolicies = new DocumentTable<>(store, "autoscaling.policy", ObjectNode.class);
    namespaces = new DocumentTable<>(store, "servicediscovery.namespace", ObjectNode.class);
    operations = new DocumentTable<>(store, "servicediscovery.operation", ObjectNode.class);
    cloudMapServices = new DocumentTable<>(store, "servicediscovery.service", ObjectNode.class);
    instances = new DocumentTable<>(store, "servicediscovery.instance", ObjectNode.class);
    ruleSchedules = new DocumentTable<>(store, "events.rule-schedule", RuleScheduleEntity.class);
    scheduledActions = new DocumentTable<>(store, "autoscaling.scheduled-action", ObjectNode.class);
    schedulerSchedules = new DocumentTable<>(store, "scheduler.schedule", ObjectNode.class);
    scheduleGroups = new DocumentTable<>(store, "scheduler.group", ObjectNode.class);
    schedulerRuns = new DocumentTable<>(store, "scheduler.schedule-run", RuleScheduleEntity.class);
    scalingActivities = new DocumentTable<>(store, "autoscaling.activity", ObjectNode.class);
    scalingStates = new DocumentTable<>(store, "autoscaling.state", ScalingStateEntity.class);
    loadBalancers = new DocumentTable<>(store, "elbv2.load-balancer", ObjectNode.class);
    targetGroups = new DocumentTable<>(store, "elbv2.target-group", ObjectNode.class);
    listeners = new DocumentTable<>(store, "elbv2.listener", ObjectNode.class);
    listenerRules = new DocumentTable<>(store, "elbv2.rule", ObjectNode.class);
    targets = new DocumentTable<>(store, "elbv2.target", ObjectNode.class);
    daemonTaskDefinitions = new DocumentTable<>(store, "ecs.daemon-task-definition", ObjectNode.class);
    daemons = new DocumentTable<>(store, "ecs.daemon", DaemonEntity.class);
    alarms = new DocumentTable<>(store, "cloudwatch.alarm", ObjectNode.class);
    all = List.of(daemonTaskDefinitions, daemons, clusters, taskDefinitions, services, tasks, containerInstances, autoScalingGroups,
        capacityProviders, accountSettings, rules, ruleTargets, scalableTargets, scalingPolicies, namespaces,
        operations, ruleSchedules, scheduledActions, schedulerSchedules, scheduleGroups, schedulerRuns,
        scalingActivities, scalingStates, loadBalancers, targetGroups, listeners, listenerRules, targets,
        cloudMapServices, instances, alarms);
  }

  public Store store() {
    return store;
  }

  /**
   * Runs {@code work} under the lock and in one store transaction. If it fails part-way, the
   * transaction rolls back and memory is reloaded from the store, so neither keeps half a change.
   */
  public synchronized <T> T atomically(Supplier<T> work) {
    Object[] result = new Object[1];
    try {
      store.transaction(() -> result[0] = work.get());
    } catch (RuntimeException e) {
      all.forEach(DocumentTable::reload);
      throw e;
    }
    @SuppressWarnings("unchecked")
    T value = (T) result[0];
    return value;
  }

  public synchronized void atomically(Runnable work) {
    atomically(() -> {
      work.run();
      return null;
    });
  }

  // Tags live in their own table, keyed by ARN, for every API (ECS, EventBridge, ...).

  public synchronized List<Tag> tags(String arn) {
    return store.tags(arn);
  }

  public synchronized void putTags(String arn, List<Tag> tags) {
    store.putTags(arn, tags);
  }

  public synchronized void removeTags(String arn, List<String> keys) {
    store.removeTags(arn, keys);
  }

  public synchronized void deleteTags(String arn) {
    store.deleteTags(arn);
  }

  /**
   * The task definition a task runs: a task definition, or for a daemon's task its daemon task
   * definition seen as one ({@link DaemonTaskDefinitions#asTaskDefinition}); null if unknown.
   */
  public synchronized ObjectNode taskDefinitionOf(String arn) {
    if (DaemonTaskDefinitions.isDaemonTaskDefinition(arn)) {
      ObjectNode daemon = daemonTaskDefinitions.get(arn);
      return daemon == null ? null : DaemonTaskDefinitions.asTaskDefinition(daemon);
    }
    return taskDefinitions.get(arn);
  }

  /** The next revision number of a task definition family (revisions are never reused). */
  public synchronized int nextRevision(String region, String family) {
    return next("revision:" + region + ":" + family);
  }

  /** The next revision number of a daemon task definition family (a family of its own kind). */
  public synchronized int nextDaemonRevision(String region, String family) {
    return next("daemon-revision:" + region + ":" + family);
  }

  private int next(String key) {
    int next = store.meta(key).map(Integer::parseInt).orElse(0) + 1;
    store.setMeta(key, Integer.toString(next));
    return next;
  }
}
