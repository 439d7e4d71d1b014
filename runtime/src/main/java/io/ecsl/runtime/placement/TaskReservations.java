package io.ecsl.runtime.placement;

import io.ecsl.runtime.json.Json;
import io.ecsl.runtime.model.TaskSpec;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a task takes from a container instance, as ECS accounts it: the task-level {@code cpu} and
 * {@code memory} when the definition (or a RunTask override) gives them, else the sum over its
 * containers of {@code cpu} and of {@code memoryReservation} (or {@code memory} without one); and
 * the static host ports it binds: {@code hostPort} in bridge mode (0 or none is a dynamic port,
 * which ECS does not reserve), the container port in host mode, none in awsvpc mode (the task has
 * its own network interface).
 */
public final class TaskReservations {
  private TaskReservations() {}

  public static Reservation of(TaskSpec spec) {
    Integer taskCpu = cpuUnits(spec.cpu());
    Integer taskMemory = mebibytes(spec.memory());
    int cpu = 0;
    int memory = 0;
    List<Integer> tcp = new ArrayList<>();
    List<Integer> udp = new ArrayList<>();
    for (TaskSpec.ContainerDefinition container : spec.containers()) {
      cpu += Json.integer(container.json(), "cpu", 0);
      Integer reservation = Json.integer(container.json(), "memoryReservation");
      Integer limit = Json.integer(container.json(), "memory");
      memory += reservation != null ? reservation : limit != null ? limit : 0;
      for (TaskSpec.PortMapping port : container.portMappings()) {
        int hostPort = switch (spec.networkMode()) {
          case "host" -> port.containerPort();
          case "bridge" -> port.hostPort() == null ? 0 : port.hostPort();
          default -> 0;
        };
        if (hostPort > 0) {
          ("udp".equalsIgnoreCase(port.protocol()) ? udp : tcp).add(hostPort);
        }
      }
    }
    return new Reservation(taskCpu != null ? taskCpu : cpu, taskMemory != null ? taskMemory : memory,
        tcp.stream().mapToInt(Integer::intValue).toArray(), udp.stream().mapToInt(Integer::intValue).toArray());
  }

  /** CPU units from {@code "1024"} or {@code "1 vCPU"}; null when absent or unreadable. */
  static Integer cpuUnits(String value) {
    return parse(value, "vcpu", 1024);
  }

  /** MiB from {@code "2048"} or {@code "2 GB"}; null when absent or unreadable. */
  static Integer mebibytes(String value) {
    return parse(value, "gb", 1024);
  }

  private static Integer parse(String value, String unit, int perUnit) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String text = value.trim().toLowerCase(Locale.ROOT);
    try {
      if (text.endsWith(unit)) {
        return new BigDecimal(text.substring(0, text.length() - unit.length()).trim())
            .multiply(BigDecimal.valueOf(perUnit)).intValue();
      }
      return new BigDecimal(text).intValue();
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
