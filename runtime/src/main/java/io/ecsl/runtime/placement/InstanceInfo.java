package io.ecsl.runtime.placement;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * A container instance as placement sees it: what does not change while a pass places tasks.
 * What tasks take from it (remaining CPU, memory, ports, task counts) lives in the
 * {@link ClusterSnapshot}.
 *
 * @param id the container instance id (the last segment of its ARN), as events name it
 * @param status ACTIVE, DRAINING, … (only ACTIVE instances take new tasks)
 * @param capacityProviderName the Auto Scaling group capacity provider it belongs to, or null
 * @param attributes built-in ({@code ecs.availability-zone}, …) and custom attributes; a
 *     capability flag has the empty string as its value
 * @param reservedTcpPorts ports the agent reserved at registration (22, 2375, …)
 */
public record InstanceInfo(
    String arn,
    String id,
    String ec2InstanceId,
    String status,
    boolean agentConnected,
    String agentVersion,
    Instant registeredAt,
    String capacityProviderName,
    Map<String, String> attributes,
    int cpu,
    int memory,
    Set<Integer> reservedTcpPorts,
    Set<Integer> reservedUdpPorts) {

  public static final String ACTIVE = "ACTIVE";
  public static final String AVAILABILITY_ZONE = "ecs.availability-zone";

  public InstanceInfo {
    attributes = Map.copyOf(attributes);
    reservedTcpPorts = Set.copyOf(reservedTcpPorts);
    reservedUdpPorts = Set.copyOf(reservedUdpPorts);
  }

  public boolean active() {
    return ACTIVE.equals(status);
  }

  /** The value a spread or a query reads for {@code attribute:NAME}, or null. */
  public String attribute(String name) {
    return attributes.get(name);
  }
}
