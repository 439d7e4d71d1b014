package io.ecsl.runtime.placement;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ecsl.runtime.json.Json;
import io.ecsl.runtime.model.TaskSpec;
import org.junit.jupiter.api.Test;

class TaskReservationsTest {
  /** Two containers: 128 + 256 CPU units, 300 MiB reserved + a 200 MiB limit. */
  private static TaskSpec task(String cpu, String memory, String networkMode) {
    String size = (cpu == null ? "" : "\"cpu\": \"" + cpu + "\", ") + (memory == null ? "" : "\"memory\": \"" + memory + "\", ");
    return TaskSpec.of(Json.parse("{\"family\": \"web\", \"revision\": 1, " + size + "\"networkMode\": \"" + networkMode + "\","
        + " \"containerDefinitions\": ["
        + "{\"name\": \"app\", \"image\": \"web\", \"cpu\": 128, \"memory\": 512, \"memoryReservation\": 300,"
        + "  \"portMappings\": [{\"containerPort\": 80, \"hostPort\": 8080}, {\"containerPort\": 53, \"hostPort\": 53, \"protocol\": \"udp\"},"
        + "                     {\"containerPort\": 81, \"hostPort\": 0}]},"
        + "{\"name\": \"side\", \"image\": \"side\", \"cpu\": 256, \"memory\": 200}]}"), null);
  }

  @Test
  void theTaskSizeWinsOverTheContainersInEveryFormRegisterTaskDefinitionTakes() {
    assertEquals(1024, TaskReservations.of(task("1024", "2048", "bridge")).cpu());
    assertEquals(2048, TaskReservations.of(task("1024", "2048", "bridge")).memory());
    assertEquals(1024, TaskReservations.of(task("1 vCPU", "2 GB", "bridge")).cpu());
    assertEquals(2048, TaskReservations.of(task("1 vCPU", "2 GB", "bridge")).memory());
    assertEquals(256, TaskReservations.of(task(".25 vcpu", "0.5GB", "bridge")).cpu());
    assertEquals(512, TaskReservations.of(task(".25 vcpu", "0.5GB", "bridge")).memory());
  }

  @Test
  void withoutATaskSizeTheContainersAddUp() {
    Reservation r = TaskReservations.of(task(null, null, "bridge"));
    assertEquals(128 + 256, r.cpu());
    assertEquals(300 + 200, r.memory(), "a reservation counts where given, else the hard limit");
  }

  /**
   * What is not a size to ECS is not one here either: the runtime reads sizes with the shared
   * {@code TaskSize} (a second reader once took {@code "0.3 vcpu"} as 307 units and {@code "1e3"}
   * as 1000).
   */
  @Test
  void whatEcsDoesNotReadAsASizeLeavesTheContainersAmounts() {
    for (String notASize : new String[] {"0.3 vcpu", "1e3", "2 vcpus", "512 MiB", "1 GiB", "-1"}) {
      Reservation r = TaskReservations.of(task(notASize, notASize, "bridge"));
      assertEquals(384, r.cpu(), notASize);
      assertEquals(500, r.memory(), notASize);
    }
  }

  @Test
  void hostPortsAreReservedByNetworkMode() {
    Reservation bridge = TaskReservations.of(task(null, null, "bridge"));
    assertArrayEquals(new int[] {8080}, bridge.tcpPorts(), "a dynamic host port (0) is not reserved");
    assertArrayEquals(new int[] {53}, bridge.udpPorts());
    assertArrayEquals(new int[] {80, 81}, TaskReservations.of(task(null, null, "host")).tcpPorts());
    assertArrayEquals(new int[] {}, TaskReservations.of(task(null, null, "awsvpc")).tcpPorts());
  }
}
