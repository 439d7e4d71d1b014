package io.ecsl.runtime.model;

import io.ecsl.runtime.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stored state of one container instance: a virtual EC2 instance registered with a cluster.
 * All of them run their tasks on the one Docker host; each has its own loopback address
 * ({@link #hostIp}) so that two instances can both bind a task to the same static host port.
 *
 * <p>What it has left (remaining CPU, memory and ports) is not stored: it is what its registered
 * resources minus the reservations of the tasks placed on it and not yet stopped.
 */
public final class ContainerInstanceEntity {
  public static final String ACTIVE = "ACTIVE";
  public static final String DRAINING = "DRAINING";
  public static final String INACTIVE = "INACTIVE";
  /** The version the runtime reports for the container agent that "runs" on its instances. */
  public static final String AGENT_VERSION = "1.89.1";

  public String containerInstanceArn;
  /** The last segment of the ARN (32 hex digits). */
  public String id;
  public String ec2InstanceId;
  public String region;
  public String clusterArn;
  public String clusterName;
  public String status = ACTIVE;
  public String statusReason;
  public boolean agentConnected = true;
  public String agentVersion = AGENT_VERSION;
  public String capacityProviderName;
  /** The simulated Auto Scaling group that launched it, or null (registered by a client). */
  public String autoScalingGroupArn;
  /** Built-in and custom attributes, by name; a capability flag has an empty value. */
  public Map<String, String> attributes = new LinkedHashMap<>();
  public int cpu;
  public int memory;
  public List<Integer> reservedTcpPorts = new ArrayList<>();
  public List<Integer> reservedUdpPorts = new ArrayList<>();
  public Instant registeredAt;
  public long version = 1;
  /** Where its tasks' published ports listen (a 127.0.0.0/8 address). */
  public String hostIp;
  /** The container instance the runtime registered for the Docker host itself (docs/runtime-model.md). */
  public boolean dockerHost;
  /** Set by managed termination protection while non-daemon tasks run on it. */
  public boolean protectedFromScaleIn;

  public ContainerInstanceEntity copy() {
    return Json.copy(this, ContainerInstanceEntity.class);
  }

  public boolean isActive() {
    return ACTIVE.equals(status);
  }

  /** Registered and not deregistered: ACTIVE or DRAINING. */
  public boolean isRegistered() {
    return ACTIVE.equals(status) || DRAINING.equals(status);
  }
}
