package io.ecsl.runtime.placement;

import io.ecsl.facts.size.TaskSize;
import io.ecsl.runtime.json.Json;
import io.ecsl.runtime.model.TaskSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

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

  /**
   * Task-level CPU units as ECS reads the definition's {@code cpu} ({@code "1024"}, {@code "1 vCPU"}:
   * {@link TaskSize}, the one reader compiler, plan and runtime share); null when absent or not a
   * size, so the containers' own amounts count instead.
   */
  static Integer cpuUnits(String value) {
    return asInt(TaskSize.cpuUnits(value));
  }

  /** Task-level MiB as ECS reads {@code memory} ({@code "2048"}, {@code "2 GB"}); null when absent or not a size. */
  static Integer mebibytes(String value) {
    return asInt(TaskSize.memoryMiB(value));
  }

  private static Integer asInt(OptionalLong amount) {
    return amount.isPresent() && amount.getAsLong() <= Integer.MAX_VALUE ? (int) amount.getAsLong() : null;
  }
}
