package io.ecsl.runtime.metrics;

import io.ecsl.runtime.json.Json;
import io.ecsl.runtime.model.TaskSpec;

/**
 * What a task reserves, as ECS counts it for the service CPU and memory metrics: the task-level
 * {@code cpu} and {@code memory} when the task definition (or its overrides) set them, else the sum
 * over its containers ({@code cpu}; {@code memoryReservation}, else {@code memory}).
 *
 * @param cpuUnits 1024 per vCPU; 0 when nothing is reserved (the CPU metric then has no data, EMU)
 * @param memoryMiB 0 when nothing is reserved
 */
public record Reservation(int cpuUnits, int memoryMiB) {

  public static Reservation of(TaskSpec spec) {
    Integer taskCpu = parse(spec.cpu());
    Integer taskMemory = parse(spec.memory());
    int cpu = 0;
    int memory = 0;
    for (TaskSpec.ContainerDefinition container : spec.containers()) {
      cpu += Json.integer(container.json(), "cpu", 0);
      Integer reservation = Json.integer(container.json(), "memoryReservation");
      memory += reservation != null ? reservation : Json.integer(container.json(), "memory", 0);
    }
    return new Reservation(taskCpu != null ? taskCpu : cpu, taskMemory != null ? taskMemory : memory);
  }

  private static Integer parse(String value) {
    if (value == null || !value.trim().matches("\\d+")) {
      return null;
    }
    return Integer.parseInt(value.trim());
  }
}
