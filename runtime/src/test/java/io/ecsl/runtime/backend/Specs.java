package io.ecsl.runtime.backend;

import java.util.List;
import java.util.Map;

/** Container specs for backend tests. */
public final class Specs {
  public static final String IMAGE = "ecsl/busybox:latest";
  /** Runs until SIGTERM, then exits 0 (the shell traps TERM; {@code wait} returns at once). */
  public static final String SERVE_UNTIL_TERM = "trap 'exit 0' TERM; sleep 3600 & wait";

  private Specs() {}

  public static ContainerSpec shell(String name, Map<String, String> labels, String script) {
    return spec(name, labels, List.of("sh", "-c", script), List.of(), null);
  }

  public static ContainerSpec spec(String name, Map<String, String> labels, List<String> command,
      List<ContainerSpec.PortBinding> ports, ContainerSpec.HealthCheck health) {
    return new ContainerSpec(name, IMAGE, labels,
        new ContainerSpec.Process(null, command, List.of("GREETING=hello"), null, null, false, false, null, 2),
        new ContainerSpec.Resources(2, 64L * 1024 * 1024, null, null, null, null, List.of()),
        new ContainerSpec.Network("bridge", null, ports, List.of(), List.of(), List.of(), List.of(), false),
        new ContainerSpec.Storage(List.of(), List.of(), Map.of(), false),
        new ContainerSpec.Security(false, List.of(), List.of(), List.of(), List.of(), Map.of()),
        health);
  }
}
