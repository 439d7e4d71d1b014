package io.ecsl.facts.query;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/**
 * What the cluster query language can ask of a container instance, at one moment. The runtime
 * implements it over its container instances (with the tasks placed so far in a scheduling pass
 * counted in), and {@link ClusterQuery#matches} evaluates an expression against it.
 */
public interface InstanceSnapshot {
  /**
   * An attribute of the instance, built-in ({@code ecs.instance-type}, {@code ecs.availability-zone},
   * {@code ecs.os-type}, {@code ecs.cpu-architecture}, {@code ecs.ami-id}, …) or custom; empty when
   * the instance does not have it, an empty string for an attribute without a value (ECS's
   * capability flags). The instance type is {@code ecs.instance-type}: ECS has no separate subject.
   */
  Optional<String> attribute(String name);

  /** The EC2 instance ID ({@code i-0abc…}), or null for an external instance without one. */
  String ec2InstanceId();

  /** When the instance registered with the cluster. */
  Instant registeredAt();

  /** The tasks in the RUNNING state on the instance. */
  int runningTasksCount();

  /**
   * The task groups of the tasks on the instance ({@code service:web}, {@code family:batch}, or
   * the {@code group} RunTask was given), once per group or once per task.
   */
  Collection<String> taskGroups();

  /** True while the container agent is connected. */
  boolean agentConnected();

  /** The container agent's version, {@code 1.80.0}; null when unknown. */
  String agentVersion();
}
