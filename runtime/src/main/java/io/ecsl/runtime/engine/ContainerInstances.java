package io.ecsl.runtime.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.runtime.capacity.AgentAttributes;
import io.ecsl.runtime.json.Json;
import io.ecsl.runtime.lifecycle.TaskLifecycle;
import io.ecsl.runtime.model.Arns;
import io.ecsl.runtime.model.ContainerInstanceEntity;
import io.ecsl.runtime.model.Ids;
import io.ecsl.runtime.model.TaskEntity;
import io.ecsl.runtime.model.TaskStatus;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Registering and deregistering container instances, for the API (RegisterContainerInstance, …),
 * the simulated Auto Scaling groups and the Docker host instance. Callers hold the state lock.
 */
public final class ContainerInstances {
  private static final Logger LOG = Logger.getLogger(ContainerInstances.class.getName());
  /** The ports the agent reserves on every instance (SSH, Docker, the agent's own). */
  public static final List<Integer> AGENT_RESERVED_PORTS = List.of(22, 2375, 2376, 51678, 51679);
  /** The instance type attribute of the Docker host instance (**EMU**: it is no EC2 type). */
  public static final String DOCKER_HOST_TYPE = "local";

  private ContainerInstances() {}

  /** What a new container instance has. Null fields take the agent's defaults. */
  public record Registration(
      String ec2InstanceId,
      String instanceType,
      String zone,
      String architecture,
      int cpu,
      int memory,
      List<Integer> reservedTcpPorts,
      List<Integer> reservedUdpPorts,
      Map<String, String> attributes,
      String capacityProviderName,
      String autoScalingGroupArn,
      boolean dockerHost) {}

  public static ContainerInstanceEntity register(RuntimeState state, ObjectNode cluster, Registration registration,
      Instant now) {
    ContainerInstanceEntity instance = new ContainerInstanceEntity();
    String clusterName = Json.text(cluster, "clusterName");
    String clusterArn = Json.text(cluster, "clusterArn");
    instance.region = Arns.regionOf(clusterArn);
    instance.id = Ids.taskId();
    instance.containerInstanceArn = Arns.containerInstance(instance.region, clusterName, instance.id);
    instance.ec2InstanceId = registration.ec2InstanceId() != null ? registration.ec2InstanceId() : Ids.ec2InstanceId();
    instance.clusterArn = clusterArn;
    instance.clusterName = clusterName;
    instance.capacityProviderName = registration.capacityProviderName();
    instance.autoScalingGroupArn = registration.autoScalingGroupArn();
    String zone = registration.zone() != null ? registration.zone() : instance.region + "a";
    instance.attributes.putAll(AgentAttributes.of(registration.instanceType(), zone,
        registration.architecture() == null ? "x86_64" : registration.architecture()));
    instance.attributes.putAll(registration.attributes());
    instance.cpu = registration.cpu();
    instance.memory = registration.memory();
    instance.reservedTcpPorts = new ArrayList<>(registration.reservedTcpPorts() == null ? AGENT_RESERVED_PORTS
        : registration.reservedTcpPorts());
    instance.reservedUdpPorts = new ArrayList<>(registration.reservedUdpPorts() == null ? List.of()
        : registration.reservedUdpPorts());
    instance.registeredAt = now;
    instance.dockerHost = registration.dockerHost();
    instance.hostIp = registration.dockerHost() ? "127.0.0.1" : nextHostIp(state);
    state.containerInstances.put(instance.containerInstanceArn, instance);
    LOG.info("container instance " + instance.id + " (" + instance.ec2InstanceId + ", "
        + instance.attributes.get("ecs.instance-type") + " in " + zone + ") registered with cluster " + clusterName);
    return instance;
  }

  /**
   * A loopback address of the instance's own (127.1.0.1, 127.1.0.2, …): two instances can then
   * both publish a task on the same static host port, as two EC2 instances can.
   */
  private static String nextHostIp(RuntimeState state) {
    String key = "container-instance-ip";
    int next = state.store().meta(key).map(Integer::parseInt).orElse(0) + 1;
    state.store().setMeta(key, Integer.toString(next));
    return "127." + (1 + (next >> 16 & 0x7f)) + "." + (next >> 8 & 0xff) + "." + (next & 0xff);
  }

  /** Registered instances (ACTIVE or DRAINING) of a cluster, in registration order. */
  public static List<ContainerInstanceEntity> registered(RuntimeState state, String clusterArn) {
    List<ContainerInstanceEntity> out = new ArrayList<>();
    for (ContainerInstanceEntity instance : state.containerInstances.values()) {
      if (instance.clusterArn.equals(clusterArn) && instance.isRegistered()) {
        out.add(instance);
      }
    }
    out.sort(Comparator.comparing((ContainerInstanceEntity i) -> i.registeredAt).thenComparing(i -> i.id));
    return out;
  }

  /** The tasks placed on the instance that have not stopped. */
  public static List<TaskEntity> tasksOn(RuntimeState state, String containerInstanceArn) {
    List<TaskEntity> out = new ArrayList<>();
    for (TaskEntity task : state.tasks.values()) {
      if (containerInstanceArn.equals(task.containerInstanceArn) && !task.isStopped()) {
        out.add(task);
      }
    }
    return out;
  }

  /**
   * Deregisters the instance (INACTIVE). Its tasks that still run are stopped (**EMU**: on ECS
   * they would run on, orphaned, on an EC2 instance the runtime does not have): a service
   * replaces its tasks elsewhere.
   */
  public static void deregister(RuntimeState state, ContainerInstanceEntity stored, String reason, Instant now) {
    ContainerInstanceEntity instance = stored.copy();
    instance.status = ContainerInstanceEntity.INACTIVE;
    instance.agentConnected = false;
    instance.version++;
    state.containerInstances.put(instance.containerInstanceArn, instance);
    for (TaskEntity task : tasksOn(state, instance.containerInstanceArn)) {
      if (task.isActive()) {
        TaskEntity stopping = task.copy();
        TaskLifecycle.requestStop(stopping, TaskStatus.TERMINATION_NOTICE, reason, now);
        stopping.version++;
        state.tasks.put(stopping.taskArn, stopping);
      }
    }
    LOG.info("container instance " + instance.id + " deregistered from cluster " + instance.clusterName);
  }

  /**
   * The container instance standing for the Docker host, registered the first time an EC2 task
   * needs an instance in a cluster that never had one and has no Auto Scaling group capacity
   * provider (**EMU**, docs/runtime-model.md): a project that does not describe its EC2 capacity
   * still runs, on this machine's CPUs and memory.
   */
  static ContainerInstanceEntity ensureDockerHost(RuntimeState state, ObjectNode cluster, boolean hasAutoScalingGroups,
      Instant now) {
    String clusterArn = Json.text(cluster, "clusterArn");
    if (hasAutoScalingGroups) {
      return null;
    }
    for (ContainerInstanceEntity instance : state.containerInstances.values()) {
      if (instance.clusterArn.equals(clusterArn)) {
        return null;
      }
    }
    int cpus = Runtime.getRuntime().availableProcessors();
    long bytes = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getTotalMemorySize();
    int memory = (int) Math.min(Integer.MAX_VALUE, bytes / (1024 * 1024));
    return register(state, cluster, new Registration(null, DOCKER_HOST_TYPE, null, "x86_64", cpus * 1024, memory,
        null, null, Map.of("ecsl.docker-host", ""), null, null, true), now);
  }
}
