package io.ecsl.runtime.placement;

import java.util.Arrays;

/**
 * What one task takes from the container instance it is placed on, as ECS accounts it: CPU units,
 * MiB of memory, and the static host ports it binds (TCP and UDP). Held until the task stops.
 *
 * @param tcpPorts sorted, without duplicates
 * @param udpPorts sorted, without duplicates
 */
public record Reservation(int cpu, int memory, int[] tcpPorts, int[] udpPorts) {
  public static final Reservation NONE = new Reservation(0, 0, new int[0], new int[0]);

  public Reservation {
    tcpPorts = sortedDistinct(tcpPorts);
    udpPorts = sortedDistinct(udpPorts);
  }

  public static Reservation of(int cpu, int memory) {
    return new Reservation(cpu, memory, new int[0], new int[0]);
  }

  public boolean hasPorts() {
    return tcpPorts.length > 0 || udpPorts.length > 0;
  }

  private static int[] sortedDistinct(int[] ports) {
    return ports == null ? new int[0] : Arrays.stream(ports).distinct().sorted().toArray();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Reservation r && cpu == r.cpu && memory == r.memory && Arrays.equals(tcpPorts, r.tcpPorts)
        && Arrays.equals(udpPorts, r.udpPorts);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * cpu + memory) + Arrays.hashCode(tcpPorts) * 7 + Arrays.hashCode(udpPorts);
  }

  @Override
  public String toString() {
    return "Reservation[cpu=" + cpu + ", memory=" + memory + ", tcp=" + Arrays.toString(tcpPorts) + ", udp="
        + Arrays.toString(udpPorts) + "]";
  }
}
